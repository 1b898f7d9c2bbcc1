using System.Text.RegularExpressions;

namespace OcopPortal.Web.Infrastructure.Validation;

public static partial class PhoneRule
{
    /// <summary>Vietnamese mobile (0/+84 and 9 digits) or landline (02xx and 7–8 digits); spaces and dots allowed.</summary>
    public static bool IsVietnamesePhone(string phone) =>
        Phone().IsMatch(phone.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal));

    [GeneratedRegex(@"^(0|\+84)(3|5|7|8|9|2\d)\d{8}$")]
    private static partial Regex Phone();
}
