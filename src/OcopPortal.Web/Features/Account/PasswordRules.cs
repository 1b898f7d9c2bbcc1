using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace OcopPortal.Web.Features.Account;

/// <summary>The password policy in words a user understands (Identity enforces the same rules again).</summary>
public static partial class PasswordRules
{
    public static void Apply<T>(AbstractValidator<T> v, Expression<Func<T, string?>> password, IStringLocalizer<SharedResource> l) =>
        v.RuleFor(password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Vui lòng nhập mật khẩu."])
            .MinimumLength(10).WithMessage(l["Mật khẩu phải có ít nhất 10 ký tự."])
            .Matches("[A-Z]").WithMessage(l["Mật khẩu phải có ít nhất một chữ hoa."])
            .Matches("[a-z]").WithMessage(l["Mật khẩu phải có ít nhất một chữ thường."])
            .Matches("[0-9]").WithMessage(l["Mật khẩu phải có ít nhất một chữ số."]);

    public static bool IsVietnamesePhone(string phone) => Phone().IsMatch(phone.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal));

    [GeneratedRegex(@"^(0|\+84)(3|5|7|8|9|2\d)\d{8}$")]
    private static partial Regex Phone();
}
