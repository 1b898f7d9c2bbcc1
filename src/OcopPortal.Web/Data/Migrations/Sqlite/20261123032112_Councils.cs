using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OcopPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Councils : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Councils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Councils", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilSeats_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilSeats_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoringDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScoringOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRounds_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundAttendance",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundAttendance", x => new { x.RoundId, x.SeatId });
                    table.ForeignKey(
                        name: "FK_RoundAttendance_CouncilSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "CouncilSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundAttendance_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdvisoryNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SpreadJustification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResultMean = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ResultStars = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultDetail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundEntries_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundEntries_EvaluationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Conflicted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ground = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_CouncilSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "CouncilSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Stars = table.Column<int>(type: "INTEGER", nullable: true),
                    OverallComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_CouncilSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "CouncilSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_RoundEntries_RoundEntryId",
                        column: x => x.RoundEntryId,
                        principalTable: "RoundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheetAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    NotApplicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Eliminates = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheetAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheetAnswers_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_RoundEntryId_SeatId",
                table: "ConflictDeclarations",
                columns: new[] { "RoundEntryId", "SeatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_SeatId",
                table: "ConflictDeclarations",
                column: "SeatId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSeats_CouncilId",
                table: "CouncilSeats",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSeats_UserId",
                table: "CouncilSeats",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_CouncilId",
                table: "EvaluationRounds",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRounds_Year_Number",
                table: "EvaluationRounds",
                columns: new[] { "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundAttendance_SeatId",
                table: "RoundAttendance",
                column: "SeatId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundEntries_DossierId",
                table: "RoundEntries",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundEntries_RoundId",
                table: "RoundEntries",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheetAnswers_SheetId_CriterionCode",
                table: "ScoreSheetAnswers",
                columns: new[] { "SheetId", "CriterionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_RoundEntryId_SeatId",
                table: "ScoreSheets",
                columns: new[] { "RoundEntryId", "SeatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_SeatId",
                table: "ScoreSheets",
                column: "SeatId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictDeclarations");

            migrationBuilder.DropTable(
                name: "RoundAttendance");

            migrationBuilder.DropTable(
                name: "ScoreSheetAnswers");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "CouncilSeats");

            migrationBuilder.DropTable(
                name: "RoundEntries");

            migrationBuilder.DropTable(
                name: "EvaluationRounds");

            migrationBuilder.DropTable(
                name: "Councils");
        }
    }
}
