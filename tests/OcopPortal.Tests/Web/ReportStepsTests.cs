using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Dossiers;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>
/// The dashboard's SQL folds against hand-computed figures (year 2025, no holiday in March or June):
/// <list type="bullet">
/// <item>steps per dossier: D1 submitted Mon 3/3, forwarded Fri 3/7 (4 working days), accepted 7 days later, its events
/// stored newest first; D2 forwarded Mon 3/10 (5) and again 3/18, returned twice (supplements 3/12 and 3/19: the province
/// answered after 2 days); D3 with a supplement request dated before its forwarding (ignored), forwarded Tue 4/1 (11),
/// rejected 3 days later; D4 never forwarded; D5 forwarded Tue 6/24 (16, over the 15-day limit), not answered yet;
/// D6 submitted in 2024 (outside the year). Commune: 4, 5, 11, 16 → 4 dossiers, mean 9.0, 75 % in time; province:
/// 7, 2, 3 → 3 dossiers, mean 4.0 days.</item>
/// <item>two finalised rounds of 2025 (the per-seat sheet counts are one UNION ALL of per-round queries): round A's
/// two seats, one sheet after the scoring deadline (50 % in time, one member always in time); round B all in time.
/// Their frozen results (every part at 50 %, one criterion below the 4★ minimum) are read through the stored facts.</item>
/// </list>
/// </summary>
public sealed class ReportStepsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Commune = "31756";
    private const string RoundA = "Đợt 1 năm 2025 (kiểm thử)";
    private const string RoundB = "Đợt 2 năm 2025 (kiểm thử)";

    private static readonly ConcurrentDictionary<string, Lazy<Task<int>>> Seeds = new();

    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    private Task<int> SeedAsync() => Seeds.GetOrAdd(factory.Root, _ => new Lazy<Task<int>>(SeedOnceAsync)).Value;

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new DateTimeOffset(year, month, day, hour, 0, 0, Local).ToUniversalTime();

    private async Task<int> SeedOnceAsync()
    {
        var memberEmail = await factory.CreateUserAsync(Roles.CouncilMember);
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var member = await db.Users.SingleAsync(u => u.Email == memberEmail);
            var ruleSet = await db.RuleSets.Where(r => r.Code == "QD-26-2026").Select(r => r.Id).SingleAsync();
            var food = await db.ProductCategories.Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null && c.Code.StartsWith("I."))
                .OrderBy(c => c.SortOrder).FirstAsync();
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.RuleSetId == ruleSet && s.Number == food.CriteriaSetNumber);
            var now = DateTimeOffset.UtcNow;
            var producer = new Producer
            {
                Type = ProducerType.Cooperative,
                Name = "Hợp tác xã Thời Gian Phú Lộc",
                TaxCode = "1899000001",
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = Commune,
                StreetAddress = "Ấp 1",
                Phone = "0912345678",
                Email = "thoi-gian@test.ocop.vn",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();

            var n = 0;
            Dossier Dossier(DossierStatus status, DateTimeOffset submitted, params (DossierEventKind Kind, DateTimeOffset At)[] events)
            {
                var product = new Product
                {
                    ProducerId = producer.Id,
                    Name = $"Bánh tráng thời gian số {++n}",
                    RuleSetId = ruleSet,
                    CategoryCode = food.Code,
                    CriteriaSetNumber = food.CriteriaSetNumber!.Value,
                    Description = "Sản phẩm kiểm thử thời gian xử lý",
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(product);
                db.SaveChanges();
                var dossier = new Dossier
                {
                    ProducerId = producer.Id,
                    ProductId = product.Id,
                    CommuneCode = Commune,
                    Kind = DossierKind.FirstEvaluation,
                    TargetStars = 4,
                    RuleSetId = ruleSet,
                    CriteriaSetId = set.Id,
                    Status = status,
                    Number = $"{n}/PĐK-92-{Commune}-{submitted.Year}-TG",
                    CreatedAt = submitted.AddDays(-1),
                    SubmittedAt = submitted,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                foreach (var (kind, at) in events)
                {
                    dossier.Events.Add(new DossierEvent { Kind = kind, At = at, ActorName = "Kiểm thử" });
                }

                db.Add(dossier);
                return dossier;
            }

            var d1 = Dossier(DossierStatus.Evaluated, At(2025, 3, 3),
                (DossierEventKind.Accepted, At(2025, 3, 14)), (DossierEventKind.Forwarded, At(2025, 3, 7)), (DossierEventKind.Submitted, At(2025, 3, 3)));
            var d2 = Dossier(DossierStatus.Evaluated, At(2025, 3, 3, 9),
                (DossierEventKind.Submitted, At(2025, 3, 3, 9)), (DossierEventKind.Forwarded, At(2025, 3, 10, 9)),
                (DossierEventKind.SupplementRequested, At(2025, 3, 12, 9)), (DossierEventKind.Resubmitted, At(2025, 3, 17, 9)),
                (DossierEventKind.Forwarded, At(2025, 3, 18, 9)), (DossierEventKind.SupplementRequested, At(2025, 3, 19, 9)),
                (DossierEventKind.Resubmitted, At(2025, 3, 24, 9)), (DossierEventKind.Accepted, At(2025, 3, 26, 9)));
            Dossier(DossierStatus.Rejected, At(2025, 3, 17),
                (DossierEventKind.Rejected, At(2025, 4, 4)), (DossierEventKind.SupplementRequested, At(2025, 3, 18)),
                (DossierEventKind.Submitted, At(2025, 3, 17)), (DossierEventKind.Forwarded, At(2025, 4, 1)));
            Dossier(DossierStatus.AtCommune, At(2025, 6, 2), (DossierEventKind.Submitted, At(2025, 6, 2)));
            Dossier(DossierStatus.AtProvince, At(2025, 6, 2), (DossierEventKind.Forwarded, At(2025, 6, 24)), (DossierEventKind.Submitted, At(2025, 6, 2)));
            Dossier(DossierStatus.Accepted, At(2024, 12, 2),
                (DossierEventKind.Submitted, At(2024, 12, 2)), (DossierEventKind.Forwarded, At(2024, 12, 3)), (DossierEventKind.Accepted, At(2024, 12, 4)));
            await db.SaveChangesAsync();

            // Two finalised rounds of 2025, one entry each, two voting seats.
            var council = new Council { Name = "Hội đồng kiểm thử thời gian", DecisionNumber = "9/QĐ-UBND", DecisionDate = new DateOnly(2025, 1, 2), CreatedAt = now };
            council.Seats.Add(new CouncilSeat { UserId = member.Id, FullName = "Thành viên Một", Agency = "Sở Công Thương", Role = SeatRole.Chair, SortOrder = 1 });
            council.Seats.Add(new CouncilSeat { FullName = "Thành viên Hai", Agency = "Sở Y tế", Role = SeatRole.Member, SortOrder = 2 });
            db.Add(council);
            await db.SaveChangesAsync();
            var sheet = SheetDefinition.From(set);
            var blocker = sheet.Criteria.First(c => c.RequiredFor(4) is > 0);
            var points = sheet.Criteria.ToDictionary(c => c.Code, c => c.Code == blocker.Code ? 0 : c.Max);
            var unmet = StarMinimums.Check(sheet, points).Unmet.Count(u => u.Stars <= 4);
            foreach (var (name, number, dossier, lateSeat) in new[] { (RoundA, 1, d1, (int?)1), (RoundB, 2, d2, null) })
            {
                var round = new EvaluationRound
                {
                    CouncilId = council.Id,
                    Name = name,
                    Year = 2025,
                    Number = number,
                    Mode = RoundMode.Meeting,
                    ScoringDeadline = new DateOnly(2025, 4, 20),
                    LegalDeadline = new DateOnly(2025, 5, 30),
                    Status = RoundStatus.Finalised,
                    CreatedAt = At(2025, 4, 1),
                    FinalisedAt = At(2025, 4, 25),
                    Version = Guid.NewGuid(),
                };
                var entry = new RoundEntry
                {
                    DossierId = dossier.Id,
                    ResultMean = 62.5m,
                    ResultStars = 3,
                    ResultDetail = JsonSerializer.Serialize(new { Mean = 62.5m, PartMeans = sheet.PartMax.ToDictionary(p => p.Key, p => p.Value / 2m), ConsolidatedPoints = points, Stars = 3 }),
                };
                round.Entries.Add(entry);
                db.Add(round);
                await db.SaveChangesAsync();
                for (var s = 0; s < council.Seats.Count; s++)
                {
                    var sent = s == lateSeat ? At(2025, 4, 21, 8) : At(2025, 4, 20, 23);
                    db.Add(new ScoreSheet { RoundEntryId = entry.Id, SeatId = council.Seats[s].Id, Status = SheetStatus.Submitted, Total = 62.5m, Stars = 3, UpdatedAt = sent, SubmittedAt = sent, Version = Guid.NewGuid() });
                }

                await db.SaveChangesAsync();
            }

            return unmet;
        });
    }

    private static Dictionary<string, decimal?[]> Series(IHtmlDocument page, string id)
    {
        var table = page.QuerySelector($"[data-testid=series-{id}] table");
        Assert.NotNull(table);
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td").Select(td => td.GetAttribute("data-value") is { Length: > 0 } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : (decimal?)null).ToArray());
    }

    private async Task<IHtmlDocument> DashboardAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        return await client.GetDocumentAsync("/reports?year=2025");
    }

    [Fact]
    public async Task Step_times_are_the_first_submission_forwarding_and_answer_of_each_dossier()
    {
        await SeedAsync();
        var steps = Series(await DashboardAsync(), "steps");

        Assert.Equal([4m, 9.0m, 15m, 75.0m], steps["Xã kiểm tra hồ sơ (ngày làm việc)"]);
        Assert.Equal([3m, 4.0m, null, null], steps["Tỉnh kiểm tra tính đầy đủ (ngày)"]);
    }

    [Fact]
    public async Task Step_times_kept_as_events_are_saved_equal_those_computed_from_the_whole_history()
    {
        await SeedAsync();
        var (kept, recomputed) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var mine = db.Dossiers.Where(d => d.CommuneCode == Commune && d.Number!.EndsWith("-TG"));
            async Task<List<(string?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?)>> ReadAsync() =>
                (await mine.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Number, d.FirstSubmittedAt, d.FirstForwardedAt, d.ProvinceAnsweredAt }).ToListAsync())
                .Select(d => (d.Number, d.FirstSubmittedAt, d.FirstForwardedAt, d.ProvinceAnsweredAt)).ToList();
            var before = await ReadAsync();
            await mine.ExecuteUpdateAsync(u => u.SetProperty(d => d.FirstSubmittedAt, (DateTimeOffset?)null)
                .SetProperty(d => d.FirstForwardedAt, (DateTimeOffset?)null).SetProperty(d => d.ProvinceAnsweredAt, (DateTimeOffset?)null));
            await db.Database.ExecuteSqlRawAsync(DossierStepTimes.BackfillSql);
            return (before, await ReadAsync());
        });

        Assert.Equal(6, kept.Count);
        Assert.Equal(kept, recomputed);
        // D2: forwarded 3/10 and again 3/18, first answered by the supplement request of 3/12.
        Assert.Contains(kept, d => d.Item3 == At(2025, 3, 10, 9) && d.Item4 == At(2025, 3, 12, 9));
        // D3: the supplement request dated before its first forwarding (4/1) is not the province's answer; the rejection is.
        Assert.Contains(kept, d => d.Item3 == At(2025, 4, 1) && d.Item4 == At(2025, 4, 4));
        // D4: submitted, never forwarded.
        Assert.Contains(kept, d => d.Item2 == At(2025, 6, 2) && d.Item3 == null && d.Item4 == null);
    }

    [Fact]
    public async Task Members_punctuality_is_counted_per_round_and_seat()
    {
        await SeedAsync();
        var throughput = Series(await DashboardAsync(), "council-throughput");

        Assert.Equal(50.0m, throughput[RoundA][2]); // one of two sheets before the end of the deadline day
        Assert.Equal(1m, throughput[RoundA][3]);
        Assert.Equal(100.0m, throughput[RoundB][2]);
        Assert.Equal(2m, throughput[RoundB][3]);
        Assert.Equal(1m, throughput[RoundA][1]); // finalised 25/4, before the legal deadline 30/5
    }

    [Fact]
    public async Task Score_facts_are_stored_once_and_counted_like_the_frozen_results()
    {
        var unmetCount = await SeedAsync();
        var first = await DashboardAsync();
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().EntryPartResults.CountAsync());
        var second = await DashboardAsync();

        foreach (var page in new[] { first, second })
        {
            var parts = Series(page, "part-distribution");
            Assert.NotEmpty(parts);
            Assert.All(parts.Values, v => Assert.Equal([0m, 2m, 0m, 0m, 50.0m], v)); // both products at 50 % of every part
            var unmet = Series(page, "unmet-minimums");
            Assert.Equal(unmetCount, unmet.Count);
            Assert.All(unmet.Values, v => Assert.Equal(2m, v[0]));
        }

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(stored, await db.EntryPartResults.CountAsync()); // the second request stored nothing more
            Assert.Equal(2, await db.EntryPartResults.Select(p => p.RoundEntryId).Distinct().CountAsync());
            Assert.Equal(2 * unmetCount, await db.EntryUnmetMinimums.CountAsync());
        });
    }
}
