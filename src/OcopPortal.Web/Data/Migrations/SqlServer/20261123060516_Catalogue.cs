using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShopUrl",
                table: "Product",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContactPublic",
                table: "Producer",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CatalogueEntries",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    CertificateId = table.Column<int>(type: "int", nullable: false),
                    ProducerId = table.Column<int>(type: "int", nullable: false),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProducerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ProducerType = table.Column<int>(type: "int", nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    CommuneName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProvinceCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    GroupCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CategoryName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CriteriaSetNumber = table.Column<int>(type: "int", nullable: false),
                    CriteriaSetName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Stars = table.Column<int>(type: "int", nullable: false),
                    CertificateNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Token = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtendedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CoverFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NameText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlaceText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
