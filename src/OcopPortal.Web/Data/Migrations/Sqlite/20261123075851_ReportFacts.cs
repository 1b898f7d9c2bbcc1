using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_Kind_At",
                table: "DossierEvents");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_CommuneCode_State",
                table: "Certificates");

            migrationBuilder.CreateTable(
                name: "EntryPartResults",
                columns: table => new
                {
                    RoundEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PercentTenths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryPartResults", x => new { x.RoundEntryId, x.Part });
                    table.ForeignKey(
                        name: "FK_EntryPartResults_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryUnmetMinimums",
                columns: table => new
                {
                    RoundEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CriterionName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryUnmetMinimums", x => new { x.RoundEntryId, x.CriterionCode });
                    table.ForeignKey(
                        name: "FK_EntryUnmetMinimums_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_DossierId_Kind_At",
                table: "DossierEvents",
                columns: new[] { "DossierId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Kind_At_DossierId",
                table: "DossierEvents",
                columns: new[] { "Kind", "At", "DossierId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Report",
                table: "Certificates",
                columns: new[] { "CommuneCode", "IssuedOn", "Stars", "State", "ValidUntil", "ExtendedUntil", "StateChangedAt", "ProductId", "ProducerId", "CategoryCode", "DossierId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntryPartResults");

            migrationBuilder.DropTable(
                name: "EntryUnmetMinimums");

            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_DossierId_Kind_At",
                table: "DossierEvents");

            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_Kind_At_DossierId",
                table: "DossierEvents");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_Report",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Kind_At",
                table: "DossierEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CommuneCode_State",
                table: "Certificates",
                columns: new[] { "CommuneCode", "State" });
        }
    }
}
