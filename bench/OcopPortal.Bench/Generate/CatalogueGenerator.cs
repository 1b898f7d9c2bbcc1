using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Catalogue;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// The public catalogue (<see cref="CatalogueIndex"/>) built from the certificates the earlier generators wrote
/// (<see cref="ReportsGenerator"/>: one per product, some expired or revoked; <see cref="CertificateGenerator"/>: the
/// 200 of one decision), exactly as the portal builds it. It used to write a third certificate per product of its
/// own, whose numbers collided with the batch decision's.
/// </summary>
public sealed class CatalogueGenerator(OcopDbContext db) : IGenerator
{
    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var built = await new CatalogueIndex(db, new NoOutputCache(), memory, TimeProvider.System, NullLogger<CatalogueIndex>.Instance).RebuildAsync(ct);
        GenerationContext.Report("catalogue entries", built);
    }

    /// <summary>Nothing is cached while generating.</summary>
    private sealed class NoOutputCache : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
