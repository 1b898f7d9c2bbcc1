using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>Potential 5★ products sent to the ministry: dispatch, then the central result (5★ recorded with its certificate, or below 90).</summary>
public sealed class ReferralTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly RecognitionScenario _scenario = new(factory);

    private Task<MinistryReferral> ReferralAsync(int entryId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().MinistryReferrals.AsNoTracking().SingleAsync(r => r.RoundEntryId == entryId));

    [Fact]
    public async Task Five_stars_from_the_ministry_become_a_recorded_decision_and_a_certificate_with_the_ministrys_number()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(new Result("Mắm cá linh 5 sao", 93.5m, 5), new Result("Bánh pía 4 sao", 80m, 4));
        await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var referral = await ReferralAsync(round["Mắm cá linh 5 sao"].EntryId);
        var url = $"/referrals/{referral.Id}";

        // No result before the dossier is sent.
        var early = await office.Client.PostCraftedAsync(url, $"{url}/result", new Dictionary<string, string>
        {
            ["Result"] = "FiveStars",
            ["MinistryDecisionNumber"] = "3456/QĐ-BNNMT",
            ["MinistryDecisionDate"] = "2026-09-25",
            ["CertificateNumber"] = "123/GCN-BNNMT",
            ["CertificateIssuedOn"] = "2026-09-30",
            ["Version"] = referral.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Hãy ghi nhận công văn gửi hồ sơ lên Bộ trước khi ghi kết quả.", (await Forms.ParseAsync(early)).FormErrors());

        var badDispatch = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["SentReference"] = "", ["SentOn"] = "2099-01-01" }, $"{url}/dispatch");
        var dispatchErrors = (await Forms.ParseAsync(badDispatch)).FormErrors();
        Assert.Contains("Vui lòng nhập số công văn gửi Bộ.", dispatchErrors);
        Assert.Contains("Ngày gửi không được sau hôm nay.", dispatchErrors);
        Assert.Null((await ReferralAsync(referral.RoundEntryId)).SentOn);
        var sent = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["SentReference"] = "215/VPĐP-OCOP", ["SentOn"] = "2026-07-20" }, $"{url}/dispatch");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var missing = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["Result"] = "FiveStars" }, $"{url}/result");
        var errors = (await Forms.ParseAsync(missing)).FormErrors();
        Assert.Contains("Vui lòng nhập số quyết định của Bộ.", errors);
        Assert.Contains("Vui lòng nhập số giấy chứng nhận do Bộ cấp.", errors);
        Assert.Equal(ReferralResult.Pending, (await ReferralAsync(referral.RoundEntryId)).Result);

        var recorded = await office.Client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Result"] = "FiveStars",
            ["CentralScore"] = "91.5",
            ["MinistryDecisionNumber"] = "3456/QĐ-BNNMT",
            ["MinistryDecisionDate"] = "2026-09-25",
            ["CertificateNumber"] = "123/GCN-BNNMT",
            ["CertificateIssuedOn"] = "2026-09-30",
        }, $"{url}/result");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var done = await ReferralAsync(referral.RoundEntryId);
        Assert.Equal(ReferralResult.FiveStars, done.Result);
        Assert.Equal(91.5m, done.CentralScore);
        var certificate = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.Number == "123/GCN-BNNMT"));
        Assert.Equal(5, certificate.Stars);
        Assert.Null(certificate.Sequence);
        Assert.Equal(AuthorityLevel.Ministry, certificate.AuthorityLevel);
        Assert.Equal("Bộ Nông nghiệp và Môi trường", certificate.IssuingAuthority);
        Assert.Equal(new DateOnly(2029, 9, 30), certificate.ValidUntil);
        Assert.Equal("3456/QĐ-BNNMT", certificate.DecisionNumber);
        Assert.False(string.IsNullOrEmpty(certificate.Token));
        var decision = await _scenario.DecisionAsync(certificate.DecisionId!.Value);
        Assert.Equal((DecisionKind.Recorded, DecisionStatus.Issued, AuthorityLevel.Ministry), (decision.Kind, decision.Status, decision.AuthorityLevel));
        Assert.Equal("Mắm cá linh 5 sao", Assert.Single(decision.Lines).ProductName);

        // Recorded once: a second result is refused.
        var again = await office.Client.PostCraftedAsync(url, $"{url}/result", new Dictionary<string, string>
        {
            ["Result"] = "BelowNinety",
            ["CentralScore"] = "80",
            ["FollowUp"] = "ReEvaluate",
            ["Version"] = done.Version.ToString(),
        });
        Assert.Contains("Kết quả của trung ương đã được ghi nhận.", (await Forms.ParseAsync(again)).FormErrors());
        Assert.Equal(ReferralResult.FiveStars, (await ReferralAsync(referral.RoundEntryId)).Result);
    }

    [Fact]
    public async Task Below_ninety_lets_the_province_recognise_from_the_central_score_on_a_draft()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(new Result("Tương hột dưới 90", 90.5m, 5), new Result("Bánh phồng 3 sao", 60m, 3));
        var draftId = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var referral = await ReferralAsync(round["Tương hột dưới 90"].EntryId);
        var url = $"/referrals/{referral.Id}";
        await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["SentReference"] = "216/VPĐP-OCOP", ["SentOn"] = "2026-07-21" }, $"{url}/dispatch");

        var bad = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["Result"] = "BelowNinety", ["CentralScore"] = "95", ["FollowUp"] = "Recognise" }, $"{url}/result");
        Assert.Contains("Điểm của trung ương dưới 90 phải từ 0 đến dưới 90.", (await Forms.ParseAsync(bad)).FormErrors());

        var ok = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["Result"] = "BelowNinety", ["CentralScore"] = "75.25", ["FollowUp"] = "Recognise", ["FollowUpNote"] = "Công nhận 4 sao tại tỉnh." }, $"{url}/result");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var below = await ReferralAsync(referral.RoundEntryId);
        Assert.Equal(ReferralResult.BelowNinety, below.Result);
        Assert.Contains("Công nhận 4 sao tại tỉnh.", below.FollowUp, StringComparison.Ordinal);

        var added = await office.Client.PostFormAsync(url, new Dictionary<string, string> { ["decisionId"] = draftId.ToString(CultureInfo.InvariantCulture) }, $"{url}/recognition");
        Assert.Equal($"/decisions/{draftId}", added.Headers.Location!.OriginalString);
        var line = (await _scenario.DecisionAsync(draftId)).Lines.Single(x => x.RoundEntryId == referral.RoundEntryId);
        Assert.Equal(4, line.Stars);
        Assert.Equal(75.25m, line.Score);

        // Not twice.
        var twice = await office.Client.PostCraftedAsync($"/decisions/{draftId}", $"{url}/recognition", new Dictionary<string, string> { ["decisionId"] = draftId.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("đã có trong một quyết định công nhận", await DossierScenario.FlashAsync(office.Client, twice), StringComparison.Ordinal);
        Assert.Equal(2, (await _scenario.DecisionAsync(draftId)).Lines.Count);
    }
}
