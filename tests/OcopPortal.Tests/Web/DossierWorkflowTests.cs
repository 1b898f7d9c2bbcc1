using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The dossier from draft to accepted through HTTP, and the rules that must hold on the way.</summary>
public sealed class DossierWorkflowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _s = new(factory);

    private Task<int> CountAsync<T>() where T : class => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<T>().CountAsync());

    [Fact]
    public async Task Opening_a_dossier_generates_the_checklist_for_the_kind_set_and_target()
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var id = await DossierScenario.OpenAsync(producer, await _s.ProductAsync(producerId));

        var slots = await _s.SlotsAsync(id);
        var required = slots.Where(s => s.Required).Select(s => s.Key).ToList();
        Assert.Equal(["mau-01", "mau-02", "business-registration", "food-safety", "quality-declaration", "test-report", "trademark", "label"], required);
        Assert.DoesNotContain(slots, s => s.Key == "financial-statements" && s.Required);

        var page = await producer.Client.GetDocumentAsync($"/dossiers/{id}");
        Assert.Equal("Bản nháp", page.QuerySelector("[data-testid=dossier-status]")!.TextContent.Trim());
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=missing] li").Length);

        // Raising the target to 4★ makes the financial statements required; nothing uploaded is lost.
        var actions = await DossierScenario.UploadActionsAsync(producer.Client, id);
        await DossierScenario.UploadAsync(producer.Client, id, actions["story"], "cau-chuyen.pdf", TestFiles.Pdf());
        var response = await producer.Client.PostFormAsync($"/dossiers/{id}", new Dictionary<string, string> { ["TargetStars"] = "4" }, $"/dossiers/{id}/details");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        slots = await _s.SlotsAsync(id);
        Assert.True(slots.Single(s => s.Key == "financial-statements").Required);
        Assert.Single(slots.Single(s => s.Key == "story").Files);
    }

    [Fact]
    public async Task Submitting_with_a_missing_slot_lists_exactly_what_is_missing_and_changes_nothing()
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var id = await DossierScenario.OpenAsync(producer, await _s.ProductAsync(producerId));
        await _s.FillRequiredAsync(producer.Client, id, skip: ["test-report", "label"]);
        await DossierScenario.SelfAssessAsync(producer.Client, id);
        var before = await _s.DossierAsync(id);
        var events = await CountAsync<DossierEvent>();

        var response = await DossierScenario.PostOnDossierAsync(producer.Client, id, "submission");
        var message = await DossierScenario.FlashAsync(producer.Client, response);

        Assert.Equal("Chưa nộp được: còn thiếu 2 tài liệu bắt buộc: Phiếu kết quả kiểm nghiệm sản phẩm; Ảnh nhãn, bao bì sản phẩm.", message);
        var after = await _s.DossierAsync(id);
        Assert.Equal(DossierStatus.Draft, after.Status);
        Assert.Null(after.Number);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(events, await CountAsync<DossierEvent>());
    }

    [Fact]
    public async Task Submission_without_a_self_assessment_is_refused()
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var id = await DossierScenario.OpenAsync(producer, await _s.ProductAsync(producerId));
        await _s.FillRequiredAsync(producer.Client, id);

        var response = await DossierScenario.PostOnDossierAsync(producer.Client, id, "submission");

        Assert.Equal("Chưa nộp được: hãy chấm phần tự đánh giá (Mẫu 02) trước khi nộp.", await DossierScenario.FlashAsync(producer.Client, response));
        Assert.Equal(DossierStatus.Draft, await _s.StatusAsync(id));
    }

    [Fact]
    public async Task Submission_numbers_the_dossier_pins_the_rules_and_starts_the_commune_deadline()
    {
        var (producer, id) = await _s.SubmittedAsync();

        var d = await _s.DossierAsync(id);
        Assert.Matches(@"^\d+/PĐK-92-31756-\d{4}$", d.Number!);
        Assert.NotNull(d.SubmittedAt);
        var submittedOn = DateOnly.FromDateTime(d.SubmittedAt!.Value.ToLocalTime().Date);
        Assert.InRange(d.CommuneDueOn!.Value.DayNumber - submittedOn.DayNumber, 15, 40); // 15 working days, holidays and weekends skipped
        Assert.NotNull(d.SelfAssessedTotal);

        // Nothing in a submitted dossier is editable by the producer any more.
        var page = await producer.Client.GetDocumentAsync($"/dossiers/{id}");
        Assert.Empty(page.QuerySelectorAll("form[data-upload]"));
        var slot = (await _s.SlotsAsync(id)).First();
        var sneaky = await producer.Client.PostCraftedAsync($"/dossiers/{id}", $"/dossiers/{id}/slots/{slot.Id}/files", new Dictionary<string, string>(), ("file", "x.pdf", TestFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, sneaky.StatusCode);
        Assert.Contains("Không thể thay đổi tài liệu này", (await producer.Client.GetDocumentAsync($"/dossiers/{id}")).QuerySelector("[data-testid=flash-error], [data-testid=upload-error]")?.TextContent ?? "");
        Assert.Equal(slot.Files.Count, (await _s.SlotsAsync(id)).First().Files.Count);
    }

    [Fact]
    public async Task The_whole_path_commune_check_supplement_resubmission_and_acceptance()
    {
        var (producer, id) = await _s.SubmittedAsync();
        var officer = await _s.CommuneOfficerAsync();

        // The commune sees it with its deadline; it cannot forward before its assessment (Mẫu 03).
        var list = await officer.Client.GetDocumentAsync("/dossiers");
        Assert.NotNull(list.QuerySelector($"tr[data-dossier='{id}']"));
        var version = (await _s.DossierAsync(id)).Version.ToString();
        var early = await officer.Client.PostCraftedAsync($"/dossiers/{id}", $"/dossiers/{id}/forwarding", new Dictionary<string, string> { ["Version"] = version });
        Assert.Equal("Chưa chuyển được: hãy lập báo cáo đánh giá của xã (Mẫu 03) trước.", await DossierScenario.FlashAsync(officer.Client, early));

        var bad = await officer.Client.PostFormAsync($"/dossiers/{id}/commune-assessment", new Dictionary<string, string> { ["LocalLabour"] = "" });
        Assert.Contains("Vui lòng đánh giá việc sử dụng lao động địa phương.", (await Forms.ParseAsync(bad)).FormErrors());
        Assert.Equal(0, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CommuneAssessments.CountAsync(a => a.DossierId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.PostFormAsync($"/dossiers/{id}/commune-assessment", DossierScenario.Assessment)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DossierScenario.PostOnDossierAsync(officer.Client, id, "forwarding")).StatusCode);
        Assert.Equal(DossierStatus.AtProvince, await _s.StatusAsync(id));

        // The office asks for a newer test report by a date.
        var office = await _s.SignedInAsync(Roles.Office);
        var testReport = (await _s.SlotsAsync(id)).Single(s => s.Key == "test-report");
        var due = DateOnly.FromDateTime(DateTime.Today.AddDays(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var noSlot = await DossierScenario.PostOnDossierAsync(office.Client, id, "supplement-requests", new() { ["DueOn"] = due, ["Message"] = "Thiếu" });
        Assert.Equal(DossierStatus.AtProvince, await _s.StatusAsync(id));
        Assert.Contains("Hãy chọn ít nhất một tài liệu cần bổ sung.", (await office.Client.GetDocumentAsync(noSlot.Headers.Location!.OriginalString)).QuerySelector("[data-testid=supplement-errors]")!.TextContent);

        var asked = await DossierScenario.PostOnDossierAsync(office.Client, id, "supplement-requests", new()
        {
            ["SlotIds"] = testReport.Id.ToString(CultureInfo.InvariantCulture),
            ["DueOn"] = due,
            ["Message"] = "Phiếu kiểm nghiệm đã quá 12 tháng; đề nghị nộp phiếu mới.",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(DossierStatus.SupplementRequested, await _s.StatusAsync(id));

        // The producer is told (email + in-app), and only the named slot is open.
        var page = await producer.Client.GetDocumentAsync($"/dossiers/{id}");
        Assert.Equal("3", page.QuerySelector("[data-testid=unread-count]")?.TextContent.Trim()); // submitted, forwarded, supplement
        var newest = (await producer.Client.GetDocumentAsync("/notifications")).QuerySelector("[data-testid=notifications] li")!.TextContent;
        Assert.Contains("Yêu cầu bổ sung hồ sơ", newest);
        Assert.Contains("Phiếu kiểm nghiệm đã quá 12 tháng", page.QuerySelector("[data-testid=open-supplement]")!.TextContent);
        var open = page.QuerySelectorAll("[data-slot]").Where(li => li.QuerySelector("form[data-upload]") is not null).Select(li => li.GetAttribute("data-slot")).ToList();
        Assert.Equal(["test-report"], open);
        Assert.True(await factory.WithScopeAsync(sp =>
            sp.GetRequiredService<OcopDbContext>().OutboxEmails.AnyAsync(e => e.Kind == "dossier.supplementrequested" && e.To == producer.Email && e.TextBody.Contains("Phiếu kiểm nghiệm đã quá 12 tháng"))));

        // Another slot stays closed even when posted to directly.
        var label = (await _s.SlotsAsync(id)).Single(s => s.Key == "label");
        var actions = await DossierScenario.UploadActionsAsync(producer.Client, id);
        var current = testReport.Files.Single();
        var replaced = await DossierScenario.UploadAsync(producer.Client, id, actions["test-report"], "kiem-nghiem-2026.pdf", TestFiles.Pdf(), current.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var files = (await _s.SlotsAsync(id)).Single(s => s.Key == "test-report").Files.OrderBy(f => f.VersionNumber).ToList();
        Assert.Equal(2, files.Count);
        Assert.NotNull(files[0].SupersededAt); // the old report stays, superseded
        Assert.Equal(2, files[1].VersionNumber);
        Assert.Equal(files[0].Id, files[1].Replaces);

        var closed = await producer.Client.PostCraftedAsync($"/dossiers/{id}", $"/dossiers/{id}/slots/{label.Id}/files", new Dictionary<string, string>(), ("file", "nhan.pdf", TestFiles.Pdf()));
        Assert.StartsWith("Không thể thay đổi tài liệu này", await DossierScenario.FlashAsync(producer.Client, closed));
        Assert.Single((await _s.SlotsAsync(id)).Single(s => s.Key == "label").Files);

        Assert.Equal(HttpStatusCode.Redirect, (await DossierScenario.PostOnDossierAsync(producer.Client, id, "resubmission")).StatusCode);
        Assert.Equal(DossierStatus.AtProvince, await _s.StatusAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await DossierScenario.PostOnDossierAsync(office.Client, id, "acceptance")).StatusCode);
        Assert.Equal(DossierStatus.Accepted, await _s.StatusAsync(id));

        var history = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(
            [DossierEventKind.Created, DossierEventKind.Submitted, DossierEventKind.CommuneAssessed, DossierEventKind.Forwarded,
             DossierEventKind.SupplementRequested, DossierEventKind.Resubmitted, DossierEventKind.Accepted],
            history);
        var audit = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.Where(a => a.EntityType == "Dossier" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Contains("dossier.accepted", audit);
        Assert.Contains("dossier.file-replaced", audit);
    }

    [Fact]
    public async Task Two_officers_acting_at_once_the_second_gets_a_conflict_and_nothing_is_lost()
    {
        var (_, _, id) = await _s.ForwardedAsync();
        var first = await _s.SignedInAsync(Roles.Office);
        var second = await _s.SignedInAsync(Roles.Office);

        // Both load the dossier page; the first accepts, then the second (on the stale page) rejects.
        var firstPage = await first.Client.GetDocumentAsync($"/dossiers/{id}");
        var secondPage = await second.Client.GetDocumentAsync($"/dossiers/{id}");
        string Field(AngleSharp.Html.Dom.IHtmlDocument p, string action, string name) =>
            p.QuerySelector($"form[action='/dossiers/{id}/{action}'] input[name={name}]")!.GetAttribute("value")!;

        var accepted = await first.Client.PostAsync($"/dossiers/{id}/acceptance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = Field(firstPage, "acceptance", "Version"),
            ["__RequestVerificationToken"] = Field(firstPage, "acceptance", "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var rejected = await second.Client.PostAsync($"/dossiers/{id}/rejection", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = Field(secondPage, "rejection", "Version"),
            ["Reason"] = "Thiếu giấy chứng nhận an toàn thực phẩm.",
            ["__RequestVerificationToken"] = Field(secondPage, "rejection", "__RequestVerificationToken"),
        }));

        Assert.Equal("Hồ sơ vừa được người khác xử lý hoặc cập nhật. Trang đã được tải lại với thông tin mới nhất; thao tác của bạn chưa được thực hiện.",
            await DossierScenario.FlashAsync(second.Client, rejected));
        Assert.Equal(DossierStatus.Accepted, await _s.StatusAsync(id));
        var kinds = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().DossierEvents.Where(e => e.DossierId == id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(DossierEventKind.Accepted, kinds);
        Assert.DoesNotContain(DossierEventKind.Rejected, kinds);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_withdrawal_ends_the_dossier()
    {
        var (producer, _, id) = await _s.ForwardedAsync();
        var office = await _s.SignedInAsync(Roles.Office);

        var noReason = await DossierScenario.PostOnDossierAsync(office.Client, id, "rejection", new() { ["Reason"] = " " });
        Assert.Equal("Vui lòng nêu lý do không tiếp nhận hồ sơ.", await DossierScenario.FlashAsync(office.Client, noReason));
        Assert.Equal(DossierStatus.AtProvince, await _s.StatusAsync(id));

        await DossierScenario.PostOnDossierAsync(producer.Client, id, "withdrawal", new() { ["Reason"] = "Chưa kịp kiểm nghiệm lại." });
        Assert.Equal(DossierStatus.Withdrawn, await _s.StatusAsync(id));

        // A withdrawn dossier offers no further steps to anyone.
        var officePage = await office.Client.GetDocumentAsync($"/dossiers/{id}");
        Assert.Null(officePage.QuerySelector("[data-testid=accept]"));
        Assert.Null(officePage.QuerySelector("[data-testid=reject]"));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_stored_files_are_unchanged()
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var id = await DossierScenario.OpenAsync(producer, await _s.ProductAsync(producerId));
        var actions = await DossierScenario.UploadActionsAsync(producer.Client, id);
        await DossierScenario.UploadAsync(producer.Client, id, actions["test-report"], "kiem-nghiem.pdf", TestFiles.Pdf());
        var files = await CountAsync<OcopPortal.Web.Infrastructure.Files.StoredFile>();

        async Task<string?> RefusalAsync(string name, byte[] content)
        {
            var response = await DossierScenario.UploadAsync(producer.Client, id, actions["test-report"], name, content);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (await producer.Client.GetDocumentAsync($"/dossiers/{id}")).QuerySelector("[data-testid=upload-error]")?.TextContent.Trim();
        }

        Assert.Equal("Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; nội dung tệp «bao-cao.pdf» không phải là PDF.", await RefusalAsync("bao-cao.pdf", TestFiles.Html()));
        Assert.StartsWith("Tệp quá lớn: tối đa 20 MB mỗi tệp", await RefusalAsync("anh-lon.pdf", [.. TestFiles.Pdf(), .. new byte[21 * 1024 * 1024]]));
        var traversal = await RefusalAsync("../../x.pdf", TestFiles.Pdf());
        Assert.True(traversal is null || traversal.Length > 0);

        var slot = (await _s.SlotsAsync(id)).Single(s => s.Key == "test-report");
        Assert.Equal(traversal is null ? 2 : 1, slot.Files.Count); // a path-like name is reduced to its file name, never a path
        Assert.Equal(files + (traversal is null ? 1 : 0), await CountAsync<OcopPortal.Web.Infrastructure.Files.StoredFile>());
        var names = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StoredFiles.Select(f => f.OriginalName).ToListAsync());
        Assert.DoesNotContain(names, n => n.Contains('/', StringComparison.Ordinal) || n.Contains("..", StringComparison.Ordinal));
    }
}

/// <summary>The snapshot: a submitted dossier keeps the criteria it was filed under (own database: this publishes rules).</summary>
public sealed class DossierSnapshotTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _s = new(factory);

    [Fact]
    public async Task Publishing_new_rules_later_does_not_change_a_submitted_dossier_criteria()
    {
        var (producer, id) = await _s.SubmittedAsync();
        var (other, otherProducerId) = await _s.ProducerAsync();
        var draftBefore = await DossierScenario.OpenAsync(other, await _s.ProductAsync(otherProducerId));
        var pinned = await _s.DossierAsync(id);
        string[] Tree(OcopDbContext db) => [.. db.CriterionNodes.Where(n => n.CriteriaSetId == pinned.CriteriaSetId).OrderBy(n => n.Id).Select(n => n.Code + "|" + n.Max)];
        var before = await factory.WithScopeAsync(sp => Task.FromResult(Tree(sp.GetRequiredService<OcopDbContext>())));

        // An admin copies the rules in force and publishes the copy, in force from today.
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        var copied = await admin.PostFormAsync($"/rules/{pinned.RuleSetId}/copy", new Dictionary<string, string> { ["Code"] = "QD-26-2026-SUA-DOI" });
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var newRules = copied.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(newRules, new Dictionary<string, string>(), newRules + "/publish")).StatusCode);

        var after = await _s.DossierAsync(id);
        Assert.Equal(pinned.CriteriaSetId, after.CriteriaSetId);
        Assert.Equal(pinned.RuleSetId, after.RuleSetId);
        Assert.Equal(before, await factory.WithScopeAsync(sp => Task.FromResult(Tree(sp.GetRequiredService<OcopDbContext>()))));
        var code = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RuleSets.Where(r => r.Id == pinned.RuleSetId).Select(r => r.Code).SingleAsync());
        Assert.Contains(code, (await producer.Client.GetDocumentAsync($"/dossiers/{id}")).QuerySelector("[data-testid=criteria-set]")!.TextContent);

        // A dossier opened now pins the new set; a draft begun under the old rules must be started again.
        var (fresh, freshProducerId) = await _s.ProducerAsync();
        var freshId = await DossierScenario.OpenAsync(fresh, await _s.ProductAsync(freshProducerId));
        Assert.NotEqual(pinned.CriteriaSetId, (await _s.DossierAsync(freshId)).CriteriaSetId);

        await _s.FillRequiredAsync(other.Client, draftBefore);
        await DossierScenario.SelfAssessAsync(other.Client, draftBefore);
        var refused = await DossierScenario.PostOnDossierAsync(other.Client, draftBefore, "submission");
        Assert.Equal("Bộ tiêu chí đã được cập nhật kể từ khi lập hồ sơ. Hãy lập hồ sơ mới theo bộ tiêu chí hiện hành.", await DossierScenario.FlashAsync(other.Client, refused));
        Assert.Equal(DossierStatus.Draft, await _s.StatusAsync(draftBefore));
    }
}
