using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// A profile for every producer account, in real current communes (the province's at province scale, all 34
/// provinces' at national scale), and products classified on the current rule set's leaves up to the target.
/// Needs the reference data (rule sets, administrative units) that <see cref="GenerateCommand"/> seeds first.
/// </summary>
public sealed class ProducerGenerator(OcopDbContext db) : IGenerator
{
    private static readonly string[] ProductWords =
        ["Bánh pía", "Gạo thơm", "Nước mắm", "Trà", "Mật ong", "Bưởi", "Lạp xưởng", "Kẹo dừa", "Cà phê", "Rượu nếp", "Khô cá", "Chả cá", "Mứt", "Tinh dầu"];

    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var communes = await db.Communes.AsNoTracking()
            .Where(c => context.Scale.Name == "national" || c.ProvinceCode == "92")
            .Select(c => new { c.Code, c.ProvinceCode, c.FullName }).ToListAsync(ct);
        var ruleSet = await db.RuleSets.Where(r => r.Code == RuleSetCatalog.Qd26Code).Select(r => r.Id).SingleAsync(ct);
        var leaves = await db.ProductCategories.AsNoTracking().Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null)
            .Select(c => new { c.Code, Set = c.CriteriaSetNumber!.Value }).ToListAsync(ct);

        var producers = new List<Producer>();
        var taxCode = 1_800_000_000L;
        foreach (var u in context.Users.Where(u => u.Role == Roles.Producer))
        {
            var commune = f.PickRandom(communes);
            producers.Add(new Producer
            {
                OwnerUserId = u.Id,
                Type = f.PickRandom(Enum.GetValues<ProducerType>().Where(t => t != ProducerType.Association).ToArray()),
                Name = u.FullName,
                TaxCode = (taxCode++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                RepresentativeName = u.FullName.Split(" (")[0],
                RepresentativeGender = f.PickRandom<Gender>(),
                RepresentativeIsEthnicMinority = f.Random.Bool(0.1f),
                ProvinceCode = commune.ProvinceCode,
                CommuneCode = commune.Code,
                StreetAddress = $"Ấp {f.Address.StreetName()}",
                Phone = "09" + f.Random.ReplaceNumbers("########"),
                Email = u.Email,
                CreatedAt = u.CreatedAt,
                UpdatedAt = u.CreatedAt,
                Version = Guid.NewGuid(),
            });
        }

        using (var insert = context.Inserter<Producer>())
        {
            insert.AddRange(producers);
            GenerationContext.Report("producer profiles", insert.Count, context.Scale.Producers);
        }

        // Ids were assigned by the database; read them back in order.
        var ids = await db.Set<Producer>().AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.CreatedAt }).ToListAsync(ct);
        var products = new List<Product>(context.Scale.Products);
        for (var i = 0; i < context.Scale.Products && ids.Count > 0; i++)
        {
            var owner = ids[i % ids.Count];
            var leaf = f.PickRandom(leaves);
            var at = VietnameseData.Between(f, owner.CreatedAt, context.Now);
            products.Add(new Product
            {
                ProducerId = owner.Id,
                Name = $"{f.PickRandom(ProductWords)} {f.Address.City()}",
                RuleSetId = ruleSet,
                CategoryCode = leaf.Code,
                CriteriaSetNumber = leaf.Set,
                Description = f.Lorem.Sentence(20),
                Story = f.Random.Bool(0.6f) ? f.Lorem.Paragraph(4) : null,
                CreatedAt = at,
                UpdatedAt = at,
                Version = Guid.NewGuid(),
            });
        }

        using var productInsert = context.Inserter<Product>();
        productInsert.AddRange(products);
        GenerationContext.Report("products", productInsert.Count, context.Scale.Products);
    }
}
