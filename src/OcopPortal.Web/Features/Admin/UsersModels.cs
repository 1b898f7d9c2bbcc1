using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Validation;

namespace OcopPortal.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string FullName, DateTimeOffset CreatedAt, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles);

public sealed class CreateStaffInput
{
    public string? Email { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }
}

public sealed class CreateStaffInputValidator : AbstractValidator<CreateStaffInput>
{
    public CreateStaffInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Vui lòng nhập họ và tên."])
            .MaximumLength(200).WithMessage(l["Họ và tên không quá 200 ký tự."]);
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Vui lòng nhập email."])
            .MustBeEmail().WithMessage(l["Email không đúng định dạng."]);
        RuleFor(x => x.Role).Must(r => r is not null && Roles.Staff.Contains(r)).WithMessage(l["Vui lòng chọn vai trò hợp lệ."]);
    }
}
