namespace OcopPortal.Web.Domain.Calendar;

/// <summary>
/// Time limits of the OCOP process. The defaults are those of QĐ 26/2026/QĐ-TTg; a dossier's RuleSet supplies
/// the values of the instrument it was filed under, so callers pass them in rather than rely on the constants.
/// </summary>
public static class OcopDeadlines
{
    /// <summary>Commune check of a dossier (UBND cấp xã kiểm tra, đánh giá hồ sơ).</summary>
    public const int CommuneCheckWorkingDays = 15;

    /// <summary>Certificate validity (giấy chứng nhận có giá trị 36 tháng), Art. 4.3.</summary>
    public const int CertificateValidityMonths = 36;

    /// <summary>Re-recognition filing window (đánh giá, phân hạng lại), Art. 7.6: not earlier than 180 days…</summary>
    public const int ReRecognitionOpensDaysBefore = 180;

    /// <summary>…and not later than 120 days before expiry.</summary>
    public const int ReRecognitionClosesDaysBefore = 120;

    public static DateOnly CommuneCheckDeadline(
        WorkingDays workingDays, DateOnly received, int limitInWorkingDays = CommuneCheckWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        return workingDays.AddWorkingDays(received, limitInWorkingDays);
    }

    /// <summary>
    /// The last day on which the certificate is valid. "Valid 36 months from issue" is read with
    /// Bộ luật Dân sự 2015 Art. 147–148: the issue day is not counted and the period ends at the end of the
    /// same-numbered day of the last month, or the month's last day when it has no such day (29/02 → 28/02).
    /// </summary>
    public static DateOnly CertificateValidUntil(DateOnly issued, int months = CertificateValidityMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return issued.AddMonths(months);
    }

    /// <summary>Days are counted back from the last valid day: 180 days before it the window opens, 120 before it closes.</summary>
    public static SubmissionWindow ReRecognitionWindow(
        DateOnly validUntil,
        int openDaysBefore = ReRecognitionOpensDaysBefore,
        int closeDaysBefore = ReRecognitionClosesDaysBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(closeDaysBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(openDaysBefore, closeDaysBefore);
        return new SubmissionWindow(validUntil.AddDays(-openDaysBefore), validUntil.AddDays(-closeDaysBefore), validUntil);
    }

    /// <summary>
    /// The provincial round (đợt đánh giá cấp tỉnh, Art. 5) whose deadline is the first 30/6 or 30/12 on or after
    /// the date. The day-months are the QĐ 26/2026 defaults; the RuleSet's round cut-offs replace them when set.
    /// </summary>
    public static ProvincialRound ProvincialRoundDeadline(DateOnly date)
    {
        var first = new DateOnly(date.Year, 6, 30);
        var second = new DateOnly(date.Year, 12, 30);
        if (date <= first)
        {
            return new ProvincialRound(date.Year, 1, first);
        }

        return date <= second
            ? new ProvincialRound(date.Year, 2, second)
            : new ProvincialRound(date.Year + 1, 1, new DateOnly(date.Year + 1, 6, 30));
    }
}

/// <summary>Round <paramref name="Number"/> (1 or 2) of <paramref name="Year"/>, evaluated by <paramref name="EvaluateBy"/>.</summary>
public readonly record struct ProvincialRound(int Year, int Number, DateOnly EvaluateBy);
