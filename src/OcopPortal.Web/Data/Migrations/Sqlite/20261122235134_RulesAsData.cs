using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RulesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegacyCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Era = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MapsToSector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MapsToGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CopiedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartAMax = table.Column<int>(type: "INTEGER", nullable: false),
                    PartBMax = table.Column<int>(type: "INTEGER", nullable: false),
                    PartCMax = table.Column<int>(type: "INTEGER", nullable: false),
                    FiveStarMin = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    FourStarMin = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ThreeStarMin = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    TwoStarMin = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ThreeStarBy = table.Column<int>(type: "INTEGER", nullable: false),
                    FourStarBy = table.Column<int>(type: "INTEGER", nullable: false),
                    FiveStarBy = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ReRecognitionOpensDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    ReRecognitionClosesDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCheckWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Consolidation = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMemberSpread = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CriteriaSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LeadMinistries = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SamplesRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    DossierKnockouts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriteriaSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriteriaSets_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CriteriaSetNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductCategories_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriterionNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CriteriaSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Max = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Knockout = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Stop = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionNodes_CriteriaSets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "CriteriaSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CriterionNodes_CriterionNodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "CriterionNodes",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CriterionOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CriterionNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    MinStar = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionOptions_CriterionNodes_CriterionNodeId",
                        column: x => x.CriterionNodeId,
                        principalTable: "CriterionNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CriteriaSets_RuleSetId_Number",
                table: "CriteriaSets",
                columns: new[] { "RuleSetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionNodes_CriteriaSetId_SortOrder",
                table: "CriterionNodes",
                columns: new[] { "CriteriaSetId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_CriterionNodes_ParentId",
                table: "CriterionNodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionOptions_CriterionNodeId",
                table: "CriterionOptions",
                column: "CriterionNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_LegacyCategories_Era_Name",
                table: "LegacyCategories",
                columns: new[] { "Era", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductCategories_RuleSetId_Code",
                table: "ProductCategories",
                columns: new[] { "RuleSetId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSets_Code",
                table: "RuleSets",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CriterionOptions");

            migrationBuilder.DropTable(
                name: "LegacyCategories");

            migrationBuilder.DropTable(
                name: "ProductCategories");

            migrationBuilder.DropTable(
                name: "CriterionNodes");

            migrationBuilder.DropTable(
                name: "CriteriaSets");

            migrationBuilder.DropTable(
                name: "RuleSets");
        }
    }
}
