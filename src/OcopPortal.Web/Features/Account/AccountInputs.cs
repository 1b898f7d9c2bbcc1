namespace OcopPortal.Web.Features.Account;

public sealed class LoginInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterInput
{
    public string? FullName { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    public bool AcceptTerms { get; set; }
}

public sealed class ForgotPasswordInput
{
    public string? Email { get; set; }
}

public sealed class SetPasswordInput
{
    public string? UserId { get; set; }

    public string? Code { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}
