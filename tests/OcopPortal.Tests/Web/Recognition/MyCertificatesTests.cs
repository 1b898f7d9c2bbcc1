using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Certificates;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>The producer's certificates: isolation, status and window, the council's anonymous result, and dossiers started from a certificate.</summary>
public sealed class MyCertificatesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _scenario = new(factory);

    /// <summary>A producer whose evaluated dossier led to a certificate issued so that <paramref name="daysLeft"/> days remain.</summary>
    private async Task<(Actor Producer, int DossierId, Certificate Certificate)> CertifiedAsync(int daysLeft, int stars = 3, int? roundEntryId = null)
    {
        var (producer, dossierId) = await _scenario.SubmittedAsync();
        await factory.WithDbAsync(async db =>
        {
            var d = await db.Dossiers.SingleAsync(x => x.Id == dossierId);
            d.Status = DossierStatus.Evaluated;
            d.BusinessResults = "Doanh thu 2025 đạt 1,2 tỷ đồng; 6 lao động.";
            d.FuturePlan = "Mở rộng thị trường sang siêu thị.";
            await db.SaveChangesAsync();
        });
        var productId = (await _scenario.DossierAsync(dossierId)).ProductId;
        var c = await CertificateFixtures.OneAsync(factory, productId, CertificateFixtures.IssuedForDaysLeft(daysLeft), stars, dossierId, roundEntryId);
        return (producer, dossierId, c);
    }

    [Fact]
    public async Task Another_producers_certificate_is_not_found_for_every_route()
    {
        var (_, _, c) = await CertifiedAsync(150);
        var (stranger, _) = await _scenario.ProducerAsync();
        foreach (var url in new[] { $"/my/certificates/{c.Id}", $"/certificates/{c.Id}/certificate.pdf", $"/my/certificates/{c.Id}/upgrade" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        }

        var post = await stranger.Client.PostCraftedAsync("/my/certificates", $"/my/certificates/{c.Id}/re-recognition", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await stranger.Client.GetDocumentAsync("/my/certificates")).QuerySelector($"[data-certificate='{c.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync($"/certificates/{c.Id}")).StatusCode); // the registry is staff-only
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.CountAsync(d => d.ProductId == c.ProductId)));
    }

    [Fact]
    public async Task The_list_shows_status_days_to_expiry_and_the_window()
    {
        var (producer, _, c) = await CertifiedAsync(150);
        var page = await producer.Client.GetDocumentAsync("/my/certificates");
        var item = page.QuerySelector($"[data-certificate='{c.Id}']")!;
        Assert.Equal(nameof(CertificateStatus.Expiring), item.QuerySelector("[data-testid=status]")!.GetAttribute("data-status"));
        var days = c.ValidUntil.DayNumber - CertificateFixtures.Today.DayNumber;
        Assert.Contains($"còn {days} ngày", item.QuerySelector("[data-testid=days]")!.TextContent);
        var window = c.ValidUntil.AddDays(-180).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(window, item.QuerySelector("[data-testid=window]")!.TextContent);
        Assert.False(item.QuerySelector("[data-testid=re-recognition]")!.HasAttribute("disabled"));
        Assert.NotNull(item.QuerySelector("[data-testid=upgrade]"));
    }

    [Fact]
    public async Task Re_recognition_inside_the_window_opens_a_dossier_pre_filled_from_the_previous_one()
    {
        var (producer, previousId, c) = await CertifiedAsync(150);
        var response = await producer.Client.PostFormAsync("/my/certificates", new Dictionary<string, string>(), $"/my/certificates/{c.Id}/re-recognition");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.NotEqual(previousId, newId);

        var dossier = await _scenario.DossierAsync(newId);
        Assert.Equal(DossierKind.ReEvaluation, dossier.Kind);
        Assert.Equal(DossierStatus.Draft, dossier.Status);
        Assert.Equal(c.ProductId, dossier.ProductId);
        Assert.Equal(3, dossier.TargetStars);
        Assert.Equal(c.Number, dossier.PreviousCertificateNumber);
        Assert.Equal(c.ValidUntil, dossier.PreviousCertificateValidUntil);
        Assert.Equal("Doanh thu 2025 đạt 1,2 tỷ đồng; 6 lao động.", dossier.BusinessResults);

        var slots = await _scenario.SlotsAsync(newId);
        var previous = await _scenario.SlotsAsync(previousId);
        foreach (var key in new[] { "mau-01", "mau-02", "test-report", "updates" })
        {
            var slot = slots.Single(s => s.Key == key);
            Assert.StartsWith(MyCertificatesController.MustUpdateHint, slot.Hint, StringComparison.Ordinal);
            Assert.Empty(slot.Files);
        }

        var carried = slots.Single(s => s.Key == "business-registration");
        Assert.Equal(previous.Single(s => s.Key == "business-registration").Files.Single().FileId, Assert.Single(carried.Files).FileId);
        Assert.DoesNotContain(MyCertificatesController.MustUpdateHint, carried.Hint ?? "", StringComparison.Ordinal);

        var page = await producer.Client.GetDocumentAsync($"/dossiers/{newId}");
        Assert.Contains(MyCertificatesController.MustUpdateHint, page.QuerySelector("[data-slot='mau-01']")!.TextContent);

        // A second start is refused: the product has an open dossier.
        var again = await producer.Client.PostCraftedAsync("/my/certificates", $"/my/certificates/{c.Id}/re-recognition", new Dictionary<string, string>());
        Assert.Equal($"/dossiers/{newId}", again.Headers.Location!.OriginalString);
        Assert.Equal(2, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.CountAsync(d => d.ProductId == c.ProductId)));
    }

    [Fact]
    public async Task Re_recognition_outside_the_window_is_refused_with_its_dates()
    {
        var (producer, _, c) = await CertifiedAsync(400);
        var page = await producer.Client.GetDocumentAsync("/my/certificates");
        Assert.True(page.QuerySelector($"[data-certificate='{c.Id}'] [data-testid=re-recognition]")!.HasAttribute("disabled"));

        var response = await producer.Client.PostCraftedAsync("/my/certificates", $"/my/certificates/{c.Id}/re-recognition", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var flash = await DossierScenario.FlashAsync(producer.Client, response);
        Assert.Contains("Chỉ được nộp hồ sơ đánh giá lại trong thời gian từ", flash);
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.CountAsync(d => d.ProductId == c.ProductId)));
    }

    [Fact]
    public async Task Upgrade_needs_what_changed_and_opens_an_upgrade_dossier()
    {
        var (producer, _, c) = await CertifiedAsync(600);
        var form = $"/my/certificates/{c.Id}/upgrade";
        var empty = await producer.Client.PostFormAsync(form, new Dictionary<string, string> { ["TargetStars"] = "4", ["ChangesSinceRecognition"] = "" });
        Assert.Contains("Hồ sơ nâng hạng phải nêu những thay đổi so với lần công nhận trước.", (await Forms.ParseAsync(empty)).FormErrors());

        var ok = await producer.Client.PostFormAsync(form, new Dictionary<string, string> { ["TargetStars"] = "4", ["ChangesSinceRecognition"] = "Đã được cấp văn bằng nhãn hiệu; bao bì mới có mã truy xuất." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var dossier = await _scenario.DossierAsync(int.Parse(ok.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture));
        Assert.Equal(DossierKind.Upgrade, dossier.Kind);
        Assert.Equal(4, dossier.TargetStars);
        Assert.Equal(c.Number, dossier.PreviousCertificateNumber);
        Assert.NotNull(dossier.ChangesSinceRecognition);
    }

    [Fact]
    public async Task The_council_result_shows_part_means_and_comments_without_who_wrote_them()
    {
        var council = new CouncilScenario(factory);
        var round = await council.RoundAsync(products: 1);
        var entryId = round.EntryIds[0];
        await factory.WithDbAsync(async db =>
        {
            var entry = await db.RoundEntries.SingleAsync(e => e.Id == entryId);
            entry.ResultMean = 72.4m;
            entry.ResultStars = 3;
            entry.ResultDetail = """{"Mean":72.4,"PartMeans":{"A":25.5,"B":17.25,"C":29.65},"Stars":3}""";
            var comments = new (int Seat, string Comment, SheetStatus Status)[]
            {
                (round.Chair.SeatId, "Zbao bì cần cải tiến.", SheetStatus.Submitted),
                (round.First.SeatId, "Câu chuyện sản phẩm hay.", SheetStatus.Submitted),
                (round.Second.SeatId, "Bản nháp chưa nộp.", SheetStatus.Draft),
            };
            foreach (var (seat, comment, status) in comments)
            {
                db.ScoreSheets.Add(new ScoreSheet { RoundEntryId = entryId, SeatId = seat, Status = status, OverallComment = comment, UpdatedAt = DateTimeOffset.UtcNow, Version = Guid.NewGuid() });
            }

            await db.SaveChangesAsync();
        });
        var (producer, _, c) = await CertifiedAsync(700, roundEntryId: entryId);

        var page = await producer.Client.GetDocumentAsync($"/my/certificates/{c.Id}");
        var feedback = page.QuerySelector("[data-testid=feedback]")!;
        Assert.Equal(["A", "B", "C"], feedback.QuerySelectorAll("[data-part]").Select(r => r.GetAttribute("data-part")!));
        Assert.Contains("17,25", feedback.QuerySelector("[data-part=B]")!.TextContent);
        Assert.Equal(["Câu chuyện sản phẩm hay.", "Zbao bì cần cải tiến."], feedback.QuerySelectorAll("[data-testid=comments] li").Select(li => li.TextContent.Trim()));
        var text = page.Body!.TextContent;
        foreach (var name in new[] { "Trần Văn Chủ", "Lê Thị Một", "Phạm Văn Hai", "Bản nháp chưa nộp." })
        {
            Assert.DoesNotContain(name, text);
        }
    }
}
