using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MarketplaceUrl",
                table: "Product",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShopUrl",
                table: "Product",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContactPublic",
                table: "Producer",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CatalogueEntries",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProducerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProducerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProducerType = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CommuneName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CriteriaSetNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaSetName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoverFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NameText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlaceText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueEntries", x => x.ProductId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_CertificateId",
                table: "CatalogueEntries",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_CommuneCode_InForceUntil",
                table: "CatalogueEntries",
                columns: new[] { "CommuneCode", "InForceUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_InForceUntil_IssuedOn",
                table: "CatalogueEntries",
                columns: new[] { "InForceUntil", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_ProducerId",
                table: "CatalogueEntries",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_SectorCode_InForceUntil",
                table: "CatalogueEntries",
                columns: new[] { "SectorCode", "InForceUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_Stars_InForceUntil",
                table: "CatalogueEntries",
                columns: new[] { "Stars", "InForceUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueEntries");

            migrationBuilder.DropColumn(
                name: "MarketplaceUrl",
                table: "Product");

            migrationBuilder.DropColumn(
                name: "ShopUrl",
                table: "Product");

            migrationBuilder.DropColumn(
                name: "ContactPublic",
                table: "Producer");
        }
    }
}
