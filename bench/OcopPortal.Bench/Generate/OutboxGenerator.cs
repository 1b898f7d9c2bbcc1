using System.Net;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// The mail log: confirmation mail for producers, invitations for staff, then password resets up to the target.
/// Almost all sent, a few failed and a few still pending (the runner starts the portal with the sender off).
/// </summary>
public sealed class OutboxGenerator : IGenerator
{
    public Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var target = context.Scale.OutboxEmails;
        var mails = new List<OutboxEmail>(target);
        foreach (var u in context.Users.Take(target))
        {
            mails.Add(u.Role == Roles.Producer
                ? Mail(context, u, u.CreatedAt, "account.confirm", "Xác nhận email đăng ký Cổng thông tin OCOP",
                    "Bạn vừa đăng ký tài khoản chủ thể OCOP. Vui lòng xác nhận email để đăng nhập.", "Xác nhận email")
                : Mail(context, u, u.CreatedAt, "account.invite", "Tài khoản Cổng thông tin OCOP của bạn",
                    $"Quản trị viên đã tạo cho bạn tài khoản với vai trò {Roles.DisplayName(u.Role)}. Hãy đặt mật khẩu để bắt đầu sử dụng.", "Đặt mật khẩu"));
        }

        while (mails.Count < target && context.Users.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var u = f.PickRandom(context.Users);
            mails.Add(Mail(context, u, VietnameseData.Between(f, u.CreatedAt, context.Now), "account.reset-password", "Đặt lại mật khẩu Cổng thông tin OCOP",
                "Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Nếu không phải bạn, hãy bỏ qua thư này.", "Đặt mật khẩu"));
        }

        using var insert = context.Inserter<OutboxEmail>();
        insert.AddRange(mails.OrderBy(m => m.CreatedAt));
        GenerationContext.Report("outbox emails", insert.Count, target);
        return Task.CompletedTask;
    }

    // The same shape EmailOutbox.Enqueue produces (HTML paragraphs plus a call-to-action link, and a text body).
    private static OutboxEmail Mail(GenerationContext context, GeneratedUser u, DateTimeOffset at, string kind, string subject, string reason, string action)
    {
        var f = context.Faker;
        var url = $"https://ocop.example.vn/account/set-password?userId={u.Id}&code={f.Random.AlphaNumeric(120)}";
        string[] paragraphs = [$"Chào {u.FullName},", reason, "Liên kết có hiệu lực trong 24 giờ."];
        var roll = f.Random.Double();
        var failed = roll < 0.01;
        var pending = !failed && roll < 0.03;
        return new OutboxEmail
        {
            To = u.Email,
            Subject = subject,
            Kind = kind,
            HtmlBody = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")) +
                $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(action)}</a></p>",
            TextBody = string.Join("\n\n", paragraphs) + $"\n\n{action}: {url}",
            CreatedAt = at,
            NextAttemptAt = failed ? at.AddHours(2) : at,
            SentAt = failed || pending ? null : at.AddSeconds(f.Random.Int(1, 30)),
            Attempts = failed ? 5 : pending ? 0 : 1,
            LastError = failed ? "550 5.1.1 Hộp thư không tồn tại" : null,
            Failed = failed,
        };
    }
}
