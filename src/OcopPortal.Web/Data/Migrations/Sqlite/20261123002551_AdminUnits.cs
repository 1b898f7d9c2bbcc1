using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SearchName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Communes_Provinces_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "Provinces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommuneMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldProvinceCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    OldProvinceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldDistrictCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    OldDistrictName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldCommuneCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    OldCommuneName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    NewCommuneCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    ChangeKind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OldSearchName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommuneMappings_Communes_NewCommuneCode",
                        column: x => x.NewCommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommuneMappings_NewCommuneCode",
                table: "CommuneMappings",
                column: "NewCommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_CommuneMappings_OldDistrictCode_OldCommuneCode_NewCommuneCode",
                table: "CommuneMappings",
                columns: new[] { "OldDistrictCode", "OldCommuneCode", "NewCommuneCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommuneMappings_OldSearchName",
                table: "CommuneMappings",
                column: "OldSearchName");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_ProvinceCode",
                table: "Communes",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_SearchName",
                table: "Communes",
                column: "SearchName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommuneMappings");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "Provinces");
        }
    }
}
