using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>A council member: the signed-in client and their seat.</summary>
public sealed record Member(Actor Actor, int SeatId)
{
    public HttpClient Client => Actor.Client;
}

/// <summary>A round in scoring with its products and its seats (chair, two members, an invited expert).</summary>
public sealed record ScoringRound(int RoundId, int CouncilId, IReadOnlyList<int> EntryIds, Member Chair, Member First, Member Second, Member Expert);

/// <summary>
/// Councils for the scoring tests. One dossier per test class goes the whole way through HTTP (submitted with its
/// self-assessment, forwarded by the commune, accepted by the Office); the other products of a round are copies of
/// it inserted directly, each a dossier of its own. Councils, seats, rounds and entries are inserted directly.
/// </summary>
public sealed class CouncilScenario(PortalFactory factory)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<int>>> Accepted = new();

    public DossierScenario Dossiers { get; } = new(factory);

    /// <summary>The class's dossier accepted through the real workflow (made once per portal).</summary>
    public Task<int> AcceptedDossierAsync() => Accepted.GetOrAdd(factory.Root, _ => new Lazy<Task<int>>(async () =>
    {
        var (_, _, id) = await Dossiers.ForwardedAsync();
        var office = await Dossiers.SignedInAsync(Roles.Office);
        Assert.Equal(HttpStatusCode.Redirect, (await DossierScenario.PostOnDossierAsync(office.Client, id, "acceptance")).StatusCode);
        Assert.Equal(DossierStatus.Accepted, await Dossiers.StatusAsync(id));
        return id;
    })).Value;

    /// <summary>Another accepted dossier like the class's one (same producer, product, pinned set and self-assessment).</summary>
    public async Task<int> CopyAsync()
    {
        var sourceId = await AcceptedDossierAsync();
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var source = await db.Dossiers.AsNoTracking().Include(d => d.Answers).SingleAsync(d => d.Id == sourceId);
            var copy = new Dossier
            {
                ProducerId = source.ProducerId,
                ProductId = source.ProductId,
                CommuneCode = source.CommuneCode,
                Kind = source.Kind,
                TargetStars = source.TargetStars,
                RuleSetId = source.RuleSetId,
                CriteriaSetId = source.CriteriaSetId,
                Status = DossierStatus.Accepted,
                Number = source.Number + "-" + Guid.NewGuid().ToString("N")[..8],
                CreatedAt = source.CreatedAt,
                SubmittedAt = source.SubmittedAt,
                UpdatedAt = DateTimeOffset.UtcNow,
                SelfAssessedTotal = source.SelfAssessedTotal,
                SelfAssessedStars = source.SelfAssessedStars,
                Version = Guid.NewGuid(),
                Answers = source.Answers.Select(a => new DossierAnswer { CriterionCode = a.CriterionCode, OptionId = a.OptionId, NotApplicable = a.NotApplicable }).ToList(),
            };
            db.Dossiers.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });
    }

    /// <summary>A council with a chair, two members and an invited expert, and a round in <paramref name="status"/> with <paramref name="products"/> products.</summary>
    public async Task<ScoringRound> RoundAsync(int products = 2, RoundStatus status = RoundStatus.Scoring, DateOnly? deadline = null)
    {
        var dossiers = new List<int>();
        for (var i = 0; i < products; i++)
        {
            dossiers.Add(await CopyAsync());
        }

        var chair = await Dossiers.SignedInAsync(Roles.CouncilChair);
        var first = await Dossiers.SignedInAsync(Roles.CouncilMember);
        var second = await Dossiers.SignedInAsync(Roles.CouncilMember);
        var expert = await Dossiers.SignedInAsync(Roles.CouncilMember);
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var council = new Council { Name = "Hội đồng OCOP tỉnh " + Guid.NewGuid().ToString("N")[..6], DecisionNumber = "1234/QĐ-UBND", DecisionDate = new DateOnly(2026, 3, 1), CreatedAt = DateTimeOffset.UtcNow };
            var seats = new[]
            {
                new CouncilSeat { UserId = chair.UserId, FullName = "Trần Văn Chủ", Agency = "Sở Nông nghiệp và Môi trường", Role = SeatRole.Chair, SortOrder = 1 },
                new CouncilSeat { UserId = first.UserId, FullName = "Lê Thị Một", Agency = "Sở Công Thương", Role = SeatRole.Member, SortOrder = 2 },
                new CouncilSeat { UserId = second.UserId, FullName = "Phạm Văn Hai", Agency = "Sở Y tế", Role = SeatRole.Secretary, SortOrder = 3 },
                new CouncilSeat { UserId = expert.UserId, FullName = "Nguyễn Chuyên Gia", Agency = "Trường Đại học Cần Thơ", Role = SeatRole.InvitedExpert, SortOrder = 4 },
            };
            council.Seats.AddRange(seats);
            db.Councils.Add(council);
            await db.SaveChangesAsync();
            var year = 2026;
            var round = new EvaluationRound
            {
                CouncilId = council.Id,
                Name = $"Đợt {council.Id} năm {year}",
                Year = year,
                Number = council.Id,
                Mode = RoundMode.Meeting,
                ScoringDeadline = deadline ?? DateOnly.FromDateTime(DateTime.Today).AddDays(10),
                LegalDeadline = new DateOnly(year, 6, 30),
                Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
                Entries = dossiers.Select(d => new RoundEntry { DossierId = d }).ToList(),
            };
            db.EvaluationRounds.Add(round);
            await db.SaveChangesAsync();
            return new ScoringRound(round.Id, council.Id, round.Entries.Select(e => e.Id).ToList(),
                new Member(chair, seats[0].Id), new Member(first, seats[1].Id), new Member(second, seats[2].Id), new Member(expert, seats[3].Id));
        });
    }

    public Task SetStatusAsync(int roundId, RoundStatus status) => factory.WithDbAsync(async db =>
    {
        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == roundId);
        round.Status = status;
        await db.SaveChangesAsync();
    });

    public static string Sheet(int roundId, int entryId) => $"/rounds/{roundId}/entries/{entryId}/sheet";

    public static string Declaration(int roundId, int entryId) => $"/rounds/{roundId}/entries/{entryId}/declaration";

    /// <summary>Declares no conflict on the product through the form.</summary>
    public static async Task DeclareNoConflictAsync(HttpClient client, int roundId, int entryId)
    {
        var response = await client.PostFormAsync(Declaration(roundId, entryId), new Dictionary<string, string> { ["Conflicted"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Sheet(roundId, entryId), response.Headers.Location!.OriginalString);
    }

    /// <summary>The member's sheet form as a browser would send it, with a choice in every criterion picked by <paramref name="pick"/> (null: leave unanswered).</summary>
    public static async Task<Dictionary<string, string>> SheetFieldsAsync(HttpClient client, int roundId, int entryId, Func<IReadOnlyList<IHtmlInputElement>, IHtmlInputElement?>? pick = null)
    {
        var page = await client.GetDocumentAsync(Sheet(roundId, entryId));
        var form = page.QuerySelector("form[data-testid=sheet-form]") as IHtmlFormElement ?? throw new InvalidOperationException("No sheet form");
        var body = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            body[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            body[area.Name!] = area.Value;
        }

        if (pick is not null)
        {
            foreach (var fieldset in form.QuerySelectorAll("fieldset[data-criterion]"))
            {
                var radios = fieldset.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().ToList();
                if (radios.Count > 0 && pick(radios) is { } chosen)
                {
                    body[chosen.Name!] = chosen.Value;
                }
            }
        }

        return body;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    public Task<List<ScoreSheet>> SheetsAsync(int entryId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().ScoreSheets.AsNoTracking().Include(s => s.Answers).Where(s => s.RoundEntryId == entryId).ToListAsync());

    /// <summary>Option id → points of the options offered on a page (to pick the best or worst one).</summary>
    public Task<Dictionary<int, int>> PointsAsync(IEnumerable<int> optionIds)
    {
        var ids = optionIds.ToList();
        return factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CriterionOptions.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Points));
    }

    public static int OptionId(IHtmlInputElement radio) => int.Parse(radio.Value, CultureInfo.InvariantCulture);
}
