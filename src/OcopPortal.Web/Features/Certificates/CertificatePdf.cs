using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using OcopPortal.Web.Infrastructure.Pdf;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>
/// Giấy chứng nhận kết quả phân hạng sản phẩm OCOP as a landscape A4 page: decorative border, the authority and the
/// national motto, the title, what is certified and for whom, drawn stars, the decision it rests on, number and dates,
/// and a QR code (also a link) to the public verification page with the address printed under it. No national
/// template exists (domain §6), so the layout follows the provinces' common practice. A revoked certificate still
/// prints, stamped "ĐÃ THU HỒI" with the revocation date; the verification page stays the source of truth.
/// A single certificate's PDF is kept once rendered (bounded, 64 MB): the key is every fact printed on it (the
/// <see cref="CertificatePrint"/> record, compared by value), so a revocation, a new address or another public URL
/// is a new key and a stale PDF is never served.
/// </summary>
public sealed class CertificatePdf(PdfRenderer renderer) : IDisposable
{
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    private const string Red = "#9B1B1B";
    private const string Gold = "#C9A227";
    private const string Blue = "#0B3D91";

    public byte[] Render(CertificatePrint certificate) => Render([certificate]);

    /// <summary>The certificate's PDF, rendered once per set of printed facts.</summary>
    public byte[] RenderOne(CertificatePrint certificate) => _rendered.GetOrCreate(certificate, entry =>
    {
        var bytes = Render(certificate);
        entry.Size = bytes.Length;
        entry.SlidingExpiration = TimeSpan.FromHours(1);
        return bytes;
    })!;

    public void Dispose() => _rendered.Dispose();

    /// <summary>One page per certificate, in one document (fonts embedded once).</summary>
    public byte[] Render(IReadOnlyList<CertificatePrint> certificates)
    {
        using var buffer = new MemoryStream();
        Render(buffer, certificates);
        return buffer.ToArray();
    }

    public void Render(Stream output, IReadOnlyList<CertificatePrint> certificates) =>
        renderer.Render(output, d =>
        {
            d.Title(certificates.Count == 1 ? $"Giấy chứng nhận OCOP số {certificates[0].Number}" : "Giấy chứng nhận kết quả phân hạng sản phẩm OCOP")
                .Author(certificates.Count > 0 ? certificates[0].IssuingAuthority : "")
                .Subject("Giấy chứng nhận kết quả phân hạng sản phẩm OCOP");
            foreach (var c in certificates)
            {
                d.CanvasPage(p => Page(p, c), PdfPageSize.A4Landscape);
            }
        }, PdfPageSize.A4Landscape);

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static void Page(PdfCanvas p, CertificatePrint c)
    {
        float w = p.PageWidth, h = p.PageHeight;
        Border(p, w, h);

        const float left = 58;
        float width = w - 2 * left, half = width / 2;
        var authority = new TextStyle(Size: 11, Bold: true, Align: TextAlign.Center, LineHeight: 1.25f, SpaceAfter: 0);
        var authorityHeight = p.Text(c.IssuingAuthority.ToUpper(new CultureInfo("vi-VN")), authority, left, 46, half - 40);
        p.Line(left + (half - 40) / 2 - 40, 46 + authorityHeight + 2, left + (half - 40) / 2 + 40, 46 + authorityHeight + 2, 0.6f);
        var mottoHeight = p.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", authority, left + half, 46, half);
        p.Line(left + half + half / 2 - 70, 46 + mottoHeight + 2, left + half + half / 2 + 70, 46 + mottoHeight + 2, 0.6f);

        float y = 100;
        y += p.Text("GIẤY CHỨNG NHẬN", new TextStyle(Size: 30, Bold: true, Align: TextAlign.Center, Color: Red, LineHeight: 1.15f), left, y, width);
        y += p.Text("KẾT QUẢ PHÂN HẠNG SẢN PHẨM OCOP", new TextStyle(Size: 17, Bold: true, Align: TextAlign.Center, Color: Red, LineHeight: 1.2f), left, y, width);
        y += p.Text($"Số: {c.Number}", new TextStyle(Size: 11, Italic: true, Align: TextAlign.Center), left, y, width) + 4;
        y += p.Text(
            $"Căn cứ Quyết định số {c.DecisionNumber} ngày {Date(c.DecisionDate)} của {c.IssuingAuthority} về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP,",
            new TextStyle(Size: 11, Italic: true, Align: TextAlign.Center, LineHeight: 1.25f), left + 60, y, width - 120) + 4;
        y += p.Text("CHỨNG NHẬN SẢN PHẨM", new TextStyle(Size: 12, Bold: true, Align: TextAlign.Center), left, y, width);
        y += p.Text(c.ProductName, new TextStyle(Size: 22, Bold: true, Align: TextAlign.Center, Color: Blue, LineHeight: 1.2f), left + 40, y, width - 80) + 2;
        y += p.Text($"Chủ thể: {c.ProducerName}", new TextStyle(Size: 13, Bold: true, Align: TextAlign.Center, LineHeight: 1.25f), left + 40, y, width - 80);
        y += p.Text($"Địa chỉ: {c.ProducerAddress}", new TextStyle(Size: 11.5f, Align: TextAlign.Center, LineHeight: 1.25f), left + 40, y, width - 80);
        var set = string.IsNullOrWhiteSpace(c.CriteriaSetName) ? $"Bộ tiêu chí số {c.CriteriaSetNumber}" : $"Bộ tiêu chí số {c.CriteriaSetNumber}: {c.CriteriaSetName}";
        var group = string.IsNullOrWhiteSpace(c.CategoryCode) ? "" : $" (phân nhóm {c.CategoryCode})";
        y += p.Text(set + group, new TextStyle(Size: 11, Align: TextAlign.Center, LineHeight: 1.25f), left + 40, y, width - 80) + 4;
        y += p.Text($"ĐẠT HẠNG {c.Stars} SAO", new TextStyle(Size: 15, Bold: true, Align: TextAlign.Center, Color: Red), left, y, width);
        const float star = 26, gap = 8;
        float starsLeft = w / 2 - (5 * star + 4 * gap) / 2;
        for (int i = 0; i < 5; i++)
        {
            p.Star(starsLeft + i * (star + gap) + star / 2, y + star / 2, star, filled: i < c.Stars);
        }

        // Bottom band: QR and validity on the left, the signature on the right.
        const float qr = 96;
        float bottom = h - 44, qrTop = bottom - qr - 22;
        p.QrCode(c.VerificationUrl, left, qrTop, qr, linkUrl: c.VerificationUrl);
        p.Text(c.VerificationUrl, new TextStyle(Size: 6.5f, Color: "#333333", LineHeight: 1.15f, SpaceAfter: 0), left, qrTop + qr + 2, 300);
        float infoLeft = left + qr + 12, infoTop = qrTop + 14;
        infoTop += p.Text($"Số giấy chứng nhận: {c.Number}", new TextStyle(Size: 11, Bold: true), infoLeft, infoTop, 260);
        infoTop += p.Text($"Ngày cấp: {Date(c.IssuedOn)}", new TextStyle(Size: 11), infoLeft, infoTop, 260);
        infoTop += p.Text($"Có giá trị đến ngày {Date(c.ValidUntil)}", new TextStyle(Size: 11, Bold: true, Color: Red), infoLeft, infoTop, 260);
        p.Text("Quét mã QR để kiểm tra hiệu lực của giấy chứng nhận", new TextStyle(Size: 9, Italic: true, LineHeight: 1.2f), infoLeft, infoTop, 200);

        float signLeft = left + width * 0.58f, signWidth = width * 0.42f, signTop = qrTop - 4;
        var place = $"{c.ProvinceName}, ngày {c.IssuedOn.Day:00} tháng {c.IssuedOn.Month:00} năm {c.IssuedOn.Year}";
        signTop += p.Text(place, new TextStyle(Size: 11, Italic: true, Align: TextAlign.Center), signLeft, signTop, signWidth);
        var title = string.IsNullOrWhiteSpace(c.SignatoryTitle) ? "TM. " + c.IssuingAuthority : c.SignatoryTitle;
        p.Text(title.ToUpper(new CultureInfo("vi-VN")), new TextStyle(Size: 11, Bold: true, Align: TextAlign.Center, LineHeight: 1.25f), signLeft, signTop, signWidth);
        if (!string.IsNullOrWhiteSpace(c.SignatoryName))
        {
            p.Text(c.SignatoryName, new TextStyle(Size: 12, Bold: true, Align: TextAlign.Center), signLeft, bottom - 20, signWidth);
        }

        if (c.RevokedOn is { } revoked)
        {
            const float stampWidth = 230;
            float sx = w - left - stampWidth - 10, sy = 150;
            p.Frame(sx, sy, stampWidth, 56, 2.5f, "#D00000");
            p.Text($"ĐÃ THU HỒI\nngày {Date(revoked)}", new TextStyle(Size: 18, Bold: true, Align: TextAlign.Center, Color: "#D00000", LineHeight: 1.2f), sx, sy + 2, stampWidth);
        }
    }

    /// <summary>Double red frame with a gold rule inside and a star in each corner.</summary>
    private static void Border(PdfCanvas p, float w, float h)
    {
        p.Frame(14, 14, w - 28, h - 28, 4, Red);
        p.Frame(22, 22, w - 44, h - 44, 1.2f, Red);
        p.Frame(26, 26, w - 52, h - 52, 0.6f, Gold);
        foreach (var (x, y) in new[] { (22f, 22f), (w - 22, 22f), (22f, h - 22), (w - 22, h - 22) })
        {
            p.Box(x - 9, y - 9, 18, 18, "#FFFFFF");
            p.Star(x, y, 16, filled: true, Red);
        }
    }
}
