using System.Globalization;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Features.Reports;

public static class ReportLabels
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string ProducerType(ProducerType type) => type switch
    {
        Domain.Producers.ProducerType.Cooperative => "Hợp tác xã",
        Domain.Producers.ProducerType.CooperativeGroup => "Tổ hợp tác",
        Domain.Producers.ProducerType.Enterprise => "Doanh nghiệp",
        Domain.Producers.ProducerType.Farm => "Trang trại",
        Domain.Producers.ProducerType.Household => "Hộ sản xuất, kinh doanh",
        _ => "Khác (hội, hiệp hội, trung tâm)",
    };

    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "Còn hiệu lực",
        CertificateStatus.Expiring => "Sắp hết hạn",
        CertificateStatus.Extended => "Gia hạn chuyển tiếp",
        CertificateStatus.Expired => "Hết hiệu lực",
        CertificateStatus.Superseded => "Đã thay thế",
        _ => "Đã thu hồi",
    };

    public static string Stars(int stars) => $"{stars} sao";

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Number(decimal? value) => value is null ? "—" : value.Value.ToString(value.Value == decimal.Truncate(value.Value) ? "N0" : "N1", Vi);

    /// <summary>The target's scope in Vietnamese (stored with the progress rows).</summary>
    public static string TargetScope(ProgrammeTarget t) => TargetScope(t, null);

    /// <summary>The target's scope, each part translated through <paramref name="l"/> when given.</summary>
    public static string TargetScope(ProgrammeTarget t, IStringLocalizer? l)
    {
        string T(string key, params object[] args) => l is null ? string.Format(Vi, key, args) : l[key, args].Value;
        var parts = new List<string> { T(t.Subject == TargetSubject.Producers ? "chủ thể có sản phẩm còn hiệu lực" : "sản phẩm còn hiệu lực") };
        if (!string.IsNullOrEmpty(t.SectorCode))
        {
            parts.Add(T("ngành {0}", t.SectorCode));
        }

        if (t.Stars is { } s)
        {
            parts.Add(T("{0} sao", s));
        }

        if (t.ProducerType is { } type)
        {
            parts.Add(T(ProducerType(type)).ToLower(l is null ? Vi : CultureInfo.CurrentCulture));
        }

        return string.Join(", ", parts);
    }
}
