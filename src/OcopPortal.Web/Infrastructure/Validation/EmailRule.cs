using System.Net.Mail;
using FluentValidation;

namespace OcopPortal.Web.Infrastructure.Validation;

public static class EmailRule
{
    /// <summary>
    /// A deliverable-looking address: one mailbox, a domain with a dot (FluentValidation's default only checks for '@').
    /// Empty values pass; pair with NotEmpty where required.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBeEmail<T>(this IRuleBuilder<T, string?> rule) => rule.Must(IsEmail);

    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var trimmed = value.Trim();
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            return false;
        }

        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
