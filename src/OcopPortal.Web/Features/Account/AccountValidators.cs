using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Infrastructure.Validation;

namespace OcopPortal.Web.Features.Account;

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Vui lòng nhập email."]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Vui lòng nhập mật khẩu."]);
    }
}

public sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public RegisterInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Vui lòng nhập họ và tên."])
            .MaximumLength(200).WithMessage(l["Họ và tên không quá 200 ký tự."]);
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Vui lòng nhập email."])
            .MustBeEmail().WithMessage(l["Email không đúng định dạng."])
            .MaximumLength(256).WithMessage(l["Email không quá 256 ký tự."]);
        RuleFor(x => x.PhoneNumber).Must(PhoneRule.IsVietnamesePhone!).When(x => !string.IsNullOrWhiteSpace(x.PhoneNumber))
            .WithMessage(l["Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678)."]);
        PasswordRules.Apply(this, x => x.Password, l);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Mật khẩu nhập lại không khớp."]);
        RuleFor(x => x.AcceptTerms).Equal(true).WithMessage(l["Vui lòng xác nhận thông tin đăng ký là đúng sự thật."]);
    }
}

public sealed class ForgotPasswordInputValidator : AbstractValidator<ForgotPasswordInput>
{
    public ForgotPasswordInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Vui lòng nhập email."])
            .MustBeEmail().WithMessage(l["Email không đúng định dạng."]);
}

public sealed class SetPasswordInputValidator : AbstractValidator<SetPasswordInput>
{
    public SetPasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage(l["Liên kết không hợp lệ hoặc đã hết hạn."]);
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Liên kết không hợp lệ hoặc đã hết hạn."]);
        PasswordRules.Apply(this, x => x.Password, l);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Mật khẩu nhập lại không khớp."]);
    }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(l["Vui lòng nhập mật khẩu hiện tại."]);
        PasswordRules.Apply(this, x => x.NewPassword, l);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(l["Mật khẩu nhập lại không khớp."]);
    }
}
