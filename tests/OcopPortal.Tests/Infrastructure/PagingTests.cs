using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Tests.Infrastructure;

public sealed class PagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Pages_are_clamped_and_a_count_limit_caps_the_total()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var audit = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < 30; i++)
            {
                audit.Record("test.paging", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await db.SaveChangesAsync();
            var events = db.AuditEvents.Where(e => e.Action == "test.paging").OrderBy(e => e.Id);

            var full = await events.ToPagedAsync(page: 99, pageSize: 10);
            var capped = await events.ToPagedAsync(page: 99, pageSize: 10, countLimit: 25);
            var exact = await events.ToPagedAsync(page: 1, pageSize: 10, countLimit: 30);

            Assert.Equal((3, 30, false, 10), (full.Page, full.Total, full.Capped, full.Items.Count));
            Assert.Equal((3, 25, true, 3), (capped.Page, capped.Total, capped.Capped, capped.PageCount));
            Assert.Equal((30, false), (exact.Total, exact.Capped));
            Assert.Equal("20", capped.Items[0].EntityId); // page 3 of 10 starts at the 21st event
            return true;
        });
    }
}
