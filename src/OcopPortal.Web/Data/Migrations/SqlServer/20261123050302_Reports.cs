using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Stars = table.Column<int>(type: "int", nullable: true),
                    ProducerType = table.Column<int>(type: "int", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
