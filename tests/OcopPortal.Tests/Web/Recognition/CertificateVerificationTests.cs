using System.Globalization;
using System.Net;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>The public verification page a certificate's QR opens: each status plainly, forged tokens a blank 404.</summary>
public sealed class CertificateVerificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _scenario = new(factory);

    private async Task<Certificate> CertificateAsync(DateOnly issuedOn, int stars = 4)
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        return await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId), issuedOn, stars);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> VerifyAsync(string token)
    {
        var anonymous = factory.CreatePortalClient(); // a visitor who scanned the QR: never signed in
        return await anonymous.GetDocumentAsync(CertificateIssuer.VerificationPath(token));
    }

    private static string Verdict(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-testid=verdict]")!.GetAttribute("data-status")!;

    [Fact]
    public async Task A_valid_certificate_shows_what_is_certified_by_whom_and_until_when_without_private_data()
    {
        var c = await CertificateAsync(CertificateFixtures.Today.AddDays(-10));
        var page = await VerifyAsync(c.Token);

        Assert.Equal(nameof(CertificateStatus.Valid), Verdict(page));
        var text = page.Body!.TextContent;
        Assert.Contains("Còn hiệu lực", text);
        foreach (var fact in new[] { c.Number, c.ProductName, c.ProducerName, "Xã Phú Lộc", CertificateFixtures.Authority, c.DecisionNumber,
                     c.ValidUntil.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), c.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) })
        {
            Assert.Contains(fact, text);
        }

        Assert.DoesNotContain("0912345678", text); // the producer's phone
        Assert.DoesNotContain("@test.ocop.vn", text); // nor email
        Assert.DoesNotContain("78.5", text); // nor the score
        Assert.True(c.Token.Length >= 22, "128-bit token"); // random, not derived from the id (see CertificateIssuer.NewToken)
    }

    [Fact]
    public async Task Inside_the_re_recognition_window_it_is_valid_but_expiring()
    {
        var c = await CertificateAsync(CertificateFixtures.IssuedForDaysLeft(100));
        var page = await VerifyAsync(c.Token);
        Assert.Equal(nameof(CertificateStatus.Expiring), Verdict(page));
        Assert.Contains("Còn hiệu lực, sắp hết hạn", page.Body!.TextContent);
    }

    [Fact]
    public async Task After_its_last_valid_day_it_is_expired()
    {
        var c = await CertificateAsync(CertificateFixtures.IssuedForDaysLeft(-5));
        var page = await VerifyAsync(c.Token);
        Assert.Equal(nameof(CertificateStatus.Expired), Verdict(page));
        Assert.Contains("Hết hiệu lực", page.Body!.TextContent);
        Assert.Contains($"đã hết hạn ngày {c.ValidUntil:dd/MM/yyyy}", page.Body.TextContent);
    }

    [Fact]
    public async Task A_late_re_evaluation_keeps_it_transitionally_valid()
    {
        var c = await CertificateAsync(CertificateFixtures.IssuedForDaysLeft(-5));
        var until = CertificateFixtures.Today.AddDays(30);
        await CertificateFixtures.UpdateAsync(factory, c.Id, x => x.ExtendedUntil = until);
        var page = await VerifyAsync(c.Token);
        Assert.Equal(nameof(CertificateStatus.Extended), Verdict(page));
        Assert.Contains(until.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=verdict]")!.TextContent);
    }

    [Fact]
    public async Task A_superseded_certificate_links_to_the_newer_one()
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        var productId = await _scenario.ProductAsync(producerId);
        var old = await CertificateFixtures.OneAsync(factory, productId, CertificateFixtures.Today.AddYears(-2), stars: 3);
        var newer = await CertificateFixtures.OneAsync(factory, productId, CertificateFixtures.Today.AddDays(-1), stars: 4);
        await CertificateFixtures.UpdateAsync(factory, old.Id, x => { x.State = CertificateState.Superseded; x.SupersededById = newer.Id; });

        var page = await VerifyAsync(old.Token);
        Assert.Equal(nameof(CertificateStatus.Superseded), Verdict(page));
        var link = page.QuerySelector("[data-testid=newer]")!;
        Assert.Equal(CertificateIssuer.VerificationPath(newer.Token), link.GetAttribute("href"));
        Assert.Contains(newer.Number, link.TextContent);
        Assert.Equal(nameof(CertificateStatus.Valid), Verdict(await VerifyAsync(newer.Token)));
    }

    [Fact]
    public async Task A_revoked_certificate_shows_the_decision_date_and_ground()
    {
        var c = await CertificateAsync(CertificateFixtures.Today.AddMonths(-6));
        var on = CertificateFixtures.Today.AddDays(-2);
        await factory.WithDbAsync(async db =>
        {
            db.Revocations.Add(new Revocation
            {
                CertificateId = c.Id,
                Ground = RevocationGround.MarkMisuse,
                Details = "Dùng nhãn OCOP 5 sao trên bao bì.",
                DecisionNumber = "77/QĐ-UBND",
                DecisionDate = on,
                Authority = CertificateFixtures.Authority,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedByUserId = "test",
            });
            await db.SaveChangesAsync();
        });
        await CertificateFixtures.UpdateAsync(factory, c.Id, x => x.State = CertificateState.Revoked);

        var page = await VerifyAsync(c.Token);
        Assert.Equal(nameof(CertificateStatus.Revoked), Verdict(page));
        var revocation = page.QuerySelector("[data-testid=revocation]")!.TextContent;
        Assert.Contains("77/QĐ-UBND", revocation);
        Assert.Contains(on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), revocation);
        Assert.Contains("Sử dụng nhãn hiệu OCOP sai mục đích", revocation);
        Assert.DoesNotContain("Dùng nhãn OCOP 5 sao", page.Body!.TextContent); // the internal details stay internal
    }

    [Fact]
    public async Task Forged_and_altered_tokens_get_the_same_not_found_page()
    {
        var c = await CertificateAsync(CertificateFixtures.Today);
        var anonymous = factory.CreatePortalClient();
        var last = c.Token[^1];
        var altered = c.Token[..^1] + (last == 'A' ? 'B' : 'A');
        var caseFlipped = c.Token.Any(char.IsAsciiLetterLower)
            ? new string(c.Token.Select((ch, i) => i == c.Token.IndexOf(c.Token.First(char.IsAsciiLetterLower)) ? char.ToUpperInvariant(ch) : ch).ToArray())
            : null;
        var bodies = new List<string>();
        foreach (var token in new[] { altered, CertificateIssuer.NewToken(), c.Id.ToString(CultureInfo.InvariantCulture), "x", caseFlipped }.OfType<string>())
        {
            var response = await anonymous.GetAsync(CertificateIssuer.VerificationPath(token));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = await Forms.ParseAsync(response);
            Assert.NotNull(page.QuerySelector("[data-testid=not-found]"));
            Assert.DoesNotContain(c.ProductName, page.Body!.TextContent);
            bodies.Add(page.QuerySelector("main")?.TextContent ?? page.Body.TextContent);
        }

        Assert.Single(bodies.Distinct()); // nothing tells one unknown token from another
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(CertificateIssuer.VerificationPath(c.Token))).StatusCode);
    }
}
