using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DossierStepTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstForwardedAt",
                table: "Dossiers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "Dossiers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProvinceAnsweredAt",
                table: "Dossiers",
                type: "datetimeoffset",
                nullable: true);

            // Step times of the dossiers already there, from their events (as Data/Dossiers/DossierStepTimes keeps them from now on).
            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET
                    "FirstSubmittedAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" = 1),
                    "FirstForwardedAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" = 3);
                UPDATE "Dossiers" SET
                    "ProvinceAnsweredAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e
                        WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" IN (4, 6, 7) AND e."At" >= "Dossiers"."FirstForwardedAt");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Producer_Type",
                table: "Producer",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Kind_Status_ProductId",
                table: "Dossiers",
                columns: new[] { "Kind", "Status", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Steps",
                table: "Dossiers",
                columns: new[] { "SubmittedAt", "Status", "CommuneCode", "FirstSubmittedAt", "FirstForwardedAt", "ProvinceAnsweredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Producer_Type",
                table: "Producer");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Kind_Status_ProductId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Steps",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FirstForwardedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProvinceAnsweredAt",
                table: "Dossiers");
        }
    }
}
