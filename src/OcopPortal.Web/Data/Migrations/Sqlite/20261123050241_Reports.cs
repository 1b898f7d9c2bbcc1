using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Stars = table.Column<int>(type: "INTEGER", nullable: true),
                    ProducerType = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeTargets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Kind_At",
                table: "DossierEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CommuneCode_State",
                table: "Certificates",
                columns: new[] { "CommuneCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeTargets_Year",
                table: "ProgrammeTargets",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeTargets");

            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_Kind_At",
                table: "DossierEvents");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_CommuneCode_State",
                table: "Certificates");
        }
    }
}
