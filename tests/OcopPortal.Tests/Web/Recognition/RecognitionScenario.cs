using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>A product's frozen council result for a scenario round: mean and star (null: no quorum, no result).</summary>
public sealed record Result(string Product, decimal? Mean, int? Stars, DossierKind Kind = DossierKind.FirstEvaluation, string? PreviousCertificate = null, int? ProducerId = null);

/// <summary>An entry of a scenario round with what it was made of.</summary>
public sealed record ScenarioEntry(int EntryId, int DossierId, int ProductId, int ProducerId, string Product, string Producer, decimal? Mean, int? Stars);

public sealed record FinalisedRound(int RoundId, string Name, IReadOnlyList<ScenarioEntry> Entries)
{
    public ScenarioEntry this[string product] => Entries.Single(e => e.Product == product);
}

/// <summary>An issued decision with its certificates (ordered by sequence).</summary>
public sealed record IssuedDecision(int DecisionId, string Number, DateOnly Date, FinalisedRound Round, IReadOnlyList<Certificate> Certificates);

/// <summary>
/// Recognition for the tests: finalised rounds whose results are frozen on the entries (as the chair's finalisation
/// leaves them) are inserted directly, with a producer, product and evaluated dossier per entry (producers in Xã Phú
/// Lộc, Cần Thơ; criteria set 6 of QĐ 26/2026); drafting, completing and issuing go through the real HTTP routes as
/// the Office would. <see cref="IssuedAsync"/> gives an issued decision with certificates in one call.
/// </summary>
public sealed class RecognitionScenario(PortalFactory factory)
{
    public const string Commune = DossierScenario.Commune;

    private static int _round = 100;

    public DossierScenario Dossiers { get; } = new(factory);

    public Task<Actor> OfficeAsync() => Dossiers.SignedInAsync(Roles.Office);

    /// <summary>A finalised round with one evaluated dossier (own producer and product) per result.</summary>
    public Task<FinalisedRound> FinalisedRoundAsync(params Result[] results) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var ruleSetId = await db.RuleSets.Where(r => r.Code == "QD-26-2026" && r.Status == RuleSetStatus.Published).Select(r => r.Id).SingleAsync();
        var set = await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.RuleSetId == ruleSetId && s.Number == 6);
        var category = await db.ProductCategories.Where(c => c.RuleSetId == ruleSetId && c.CriteriaSetNumber == 6).Select(c => c.Code).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var number = Interlocked.Increment(ref _round);
        var council = new Council { Name = $"Hội đồng OCOP thành phố Cần Thơ {number}", DecisionNumber = "1234/QĐ-UBND", DecisionDate = new DateOnly(2026, 3, 1), CreatedAt = now };
        db.Councils.Add(council);
        var round = new EvaluationRound
        {
            Name = $"Đợt {number} năm 2026",
            Year = 2026,
            Number = number,
            Mode = RoundMode.Meeting,
            ScoringDeadline = new DateOnly(2026, 6, 1),
            MeetingDate = new DateOnly(2026, 6, 5),
            LegalDeadline = new DateOnly(2026, 6, 30),
            Status = RoundStatus.Finalised,
            CreatedAt = now,
            FinalisedAt = now,
            Version = Guid.NewGuid(),
        };
        var made = new List<(Result Result, Producer Producer, Product Product, Dossier Dossier, RoundEntry Entry)>();
        foreach (var result in results)
        {
            var producer = result.ProducerId is { } existing ? await db.Set<Producer>().SingleAsync(p => p.Id == existing) : new Producer
            {
                Type = ProducerType.Cooperative,
                Name = "Hợp tác xã " + result.Product,
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = Commune,
                StreetAddress = "Ấp Phú Lộc",
                Phone = "0912345678",
                Email = "lien-he@example.vn",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            var product = new Product
            {
                Name = result.Product,
                RuleSetId = ruleSetId,
                CategoryCode = category,
                CriteriaSetNumber = 6,
                Description = "Sản phẩm truyền thống của địa phương.",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            made.Add((result, producer, product, null!, null!));
        }

        // Producers and products first (ids), then dossiers and the round's entries.
        foreach (var m in made.Where(m => m.Producer.Id == 0).Select(m => m.Producer).Distinct())
        {
            db.Add(m);
        }

        await db.SaveChangesAsync();
        for (var i = 0; i < made.Count; i++)
        {
            made[i].Product.ProducerId = made[i].Producer.Id;
            db.Add(made[i].Product);
        }

        await db.SaveChangesAsync();
        for (var i = 0; i < made.Count; i++)
        {
            var (result, producer, product, _, _) = made[i];
            var dossier = new Dossier
            {
                ProducerId = producer.Id,
                ProductId = product.Id,
                CommuneCode = Commune,
                Kind = result.Kind,
                TargetStars = 4,
                PreviousCertificateNumber = result.PreviousCertificate,
                RuleSetId = ruleSetId,
                CriteriaSetId = set.Id,
                Status = result.Stars is null ? DossierStatus.Accepted : DossierStatus.Evaluated,
                Number = $"{number}{i:00}/PĐK-92-{Commune}-2026",
                CreatedAt = now,
                SubmittedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Dossiers.Add(dossier);
            made[i] = (result, producer, product, dossier, null!);
        }

        await db.SaveChangesAsync();
        round.CouncilId = council.Id;
        foreach (var m in made)
        {
            round.Entries.Add(new RoundEntry { DossierId = m.Dossier.Id, ResultMean = m.Result.Mean, ResultStars = m.Result.Stars });
        }

        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync();
        var entries = round.Entries.Select((e, i) => new ScenarioEntry(e.Id, made[i].Dossier.Id, made[i].Product.Id, made[i].Producer.Id,
            made[i].Product.Name, made[i].Producer.Name, e.ResultMean, e.ResultStars)).ToList();
        return new FinalisedRound(round.Id, round.Name, entries);
    });

    /// <summary>The Office drafts the round's decision through the route; returns the draft's id.</summary>
    public static async Task<int> DraftAsync(HttpClient office, int roundId)
    {
        var response = await office.PostFormAsync($"/decisions/new?roundId={roundId}", new Dictionary<string, string>(), "/decisions/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/decisions/\d+$", location);
        return int.Parse(location.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The Office fills number, date and signatory on the edit form (other fields as the form has them).</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient office, int id, string number, DateOnly date, Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Number"] = number,
            ["DecisionDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SignatoryName"] = "Trần Văn Ký",
            ["SignatoryTitle"] = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        };
        foreach (var (k, v) in more ?? [])
        {
            fields[k] = v;
        }

        return await office.PostFormAsync($"/decisions/{id}/edit", fields);
    }

    /// <summary>Issues through the confirmation page's form.</summary>
    public static Task<HttpResponseMessage> IssueAsync(HttpClient office, int id) =>
        office.PostFormAsync($"/decisions/{id}/issuance", new Dictionary<string, string>());

    /// <summary>An issued decision of a fresh finalised round with <paramref name="results"/> (default: a 4★ and a 3★ product).</summary>
    public async Task<IssuedDecision> IssuedAsync(HttpClient office, string number, DateOnly date, params Result[] results)
    {
        var round = await FinalisedRoundAsync(results.Length > 0 ? results : [new Result("Bánh pía sầu riêng " + number, 82.2m, 4), new Result("Bánh tét lá cẩm " + number, 61.5m, 3)]);
        var id = await DraftAsync(office, round.RoundId);
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(office, id, number, date)).StatusCode);
        var issued = await IssueAsync(office, id);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var certificates = await CertificatesAsync(id);
        Assert.NotEmpty(certificates);
        return new IssuedDecision(id, number, date, round, certificates);
    }

    public Task<List<Certificate>> CertificatesAsync(int decisionId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().Where(c => c.DecisionId == decisionId).OrderBy(c => c.Sequence).ThenBy(c => c.Id).ToListAsync());

    public Task<RecognitionDecision> DecisionAsync(int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().RecognitionDecisions.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == id));
}
