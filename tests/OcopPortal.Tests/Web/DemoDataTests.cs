using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Tests.Web;

/// <summary>A portal started with the demo flag, as a newcomer would run it.</summary>
public sealed class DemoPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
    }
}

public sealed class DemoDataTests(DemoPortalFactory factory) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_demo_province_has_an_account_per_role_and_producers_of_every_legal_form()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("lan.banhpia@demo.ocop.vn");

        var home = await client.GetDocumentAsync("/producer");

        Assert.Contains("Hộ kinh doanh Bánh pía Lan", home.QuerySelector("[data-testid=profile-summary]")!.TextContent, StringComparison.Ordinal);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            Assert.Equal(Enum.GetValues<ProducerType>().Order(), (await db.Set<Producer>().Select(p => p.Type).Distinct().ToListAsync()).Order());
            Assert.True(await db.Set<Producer>().AllAsync(p => db.Communes.Any(c => c.Code == p.CommuneCode && c.ProvinceCode == "92")));

            await sp.GetRequiredService<DemoSeeder>().SeedIfRequestedAsync(default); // a second run adds nothing
            Assert.Equal(DemoProducers.All.Count, await db.Set<Producer>().CountAsync());
            Assert.Equal(DemoProducers.Products.Count + DemoRecognition.Legacy.Count(l => DemoProducers.Products.All(p => p.Name != l.Product)), await db.Set<Product>().CountAsync());
            Assert.Equal(26, await db.Set<Product>().Where(p => p.CategoryCode == "VI.1").Select(p => p.CriteriaSetNumber).SingleAsync());
            Assert.Equal(DemoSeeder.Accounts.Count + 1, await db.Users.CountAsync());
            return true;
        });
    }

    [Fact]
    public async Task The_demo_dossiers_cover_every_status_with_a_consistent_history_and_seeding_twice_adds_none()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var today = DateOnly.FromDateTime(DateTime.Now);
            var dossiers = await db.Dossiers.AsNoTracking().AsSplitQuery().Include(d => d.Slots).ThenInclude(s => s.Files).Include(d => d.Events)
                .Include(d => d.Answers).ToListAsync();

            Assert.Equal(Enum.GetValues<DossierStatus>().Order(), dossiers.Select(d => d.Status).Distinct().Order());
            Assert.Equal(DemoProducers.Products.Count, dossiers.Count);
            Assert.Contains(dossiers, d => d.Status == DossierStatus.AtCommune && d.CommuneDueOn < today);
            Assert.Contains(dossiers, d => d.Status == DossierStatus.AtCommune && d.CommuneDueOn >= today);
            foreach (var d in dossiers)
            {
                // The history is a path of the state machine, from Created to the current status.
                Assert.Equal(DossierEventKind.Created, d.Events.OrderBy(e => e.At).First().Kind);
                var events = d.Events.OrderBy(e => e.At).ToList();
                Assert.All(events.Zip(events.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
                Assert.Equal(d.Status, events[^1].To);
                Assert.All(events.Skip(1), e => Assert.Contains(DossierWorkflow.All, t => t.Event == e.Kind && t.From.Contains(e.From) && t.To == e.To));
                Assert.True(d.UpdatedAt >= events[^1].At);
                Assert.NotEmpty(d.Slots);
                if (d.Status == DossierStatus.Draft)
                {
                    Assert.Null(d.Number);
                    continue;
                }

                Assert.Matches(@"^\d+/PĐK-92-\d{5}-\d{4}$", d.Number);
                Assert.Empty(DossierService.MissingSlots(d));
                var set = (await db.LoadSheetAsync(d.RuleSetId, await db.Set<Product>().Where(p => p.Id == d.ProductId).Select(p => p.CriteriaSetNumber).SingleAsync(), default))!;
                Assert.Equal(set.Id, d.CriteriaSetId);
                var result = SelfAssessmentScoring.Evaluate(set, DossierAnswers.ToInput(set, d.Answers))!;
                Assert.Equal(result.Score.Total, d.SelfAssessedTotal);
                Assert.Equal(result.Rating.Stars, d.SelfAssessedStars);
                Assert.Equal(d.Status is not DossierStatus.AtCommune and not DossierStatus.Withdrawn, await db.CommuneAssessments.AnyAsync(a => a.DossierId == d.Id));
            }

            Assert.Equal(dossiers.Count(d => d.Number is not null), dossiers.Select(d => d.Number).OfType<string>().Distinct().Count());
            var supplement = dossiers.Single(d => d.Status == DossierStatus.SupplementRequested);
            Assert.True(supplement.SupplementDueOn >= today);
            Assert.Equal(2, supplement.Slots.Count(s => s.OpenForSupplement));
            Assert.Equal(1, await db.SupplementRequests.CountAsync(r => r.DossierId == supplement.Id && r.AnsweredAt == null));
            Assert.DoesNotContain(dossiers.Where(d => d.Status != DossierStatus.SupplementRequested), d => d.Slots.Any(s => s.OpenForSupplement));
            Assert.False(string.IsNullOrWhiteSpace(dossiers.Single(d => d.Status == DossierStatus.Rejected).Events.Single(e => e.Kind == DossierEventKind.Rejected).Message));
            Assert.Contains(dossiers.SelectMany(d => d.Slots).SelectMany(s => s.Files), f => f.VersionNumber == 2 && f.Replaces is not null);

            // Chị Lan's draft: some papers in, some still to upload, and a bell with something unread.
            var lan = await db.Set<Producer>().SingleAsync(p => p.TaxCode == DemoProducers.All[0].TaxCode);
            var draft = dossiers.Single(d => d.ProducerId == lan.Id);
            Assert.Equal(DossierStatus.Draft, draft.Status);
            Assert.Contains(draft.Slots, s => s.Files.Count > 0);
            Assert.NotEmpty(DossierService.MissingSlots(draft));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == lan.OwnerUserId && n.ReadAt == null));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == lan.OwnerUserId && n.ReadAt != null));

            // Every file is what it says it is.
            foreach (var file in await db.StoredFiles.AsNoTracking().ToListAsync())
            {
                var data = await db.StoredFileContents.Where(c => c.FileId == file.Id).Select(c => c.Data).SingleAsync();
                using var content = new MemoryStream(data);
                Assert.Equal(file.Kind, FileInspector.Detect(data, content));
                Assert.Equal(file.Length, data.Length);
            }

            var counts = await CountsAsync(db);
            await sp.GetRequiredService<DemoSeeder>().SeedIfRequestedAsync(default);
            Assert.Equal(counts, await CountsAsync(db));
            return true;
        });

        static async Task<string> CountsAsync(OcopDbContext db) => string.Join(",",
            await db.Dossiers.CountAsync(), await db.DossierSlots.CountAsync(), await db.DossierFiles.CountAsync(), await db.DossierEvents.CountAsync(),
            await db.StoredFiles.CountAsync(), await db.CommuneAssessments.CountAsync(), await db.SupplementRequests.CountAsync(),
            await db.StaffCommunes.CountAsync(), await db.Notifications.CountAsync(), await db.Set<DossierAnswer>().CountAsync(),
            await db.Councils.CountAsync(), await db.CouncilSeats.CountAsync(), await db.EvaluationRounds.CountAsync(), await db.RoundEntries.CountAsync(),
            await db.ConflictDeclarations.CountAsync(), await db.ScoreSheets.CountAsync(), await db.ScoreSheetAnswers.CountAsync(),
            await db.RoundAttendance.CountAsync(), await db.RecognitionDecisions.CountAsync(), await db.DecisionLines.CountAsync(),
            await db.Certificates.CountAsync(), await db.Revocations.CountAsync(), await db.Inspections.CountAsync());
    }

    [Fact]
    public async Task The_demo_has_the_rounds_issued_decision_and_certificates_in_every_state_with_the_public_page_telling_them()
    {
        var tokens = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Entries).SingleAsync(r => r.Status == RoundStatus.Finalised);
            var decision = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Number == DemoRecognition.DecisionNumber);
            Assert.Equal(DecisionStatus.Issued, decision.Status);
            Assert.Equal(round.Id, decision.RoundId);
            var recognisable = round.Entries.Count(e => e.ResultStars is 3 or 4);
            Assert.True(recognisable > 0);
            Assert.Equal(recognisable, decision.Lines.Count);
            var issued = await db.Certificates.AsNoTracking().Where(c => c.DecisionId == decision.Id).ToListAsync();
            Assert.Equal(recognisable, issued.Count);
            Assert.All(issued, c => Assert.Equal(c.IssuedOn.AddMonths(36), c.ValidUntil));
            Assert.Equal(Enumerable.Range(1, issued.Count), issued.Select(c => c.Sequence!.Value).Order());

            var today = DateOnly.FromDateTime(DateTime.Now);
            var all = await db.Certificates.AsNoTracking().ToListAsync();
            Assert.All(all, c => Assert.Equal(c.IssuedOn.AddMonths(36), c.ValidUntil));
            var statuses = all.Select(c => CertificateLifecycle.StatusOn(c, today)).ToHashSet();
            Assert.Superset(new HashSet<CertificateStatus> { CertificateStatus.Valid, CertificateStatus.Expiring, CertificateStatus.Expired, CertificateStatus.Revoked }, statuses);
            var lan = await db.Set<Producer>().SingleAsync(p => p.TaxCode == "1800000001");
            Assert.Contains(all, c => c.ProducerId == lan.Id && CertificateLifecycle.StatusOn(c, today) == CertificateStatus.Expiring);
            var revoked = all.Single(c => c.State == CertificateState.Revoked);
            Assert.NotNull(await db.Revocations.SingleAsync(r => r.CertificateId == revoked.Id && r.InspectionId != null));
            return (Valid: issued[0].Token, Revoked: revoked.Token);
        });

        var visitor = factory.CreatePortalClient();
        var valid = await visitor.GetDocumentAsync($"/verify/{tokens.Valid}");
        Assert.Contains("còn hiệu lực", valid.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        var revokedPage = await visitor.GetDocumentAsync($"/verify/{tokens.Revoked}");
        Assert.Contains("thu hồi", revokedPage.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_demo_council_has_a_finalised_round_with_frozen_results_and_a_round_being_scored()
    {
        var (finalisedId, scoringId) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var council = await db.Councils.AsNoTracking().Include(c => c.Seats).SingleAsync(c => c.Name == DemoCouncil.CouncilName);
            Assert.Equal(Enum.GetValues<SeatRole>().Order(), council.Seats.Select(s => s.Role).Distinct().Order());
            Assert.Null(council.Seats.Single(s => s.Role == SeatRole.InvitedExpert).UserId);
            Assert.All(council.Seats.Where(s => s.Votes), s => Assert.NotNull(s.UserId));

            var finalised = await db.EvaluationRounds.AsNoTracking().Include(r => r.Entries).Include(r => r.Attendance)
                .SingleAsync(r => r.CouncilId == council.Id && r.Status == RoundStatus.Finalised);
            Assert.Equal(2, finalised.Entries.Count);
            Assert.All(finalised.Entries, e => Assert.NotNull(e.ResultMean));
            Assert.All(finalised.Entries, e => Assert.False(string.IsNullOrEmpty(e.ResultDetail)));
            Assert.All(finalised.Attendance, a => Assert.True(a.Present));
            Assert.Equal(council.Seats.Count, finalised.Attendance.Count);
            var finalisedDossiers = finalised.Entries.Select(e => e.DossierId).ToList();
            Assert.All(await db.Dossiers.AsNoTracking().Include(d => d.Events).Where(d => finalisedDossiers.Contains(d.Id)).ToListAsync(), d =>
            {
                Assert.Equal(DossierStatus.Evaluated, d.Status);
                Assert.Equal([DossierEventKind.AssignedToRound, DossierEventKind.Evaluated], d.Events.OrderBy(e => e.At).TakeLast(2).Select(e => e.Kind));
            });

            // Every eligible seat submitted, the conflicted one did not; the stored totals are the engine's.
            var entryIds = finalised.Entries.Select(e => e.Id).ToList();
            var conflicts = await db.ConflictDeclarations.AsNoTracking().Where(c => entryIds.Contains(c.RoundEntryId) && c.Conflicted).ToListAsync();
            Assert.Single(conflicts);
            var sheets = await db.ScoreSheets.AsNoTracking().Where(s => entryIds.Contains(s.RoundEntryId)).ToListAsync();
            Assert.Equal((entryIds.Count * council.Seats.Count(s => s.Votes)) - 1, sheets.Count);
            Assert.All(sheets, s => Assert.Equal(SheetStatus.Submitted, s.Status));
            Assert.DoesNotContain(sheets, s => s.RoundEntryId == conflicts[0].RoundEntryId && s.SeatId == conflicts[0].SeatId);
            Assert.All(await sp.GetRequiredService<CouncilRounds>().ResultsAsync(finalised, null, default), r =>
            {
                Assert.Equal(EntryState.Ready, r.Outcome.State);
                Assert.Equal(finalised.Entries.Single(e => e.Id == r.Entry.EntryId).ResultMean, r.Outcome.Score!.Mean);
            });

            var scoring = await db.EvaluationRounds.AsNoTracking().Include(r => r.Entries).SingleAsync(r => r.CouncilId == council.Id && r.Status == RoundStatus.Scoring);
            Assert.True(scoring.ScoringDeadline >= DateOnly.FromDateTime(DateTime.Now));
            var scoringDossiers = scoring.Entries.Select(e => e.DossierId).ToList();
            Assert.NotEmpty(scoringDossiers);
            Assert.True(await db.Dossiers.Where(d => scoringDossiers.Contains(d.Id)).AllAsync(d => d.Status == DossierStatus.InEvaluation));
            var scoringEntries = scoring.Entries.Select(e => e.Id).ToList();
            Assert.True(await db.ScoreSheets.AnyAsync(s => scoringEntries.Contains(s.RoundEntryId) && s.Status == SheetStatus.Draft));
            return (finalised.Id, scoring.Id);
        });

        var chair = factory.CreatePortalClient();
        await chair.SignInAsync(DemoCouncil.ChairEmail);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/rounds/{finalisedId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/rounds/{scoringId}/progress")).StatusCode);

        var member = factory.CreatePortalClient();
        await member.SignInAsync(DemoCouncil.Member1Email);
        var workspace = await member.GetDocumentAsync("/council");
        var row = workspace.QuerySelector($"tr[data-round='{scoringId}']");
        Assert.NotNull(row);
        Assert.StartsWith("0/", row.QuerySelector("[data-testid=progress]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(workspace.QuerySelector($"tr[data-round='{finalisedId}']"));
        var my = await member.GetDocumentAsync($"/rounds/{scoringId}/my");
        Assert.NotNull(my.QuerySelector("[data-testid=next-sheet]"));
    }

    [Fact]
    public async Task The_demo_commune_officer_sees_the_dossiers_waiting_at_the_commune_but_no_draft()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoDossiers.CommuneOfficerEmail);

        var page = await client.GetDocumentAsync("/dossiers");

        var rows = page.QuerySelectorAll("[data-testid=dossiers] tbody tr").Select(r => r.TextContent).ToList();
        foreach (var taxCode in DemoDossiers.Scripts.Where(s => s.Status == DossierStatus.AtCommune).Select(s => s.TaxCode))
        {
            var product = DemoProducers.Products.Single(p => p.TaxCode == taxCode).Name;
            Assert.Contains(rows, r => r.Contains(product, StringComparison.Ordinal) && r.Contains("Chờ xã kiểm tra", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(rows, r => r.Contains(DemoProducers.Products[0].Name, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("[data-testid=dossiers] [data-testid=overdue]"));
        var waiting = await client.GetDocumentAsync("/dossiers?status=AtCommune");
        Assert.Equal(2, waiting.QuerySelectorAll("[data-testid=dossiers] tbody tr").Length);
    }

    [Fact]
    public async Task The_demo_producer_sees_only_her_own_dossier()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("lan.banhpia@demo.ocop.vn");

        var page = await client.GetDocumentAsync("/dossiers");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=dossiers] tbody tr"));
        Assert.Contains(DemoProducers.Products[0].Name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", row.TextContent, StringComparison.Ordinal);
        var others = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.Where(d => d.Status != DossierStatus.Draft).Select(d => d.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dossiers/{others[0]}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_office_opens_every_submitted_dossier()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoDossiers.OfficeEmail);
        var ids = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers
            .Where(d => d.Status != DossierStatus.Draft).Select(d => new { d.Id, d.Status }).ToListAsync());

        foreach (var d in ids)
        {
            var page = await client.GetDocumentAsync($"/dossiers/{d.Id}");
            Assert.NotNull(page.QuerySelector("[data-testid=slot-done]"));
            Assert.Equal(d.Status == DossierStatus.SupplementRequested, page.QuerySelector("[data-testid=open-supplement]") is not null);
        }
    }
    [Fact]
    public async Task Chi_Lans_product_has_a_traceability_page_with_two_versions_and_a_batch_pinned_to_the_first()
    {
        var (code, productId) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var row = await (from t in db.TraceRecords
                             join p in db.Set<Product>() on t.ProductId equals p.Id
                             where p.Name == DemoTraceability.ProductName
                             select new { t.Code, t.Id, t.CurrentVersion, ProductId = p.Id }).SingleAsync();
            Assert.Equal(2, row.CurrentVersion);
            Assert.Equal([1, 2], await db.TraceVersions.Where(v => v.TraceRecordId == row.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
            Assert.Equal(1, await db.TraceBatches.Where(b => b.TraceRecordId == row.Id && b.Code == DemoTraceability.BatchCode).Select(b => b.VersionNumber).SingleAsync());
            return (row.Code, row.ProductId);
        });
        var visitor = factory.CreatePortalClient();

        var batch = await visitor.GetDocumentAsync($"/trace/{code}/{DemoTraceability.BatchCode}");
        var current = await visitor.GetDocumentAsync($"/trace/{code}");
        var product = await visitor.GetDocumentAsync($"/products/{productId}");

        Assert.NotNull(batch.QuerySelector("[data-testid=newer-version]"));
        Assert.DoesNotContain("VietGAP", batch.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("VietGAP", current.QuerySelector("[data-testid=trace-certifications]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/trace/{code}", product.QuerySelector("[data-testid=trace-link]")!.GetAttribute("href"));
    }
}
