using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// The demo province, on request (<c>--demo</c> or Seed:Demo=true): one account per role so a newcomer can
/// try every screen, the demo producers and their products, dossiers in every state (<see cref="DemoDossiers"/>),
/// the evaluation council with a finalised round and a round being scored (<see cref="DemoCouncil"/>), and the
/// recognition decision of the finalised round with its certificates plus a legacy register (<see cref="DemoRecognition"/>),
/// and Chị Lan's traceability page with two versions and a batch (<see cref="DemoTraceability"/>).
/// Idempotent: running it again adds nothing.
/// </summary>
public sealed class DemoSeeder(
    UserManager<AppUser> users, OcopDbContext db, DemoDossiers dossiers, DemoCouncil council, DemoRecognition recognition, DemoTraceability traceability, IOptions<SeedOptions> options, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("vanphong@demo.ocop.vn", "Trần Thị Hồng (Văn phòng Điều phối)", Roles.Office),
        ("xa.phuloc@demo.ocop.vn", "Lê Văn Minh (UBND xã Phú Lộc)", Roles.Commune),
        ("chutich.hd@demo.ocop.vn", "Nguyễn Văn Bình (Chủ tịch Hội đồng)", Roles.CouncilChair),
        ("thanhvien1@demo.ocop.vn", "Phạm Thị Thu (Sở Công Thương)", Roles.CouncilMember),
        ("thanhvien2@demo.ocop.vn", "Võ Quốc Huy (Sở Nông nghiệp và Môi trường)", Roles.CouncilMember),
        ("thanhvien3@demo.ocop.vn", "Đặng Thị Mỹ Linh (Sở Khoa học và Công nghệ)", Roles.CouncilMember),
        ("lan.banhpia@demo.ocop.vn", "Nguyễn Thị Lan (Hộ kinh doanh Bánh pía Lan)", Roles.Producer),
    ];

    public async Task SeedIfRequestedAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Demo)
        {
            return;
        }

        var password = string.IsNullOrWhiteSpace(o.DemoPassword) ? PasswordGenerator.Generate() : o.DemoPassword;
        var created = 0;
        foreach (var (email, name, role) in Accounts)
        {
            ct.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            await IdentitySeeder.EnsureUserAsync(users, email, name, password, role, clock);
            created++;
        }

        await SeedProducersAsync(ct);
        await dossiers.SeedAsync(ct);
        await council.SeedAsync(ct);
        await recognition.SeedAsync(ct);
        await traceability.SeedAsync(ct);
        if (created > 0)
        {
            log.LogWarning("Demo accounts created ({Count}): {Accounts}; password for all: {Password}",
                created, string.Join(", ", Accounts.Select(a => $"{a.Email} [{a.Role}]")), password);
        }
    }

    /// <summary>The demo producers' profiles (idempotent by tax code); the demo producer account owns the first.</summary>
    private async Task SeedProducersAsync(CancellationToken ct)
    {
        var existing = await db.Set<Producer>().Select(p => p.TaxCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var p in DemoProducers.All.Where(p => !existing.Contains(p.TaxCode)))
        {
            var owner = p.OwnerEmail is null ? null : await users.FindByEmailAsync(p.OwnerEmail);
            db.Add(new Producer
            {
                TaxCode = p.TaxCode,
                Type = p.Type,
                Name = p.Name,
                RepresentativeName = p.Representative,
                RepresentativeGender = p.Gender,
                RepresentativeIsEthnicMinority = p.EthnicMinority,
                ProvinceCode = "92",
                CommuneCode = p.CommuneCode,
                StreetAddress = p.Street,
                Phone = p.Phone,
                Email = p.Email,
                OwnerUserId = owner?.Id,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(ct);
        await SeedProductsAsync(now, ct);
    }

    private async Task SeedProductsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ruleSet = await db.RuleSets.Where(r => r.Code == RuleSetCatalog.Qd26Code).Select(r => r.Id).SingleAsync(ct);
        var sets = await db.ProductCategories.Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null)
            .ToDictionaryAsync(c => c.Code, c => c.CriteriaSetNumber!.Value, ct);
        var producers = await db.Set<Producer>().Where(p => DemoProducers.Products.Select(x => x.TaxCode).Contains(p.TaxCode))
            .ToDictionaryAsync(p => p.TaxCode, p => p.Id, ct);
        var existing = await db.Set<Product>().Where(p => producers.Values.Contains(p.ProducerId)).Select(p => p.Name).ToListAsync(ct);
        foreach (var (taxCode, name, category, description, story) in DemoProducers.Products.Where(p => !existing.Contains(p.Name)))
        {
            db.Add(new Product
            {
                ProducerId = producers[taxCode],
                Name = name,
                RuleSetId = ruleSet,
                CategoryCode = category,
                CriteriaSetNumber = sets[category],
                Description = description,
                Story = story,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
