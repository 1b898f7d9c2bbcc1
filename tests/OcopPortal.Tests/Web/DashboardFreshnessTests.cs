using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Stamps;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>
/// The reports dashboard is kept in memory under the reports data stamp: these tests show that a kept dashboard is
/// served (a change made behind EF's back does not show), and that any change saved through EF shows on the next request.
/// </summary>
public sealed class DashboardFreshnessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_saved_change_shows_on_the_next_dashboard_and_nothing_else_invalidates_it()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        var before = InForce(await client.GetDocumentAsync("/reports"));

        var certificateId = await AddCertificateAsync();
        Assert.Equal(before + 1, InForce(await client.GetDocumentAsync("/reports")));

        // Behind EF's back (no SaveChanges, so no new stamp): the kept dashboard is served unchanged.
        await factory.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ValidUntil, DateOnly.FromDateTime(DateTime.Today).AddYears(-1))));
        Assert.Equal(before + 1, InForce(await client.GetDocumentAsync("/reports")));

        // The same change saved through EF: the stamp moves and the dashboard is computed again.
        await factory.WithDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.Id == certificateId);
            certificate.State = CertificateState.Expired;
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, InForce(await client.GetDocumentAsync("/reports")));
    }

    [Fact]
    public async Task The_stamp_moves_with_counted_data_and_not_with_the_audit_log()
    {
        var initial = await StampAsync();

        await factory.WithDbAsync(async db =>
        {
            db.Add(new AuditEvent { At = DateTimeOffset.UtcNow, Action = "test.noise", EntityType = "Test" });
            await db.SaveChangesAsync();
        });
        Assert.Equal(initial, await StampAsync());

        await AddCertificateAsync();
        var afterCertificate = await StampAsync();
        Assert.NotEqual(initial, afterCertificate);

        await factory.WithDbAsync(async db =>
        {
            var producer = await db.Set<Producer>().OrderBy(p => p.Id).FirstAsync();
            producer.Phone = "0987654321";
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(afterCertificate, await StampAsync());
    }

    private Task<Guid> StampAsync() => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().DataStamps.AsNoTracking().Where(s => s.Name == DataStamp.Reports).Select(s => s.Value).SingleAsync());

    private static int InForce(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=in-force-products]")!.TextContent.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>A producer, a product and an active certificate issued ten days ago, saved through EF.</summary>
    private async Task<int> AddCertificateAsync()
    {
        var id = 0;
        await factory.WithDbAsync(async db =>
        {
            var ruleSet = await db.RuleSets.Where(r => r.Code == "QD-26-2026").Select(r => r.Id).SingleAsync();
            var category = await db.ProductCategories.Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null).OrderBy(c => c.SortOrder).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(DateTime.Now);
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var producer = new Producer
            {
                Type = ProducerType.Cooperative,
                Name = $"Hợp tác xã Bánh pía {suffix}",
                TaxCode = $"18{Random.Shared.NextInt64(10_000_000, 99_999_999)}",
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = "31756",
                StreetAddress = "Ấp 1",
                Phone = "0912345678",
                Email = $"htx-{suffix}@test.ocop.vn",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            var product = new Product
            {
                Name = $"Bánh pía sầu riêng {suffix}",
                RuleSetId = ruleSet,
                CategoryCode = category.Code,
                CriteriaSetNumber = category.CriteriaSetNumber!.Value,
                Description = "Đặc sản địa phương",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            var admin = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync();
            var decision = new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Issued,
                Number = $"{suffix}/QĐ-UBND",
                DecisionDate = today.AddDays(-10),
                Title = "Về việc công nhận sản phẩm OCOP",
                Authority = "Ủy ban nhân dân thành phố Cần Thơ",
                AuthorityLevel = AuthorityLevel.Province,
                SignatoryName = "Nguyễn Văn A",
                SignatoryTitle = "KT. CHỦ TỊCH",
                CreatedAt = now,
                CreatedByUserId = admin,
                IssuedAt = now,
                Version = Guid.NewGuid(),
            };
            db.AddRange(producer, decision);
            await db.SaveChangesAsync();
            product.ProducerId = producer.Id;
            db.Add(product);
            await db.SaveChangesAsync();
            var certificate = new Certificate
            {
                Number = $"{suffix}/2026/GCN-OCOP",
                Token = Guid.NewGuid().ToString("N"),
                DecisionId = decision.Id,
                ProductId = product.Id,
                ProducerId = producer.Id,
                ProductName = product.Name,
                ProducerName = producer.Name,
                ProducerAddress = "Ấp 1, Phú Lộc, Cần Thơ",
                CommuneCode = producer.CommuneCode,
                RuleSetId = ruleSet,
                CriteriaSetNumber = product.CriteriaSetNumber,
                CategoryCode = product.CategoryCode,
                Stars = 3,
                DecisionNumber = decision.Number,
                DecisionDate = decision.DecisionDate,
                IssuingAuthority = decision.Authority,
                AuthorityLevel = AuthorityLevel.Province,
                IssuedOn = today.AddDays(-10),
                ValidUntil = today.AddDays(-10).AddMonths(36),
                State = CertificateState.Active,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(certificate);
            await db.SaveChangesAsync();
            id = certificate.Id;
        });
        return id;
    }
}
