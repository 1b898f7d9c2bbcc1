using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Catalogue;

namespace OcopPortal.Tests.Web.Catalogue;

/// <summary>A certified product as the tests create it: ids and the certificate's public token.</summary>
public sealed record Certified(int ProductId, int ProducerId, int CertificateId, string Token, string ProductName);

/// <summary>What a certified product looks like; every field has a sensible default.</summary>
public sealed record CertifiedSpec(string ProductName)
{
    public string ProducerName { get; init; } = "Hợp tác xã Nông sản Phú Lộc";

    public ProducerType ProducerType { get; init; } = ProducerType.Cooperative;

    public int? ProducerId { get; init; }

    public string Commune { get; init; } = "31756";

    public int Stars { get; init; } = 4;

    public string CategoryCode { get; init; } = "I.3.b";

    public int CriteriaSet { get; init; } = 6;

    public string? Story { get; init; }

    public string Description { get; init; } = "Sản phẩm đặc sản địa phương.";

    public CertificateState State { get; init; } = CertificateState.Active;

    /// <summary>Days before today the certificate was issued (valid 36 months).</summary>
    public int IssuedDaysAgo { get; init; } = 30;

    public string Phone { get; init; } = "0912000111";

    public string Email { get; init; } = "lienhe@htx-phuloc.vn";

    public bool ContactPublic { get; init; }

    public string? ShopUrl { get; init; }

    public decimal Score { get; init; } = 71.25m;
}

/// <summary>
/// Creates producers, products, an issued recognition decision with its line and the certificate directly in the
/// database (the issuing screens belong to another feature), then refreshes the catalogue as issuing code must.
/// </summary>
public sealed class CatalogueScenario(PortalFactory factory)
{
    public Task<Certified> CertifiedAsync(CertifiedSpec spec) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var producerId = spec.ProducerId;
        if (producerId is null)
        {
            var producer = new Producer
            {
                Type = spec.ProducerType,
                Name = spec.ProducerName,
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Trần Thị Hoa",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = spec.Commune,
                StreetAddress = "Ấp Phú Thạnh",
                Phone = spec.Phone,
                Email = spec.Email,
                ContactPublic = spec.ContactPublic,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            producerId = producer.Id;
        }

        var ruleSetId = await db.RuleSets.Where(r => r.Status == RuleSetStatus.Published).OrderByDescending(r => r.EffectiveFrom).Select(r => r.Id).FirstAsync();
        var product = new Product
        {
            ProducerId = producerId.Value,
            Name = spec.ProductName,
            RuleSetId = ruleSetId,
            CategoryCode = spec.CategoryCode,
            CriteriaSetNumber = spec.CriteriaSet,
            Description = spec.Description,
            Story = spec.Story,
            ShopUrl = spec.ShopUrl,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.Add(product);
        await db.SaveChangesAsync();

        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
        var issuedOn = today.AddDays(-spec.IssuedDaysAgo);
        var unique = Guid.NewGuid().ToString("N")[..10];
        var decision = new RecognitionDecision
        {
            Kind = DecisionKind.Recognition,
            Status = DecisionStatus.Issued,
            Number = $"{unique}/QĐ-UBND",
            DecisionDate = issuedOn,
            Title = "Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP",
            Authority = "Ủy ban nhân dân thành phố Cần Thơ",
            AuthorityLevel = AuthorityLevel.Province,
            SignatoryName = "Nguyễn Văn A",
            SignatoryTitle = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedByUserId = "test",
            IssuedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
            Lines =
            [
                new DecisionLine
                {
                    ProductId = product.Id, ProducerId = producerId.Value, ProductName = product.Name, ProducerName = spec.ProducerName,
                    ProducerAddress = "Ấp Phú Thạnh, xã Phú Lộc", CommuneCode = spec.Commune, RuleSetId = ruleSetId, CriteriaSetNumber = spec.CriteriaSet,
                    CategoryCode = spec.CategoryCode, Score = spec.Score, Stars = spec.Stars,
                },
            ],
        };
        db.Add(decision);
        await db.SaveChangesAsync();
        var certificate = new Certificate
        {
            Number = $"{unique}/GCN-OCOP",
            Token = Guid.NewGuid().ToString("N") + unique,
            DecisionId = decision.Id,
            DecisionLineId = decision.Lines[0].Id,
            ProductId = product.Id,
            ProducerId = producerId.Value,
            ProductName = product.Name,
            ProducerName = spec.ProducerName,
            ProducerAddress = "Ấp Phú Thạnh, xã Phú Lộc",
            CommuneCode = spec.Commune,
            RuleSetId = ruleSetId,
            CriteriaSetNumber = spec.CriteriaSet,
            CategoryCode = spec.CategoryCode,
            Stars = spec.Stars,
            Score = spec.Score,
            DecisionNumber = decision.Number,
            DecisionDate = issuedOn,
            IssuingAuthority = decision.Authority,
            AuthorityLevel = AuthorityLevel.Province,
            IssuedOn = issuedOn,
            ValidUntil = CertificateLifecycle.ValidUntil(issuedOn, 36),
            State = spec.State,
            CreatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.Add(certificate);
        await db.SaveChangesAsync();
        await sp.GetRequiredService<CatalogueIndex>().RefreshAsync(product.Id);
        return new Certified(product.Id, producerId.Value, certificate.Id, certificate.Token, product.Name);
    });

    /// <summary>Revokes a certificate the way the revocation feature will: the state moves, then the catalogue is refreshed.</summary>
    public Task RevokeAsync(int certificateId) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var certificate = await db.Certificates.SingleAsync(c => c.Id == certificateId);
        certificate.State = CertificateState.Revoked;
        certificate.StateChangedAt = DateTimeOffset.UtcNow;
        certificate.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        await sp.GetRequiredService<CatalogueIndex>().RefreshCertificateAsync(certificateId);
        return true;
    });
}
