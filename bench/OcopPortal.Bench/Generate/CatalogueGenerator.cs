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
/// A certificate for every product, issued by recognition decisions of 50 lines over the last four years (so some
/// have run out), with stars 3/4/5 at 60/35/5 %, about 3 % revoked; then the public catalogue (<see cref="CatalogueIndex"/>)
/// is built from them exactly as the portal builds it.
/// </summary>
public sealed class CatalogueGenerator(OcopDbContext db) : IGenerator
{
    private const int LinesPerDecision = 50;

    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var products = await db.Set<Product>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.ProducerId, p.RuleSetId, p.CategoryCode, p.CriteriaSetNumber }).ToListAsync(ct);
        var producers = await db.Set<Producer>().AsNoTracking().Select(p => new { p.Id, p.Name, p.CommuneCode, p.StreetAddress })
            .ToDictionaryAsync(p => p.Id, ct);
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        var issueDays = products.Select(_ => today.AddDays(-f.Random.Int(1, 4 * 365))).OrderBy(d => d).ToList();

        var decisions = new List<RecognitionDecision>();
        for (var i = 0; i < products.Count; i += LinesPerDecision)
        {
            var day = issueDays[i];
            decisions.Add(new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Issued,
                Number = $"{(i / LinesPerDecision) + 1}/QĐ-UBND-{day.Year}",
                DecisionDate = day,
                Title = $"Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm {day.Year}",
                Authority = "Ủy ban nhân dân tỉnh",
                AuthorityLevel = AuthorityLevel.Province,
                SignatoryName = "Nguyễn Văn Bình",
                SignatoryTitle = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                CreatedAt = context.Now,
                CreatedByUserId = "bench",
                IssuedAt = context.Now,
                Version = Guid.NewGuid(),
            });
        }

        using (var insert = context.Inserter<RecognitionDecision>())
        {
            insert.AddRange(decisions);
            GenerationContext.Report("recognition decisions", insert.Count);
        }

        var decisionIds = await db.RecognitionDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        var lines = new List<DecisionLine>(products.Count);
        var certificates = new List<Certificate>(products.Count);
        // Numbers continue after those already issued (the certificate generator's batch of this year).
        var perYear = (await db.Certificates.AsNoTracking().Where(c => c.SequenceYear != null)
                .GroupBy(c => c.SequenceYear!.Value).Select(g => new { Year = g.Key, Last = g.Max(c => c.Sequence) }).ToListAsync(ct))
            .ToDictionary(x => x.Year, x => x.Last ?? 0);
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var producer = producers[p.ProducerId];
            var stars = f.Random.WeightedRandom([3, 4, 5], [0.60f, 0.35f, 0.05f]);
            var score = stars switch { 3 => f.Random.Decimal(50, 69.99m), 4 => f.Random.Decimal(70, 89.99m), _ => f.Random.Decimal(90, 100) };
            var issued = issueDays[i];
            var decisionId = decisionIds[i / LinesPerDecision];
            var address = $"{producer.StreetAddress}, {producer.CommuneCode}";
            lines.Add(new DecisionLine
            {
                DecisionId = decisionId,
                SortOrder = i % LinesPerDecision,
                ProductId = p.Id,
                ProducerId = p.ProducerId,
                ProductName = p.Name,
                ProducerName = producer.Name,
                ProducerAddress = address,
                CommuneCode = producer.CommuneCode,
                RuleSetId = p.RuleSetId,
                CriteriaSetNumber = p.CriteriaSetNumber,
                CategoryCode = p.CategoryCode,
                Score = Math.Round(score, 2),
                Stars = stars,
            });
            var seq = perYear[issued.Year] = perYear.GetValueOrDefault(issued.Year) + 1;
            var validUntil = CertificateLifecycle.ValidUntil(issued, 36);
            var state = f.Random.Bool(0.03f) ? CertificateState.Revoked : validUntil < today ? CertificateState.Expired : CertificateState.Active;
            certificates.Add(new Certificate
            {
                Number = string.Create(CultureInfo.InvariantCulture, $"{seq:0000}/{issued.Year}/GCN-OCOP"),
                SequenceYear = issued.Year,
                Sequence = seq,
                Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'),
                DecisionId = decisionId,
                ProductId = p.Id,
                ProducerId = p.ProducerId,
                ProductName = p.Name,
                ProducerName = producer.Name,
                ProducerAddress = address,
                CommuneCode = producer.CommuneCode,
                RuleSetId = p.RuleSetId,
                CriteriaSetNumber = p.CriteriaSetNumber,
                CategoryCode = p.CategoryCode,
                Stars = stars,
                Score = Math.Round(score, 2),
                DecisionNumber = decisions[i / LinesPerDecision].Number,
                DecisionDate = issued,
                IssuingAuthority = "Ủy ban nhân dân tỉnh",
                AuthorityLevel = AuthorityLevel.Province,
                IssuedOn = issued,
                ValidUntil = validUntil,
                State = state,
                StateChangedAt = state == CertificateState.Active ? null : context.Now,
                CreatedAt = context.Now,
                Version = Guid.NewGuid(),
            });
        }

        using (var insert = context.Inserter<DecisionLine>())
        {
            insert.AddRange(lines);
            GenerationContext.Report("decision lines", insert.Count);
        }

        using (var insert = context.Inserter<Certificate>())
        {
            insert.AddRange(certificates);
            GenerationContext.Report("certificates", insert.Count, context.Scale.Products);
        }

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
