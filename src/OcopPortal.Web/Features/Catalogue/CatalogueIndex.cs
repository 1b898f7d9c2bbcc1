using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Domain.Text;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>
/// Keeps the public catalogue's read model (<see cref="CatalogueEntry"/>, one row per certified product) in step with
/// products, producers and certificates, and evicts the cached public pages when it changes.
/// <para><b>Who must call it</b> (after their transaction has committed):</para>
/// <list type="bullet">
/// <item>issuing a decision: <see cref="RefreshProductsAsync"/> with the decision's product ids (or
/// <see cref="RefreshCertificateAsync"/> per certificate);</item>
/// <item>revoking, superseding, extending or expiring a certificate (revocation, the daily lifecycle job, legacy
/// import): <see cref="RefreshCertificateAsync"/>, or <see cref="RebuildAsync"/> after a bulk import;</item>
/// <item>editing a product (name, story, photos, links) or a producer (name, commune, contact):
/// <see cref="RefreshAsync"/> / <see cref="RefreshProducerAsync"/> (already wired in Features/Producers).</item>
/// </list>
/// Products without a certificate have no row, so calling it for them is a cheap no-op.
/// </summary>
public sealed class CatalogueIndex(OcopDbContext db, IOutputCacheStore cache, IMemoryCache memory, TimeProvider clock, ILogger<CatalogueIndex> log)
{
    /// <summary>Prefix of the open data's in-memory change stamp (count and newest change), dropped on every eviction.</summary>
    public const string StampCacheKey = "catalogue:stamp";

    /// <summary>The output-cache tag of every anonymous catalogue page and open-data file.</summary>
    public const string CacheTag = "catalogue";

    private const int SearchTextMax = 12000;

    /// <summary>Re-reads one product's current certificate and facts; removes its row when it has no certificate.</summary>
    public Task RefreshAsync(int productId, CancellationToken ct = default) => RefreshProductsAsync([productId], ct);

    /// <summary>Refreshes the product a certificate belongs to (after issuing, revoking, superseding, extending or expiring it).</summary>
    public async Task RefreshCertificateAsync(int certificateId, CancellationToken ct = default)
    {
        var productId = await db.Certificates.Where(c => c.Id == certificateId).Select(c => (int?)c.ProductId).SingleOrDefaultAsync(ct);
        if (productId is { } id)
        {
            await RefreshAsync(id, ct);
        }
    }

    /// <summary>Refreshes every product of a producer (its name, commune or contact changed).</summary>
    public async Task RefreshProducerAsync(int producerId, CancellationToken ct = default)
    {
        var ids = await db.Certificates.Where(c => c.ProducerId == producerId).Select(c => c.ProductId).Distinct().ToListAsync(ct);
        if (ids.Count > 0)
        {
            await RefreshProductsAsync(ids, ct);
        }
    }

    public async Task RefreshProductsAsync(IReadOnlyCollection<int> productIds, CancellationToken ct = default)
    {
        var ids = productIds.Distinct().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            var built = await BuildAsync(chunk, ct);
            var existing = await db.CatalogueEntries.Where(e => chunk.Contains(e.ProductId)).ToListAsync(ct);
            foreach (var old in existing)
            {
                if (built.Remove(old.ProductId, out var fresh))
                {
                    db.Entry(old).CurrentValues.SetValues(fresh);
                }
                else
                {
                    db.CatalogueEntries.Remove(old);
                }
            }

            db.CatalogueEntries.AddRange(built.Values);
            await db.SaveChangesAsync(ct);
            Detach();
        }

        await EvictAsync(ct);
    }

    /// <summary>Rebuilds the whole table (on start when it is empty, after a legacy import, or on demand).</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var productIds = await db.Certificates.Select(c => c.ProductId).Distinct().ToListAsync(ct);
        await db.CatalogueEntries.ExecuteDeleteAsync(ct);
        var count = 0;
        foreach (var chunk in productIds.Chunk(1000))
        {
            var built = await BuildAsync(chunk, ct);
            db.CatalogueEntries.AddRange(built.Values);
            await db.SaveChangesAsync(ct);
            Detach();
            count += built.Count;
        }

        await EvictAsync(ct);
        log.LogInformation("Catalogue rebuilt: {Count} products in {Elapsed} ms", count, clock.GetElapsedTime(started).TotalMilliseconds);
        return count;
    }

    /// <summary>Rebuilds when the table is empty but certificates exist (first start after the migration, or a fresh import).</summary>
    public async Task EnsureBuiltAsync(CancellationToken ct = default)
    {
        if (!await db.CatalogueEntries.AnyAsync(ct) && await db.Certificates.AnyAsync(ct))
        {
            await RebuildAsync(ct);
        }
    }

    /// <summary>Drops every cached public catalogue page and open-data file (the entries changed).</summary>
    public async Task EvictAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        memory.Remove($"{StampCacheKey}:{today.DayNumber}");
        await cache.EvictByTagAsync(CacheTag, ct);
    }

    private async Task<Dictionary<int, CatalogueEntry>> BuildAsync(IReadOnlyCollection<int> productIds, CancellationToken ct)
    {
        // The product's current certificate: the newest that has not been superseded (revoked and expired ones stay,
        // so the transparency filter can show them with their status).
        var certificates = (await db.Certificates.AsNoTracking()
                .Where(c => productIds.Contains(c.ProductId) && c.State != CertificateState.Superseded).ToListAsync(ct))
            .GroupBy(c => c.ProductId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).First());
        if (certificates.Count == 0)
        {
            return [];
        }

        var ids = certificates.Keys.ToList();
        var products = await db.Set<Product>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.ProducerId, p.RuleSetId, p.CategoryCode, p.CriteriaSetNumber, p.Story })
            .ToDictionaryAsync(p => p.Id, ct);
        var covers = (await db.Set<ProductPhoto>().AsNoTracking().Where(p => ids.Contains(p.ProductId))
                .Select(p => new { p.ProductId, p.FileId, p.SortOrder, p.Id }).ToListAsync(ct))
            .GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.SortOrder).ThenBy(p => p.Id).First().FileId);
        var producerIds = products.Values.Select(p => p.ProducerId).Distinct().ToList();
        var producers = await db.Set<Producer>().AsNoTracking().Where(p => producerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Type, p.CommuneCode, p.ProvinceCode }).ToDictionaryAsync(p => p.Id, ct);
        var communeCodes = producers.Values.Select(p => p.CommuneCode).Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code))
            .Select(c => new { c.Code, c.FullName, c.ProvinceCode }).ToDictionaryAsync(c => c.Code, ct);
        var formerNames = (await db.CommuneMappings.AsNoTracking().Where(m => communeCodes.Contains(m.NewCommuneCode))
                .Select(m => new { m.NewCommuneCode, m.OldCommuneName, m.OldDistrictName }).ToListAsync(ct))
            .GroupBy(m => m.NewCommuneCode)
            .ToDictionary(g => g.Key, g => g.SelectMany(m => new[] { m.OldCommuneName, m.OldDistrictName }).Where(n => n.Length > 0).Distinct().ToList());
        var ruleSetIds = products.Values.Select(p => p.RuleSetId).Distinct().ToList();
        var categories = await db.ProductCategories.AsNoTracking().Where(c => ruleSetIds.Contains(c.RuleSetId))
            .Select(c => new { c.RuleSetId, c.Code, c.Name, c.Level, c.ParentCode }).ToListAsync(ct);
        var categoryByKey = categories.ToDictionary(c => (c.RuleSetId, c.Code));
        var setNames = await db.CriteriaSets.AsNoTracking().Where(s => ruleSetIds.Contains(s.RuleSetId))
            .Select(s => new { s.RuleSetId, s.Number, s.Name }).ToDictionaryAsync(s => (s.RuleSetId, s.Number), s => s.Name, ct);

        var now = clock.GetUtcNow();
        var result = new Dictionary<int, CatalogueEntry>(certificates.Count);
        foreach (var (productId, certificate) in certificates)
        {
            if (!products.TryGetValue(productId, out var product) || !producers.TryGetValue(product.ProducerId, out var producer))
            {
                continue;
            }

            // Sector and group: walk up the classification from the product's leaf.
            var chain = new List<(string Code, string Name, CategoryLevel Level)>();
            var code = (string?)product.CategoryCode;
            while (code is not null && categoryByKey.TryGetValue((product.RuleSetId, code), out var node) && chain.Count < 5)
            {
                chain.Add((node.Code, node.Name, node.Level));
                code = node.ParentCode;
            }

            var sector = chain.FirstOrDefault(c => c.Level == CategoryLevel.Sector).Code ?? product.CategoryCode.Split('.')[0];
            var group = chain.FirstOrDefault(c => c.Level == CategoryLevel.Group).Code ?? "";
            var leafName = chain.Count > 0 ? chain[0].Name : product.CategoryCode;
            communes.TryGetValue(producer.CommuneCode, out var commune);
            var former = formerNames.GetValueOrDefault(producer.CommuneCode) ?? [];
            var communeName = commune?.FullName ?? producer.CommuneCode;
            var place = VietnameseText.Fold(string.Join(" | ", former.Prepend(communeName)));
            var search = VietnameseText.Fold(string.Join(" | ",
                product.Name, producer.Name, communeName, string.Join(" ", former), leafName, product.Story ?? ""));
            result[productId] = new CatalogueEntry
            {
                ProductId = productId,
                CertificateId = certificate.Id,
                ProducerId = producer.Id,
                ProductName = product.Name,
                ProducerName = producer.Name,
                ProducerType = producer.Type,
                CommuneCode = producer.CommuneCode,
                CommuneName = communeName,
                ProvinceCode = commune?.ProvinceCode ?? producer.ProvinceCode,
                SectorCode = sector,
                GroupCode = group,
                CategoryCode = product.CategoryCode,
                CategoryName = Truncate(leafName, 300),
                CriteriaSetNumber = product.CriteriaSetNumber,
                CriteriaSetName = Truncate(setNames.GetValueOrDefault((product.RuleSetId, product.CriteriaSetNumber)) ?? "", 300),
                Stars = certificate.Stars,
                CertificateNumber = certificate.Number,
                Token = certificate.Token,
                IssuedOn = certificate.IssuedOn,
                ValidUntil = certificate.ValidUntil,
                ExtendedUntil = certificate.ExtendedUntil,
                State = certificate.State,
                InForceUntil = CatalogueEntry.InForceUntilOf(certificate.State, certificate.ValidUntil, certificate.ExtendedUntil),
                CoverFileId = covers.TryGetValue(productId, out var cover) ? cover : null,
                NameText = Truncate(VietnameseText.Fold(product.Name), 200),
                PlaceText = Truncate(place, 2000),
                SearchText = Truncate(search, SearchTextMax),
                UpdatedAt = now,
            };
        }

        return result;
    }

    /// <summary>Forgets the rows just written without touching anything else the caller's context tracks.</summary>
    private void Detach()
    {
        foreach (var entry in db.ChangeTracker.Entries<CatalogueEntry>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Builds the catalogue on start when it is empty (first start after the migration or after an import).</summary>
public sealed class CatalogueStartup(IServiceScopeFactory scopes, ILogger<CatalogueStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CatalogueIndex>().EnsureBuiltAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The catalogue is a read model: the portal must still start; the next refresh or rebuild repairs it.
            log.LogError(ex, "Building the public catalogue on start failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
