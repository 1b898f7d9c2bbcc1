using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;
using QRCoder;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// Certificate PDFs read back with PdfPig. No QR decoder is available (no ZXing), so the QR is proven by what can be
/// read: the link annotation over the QR and the printed address equal the verification URL, and the dark modules
/// drawn in the PDF, sampled at every module centre, equal QRCoder's matrix for that URL module by module.
/// </summary>
public sealed class CertificatePdfTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _scenario = new(factory);

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private static string Words(Page page) => Nfc(string.Join(" ", page.GetWords().Select(w => w.Text)));

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_owner_downloads_a_landscape_certificate_with_its_facts_and_a_QR_of_the_verification_URL()
    {
        var (producer, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId, "Bánh pía sầu riêng trứng muối"), CertificateFixtures.Today, stars: 4);

        var pdf = await PdfAsync(producer.Client, $"/certificates/{c.Id}/certificate.pdf");
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(1, doc.NumberOfPages);
        var page = doc.GetPage(1);
        Assert.True(page.Width > page.Height, "landscape");
        var words = Words(page);
        foreach (var piece in new[] { "GIẤY CHỨNG NHẬN", "KẾT QUẢ PHÂN HẠNG SẢN PHẨM OCOP", "Bánh pía sầu riêng trứng muối", c.ProducerName, c.Number,
                     $"Có giá trị đến ngày {c.ValidUntil.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", "ĐẠT HẠNG 4 SAO", c.DecisionNumber,
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bộ tiêu chí số 6" })
        {
            Assert.Contains(Nfc(piece), words);
        }

        Assert.DoesNotContain("ĐÃ THU HỒI", words);
        var url = "http://localhost" + CertificateIssuer.VerificationPath(c.Token);
        Assert.Contains(url, Words(page).Replace(" ", "", StringComparison.Ordinal)); // the address printed under the QR
        var link = Assert.Single(page.GetAnnotations(), a => a.Action is UriAction);
        Assert.Equal(url, ((UriAction)link.Action!).Uri);
        AssertQrDrawn(page, link.Rectangle, url);
    }

    /// <summary>Samples the filled paths inside <paramref name="square"/> at each module centre and compares with QRCoder's matrix for <paramref name="payload"/>.</summary>
    private static void AssertQrDrawn(Page page, PdfRectangle square, string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var n = data.ModuleMatrix.Count;
        var polygons = page.Paths.Where(p => p.IsFilled)
            .SelectMany(p => p)
            .Select(sub => sub.Commands.SelectMany(Points).ToList())
            .Where(poly => poly.Count >= 3 && poly.All(pt => pt.X >= square.Left - 0.5 && pt.X <= square.Right + 0.5 && pt.Y >= square.Bottom - 0.5 && pt.Y <= square.Top + 0.5))
            .ToList();
        Assert.NotEmpty(polygons);
        double module = square.Width / n;
        var mismatches = 0;
        var dark = 0;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                var x = square.Left + (col + 0.5) * module;
                var y = square.Top - (row + 0.5) * module; // PDF y grows upwards; the matrix's rows go down
                var drawn = polygons.Sum(poly => Winding(poly, x, y)) != 0;
                dark += drawn ? 1 : 0;
                if (drawn != data.ModuleMatrix[row][col])
                {
                    mismatches++;
                }
            }
        }

        Assert.True(dark > n * 4, $"only {dark} dark modules read");
        Assert.Equal(0, mismatches);
    }

    private static IEnumerable<PdfPoint> Points(PdfSubpath.IPathCommand command) => command switch
    {
        PdfSubpath.Move m => [m.Location],
        PdfSubpath.Line l => [l.To],
        _ => [],
    };

    /// <summary>Winding number of the closed polygon around (x, y).</summary>
    private static int Winding(List<PdfPoint> poly, double x, double y)
    {
        var w = 0;
        for (var i = 0; i < poly.Count; i++)
        {
            var a = poly[i];
            var b = poly[(i + 1) % poly.Count];
            if (a.Y <= y)
            {
                if (b.Y > y && Cross(a, b, x, y) > 0)
                {
                    w++;
                }
            }
            else if (b.Y <= y && Cross(a, b, x, y) < 0)
            {
                w--;
            }
        }

        return w;
    }

    private static double Cross(PdfPoint a, PdfPoint b, double x, double y) => (b.X - a.X) * (y - a.Y) - (x - a.X) * (b.Y - a.Y);

    [Fact]
    public async Task Only_the_Office_and_the_owner_get_the_PDF()
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId), CertificateFixtures.Today);
        var url = $"/certificates/{c.Id}/certificate.pdf";

        var office = await _scenario.SignedInAsync(Roles.Office);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync(url)).StatusCode);
        var (stranger, _) = await _scenario.ProducerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        var officer = await _scenario.CommuneOfficerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync($"/certificates/{c.Id + 100000}/certificate.pdf")).StatusCode);
        var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_batch_of_a_decision_has_one_page_per_certificate_and_embeds_the_fonts_once()
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        var names = new[] { "Bánh pía Sóc Trăng", "Mè láo Cái Răng", "Nem nướng Ninh Kiều", "Khô cá lóc Phong Điền" };
        var products = new List<int>();
        foreach (var name in names)
        {
            products.Add(await _scenario.ProductAsync(producerId, name));
        }

        var (decisionId, certificates) = await CertificateFixtures.IssueAsync(factory, products, CertificateFixtures.Today, stars: 3);
        var office = await _scenario.SignedInAsync(Roles.Office);

        var batch = await PdfAsync(office.Client, $"/decisions/{decisionId}/certificates.pdf");
        var single = await PdfAsync(office.Client, $"/certificates/{certificates[0].Id}/certificate.pdf");
        using var doc = PdfDocument.Open(batch);
        Assert.Equal(names.Length, doc.NumberOfPages);
        for (var i = 0; i < names.Length; i++)
        {
            var page = doc.GetPage(i + 1);
            Assert.Contains(Nfc(names[i]), Words(page));
            Assert.Contains(certificates[i].Number, Words(page));
            Assert.Equal("http://localhost" + CertificateIssuer.VerificationPath(certificates[i].Token),
                ((UriAction)page.GetAnnotations().Single(a => a.Action is UriAction).Action!).Uri);
        }

        static int Fonts(byte[] pdf) => System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), "/FontFile2");
        Assert.Equal(Fonts(single), Fonts(batch));
        Assert.True(batch.Length < single.Length * 2, $"single {single.Length} B, batch of {names.Length} {batch.Length} B");

        var producer = await _scenario.SignedInAsync(Roles.Producer);
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.Client.GetAsync($"/decisions/{decisionId}/certificates.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync($"/decisions/{decisionId + 1000}/certificates.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_certificate_still_prints_but_stamped_revoked()
    {
        var (producer, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId), CertificateFixtures.Today.AddMonths(-3));
        var on = CertificateFixtures.Today.AddDays(-1);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            db.Revocations.Add(new Revocation
            {
                CertificateId = c.Id,
                Ground = RevocationGround.ProductionStopped,
                Details = "Ngừng sản xuất.",
                DecisionNumber = "9/QĐ-UBND",
                DecisionDate = on,
                Authority = CertificateFixtures.Authority,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedByUserId = "test",
            });
            await db.SaveChangesAsync();
            return true;
        });
        await CertificateFixtures.UpdateAsync(factory, c.Id, x => x.State = CertificateState.Revoked);

        using var doc = PdfDocument.Open(await PdfAsync(producer.Client, $"/certificates/{c.Id}/certificate.pdf"));
        var words = Words(doc.GetPage(1));
        Assert.Contains("ĐÃ THU HỒI", words);
        Assert.Contains(on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), words);
    }
}
