using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// Certificates made directly in the database, as the decisions feature makes them when a decision is issued: an
/// issued decision with one line per product and a certificate per line (numbers reserved through
/// <see cref="CertificateIssuer"/>, tokens from <see cref="CertificateIssuer.NewToken"/>, validity from
/// <see cref="CertificateLifecycle.ValidUntil"/>).
/// </summary>
public static class CertificateFixtures
{
    public const string Authority = "Ủy ban nhân dân thành phố Cần Thơ";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>An issued decision recognising <paramref name="productIds"/> on <paramref name="issuedOn"/>; returns the decision id and its certificates.</summary>
    public static Task<(int DecisionId, List<Certificate> Certificates)> IssueAsync(
        PortalFactory factory, IReadOnlyList<int> productIds, DateOnly issuedOn, int stars = 4, int? roundEntryId = null, int? dossierId = null) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var issuer = sp.GetRequiredService<CertificateIssuer>();
            var products = await db.Set<Product>().AsNoTracking().Where(p => productIds.Contains(p.Id)).ToListAsync();
            var producerIds = products.Select(p => p.ProducerId).Distinct().ToList();
            var producers = await db.Set<Producer>().AsNoTracking().Where(p => producerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            var communeCodes = producers.Values.Select(p => p.CommuneCode).ToList();
            var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.FullName);
            string Address(Producer p) => $"{p.StreetAddress}, {communes.GetValueOrDefault(p.CommuneCode, p.CommuneCode)}, thành phố Cần Thơ";
            await using var tx = await db.Database.BeginTransactionAsync();
            var decision = new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Issued,
                Number = $"{Random.Shared.Next(100, 9999).ToString(CultureInfo.InvariantCulture)}/QĐ-UBND",
                DecisionDate = issuedOn,
                Title = "Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP",
                Authority = Authority,
                AuthorityLevel = AuthorityLevel.Province,
                SignatoryName = "Trần Văn Lâm",
                SignatoryTitle = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedByUserId = "test",
                IssuedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
                Lines = products.Select((p, i) => new DecisionLine
                {
                    SortOrder = i + 1,
                    ProductId = p.Id,
                    ProducerId = p.ProducerId,
                    RoundEntryId = roundEntryId,
                    DossierId = dossierId,
                    ProductName = p.Name,
                    ProducerName = producers[p.ProducerId].Name,
                    ProducerAddress = Address(producers[p.ProducerId]),
                    CommuneCode = producers[p.ProducerId].CommuneCode,
                    RuleSetId = p.RuleSetId,
                    CriteriaSetNumber = p.CriteriaSetNumber,
                    CategoryCode = p.CategoryCode,
                    Score = 78.5m,
                    Stars = stars,
                }).ToList(),
            };
            db.RecognitionDecisions.Add(decision);
            await db.SaveChangesAsync();
            var first = await issuer.ReserveAsync(issuedOn.Year, decision.Lines.Count, CancellationToken.None);
            var certificates = decision.Lines.Select((line, i) => new Certificate
            {
                Number = issuer.Number(issuedOn.Year, first + i),
                SequenceYear = issuedOn.Year,
                Sequence = first + i,
                Token = CertificateIssuer.NewToken(),
                DecisionId = decision.Id,
                DecisionLineId = line.Id,
                ProductId = line.ProductId,
                ProducerId = line.ProducerId,
                DossierId = dossierId,
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
                IssuedOn = issuedOn,
                ValidUntil = CertificateLifecycle.ValidUntil(issuedOn, 36),
                State = CertificateState.Active,
                CreatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            }).ToList();
            db.Certificates.AddRange(certificates);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return (decision.Id, certificates);
        });

    /// <summary>One certificate for one product.</summary>
    public static async Task<Certificate> OneAsync(PortalFactory factory, int productId, DateOnly issuedOn, int stars = 4, int? dossierId = null, int? roundEntryId = null) =>
        (await IssueAsync(factory, [productId], issuedOn, stars, roundEntryId, dossierId)).Certificates[0];

    /// <summary>Changes what may change on an issued certificate (state, supersession, extension).</summary>
    public static Task UpdateAsync(PortalFactory factory, int certificateId, Action<Certificate> change) => factory.WithDbAsync(async db =>
    {
        var c = await db.Certificates.SingleAsync(x => x.Id == certificateId);
        change(c);
        c.StateChangedAt = DateTimeOffset.UtcNow;
        c.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
    });

    /// <summary>The issue date that gives a certificate <paramref name="daysLeft"/> days to its expiry today.</summary>
    public static DateOnly IssuedForDaysLeft(int daysLeft) => Today.AddDays(daysLeft).AddMonths(-36);

    public static Task<Certificate> ReadAsync(PortalFactory factory, int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.Id == id));
}
