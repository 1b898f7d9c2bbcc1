using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_UpdatedAt_Id",
                table: "Dossiers",
                columns: new[] { "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UpdatedAt_Id",
                table: "Dossiers",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_UpdatedAt_Id",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_UpdatedAt_Id",
                table: "Dossiers");
        }
    }
}
