using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// Recognition decisions over HTTP on a real SQLite file: drafting from a finalised round, editing with validation and
/// versions, issuing (certificates numbered gap-free per year, also when two decisions are issued at once), issued
/// decisions refusing every change, amendments superseding certificates, the signed scan and the decision PDF.
/// Each test numbers its certificates in a year of its own, so the per-year sequences do not mix.
/// </summary>
public sealed class DecisionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly RecognitionScenario _scenario = new(factory);

    [Fact]
    public async Task A_draft_from_a_finalised_round_lists_3_and_4_stars_refers_potential_5_and_excludes_the_rest()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(
            new Result("Mắm cá linh Phú Lộc", 93.5m, 5),
            new Result("Bánh pía Vĩnh Châu", 82.2m, 4),
            new Result("Bánh tét lá cẩm", 61.5m, 3),
            new Result("Kẹo dừa Hậu Giang", 72.4m, 3), // ≥ 70 but capped at 3★ by the minimum marks: the frozen star counts
            new Result("Nước mắm nhỏ", 45m, 2),
            new Result("Trà mãng cầu", null, null));

        var preview = await office.Client.GetDocumentAsync($"/decisions/new?roundId={round.RoundId}");
        Assert.Equal(6, preview.QuerySelectorAll("[data-testid=candidates] tbody tr").Length);

        var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var draft = await _scenario.DecisionAsync(id);
        Assert.Equal(DecisionStatus.Draft, draft.Status);
        Assert.Equal(DecisionKind.Recognition, draft.Kind);
        Assert.Equal(round.RoundId, draft.RoundId);
        Assert.Equal(AuthorityLevel.Province, draft.AuthorityLevel);
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", draft.Authority);
        Assert.Matches(@"^\d+/QĐ-UBND$", draft.Number);
        var lines = draft.Lines.OrderBy(x => x.ProductName, StringComparer.Ordinal).ToList();
        Assert.Equal(["Bánh pía Vĩnh Châu", "Bánh tét lá cẩm", "Kẹo dừa Hậu Giang"], lines.Select(x => x.ProductName));
        Assert.Equal([4, 3, 3], lines.Select(x => x.Stars));
        Assert.Equal([82.2m, 61.5m, 72.4m], lines.Select(x => x.Score));
        var pia = round["Bánh pía Vĩnh Châu"];
        var line = lines[0];
        Assert.Equal(pia.EntryId, line.RoundEntryId);
        Assert.Equal(pia.DossierId, line.DossierId);
        Assert.Equal(pia.Producer, line.ProducerName);
        Assert.Equal(6, line.CriteriaSetNumber);
        Assert.False(string.IsNullOrEmpty(line.CategoryCode));
        Assert.StartsWith("Ấp Phú Lộc, Xã Phú Lộc", line.ProducerAddress, StringComparison.Ordinal);
        Assert.Contains("Cần Thơ", line.ProducerAddress, StringComparison.Ordinal);

        var referrals = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().MinistryReferrals.AsNoTracking()
            .Where(r => round.Entries.Select(e => e.EntryId).Contains(r.RoundEntryId)).ToListAsync());
        var referral = Assert.Single(referrals);
        Assert.Equal(round["Mắm cá linh Phú Lộc"].EntryId, referral.RoundEntryId);
        Assert.Equal(93.5m, referral.ProvinceScore);
        Assert.Equal(ReferralResult.Pending, referral.Result);

        var page = await office.Client.GetDocumentAsync($"/decisions/{id}");
        Assert.Contains("Mắm cá linh Phú Lộc", page.QuerySelector("[data-testid=referrals]")!.TextContent, StringComparison.Ordinal);
        var excluded = page.QuerySelector("[data-testid=not-recognised]")!.TextContent;
        Assert.Contains("Nước mắm nhỏ", excluded, StringComparison.Ordinal);
        Assert.Contains("Trà mãng cầu", excluded, StringComparison.Ordinal);
        Assert.Contains("không công nhận", excluded, StringComparison.Ordinal);
        var referralsPage = await office.Client.GetDocumentAsync("/referrals");
        Assert.Contains("Mắm cá linh Phú Lộc", referralsPage.QuerySelector("[data-testid=referrals]")!.TextContent, StringComparison.Ordinal);

        // A round feeds one recognition decision only.
        Assert.NotNull((await office.Client.GetDocumentAsync($"/decisions/new?roundId={round.RoundId}")).QuerySelector("[data-testid=existing]"));
        var again = await office.Client.PostCraftedAsync($"/decisions/{id}", "/decisions/new", new Dictionary<string, string> { ["roundId"] = round.RoundId.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal($"/decisions/{id}", again.Headers.Location!.OriginalString);
        Assert.Contains("đã có quyết định công nhận", await DossierScenario.FlashAsync(office.Client, again), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RecognitionDecisions.CountAsync(d => d.RoundId == round.RoundId)));

        // Removing a line asks first and takes it out; it can be put back; an entry of another round, or one below 3★, cannot be added.
        var removeForm = page.QuerySelector($"form[action='/decisions/{id}/lines/{line.Id}/removal']")!;
        Assert.False(string.IsNullOrEmpty(removeForm.GetAttribute("data-confirm")));
        var removed = await office.Client.PostFormAsync($"/decisions/{id}", new Dictionary<string, string>(), $"/decisions/{id}/lines/{line.Id}/removal");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, (await _scenario.DecisionAsync(id)).Lines.Count);
        var other = await _scenario.FinalisedRoundAsync(new Result("Sản phẩm đợt khác", 75m, 4));
        foreach (var entry in new[] { other.Entries[0].EntryId, round["Nước mắm nhỏ"].EntryId })
        {
            var refused = await office.Client.PostCraftedAsync($"/decisions/{id}", $"/decisions/{id}/lines",
                new Dictionary<string, string> { ["entryId"] = entry.ToString(CultureInfo.InvariantCulture), ["version"] = (await _scenario.DecisionAsync(id)).Version.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.NotNull((await office.Client.GetDocumentAsync($"/decisions/{id}")).QuerySelector("[data-testid=flash-error]"));
            Assert.Equal(2, (await _scenario.DecisionAsync(id)).Lines.Count);
        }

        var readd = await office.Client.PostFormAsync($"/decisions/{id}", new Dictionary<string, string> { ["entryId"] = pia.EntryId.ToString(CultureInfo.InvariantCulture) }, $"/decisions/{id}/lines");
        Assert.Equal(HttpStatusCode.Redirect, readd.StatusCode);
        Assert.Contains((await _scenario.DecisionAsync(id)).Lines, x => x.RoundEntryId == pia.EntryId && x.Stars == 4);
    }

    [Fact]
    public async Task B_issuing_numbers_certificates_in_sequence_valid_36_months_with_unguessable_tokens_and_tells_the_producer()
    {
        var office = await _scenario.OfficeAsync();
        var (owner, producerId) = await _scenario.Dossiers.ProducerAsync();
        var round = await _scenario.FinalisedRoundAsync(
            new Result("Bánh pía B1", 82.2m, 4, ProducerId: producerId), new Result("Bánh tét B2", 61.5m, 3), new Result("Kẹo dừa B3", 55m, 3));
        var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var date = new DateOnly(2024, 2, 29);
        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.CompleteAsync(office.Client, id, "1201/QĐ-UBND", date)).StatusCode);

        var confirm = await office.Client.GetDocumentAsync($"/decisions/{id}/issuance");
        Assert.Equal(3, confirm.QuerySelectorAll("[data-testid=issue-lines] li").Length);
        Assert.Empty(await _scenario.CertificatesAsync(id)); // the confirmation page changes nothing
        var issued = await RecognitionScenario.IssueAsync(office.Client, id);
        Assert.Equal($"/decisions/{id}", issued.Headers.Location!.OriginalString);
        Assert.Contains("cấp 3 giấy chứng nhận", await DossierScenario.FlashAsync(office.Client, issued), StringComparison.Ordinal);

        var decision = await _scenario.DecisionAsync(id);
        Assert.Equal(DecisionStatus.Issued, decision.Status);
        Assert.NotNull(decision.IssuedAt);
        Assert.Equal(office.UserId, decision.IssuedByUserId);
        var certificates = await _scenario.CertificatesAsync(id);
        Assert.Equal([1, 2, 3], certificates.Select(c => c.Sequence!.Value));
        Assert.All(certificates, c => Assert.Equal(2024, c.SequenceYear));
        Assert.Equal(["0001/2024/GCN-OCOP", "0002/2024/GCN-OCOP", "0003/2024/GCN-OCOP"], certificates.Select(c => c.Number));
        Assert.All(certificates, c =>
        {
            Assert.Equal(date, c.IssuedOn);
            Assert.Equal(new DateOnly(2027, 2, 28), c.ValidUntil); // 29/02 + 36 months ends on the month's last day
            Assert.Equal("1201/QĐ-UBND", c.DecisionNumber);
            Assert.Equal(date, c.DecisionDate);
            Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", c.IssuingAuthority);
            Assert.Equal(CertificateState.Active, c.State);
            Assert.Matches("^[A-Za-z0-9_-]{22}$", c.Token); // 128 bits, base64url
            var bits = Convert.FromBase64String(c.Token.Replace('-', '+').Replace('_', '/') + "==");
            Assert.Equal(16, bits.Length);
            var id = BitConverter.GetBytes(c.Id);
            Assert.False(Enumerable.Range(0, 13).Any(i => bits.AsSpan(i, 4).SequenceEqual(id) || bits.AsSpan(i, 4).SequenceEqual(id.Reverse().ToArray())), "the token embeds the id");
            Assert.DoesNotContain(c.Number, c.Token, StringComparison.Ordinal);
            Assert.NotEqual(c.Id.ToString(CultureInfo.InvariantCulture), c.Token);
        });
        Assert.Equal(3, certificates.Select(c => c.Token).Distinct().Count());
        var lines = decision.Lines.ToDictionary(x => x.Id);
        Assert.All(certificates, c =>
        {
            var line = lines[c.DecisionLineId!.Value];
            Assert.Equal((line.ProductName, line.ProducerName, line.ProducerAddress, line.Stars, line.Score, line.ProductId, line.DossierId),
                (c.ProductName, c.ProducerName, c.ProducerAddress, c.Stars, c.Score, c.ProductId, c.DossierId));
        });

        var (notes, mails, audits) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            return (await db.Notifications.Where(n => n.UserId == owner.UserId).Select(n => n.Title).ToListAsync(),
                await db.OutboxEmails.CountAsync(m => m.To == owner.Email),
                await db.AuditEvents.CountAsync(a => a.Action == "decision.issued" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        });
        Assert.Contains("Sản phẩm «Bánh pía B1» được công nhận 4 sao OCOP", notes);
        Assert.True(mails >= 1);
        Assert.Equal(1, audits);

        var page = await office.Client.GetDocumentAsync($"/decisions/{id}");
        Assert.Equal("Đã ban hành", page.QuerySelector("[data-testid=decision-status]")!.TextContent.Trim());
        Assert.Contains("0001/2024/GCN-OCOP", page.QuerySelector("[data-testid=lines]")!.TextContent, StringComparison.Ordinal);
        var list = await office.Client.GetDocumentAsync("/decisions?status=Issued");
        Assert.Contains("1201/QĐ-UBND", list.QuerySelector("[data-testid=decisions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task C_an_issued_decision_refuses_every_draft_route_with_a_message_and_nothing_changes()
    {
        var office = await _scenario.OfficeAsync();
        var issued = await _scenario.IssuedAsync(office.Client, "1301/QĐ-UBND", new DateOnly(2025, 3, 10));
        var id = issued.DecisionId;
        var before = await SnapshotAsync(id);
        var lineId = before.Decision.Lines[0].Id;
        var version = before.Decision.Version.ToString();
        var entry = issued.Round.Entries[0].EntryId.ToString(CultureInfo.InvariantCulture);

        Assert.Equal($"/decisions/{id}", (await office.Client.GetAsync($"/decisions/{id}/edit")).Headers.Location!.OriginalString);
        Assert.Equal($"/decisions/{id}", (await office.Client.GetAsync($"/decisions/{id}/issuance")).Headers.Location!.OriginalString);
        Assert.Equal($"/decisions/{id}", (await office.Client.GetAsync($"/decisions/{id}/lines/{lineId}")).Headers.Location!.OriginalString);
        var attempts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/decisions/{id}/edit", new() { ["Number"] = "9999/QĐ-UBND", ["DecisionDate"] = "2025-03-11", ["Title"] = "Khác", ["Authority"] = "Khác", ["SignatoryName"] = "Khác", ["SignatoryTitle"] = "Khác", ["Version"] = version }),
            ($"/decisions/{id}/lines", new() { ["entryId"] = entry, ["version"] = version }),
            ($"/decisions/{id}/lines/{lineId}/removal", new() { ["version"] = version }),
            ($"/decisions/{id}/lines/{lineId}", new() { ["ProductName"] = "Khác", ["ProducerName"] = "Khác", ["ProducerAddress"] = "Khác", ["Stars"] = "4", ["Version"] = version }),
            ($"/decisions/{id}/deletion", new() { ["version"] = version }),
            ($"/decisions/{id}/issuance", new() { ["version"] = version }),
        };
        foreach (var (url, fields) in attempts)
        {
            var response = await office.Client.PostCraftedAsync($"/decisions/{id}", url, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/decisions/{id}", response.Headers.Location!.OriginalString);
            var flash = await DossierScenario.FlashAsync(office.Client, response);
            Assert.True(flash is not null && (flash.Contains("không được sửa hoặc xoá", StringComparison.Ordinal) || flash.Contains("đã được ban hành", StringComparison.Ordinal)), $"{url}: {flash}");
        }

        // The amendment route starts a new draft; it never touches the amended decision.
        Assert.Equal(before, await SnapshotAsync(id));

        // Even code that bypasses the routes cannot change it: the save guard refuses.
        var bypass = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            var line = await db.DecisionLines.SingleAsync(x => x.Id == lineId);
            line.Stars = 5;
            await db.SaveChangesAsync();
        }));
        Assert.Contains("không được sửa hoặc xoá", bypass.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task D_an_amendment_supersedes_the_corrected_lines_certificates_with_new_numbers()
    {
        var office = await _scenario.OfficeAsync();
        var issued = await _scenario.IssuedAsync(office.Client, "1401/QĐ-UBND", new DateOnly(2023, 5, 20));
        var original = await _scenario.DecisionAsync(issued.DecisionId);
        var target = original.Lines.OrderBy(x => x.SortOrder).First();
        var untouched = issued.Certificates.Single(c => c.DecisionLineId != target.Id);
        var replacedCertificate = issued.Certificates.Single(c => c.DecisionLineId == target.Id);

        var none = await office.Client.PostFormAsync($"/decisions/{issued.DecisionId}/amendment", new Dictionary<string, string>());
        Assert.Contains("Hãy chọn ít nhất một sản phẩm", await DossierScenario.FlashAsync(office.Client, none), StringComparison.Ordinal);
        var drafted = await office.Client.PostFormAsync($"/decisions/{issued.DecisionId}/amendment",
            new Dictionary<string, string> { ["lineIds"] = target.Id.ToString(CultureInfo.InvariantCulture) });
        var amendmentId = int.Parse(drafted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var amendment = await _scenario.DecisionAsync(amendmentId);
        Assert.Equal(DecisionKind.Amendment, amendment.Kind);
        Assert.Equal(issued.DecisionId, amendment.AmendsDecisionId);
        var copy = Assert.Single(amendment.Lines);
        Assert.Equal(target.Id, copy.ReplacesLineId);

        // Bad correction: nothing stored.
        var bad = await office.Client.PostFormAsync($"/decisions/{amendmentId}/lines/{copy.Id}", new Dictionary<string, string> { ["ProducerName"] = "", ["Stars"] = "5" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = (await Forms.ParseAsync(bad)).FormErrors();
        Assert.Contains("Vui lòng nhập tên chủ thể.", errors);
        Assert.Contains("Tỉnh chỉ công nhận hạng 3 sao hoặc 4 sao.", errors);
        Assert.Equal(target.ProducerName, (await _scenario.DecisionAsync(amendmentId)).Lines.Single().ProducerName);

        var corrected = await office.Client.PostFormAsync($"/decisions/{amendmentId}/lines/{copy.Id}",
            new Dictionary<string, string> { ["ProducerName"] = "Hợp tác xã Nông nghiệp Phú Lộc (tên đúng)", ["ProducerAddress"] = "Ấp Phú Lộc 2, Xã Phú Lộc, Thành phố Cần Thơ" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.CompleteAsync(office.Client, amendmentId, "1402/QĐ-UBND", new DateOnly(2023, 8, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.IssueAsync(office.Client, amendmentId)).StatusCode);

        var created = Assert.Single(await _scenario.CertificatesAsync(amendmentId));
        Assert.Equal(3, created.Sequence); // the next number of 2023 after the two of the amended decision
        Assert.Equal("0003/2023/GCN-OCOP", created.Number);
        Assert.Equal("Hợp tác xã Nông nghiệp Phú Lộc (tên đúng)", created.ProducerName);
        Assert.Equal("Ấp Phú Lộc 2, Xã Phú Lộc, Thành phố Cần Thơ", created.ProducerAddress);
        Assert.Equal("1402/QĐ-UBND", created.DecisionNumber);
        Assert.Equal(replacedCertificate.ValidUntil, created.ValidUntil); // a correction does not renew the recognition
        var after = await _scenario.CertificatesAsync(issued.DecisionId);
        var old = after.Single(c => c.Id == replacedCertificate.Id);
        Assert.Equal(CertificateState.Superseded, old.State);
        Assert.Equal(created.Id, old.SupersededById);
        Assert.Equal(replacedCertificate.ProducerName, old.ProducerName); // its printed facts stay as issued
        Assert.Equal(CertificateState.Active, after.Single(c => c.Id == untouched.Id).State);

        // A superseded line cannot be amended again.
        var crafted = await office.Client.PostCraftedAsync($"/decisions/{issued.DecisionId}/amendment", $"/decisions/{issued.DecisionId}/amendment",
            new Dictionary<string, string> { ["lineIds"] = target.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("không còn hiệu lực", await DossierScenario.FlashAsync(office.Client, crafted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_an_upgrade_supersedes_the_certificate_the_dossier_names()
    {
        var office = await _scenario.OfficeAsync();
        var first = await _scenario.IssuedAsync(office.Client, "1501/QĐ-UBND", new DateOnly(2022, 1, 10), new Result("Trà atiso E", 60m, 3));
        var old = Assert.Single(first.Certificates);
        var second = await _scenario.IssuedAsync(office.Client, "1502/QĐ-UBND", new DateOnly(2022, 9, 10),
            new Result("Trà atiso E (nâng hạng)", 78m, 4, DossierKind.Upgrade, old.Number, old.ProducerId));
        var replacement = Assert.Single(second.Certificates);
        var now = Assert.Single(await _scenario.CertificatesAsync(first.DecisionId));
        Assert.Equal(CertificateState.Superseded, now.State);
        Assert.Equal(replacement.Id, now.SupersededById);
        Assert.Equal(2, replacement.Sequence);
    }

    [Fact]
    public async Task F_two_decisions_issued_at_once_get_gap_free_unique_numbers()
    {
        var office1 = await _scenario.OfficeAsync();
        var office2 = await _scenario.OfficeAsync();
        var date = new DateOnly(2021, 6, 15);
        var ids = new List<int>();
        foreach (var (office, number, n) in new[] { (office1, "1601/QĐ-UBND", 6), (office2, "1602/QĐ-UBND", 5) })
        {
            var round = await _scenario.FinalisedRoundAsync(Enumerable.Range(1, n).Select(i => new Result($"Sản phẩm {number} số {i}", 60m + i, i % 2 == 0 ? 4 : 3)).ToArray());
            var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
            Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.CompleteAsync(office.Client, id, number, date)).StatusCode);
            ids.Add(id);
        }

        // Both confirmation forms are read first, then both posts race.
        var posts = new List<(HttpClient Client, string Url, FormUrlEncodedContent Body)>();
        foreach (var (client, id) in new[] { (office1.Client, ids[0]), (office2.Client, ids[1]) })
        {
            var page = await client.GetDocumentAsync($"/decisions/{id}/issuance");
            var form = page.QuerySelector($"form[action='/decisions/{id}/issuance']")!;
            var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            posts.Add((client, $"/decisions/{id}/issuance", new FormUrlEncodedContent(fields)));
        }

        var responses = await Task.WhenAll(posts.Select(p => p.Client.PostAsync(p.Url, p.Body)));
        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, responses[i].StatusCode);
            Assert.Contains("Đã ban hành", await DossierScenario.FlashAsync(posts[i].Client, responses[i]), StringComparison.Ordinal);
        }

        var all = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking()
            .Where(c => c.SequenceYear == 2021).ToListAsync());
        Assert.Equal(11, all.Count);
        Assert.Equal(Enumerable.Range(1, 11), all.Select(c => c.Sequence!.Value).Order());
        Assert.Equal(11, all.Select(c => c.Number).Distinct().Count());
        Assert.Equal(6, all.Count(c => c.DecisionId == ids[0]));
        Assert.Equal(5, all.Count(c => c.DecisionId == ids[1]));
        // Each decision's certificates are a consecutive block.
        foreach (var id in ids)
        {
            var seq = all.Where(c => c.DecisionId == id).Select(c => c.Sequence!.Value).Order().ToList();
            Assert.Equal(Enumerable.Range(seq[0], seq.Count), seq);
        }

        var counter = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().NumberSequences.AsNoTracking()
            .SingleAsync(s => s.Key == CertificateIssuer.SequenceKey(2021)));
        Assert.Equal(11, counter.Last);
    }

    [Fact]
    public async Task G_bad_input_shows_a_vietnamese_message_and_stores_nothing()
    {
        var office = await _scenario.OfficeAsync();
        var taken = await _scenario.IssuedAsync(office.Client, "1701/QĐ-UBND", new DateOnly(2020, 5, 5), new Result("Sản phẩm G0", 65m, 3));
        var round = await _scenario.FinalisedRoundAsync(new Result("Sản phẩm G1", 66m, 3));
        var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var before = await _scenario.DecisionAsync(id);

        async Task<IReadOnlyList<string>> ErrorsAsync(Dictionary<string, string> fields)
        {
            var response = await RecognitionScenario.CompleteAsync(office.Client, id, fields.GetValueOrDefault("Number", "1702/QĐ-UBND"),
                new DateOnly(2020, 6, 1), fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Forms.ParseAsync(response);
            Assert.Equal(fields.GetValueOrDefault("SignatoryTitle", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), page.QuerySelector("#SignatoryTitle")!.GetAttribute("value")); // what was typed stays
            return page.FormErrors();
        }

        Assert.Contains("Vui lòng nhập số quyết định.", await ErrorsAsync(new() { ["Number"] = "" }));
        Assert.Contains("Số quyết định viết theo dạng 123/QĐ-UBND.", await ErrorsAsync(new() { ["Number"] = "QĐ số mười" }));
        Assert.Contains("Ngày quyết định không được sau hôm nay.", await ErrorsAsync(new() { ["DecisionDate"] = "2099-01-01" }));
        Assert.Contains("Vui lòng nhập họ tên người ký.", await ErrorsAsync(new() { ["SignatoryName"] = " " }));
        Assert.Contains("Vui lòng nhập ngày quyết định.", await ErrorsAsync(new() { ["DecisionDate"] = "" }));
        Assert.Contains("Số quyết định 1701/QĐ-UBND đã được dùng cho một quyết định đã ban hành; hãy sửa số quyết định.", await ErrorsAsync(new() { ["Number"] = "1701/QĐ-UBND" }));
        var unchanged = await _scenario.DecisionAsync(id);
        Assert.Equal((before.Number, before.DecisionDate, before.SignatoryName, before.Version), (unchanged.Number, unchanged.DecisionDate, unchanged.SignatoryName, unchanged.Version));

        // A stale form: conflict message, the typed values kept, nothing saved.
        var page = await office.Client.GetDocumentAsync($"/decisions/{id}/edit");
        var staleVersion = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.CompleteAsync(office.Client, id, "1703/QĐ-UBND", new DateOnly(2020, 6, 2))).StatusCode);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stale = await office.Client.PostAsync($"/decisions/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = staleVersion,
            ["Number"] = "1704/QĐ-UBND",
            ["DecisionDate"] = "2020-06-03",
            ["Title"] = "Trích yếu cũ",
            ["Authority"] = "Ủy ban nhân dân thành phố Cần Thơ",
            ["SignatoryName"] = "Người khác",
            ["SignatoryTitle"] = "CHỦ TỊCH",
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var stalePage = await Forms.ParseAsync(stale);
        Assert.Contains(stalePage.FormErrors(), e => e.StartsWith("Quyết định vừa được người khác cập nhật.", StringComparison.Ordinal));
        Assert.Equal("1704/QĐ-UBND", stalePage.QuerySelector("#Number")!.GetAttribute("value"));
        Assert.Equal("1703/QĐ-UBND", (await _scenario.DecisionAsync(id)).Number);

        // Issuing with a number another issued decision took meanwhile is refused: still a draft, no certificate.
        await factory.WithDbAsync(async db =>
        {
            var d = await db.RecognitionDecisions.SingleAsync(x => x.Id == id);
            d.Number = taken.Number;
            await db.SaveChangesAsync();
        });
        var refused = await RecognitionScenario.IssueAsync(office.Client, id);
        Assert.Equal("Số quyết định 1701/QĐ-UBND đã được dùng cho một quyết định đã ban hành; hãy sửa số quyết định.", await DossierScenario.FlashAsync(office.Client, refused));
        Assert.Equal(DecisionStatus.Draft, (await _scenario.DecisionAsync(id)).Status);
        Assert.Empty(await _scenario.CertificatesAsync(id));

        // An incomplete draft (no signatory yet) is not issued either.
        await factory.WithDbAsync(async db =>
        {
            var d = await db.RecognitionDecisions.SingleAsync(x => x.Id == id);
            d.Number = "1705/QĐ-UBND";
            d.SignatoryName = "";
            await db.SaveChangesAsync();
        });
        var incomplete = await RecognitionScenario.IssueAsync(office.Client, id);
        Assert.Contains("Vui lòng nhập họ tên người ký.", await DossierScenario.FlashAsync(office.Client, incomplete), StringComparison.Ordinal);
        Assert.Empty(await _scenario.CertificatesAsync(id));
        Assert.Equal(1, (await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().NumberSequences.AsNoTracking()
            .SingleAsync(s => s.Key == CertificateIssuer.SequenceKey(2020)))).Last); // no number was used up
    }

    [Fact]
    public async Task H_decisions_are_office_only()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(new Result("Sản phẩm H1", 70m, 4));
        var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var referral = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().MinistryReferrals.Select(r => r.Id).FirstOrDefaultAsync());
        var (producer, _) = await _scenario.Dossiers.ProducerAsync();
        var others = new[] { producer, await _scenario.Dossiers.SignedInAsync(Roles.CouncilChair), await _scenario.Dossiers.SignedInAsync(Roles.CouncilMember), await _scenario.Dossiers.CommuneOfficerAsync() };
        var urls = new[] { "/decisions", $"/decisions/{id}", $"/decisions/{id}/edit", $"/decisions/{id}/decision.pdf", $"/decisions/new?roundId={round.RoundId}", $"/decisions/{id}/issuance", "/referrals", $"/referrals/{referral}" };
        foreach (var actor in others)
        {
            foreach (var url in urls)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await actor.Client.GetAsync(url)).StatusCode);
            }

            var post = await actor.Client.PostCraftedAsync("/", $"/decisions/{id}/issuance", new Dictionary<string, string> { ["version"] = Guid.Empty.ToString() });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(DecisionStatus.Draft, (await _scenario.DecisionAsync(id)).Status);
    }

    [Fact]
    public async Task I_the_decision_pdf_reads_back_in_vietnamese_marked_draft_until_issued()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(new Result("Bánh pía sầu riêng Vĩnh Châu", 82.2m, 4), new Result("Bánh tét lá cẩm Phú Lộc", 61.5m, 3));
        var id = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.CompleteAsync(office.Client, id, "1901/QĐ-UBND", new DateOnly(2026, 7, 15))).StatusCode);

        var draft = await PdfTextAsync(await office.Client.GetAsync($"/decisions/{id}/decision.pdf"));
        AssertHas(draft, "DỰ THẢO", "QUYẾT ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1901/QĐ-UBND",
            "Cần Thơ, ngày 15 tháng 7 năm 2026", "Căn cứ Quyết định 26/2026/QĐ-TTg", "Điều 1.", "Điều 2.", "Điều 3.", "36 tháng",
            "PHỤ LỤC", "Bánh pía sầu riêng Vĩnh Châu", "Bánh tét lá cẩm Phú Lộc", "4 sao", "3 sao", "82,20", "Trần Văn Ký", round.Name.ToLowerInvariant());

        Assert.Equal(HttpStatusCode.Redirect, (await RecognitionScenario.IssueAsync(office.Client, id)).StatusCode);
        var issued = await PdfTextAsync(await office.Client.GetAsync($"/decisions/{id}/decision.pdf"));
        AssertHas(issued, "Số: 1901/QĐ-UBND", "QUYẾT ĐỊNH", "Bánh pía sầu riêng Vĩnh Châu", "4 sao", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ");
        Assert.DoesNotContain(Flat("DỰ THẢO"), Flat(issued), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync("/decisions/999999/decision.pdf")).StatusCode);
    }

    [Fact]
    public async Task J_a_signed_scan_is_attached_after_issue_only_as_a_real_pdf_and_downloads()
    {
        var office = await _scenario.OfficeAsync();
        var round = await _scenario.FinalisedRoundAsync(new Result("Sản phẩm J1", 70m, 4));
        var draftId = await RecognitionScenario.DraftAsync(office.Client, round.RoundId);
        var early = await office.Client.PostCraftedAsync($"/decisions/{draftId}", $"/decisions/{draftId}/scan", new Dictionary<string, string>(), ("file", "scan.pdf", TestFiles.Pdf()));
        Assert.Contains("sau khi quyết định đã ban hành", await DossierScenario.FlashAsync(office.Client, early), StringComparison.Ordinal);

        var issued = await _scenario.IssuedAsync(office.Client, "2001/QĐ-UBND", new DateOnly(2026, 1, 20), new Result("Sản phẩm J2", 71m, 4));
        var url = $"/decisions/{issued.DecisionId}";
        var fake = await office.Client.PostFileAsync(url, $"{url}/scan", "file", "quyet-dinh.pdf", Encoding.UTF8.GetBytes("không phải PDF"), new Dictionary<string, string>());
        Assert.NotNull(await DossierScenario.FlashAsync(office.Client, fake));
        Assert.Null((await _scenario.DecisionAsync(issued.DecisionId)).SignedScanFileId);

        var ok = await office.Client.PostFileAsync(url, $"{url}/scan", "file", "quyet-dinh-2001.pdf", TestFiles.Pdf(), new Dictionary<string, string>());
        Assert.Contains("Đã đính kèm", await DossierScenario.FlashAsync(office.Client, ok), StringComparison.Ordinal);
        var decision = await _scenario.DecisionAsync(issued.DecisionId);
        Assert.NotNull(decision.SignedScanFileId);
        Assert.Equal(DecisionStatus.Issued, decision.Status);
        var download = await office.Client.GetAsync($"{url}/scan");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task K_the_list_is_paged_and_says_when_it_is_empty()
    {
        using var fresh = new PortalFactory();
        var scenario = new RecognitionScenario(fresh);
        var office = await scenario.OfficeAsync();
        var empty = await office.Client.GetDocumentAsync("/decisions");
        Assert.NotNull(empty.QuerySelector("[data-testid=empty]"));
        var round = await scenario.FinalisedRoundAsync(new Result("Sản phẩm K", 70m, 4));
        Assert.NotNull((await office.Client.GetDocumentAsync("/decisions")).QuerySelector($"[data-testid=open-rounds] a[href='/decisions/new?roundId={round.RoundId}']"));
        Assert.NotNull((await office.Client.GetDocumentAsync($"/rounds/{round.RoundId}")).QuerySelector("[data-testid=draft-decision-link]"));
        await fresh.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
            {
                db.RecognitionDecisions.Add(new RecognitionDecision
                {
                    Kind = DecisionKind.Recognition,
                    Status = DecisionStatus.Draft,
                    Number = $"{i + 1}/QĐ-UBND",
                    DecisionDate = new DateOnly(2026, 1, 1).AddDays(i),
                    Title = "Dự thảo " + i,
                    Authority = "Ủy ban nhân dân thành phố Cần Thơ",
                    AuthorityLevel = AuthorityLevel.Province,
                    CreatedAt = DateTimeOffset.UtcNow,
                    CreatedByUserId = office.UserId,
                    Version = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
        });
        var first = await office.Client.GetDocumentAsync("/decisions");
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=decisions] tbody tr").Length);
        var second = await office.Client.GetDocumentAsync("/decisions?page=2");
        Assert.Equal(5, second.QuerySelectorAll("[data-testid=decisions] tbody tr").Length);
    }

    private sealed record Snapshot(RecognitionDecision Decision, string Lines, string Certificates)
    {
        public bool Equals(Snapshot? other) => other is not null && Lines == other.Lines && Certificates == other.Certificates
            && (Decision.Number, Decision.DecisionDate, Decision.Title, Decision.SignatoryName, Decision.Status, Decision.Version)
            == (other.Decision.Number, other.Decision.DecisionDate, other.Decision.Title, other.Decision.SignatoryName, other.Decision.Status, other.Decision.Version);

        public override int GetHashCode() => Lines.GetHashCode(StringComparison.Ordinal);
    }

    private async Task<Snapshot> SnapshotAsync(int id)
    {
        var decision = await _scenario.DecisionAsync(id);
        decision.Lines = decision.Lines.OrderBy(x => x.Id).ToList();
        var lines = string.Join("|", decision.Lines.Select(x => $"{x.Id}:{x.ProductName}:{x.ProducerName}:{x.ProducerAddress}:{x.Stars}:{x.Score}"));
        var certificates = string.Join("|", (await _scenario.CertificatesAsync(id)).Select(c => $"{c.Id}:{c.Number}:{c.State}:{c.ProducerName}:{c.ValidUntil}:{c.Version}"));
        return new Snapshot(decision, lines, certificates);
    }

    private static string Flat(string s) => Regex.Replace(s.Normalize(NormalizationForm.FormC), @"\s+", "");

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var doc = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", doc.GetPages().Select(p => p.Text.Normalize(NormalizationForm.FormC)));
    }

    private static void AssertHas(string text, params string[] pieces)
    {
        var flat = Flat(text);
        foreach (var piece in pieces)
        {
            Assert.True(flat.Contains(Flat(piece), StringComparison.Ordinal), $"«{piece}» not in the PDF text:\n{text}");
        }
    }
}
