using System.Linq.Expressions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace OcopPortal.Web.Features.Account;

/// <summary>The password policy in words a user understands (Identity enforces the same rules again).</summary>
public static class PasswordRules
{
    public static void Apply<T>(AbstractValidator<T> v, Expression<Func<T, string?>> password, IStringLocalizer<SharedResource> l) =>
        v.RuleFor(password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Vui lòng nhập mật khẩu."])
            .MinimumLength(10).WithMessage(l["Mật khẩu phải có ít nhất 10 ký tự."])
            .Matches("[A-Z]").WithMessage(l["Mật khẩu phải có ít nhất một chữ hoa."])
            .Matches("[a-z]").WithMessage(l["Mật khẩu phải có ít nhất một chữ thường."])
            .Matches("[0-9]").WithMessage(l["Mật khẩu phải có ít nhất một chữ số."]);
}
