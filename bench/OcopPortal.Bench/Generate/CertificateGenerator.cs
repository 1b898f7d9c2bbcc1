using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// One issued recognition decision with <see cref="BatchSize"/> certificates (the batch-PDF scenario's decision), for
/// the first products of the generated producers, numbered 1..200 for the decision's year as the issuer would.
/// </summary>
public sealed class CertificateGenerator(OcopDbContext db) : IGenerator
{
    public const int BatchSize = 200;

    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var issued = DateOnly.FromDateTime(context.Now.AddMonths(-2).Date);
        var products = await (from p in db.Set<Product>().AsNoTracking()
                              join pr in db.Set<Producer>().AsNoTracking() on p.ProducerId equals pr.Id
                              join c in db.Communes.AsNoTracking() on pr.CommuneCode equals c.Code
                              orderby p.Id
                              select new { Product = p, Producer = pr, Commune = c.FullName }).Take(BatchSize).ToListAsync(ct);
        var decision = new RecognitionDecision
        {
            Kind = DecisionKind.Recognition,
            Status = DecisionStatus.Issued,
            Number = "2468/QĐ-UBND",
            DecisionDate = issued,
            Title = "Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm 2026 (đợt 1)",
            Authority = "Ủy ban nhân dân thành phố Cần Thơ",
            AuthorityLevel = AuthorityLevel.Province,
            SignatoryName = "Nguyễn Văn Hòa",
            SignatoryTitle = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            CreatedAt = context.Now.AddMonths(-2),
            CreatedByUserId = "bench",
            IssuedAt = context.Now.AddMonths(-2),
            Version = Guid.NewGuid(),
            Lines = products.Select((x, i) => new DecisionLine
            {
                SortOrder = i + 1,
                ProductId = x.Product.Id,
                ProducerId = x.Producer.Id,
                ProductName = x.Product.Name,
                ProducerName = x.Producer.Name,
                ProducerAddress = $"{x.Producer.StreetAddress}, {x.Commune}, thành phố Cần Thơ",
                CommuneCode = x.Producer.CommuneCode,
                RuleSetId = x.Product.RuleSetId,
                CriteriaSetNumber = x.Product.CriteriaSetNumber,
                CategoryCode = x.Product.CategoryCode,
                Score = 50 + i % 45,
                Stars = i % 45 >= 20 ? 4 : 3,
            }).ToList(),
        };
        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        var certificates = decision.Lines.Select((line, i) => new Certificate
        {
            Number = $"{i + 1:0000}/{issued.Year}/GCN-OCOP",
            SequenceYear = issued.Year,
            Sequence = i + 1,
            Token = CertificateIssuer.NewToken(),
            DecisionId = decision.Id,
            DecisionLineId = line.Id,
            ProductId = line.ProductId,
            ProducerId = line.ProducerId,
            ProductName = line.ProductName,
            ProducerName = line.ProducerName,
            ProducerAddress = line.ProducerAddress,
            CommuneCode = line.CommuneCode,
            RuleSetId = line.RuleSetId,
            CriteriaSetNumber = line.CriteriaSetNumber,
            CategoryCode = line.CategoryCode,
            Stars = line.Stars,
            Score = line.Score,
            DecisionNumber = decision.Number,
            DecisionDate = decision.DecisionDate,
            IssuingAuthority = decision.Authority,
            AuthorityLevel = decision.AuthorityLevel,
            IssuedOn = issued,
            ValidUntil = CertificateLifecycle.ValidUntil(issued, 36),
            CreatedAt = context.Now.AddMonths(-2),
            Version = Guid.NewGuid(),
        }).ToList();
        db.Certificates.AddRange(certificates);
        db.NumberSequences.Add(new NumberSequence { Key = CertificateIssuer.SequenceKey(issued.Year), Last = certificates.Count });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        GenerationContext.Report("certificates", certificates.Count, BatchSize);
    }
}
