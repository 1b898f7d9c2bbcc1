using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProducerId = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    CommuneCode = table.Column<string>(type: "varchar(5)", maxLength: 5, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TargetStars = table.Column<int>(type: "int", nullable: false),
                    ChangesSinceRecognition = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    PreviousCertificateNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    PreviousCertificateValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleSetId = table.Column<int>(type: "int", nullable: false),
                    CriteriaSetId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CommuneDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ForwardedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SupplementDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BusinessResults = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    FuturePlan = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    SelfAssessedTotal = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    SelfAssessedStars = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_CriteriaSets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "CriteriaSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Producer_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Url = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffCommunes",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CommuneCode = table.Column<string>(type: "varchar(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffCommunes", x => new { x.UserId, x.CommuneCode });
                    table.ForeignKey(
                        name: "FK_StaffCommunes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffCommunes_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommuneAssessments",
                columns: table => new
                {
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    RawMaterialOrigin = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    LocalLabour = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    IdeaOrigin = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    LocalIdentity = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Conclusion = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    OfficerName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    OfficerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneAssessments", x => x.DossierId);
                    table.ForeignKey(
                        name: "FK_CommuneAssessments_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierAnswer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    CriterionCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OptionId = table.Column<int>(type: "int", nullable: true),
                    NotApplicable = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierAnswer_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<int>(type: "int", nullable: false),
                    To = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierEvents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Hint = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    OpenForSupplement = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSlots_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplementRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SlotTitles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplementRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplementRequests_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SlotId = table.Column<int>(type: "int", nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    Replaces = table.Column<int>(type: "int", nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AddedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierFiles_DossierSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "DossierSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DossierFiles_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierAnswer_DossierId_CriterionCode",
                table: "DossierAnswer",
                columns: new[] { "DossierId", "CriterionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_DossierId_At",
                table: "DossierEvents",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierFiles_FileId",
                table: "DossierFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierFiles_SlotId",
                table: "DossierFiles",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CommuneCode",
                table: "Dossiers",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CriteriaSetId",
                table: "Dossiers",
                column: "CriteriaSetId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Number",
                table: "Dossiers",
                column: "Number",
                unique: true,
                filter: "[Number] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProducerId_Status",
                table: "Dossiers",
                columns: new[] { "ProducerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProductId",
                table: "Dossiers",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_RuleSetId",
                table: "Dossiers",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_CommuneCode",
                table: "Dossiers",
                columns: new[] { "Status", "CommuneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierSlots_DossierId_Key",
                table: "DossierSlots",
                columns: new[] { "DossierId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommunes_CommuneCode",
                table: "StaffCommunes",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_SupplementRequests_DossierId",
                table: "SupplementRequests",
                column: "DossierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommuneAssessments");

            migrationBuilder.DropTable(
                name: "DossierAnswer");

            migrationBuilder.DropTable(
                name: "DossierEvents");

            migrationBuilder.DropTable(
                name: "DossierFiles");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "StaffCommunes");

            migrationBuilder.DropTable(
                name: "SupplementRequests");

            migrationBuilder.DropTable(
                name: "DossierSlots");

            migrationBuilder.DropTable(
                name: "Dossiers");
        }
    }
}
