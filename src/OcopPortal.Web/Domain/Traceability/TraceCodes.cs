using System.Security.Cryptography;

namespace OcopPortal.Web.Domain.Traceability;

/// <summary>
/// Public codes of traceability pages: 10 characters of Crockford's base-32 alphabet (no I, L, O, U: nothing to
/// misread on a printed label), drawn at random, so about 10^15 codes and nothing to enumerate. Batch codes are the
/// producer's own (letters, digits, '-'), unique per product and kept in upper case.
/// </summary>
public static class TraceCodes
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 10;

    public const int BatchCodeMaxLength = 30;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsCode(string? code) => code is { Length: Length } && code.All(Alphabet.Contains);

    public static string NormaliseBatchCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsBatchCode(string? code) =>
        code is { Length: > 0 and <= BatchCodeMaxLength } && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
        && code[0] != '-' && code[^1] != '-';
}
