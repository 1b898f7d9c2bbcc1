using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Features.Traceability;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// Chị Lan's certified bánh pía has a traceability page published twice (version 2 adds the VietGAP certificate of
/// her mung-bean supplier and a packing step) and a batch printed under version 1, so its label still shows version 1
/// with a notice linking to the current page. Written through <see cref="TraceRecords"/>, as the producer would.
/// Idempotent: nothing is added once the product has a page.
/// </summary>
public sealed class DemoTraceability(OcopDbContext db, UserManager<AppUser> users, TraceRecords records, TimeProvider clock)
{
    public const string ProductName = "Bánh pía đậu xanh lá dứa";
    public const string BatchCode = "BP-LO01";

    public async Task SeedAsync(CancellationToken ct)
    {
        var product = await (from p in db.Set<Product>()
                             join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                             where pr.TaxCode == "1800000001" && p.Name == ProductName
                             select new { p.Id, pr.CommuneCode }).FirstOrDefaultAsync(ct);
        var lan = await users.FindByEmailAsync("lan.banhpia@demo.ocop.vn");
        if (product is null || lan is null || await db.TraceRecords.AnyAsync(t => t.ProductId == product.Id, ct))
        {
            return;
        }

        var commune = await (from c in db.Communes
                             join p in db.Provinces on c.ProvinceCode equals p.Code
                             where c.Code == product.CommuneCode
                             select c.FullName + ", " + p.FullName).SingleAsync(ct);
        var v1 = new TraceContent(
            [new("Đậu xanh không vỏ", "Hợp tác xã Đậu xanh Mỹ Tú (Cần Thơ)"), new("Lá dứa", "Vườn nhà, ấp Phú Lộc"), new("Bột mì, đường, mỡ", "Đại lý Tấn Phát, Cần Thơ")],
            "Số 12, ấp Phú Lộc", product.CommuneCode, commune, 9.6038m, 105.9739m,
            [
                new("Ngâm và hấp đậu xanh", "Đậu ngâm 6 giờ, hấp chín, tán mịn với lá dứa ép nước."),
                new("Làm vỏ bánh", "Hai lớp bột nước và bột dầu cán nhiều lần cho vỏ xốp."),
                new("Gói nhân và nướng", "Nướng bằng lò than 25 phút, quét trứng hai lần."),
            ],
            [new("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Sở Y tế Sóc Trăng", "125/2023/ATTP-CNĐK", new DateOnly(2026, 12, 31))],
            "Bánh pía nhân đậu xanh lá dứa theo công thức của bà ngoại chị Lan, làm tay mỗi sáng ở ấp Phú Lộc và nướng bằng lò than như ba mươi năm trước.");
        var v2 = v1 with
        {
            Steps = [.. v1.Steps, new("Đóng gói", "Để nguội, đóng hộp giấy 4 cái kèm gói hút ẩm; tem QR truy xuất trên từng hộp.")],
            Certifications = [.. v1.Certifications, new("Chứng nhận VietGAP vùng trồng đậu xanh", "Trung tâm Chứng nhận phù hợp (QUACERT)", "VG-2025-0412", new DateOnly(2027, 6, 30))],
        };

        var name = lan.FullName is { Length: > 0 } full ? full : lan.Email ?? "";
        var (_, record) = await records.SaveDraftAsync(product.Id, null, v1, Guid.Empty, ct);
        await records.PublishAsync(record, record.Version, lan.Id, name, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        await records.CreateBatchAsync(record, new TraceBatchInput { Code = BatchCode, ProducedOn = today.AddDays(-20), ExpiresOn = today.AddDays(70), Quantity = 400, Unit = "hộp" }, lan.Id, ct);
        await records.SaveDraftAsync(product.Id, record, v2, record.Version, ct);
        await records.PublishAsync(record, record.Version, lan.Id, name, ct);
    }
}
