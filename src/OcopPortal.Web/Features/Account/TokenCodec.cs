using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OcopPortal.Web.Features.Account;

/// <summary>Identity tokens travel in links as base64url; a mangled code decodes to null, never throws.</summary>
public static class TokenCodec
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
