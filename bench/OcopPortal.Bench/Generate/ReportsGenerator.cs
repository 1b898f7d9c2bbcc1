using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Reports;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// What the reports read: one certificate per product (issued over the last five years by yearly recorded decisions;
/// 76 % 3★, 23 % 4★, 1 % 5★ as nationally; those issued more than 36 months ago expired, about 2 % revoked with their
/// revocation), the closed round finalised with a frozen result per entry (parts and consolidated points drawn from the
/// entry's real criteria set), and the council's earlier half-monthly rounds, finalised, whose submitted sheets bring
/// the score rows to the scale's target (3,000,000 at national scale), with the reports' per-entry score facts. Runs
/// after <see cref="CouncilGenerator"/>; the catalogue generator builds the public catalogue from these certificates.
/// </summary>
public sealed class ReportsGenerator(OcopDbContext db) : IGenerator
{
    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var now = context.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime.Date);
        var products = await (from p in db.Set<Product>().AsNoTracking()
                              join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                              orderby p.Id
                              select new { p.Id, p.ProducerId, p.Name, Producer = pr.Name, pr.CommuneCode, pr.StreetAddress, p.RuleSetId, p.CriteriaSetNumber, p.CategoryCode })
            .ToListAsync(ct);
        var creator = context.Users.First().Id;
        var years = Enumerable.Range(today.Year - 4, 5).ToList();
        using (var decisions = context.Inserter<RecognitionDecision>())
        {
            foreach (var y in years)
            {
                decisions.Add(new RecognitionDecision
                {
                    Kind = DecisionKind.Recorded,
                    Status = DecisionStatus.Issued,
                    Number = $"{100 + y - years[0]}/QĐ-UBND",
                    DecisionDate = new DateOnly(y, 6, 30),
                    Title = $"Về việc công nhận sản phẩm OCOP năm {y}",
                    Authority = "Ủy ban nhân dân tỉnh",
                    AuthorityLevel = AuthorityLevel.Province,
                    SignatoryName = "Nguyễn Văn An",
                    SignatoryTitle = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                    CreatedAt = now,
                    CreatedByUserId = creator,
                    IssuedAt = now,
                    Legacy = true,
                    Version = Guid.NewGuid(),
                });
            }
        }

        var decisionIds = await db.RecognitionDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Number, d.DecisionDate }).ToListAsync(ct);
        var certificates = new List<Certificate>(products.Count);
        var seq = 0;
        foreach (var p in products)
        {
            var d = f.PickRandom(decisionIds);
            var issued = d.DecisionDate.AddDays(f.Random.Int(0, 150));
            if (issued > today)
            {
                issued = today.AddDays(-f.Random.Int(1, 60));
            }

            var roll = f.Random.Double();
            var stars = roll < 0.01 ? 5 : roll < 0.24 ? 4 : 3;
            var validUntil = issued.AddMonths(36);
            var state = validUntil < today ? CertificateState.Expired : f.Random.Double() < 0.02 ? CertificateState.Revoked : CertificateState.Active;
            certificates.Add(new Certificate
            {
                Number = string.Create(CultureInfo.InvariantCulture, $"{++seq:00000}/{issued.Year}/GCN-OCOP"),
                Token = Guid.NewGuid().ToString("N"),
                DecisionId = d.Id,
                ProductId = p.Id,
                ProducerId = p.ProducerId,
                ProductName = p.Name,
                ProducerName = p.Producer,
                ProducerAddress = p.StreetAddress,
                CommuneCode = p.CommuneCode,
                RuleSetId = p.RuleSetId,
                CriteriaSetNumber = p.CriteriaSetNumber,
                CategoryCode = p.CategoryCode,
                Stars = stars,
                Score = stars == 5 ? 92 : stars == 4 ? 78 : 62,
                DecisionNumber = d.Number,
                DecisionDate = d.DecisionDate,
                IssuingAuthority = "Ủy ban nhân dân tỉnh",
                AuthorityLevel = stars == 5 ? AuthorityLevel.Ministry : AuthorityLevel.Province,
                IssuedOn = issued,
                ValidUntil = validUntil,
                State = state,
                StateChangedAt = state == CertificateState.Active ? null : now,
                Legacy = true,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            });
        }

        using (var insert = context.Inserter<Certificate>())
        {
            insert.AddRange(certificates);
            GenerationContext.Report("certificates", insert.Count, context.Scale.Products);
        }

        var revokedIds = await db.Certificates.AsNoTracking().Where(c => c.State == CertificateState.Revoked).Select(c => c.Id).ToListAsync(ct);
        using (var revocations = context.Inserter<Revocation>())
        {
            revocations.AddRange(revokedIds.Select(id => new Revocation
            {
                CertificateId = id,
                Ground = RevocationGround.NoLongerMeetsCriteria,
                Details = "Không còn đáp ứng tiêu chí theo kết luận kiểm tra",
                DecisionNumber = "77/QĐ-UBND",
                DecisionDate = today.AddDays(-30),
                Authority = "Ủy ban nhân dân tỉnh",
                CreatedAt = now,
                CreatedByUserId = creator,
            }));
            GenerationContext.Report("revocations", revocations.Count);
        }

        // Finalise the closed round: a frozen result per entry, as RoundResults.Freeze writes it.
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Closed).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return;
        }

        var entries = await (from e in db.RoundEntries.AsNoTracking()
                             join d in db.Dossiers on e.DossierId equals d.Id
                             where e.RoundId == round.Id
                             select new { e.Id, d.CriteriaSetId }).ToListAsync(ct);
        var sheets = new Dictionary<int, SheetDefinition>();
        foreach (var id in entries.Select(e => e.CriteriaSetId).Distinct())
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == id, ct);
            sheets[id] = SheetDefinition.From(set);
        }

        // The reports' per-entry score facts, as the chair's finalisation stores them (FrozenResults).
        using var partFacts = context.Inserter<EntryPartResult>();
        using var unmetFacts = context.Inserter<EntryUnmetMinimum>();
        void StoreFacts(int entryId, string detail, SheetDefinition sheet, int? stars)
        {
            var (factParts, factUnmet) = FrozenResults.Rows(entryId, FrozenResults.Read(detail, sheet, stars));
            partFacts.AddRange(factParts);
            unmetFacts.AddRange(factUnmet);
        }

        var connection = db.Database.GetDbConnection();
        using var update = connection.CreateCommand();
        update.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        update.CommandText = "UPDATE RoundEntries SET ResultMean = $mean, ResultStars = $stars, ResultDetail = $detail WHERE Id = $id";
        var pMean = update.CreateParameter();
        pMean.ParameterName = "$mean";
        var pStars = update.CreateParameter();
        pStars.ParameterName = "$stars";
        var pDetail = update.CreateParameter();
        pDetail.ParameterName = "$detail";
        var pId = update.CreateParameter();
        pId.ParameterName = "$id";
        update.Parameters.AddRange(new[] { pMean, pStars, pDetail, pId });
        foreach (var e in entries)
        {
            var sheet = sheets[e.CriteriaSetId];
            var points = sheet.Criteria.ToDictionary(c => c.Code, c => f.PickRandom(c.Options.Select(o => o.Points).DefaultIfEmpty(0)));
            var parts = sheet.PartMax.Keys.ToDictionary(p => p, p => (decimal)sheet.Criteria.Where(c => c.Part == p).Sum(c => points[c.Code]));
            var mean = parts.Values.Sum();
            var stars = mean >= 70 ? 4 : mean >= 50 ? 3 : 2;
            pMean.Value = mean;
            pStars.Value = stars;
            var detail = JsonSerializer.Serialize(new { Mean = mean, Min = mean, Max = mean, Spread = 0, PartMeans = parts, ConsolidatedPoints = points, Stars = stars, Outcome = "Certified", Proposal = $"Đề nghị công nhận {stars} sao", Participating = 9, Eligible = 9 });
            pDetail.Value = detail;
            pId.Value = e.Id;
            await update.ExecuteNonQueryAsync(ct);
            StoreFacts(e.Id, detail, sheet, stars);
        }

        using var finalise = connection.CreateCommand();
        finalise.Transaction = update.Transaction;
        finalise.CommandText = $"UPDATE EvaluationRounds SET Status = {(int)RoundStatus.Finalised}, FinalisedAt = ClosedAt WHERE Id = {round.Id}";
        await finalise.ExecuteNonQueryAsync(ct);
        GenerationContext.Report("finalised round entries", entries.Count);

        await HistoryAsync(context, round.CouncilId, StoreFacts, ct);
        GenerationContext.Report("score facts (parts)", partFacts.Count);
        GenerationContext.Report("score facts (unmet)", unmetFacts.Count);
    }

    /// <summary>
    /// The council's earlier years: accepted dossiers evaluated in monthly finalised rounds of the closed round's council
    /// (nine seats, every one present and submitting a full sheet of real option ids), each result frozen by the
    /// engine as the chair's finalisation does and the dossier moved to Evaluated, until the score rows reach the
    /// scale's target (3,000,000 at national scale: ~100,000 sheets). Dossiers accepted in the last 45 days stay waiting.
    /// </summary>
    private async Task HistoryAsync(GenerationContext context, int councilId, Action<int, string, SheetDefinition, int?> storeFacts, CancellationToken ct)
    {
        var f = context.Faker;
        var now = context.Now;
        var existing = await db.ScoreSheetAnswers.CountAsync(ct);
        var wanted = context.Scale.ScoreRows - existing;
        // The larger council (16 seats, the scoring round's) evaluates the history: 30 criteria × 16 sheets per entry.
        var bySeat = (await db.CouncilSeats.AsNoTracking().OrderBy(s => s.CouncilId).ThenBy(s => s.SortOrder)
            .Select(s => new { s.CouncilId, s.Id, s.UserId, s.FullName }).ToListAsync(ct)).GroupBy(s => s.CouncilId).ToDictionary(g => g.Key, g => g.ToList());
        var otherCouncil = bySeat.Keys.Where(k => k != councilId).DefaultIfEmpty(councilId).Min();
        var seatsPerEntry = bySeat[otherCouncil].Count;
        var assigned = db.RoundEntries.Select(e => e.DossierId);
        var candidates = await (from d in db.Dossiers.AsNoTracking()
                                join ev in db.DossierEvents on d.Id equals ev.DossierId
                                where d.Status == DossierStatus.Accepted && d.SelfAssessedTotal != null && !assigned.Contains(d.Id)
                                      && ev.Kind == DossierEventKind.Accepted
                                group ev.At by new { d.Id, d.CriteriaSetId, d.TargetStars } into g
                                select new { g.Key.Id, g.Key.CriteriaSetId, g.Key.TargetStars, Accepted = g.Max() })
            .ToListAsync(ct);
        // Half-monthly rounds: a dossier accepted in a half month is evaluated in the round opened when it ends, which
        // is finalised 8 days later; only rounds finalised by now are written (later acceptances stay waiting).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        DateOnly Opens(DateTimeOffset accepted)
        {
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(accepted, zone).Date);
            return local.Day <= 15 ? new DateOnly(local.Year, local.Month, 16) : new DateOnly(local.Year, local.Month, 1).AddMonths(1);
        }

        static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        candidates = [.. candidates.Where(c => At(Opens(c.Accepted)).AddDays(9) < now).OrderBy(c => c.Accepted).ThenBy(c => c.Id)];

        var sets = new Dictionary<int, (CriteriaSet Set, SheetDefinition Sheet)>();
        foreach (var id in candidates.Select(c => c.CriteriaSetId).Distinct())
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.Id == id, ct);
            sets[id] = (set, SheetDefinition.From(set));
        }

        // Take dossiers (oldest acceptance first) until their sheets hold the wanted answers.
        var chosen = new List<(int Id, int CriteriaSetId, int TargetStars, DateTimeOffset Accepted)>();
        foreach (var c in candidates)
        {
            if (wanted <= 0)
            {
                break;
            }

            chosen.Add((c.Id, c.CriteriaSetId, c.TargetStars, c.Accepted));
            wanted -= sets[c.CriteriaSetId].Sheet.Criteria.Count(x => x.Options.Count > 0) * seatsPerEntry;
        }

        if (chosen.Count == 0)
        {
            Console.WriteLine($"  no history: {candidates.Count} accepted dossiers before the last finalised round, {existing:N0} score rows already");
            return;
        }

        var months = chosen.GroupBy(c => Opens(c.Accepted)).OrderBy(g => g.Key).ToList();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        async Task<long> MaxIdAsync(string table)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        using var rounds = context.Inserter<EvaluationRound>();
        using var entries = context.Inserter<RoundEntry>();
        using var attendance = context.Inserter<RoundAttendance>();
        using var declarations = context.Inserter<ConflictDeclaration>();
        using var sheetRows = context.Inserter<ScoreSheet>();
        using var answerRows = context.Inserter<ScoreSheetAnswer>();
        using var events = context.Inserter<DossierEvent>();
        using var status = connection.CreateCommand();
        status.Transaction = transaction;
        status.CommandText = $"UPDATE Dossiers SET Status = {(int)DossierStatus.Evaluated}, UpdatedAt = $at WHERE Id = $id";
        var pAt = status.CreateParameter();
        pAt.ParameterName = "$at";
        var pId = status.CreateParameter();
        pId.ParameterName = "$id";
        status.Parameters.AddRange(new[] { pAt, pId });
        var atConverter = db.Model.FindEntityType(typeof(Dossier))!.FindProperty(nameof(Dossier.UpdatedAt))!.GetTypeMapping().Converter;
        var roundCount = 0;
        foreach (var month in months)
        {
            var half = (month.Key.Month * 2) + (month.Key.Day > 1 ? 1 : 0);
            var council = otherCouncil;
            var seats = bySeat[council];
            var chairUser = seats[0].UserId;
            var chairName = seats[0].FullName;
            var opened = At(month.Key);
            var deadline = month.Key.AddDays(5);
            var closedAt = opened.AddDays(7);
            var finalisedAt = opened.AddDays(8);
            rounds.Add(new EvaluationRound
            {
                CouncilId = council,
                Name = string.Create(CultureInfo.InvariantCulture, $"Đợt mở {month.Key:dd/MM/yyyy} (bench: lịch sử)"),
                Year = month.Key.Year,
                Number = 100 + half,
                Mode = RoundMode.Meeting,
                ScoringDeadline = deadline,
                MeetingDate = month.Key.AddDays(7),
                LegalDeadline = month.Key.AddDays(30),
                Status = RoundStatus.Finalised,
                CreatedAt = opened.AddMinutes(-60),
                ScoringOpenedAt = opened,
                ClosedAt = closedAt,
                FinalisedAt = finalisedAt,
                Version = Guid.NewGuid(),
            });
            roundCount++;
            var roundId = (int)await MaxIdAsync("EvaluationRounds");
            attendance.AddRange(seats.Select(s => new RoundAttendance { RoundId = roundId, SeatId = s.Id, Present = true }));

            var plans = new List<(RoundEntry Entry, int DossierId, SheetDefinition Sheet, List<(ScoreSheet Sheet, List<ScoreSheetAnswer> Answers)> Sheets)>();
            foreach (var c in month)
            {
                var (set, sheet) = sets[c.CriteriaSetId];
                var rules = set.RuleSet!;
                var target = Math.Clamp(c.TargetStars, 3, 4);
                var sheets = new List<(ScoreSheet, List<ScoreSheetAnswer>)>();
                var scores = new List<SheetScore>();
                for (var s = 0; s < seats.Count; s++)
                {
                    var answers = SampleSelfAssessment.Answers(sheet, target, (c.Id * 17) + s)
                        .Select(a => new ScoreSheetAnswer { CriterionCode = a.CriterionCode, OptionId = a.OptionId }).ToList();
                    var scored = SheetScoring.Score(sheet, CouncilRounds.ToAnswers(new ScoreSheet { Answers = answers }));
                    scores.Add(scored);
                    var submitted = opened.AddDays(f.Random.Double(0.5, f.Random.Bool(0.05f) ? 6.9 : 5.5));
                    sheets.Add((new ScoreSheet
                    {
                        SeatId = seats[s].Id,
                        Status = SheetStatus.Submitted,
                        Total = scored.Total,
                        Stars = StarBands.Of(rules).Band(scored.Total),
                        UpdatedAt = submitted,
                        SubmittedAt = submitted,
                        Version = Guid.NewGuid(),
                    }, answers));
                }

                var score = CouncilAggregation.Aggregate(sheet, scores, StarBands.Of(rules), rules.Consolidation, rules.MaxMemberSpread, EvaluationLevel.Province);
                var entry = new RoundEntry { RoundId = roundId, DossierId = c.Id };
                RoundResults.Freeze(entry, score, new EntryOutcome(EntryState.Ready, seats.Count, seats.Count, seats.Count, score));
                plans.Add((entry, c.Id, sheet, sheets));
            }

            var firstEntry = await MaxIdAsync("RoundEntries") + 1;
            entries.AddRange(plans.Select(p => p.Entry));
            for (var i = 0; i < plans.Count; i++)
            {
                storeFacts((int)(firstEntry + i), plans[i].Entry.ResultDetail!, plans[i].Sheet, plans[i].Entry.ResultStars);
            }

            var firstSheet = await MaxIdAsync("ScoreSheets") + 1;
            var sheetNo = 0;
            for (var i = 0; i < plans.Count; i++)
            {
                var entryId = (int)(firstEntry + i);
                foreach (var (sheet, _) in plans[i].Sheets)
                {
                    sheet.RoundEntryId = entryId;
                    sheetRows.Add(sheet);
                }

                declarations.AddRange(seats.Select(s => new ConflictDeclaration
                {
                    RoundEntryId = entryId,
                    SeatId = s.Id,
                    Conflicted = false,
                    DeclaredAt = opened.AddHours(2),
                    DeclaredByUserId = s.UserId ?? chairUser ?? "",
                }));
                events.Add(new DossierEvent
                {
                    DossierId = plans[i].DossierId,
                    Kind = DossierEventKind.AssignedToRound,
                    From = DossierStatus.Accepted,
                    To = DossierStatus.InEvaluation,
                    At = opened.AddMinutes(-30),
                    ActorUserId = chairUser,
                    ActorName = chairName,
                });
                events.Add(new DossierEvent
                {
                    DossierId = plans[i].DossierId,
                    Kind = DossierEventKind.Evaluated,
                    From = DossierStatus.InEvaluation,
                    To = DossierStatus.Evaluated,
                    At = finalisedAt,
                    ActorUserId = chairUser,
                    ActorName = chairName,
                    Message = plans[i].Entry.ResultStars is { } st && st >= 3 ? $"Đề nghị công nhận {st} sao" : "Không đạt",
                });
                pAt.Value = atConverter?.ConvertToProvider(finalisedAt) ?? finalisedAt;
                pId.Value = plans[i].DossierId;
                await status.ExecuteNonQueryAsync(ct);
            }

            foreach (var (sheet, answers) in plans.SelectMany(p => p.Sheets))
            {
                var sheetId = (int)(firstSheet + sheetNo++);
                foreach (var a in answers)
                {
                    a.SheetId = sheetId;
                    answerRows.Add(a);
                }
            }

            if (await MaxIdAsync("ScoreSheets") != firstSheet + sheetNo - 1 || await MaxIdAsync("RoundEntries") != firstEntry + plans.Count - 1)
            {
                throw new InvalidOperationException("Generated ids are not consecutive: sheets or entries were written elsewhere meanwhile.");
            }
        }

        GenerationContext.Report("history rounds", roundCount);
        GenerationContext.Report("history entries", entries.Count);
        GenerationContext.Report("history score sheets", sheetRows.Count);
        GenerationContext.Report("score rows (all)", existing + answerRows.Count, context.Scale.ScoreRows);
    }
}
