using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Tests.Infrastructure;

public sealed class OutboxTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Queued_mail_is_delivered_once_to_the_pickup_folder_and_logged_as_sent()
    {
        var to = $"nhan-{Guid.NewGuid():N}@example.vn";
        await factory.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<EmailOutbox>();
            outbox.Enqueue(to, "Thông báo bổ sung hồ sơ", "test.notice", "Xin chào chị Lan,", "Hồ sơ cần bổ sung phiếu kiểm nghiệm.");
            outbox.Enqueue(to, "Thông báo thứ hai", "test.notice", "Nội dung thứ hai.");
            return await sp.GetRequiredService<OcopDbContext>().SaveChangesAsync();
        });
        var sender = factory.Services.GetRequiredService<OutboxSender>();

        // Two passes at once, as two app nodes would run them: each message still goes out exactly once.
        var passes = await Task.WhenAll(sender.SendPendingAsync(default), sender.SendPendingAsync(default));
        var again = await sender.SendPendingAsync(default);

        Assert.Equal(0, again);
        Assert.Equal(2, passes.Sum());
        var subjects = new List<string>();
        foreach (var file in Directory.GetFiles(factory.PickupDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                subjects.Add(message.Subject ?? "");
            }
        }

        Assert.Equal(["Thông báo bổ sung hồ sơ", "Thông báo thứ hai"], subjects.Order());
        await factory.WithDbAsync(async db =>
        {
            var rows = await db.OutboxEmails.Where(m => m.To == to).ToListAsync();
            Assert.All(rows, r => Assert.NotNull(r.SentAt));
            Assert.All(rows, r => Assert.Null(r.ClaimedBy));
        });
    }
}
