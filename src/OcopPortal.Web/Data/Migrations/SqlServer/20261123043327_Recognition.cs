using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Recognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => new { x.Job, x.RunDate });
                });

            migrationBuilder.CreateTable(
                name: "MinistryReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundEntryId = table.Column<int>(type: "int", nullable: false),
                    DossierId = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ProvinceScore = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    SentReference = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<int>(type: "int", nullable: false),
                    CentralScore = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    MinistryDecisionNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    MinistryDecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUp = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinistryReferrals_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MinistryReferrals_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MinistryReferrals_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Authority = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorityLevel = table.Column<int>(type: "int", nullable: false),
                    SignatoryName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RoundId = table.Column<int>(type: "int", nullable: true),
                    AmendsDecisionId = table.Column<int>(type: "int", nullable: true),
                    SignedScanFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IssuedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Legacy = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecognitionDecisions_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecognitionDecisions_RecognitionDecisions_AmendsDecisionId",
                        column: x => x.AmendsDecisionId,
                        principalTable: "RecognitionDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecognitionDecisions_StoredFiles_SignedScanFileId",
                        column: x => x.SignedScanFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DecisionId = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ProducerId = table.Column<int>(type: "int", nullable: false),
                    RoundEntryId = table.Column<int>(type: "int", nullable: true),
                    DossierId = table.Column<int>(type: "int", nullable: true),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProducerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ProducerAddress = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    RuleSetId = table.Column<int>(type: "int", nullable: true),
                    CriteriaSetNumber = table.Column<int>(type: "int", nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Score = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    Stars = table.Column<int>(type: "int", nullable: false),
                    ReplacesLineId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionLines_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLines_Producer_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLines_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionLines_RecognitionDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "RecognitionDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionLines_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SequenceYear = table.Column<int>(type: "int", nullable: true),
                    Sequence = table.Column<int>(type: "int", nullable: true),
                    Token = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DecisionId = table.Column<int>(type: "int", nullable: true),
                    DecisionLineId = table.Column<int>(type: "int", nullable: true),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ProducerId = table.Column<int>(type: "int", nullable: false),
                    DossierId = table.Column<int>(type: "int", nullable: true),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProducerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ProducerAddress = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    RuleSetId = table.Column<int>(type: "int", nullable: true),
                    CriteriaSetNumber = table.Column<int>(type: "int", nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Stars = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    DecisionNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuingAuthority = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorityLevel = table.Column<int>(type: "int", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtendedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    SupersededById = table.Column<int>(type: "int", nullable: true),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Legacy = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Certificates_SupersededById",
                        column: x => x.SupersededById,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_DecisionLines_DecisionLineId",
                        column: x => x.DecisionLineId,
                        principalTable: "DecisionLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Producer_ProducerId",
                        column: x => x.ProducerId,
                        principalTable: "Producer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_RecognitionDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "RecognitionDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateReminders",
                columns: table => new
                {
                    CertificateId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateReminders", x => new { x.CertificateId, x.Kind });
                    table.ForeignKey(
                        name: "FK_CertificateReminders_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CertificateId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Inspectors = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpNotes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Revocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CertificateId = table.Column<int>(type: "int", nullable: false),
                    Ground = table.Column<int>(type: "int", nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Authority = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    InspectionId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Revocations_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Revocations_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevocationAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RevocationId = table.Column<int>(type: "int", nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevocationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevocationAttachments_Revocations_RevocationId",
                        column: x => x.RevocationId,
                        principalTable: "Revocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RevocationAttachments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_DecisionId",
                table: "Certificates",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_DecisionLineId",
                table: "Certificates",
                column: "DecisionLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_DossierId",
                table: "Certificates",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProducerId",
                table: "Certificates",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProductId",
                table: "Certificates",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_SequenceYear_Sequence",
                table: "Certificates",
                columns: new[] { "SequenceYear", "Sequence" },
                unique: true,
                filter: "[SequenceYear] IS NOT NULL AND [Sequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_State_ValidUntil",
                table: "Certificates",
                columns: new[] { "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_SupersededById",
                table: "Certificates",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Token",
                table: "Certificates",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLines_DecisionId_SortOrder",
                table: "DecisionLines",
                columns: new[] { "DecisionId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLines_DossierId",
                table: "DecisionLines",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLines_ProducerId",
                table: "DecisionLines",
                column: "ProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLines_ProductId",
                table: "DecisionLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLines_RoundEntryId",
                table: "DecisionLines",
                column: "RoundEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CertificateId_InspectedOn",
                table: "Inspections",
                columns: new[] { "CertificateId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_FollowUpDueOn",
                table: "Inspections",
                column: "FollowUpDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_MinistryReferrals_DossierId",
                table: "MinistryReferrals",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_MinistryReferrals_ProductId",
                table: "MinistryReferrals",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_MinistryReferrals_RoundEntryId",
                table: "MinistryReferrals",
                column: "RoundEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionDecisions_AmendsDecisionId",
                table: "RecognitionDecisions",
                column: "AmendsDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionDecisions_Number",
                table: "RecognitionDecisions",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionDecisions_RoundId",
                table: "RecognitionDecisions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionDecisions_SignedScanFileId",
                table: "RecognitionDecisions",
                column: "SignedScanFileId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionDecisions_Status_DecisionDate",
                table: "RecognitionDecisions",
                columns: new[] { "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RevocationAttachments_FileId",
                table: "RevocationAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_RevocationAttachments_RevocationId",
                table: "RevocationAttachments",
                column: "RevocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Revocations_CertificateId",
                table: "Revocations",
                column: "CertificateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revocations_InspectionId",
                table: "Revocations",
                column: "InspectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateReminders");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "MinistryReferrals");

            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "RevocationAttachments");

            migrationBuilder.DropTable(
                name: "Revocations");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "DecisionLines");

            migrationBuilder.DropTable(
                name: "RecognitionDecisions");
        }
    }
}
