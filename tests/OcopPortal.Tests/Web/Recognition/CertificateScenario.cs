using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>A certificate made directly in the database, with the producer account it belongs to.</summary>
public sealed record IssuedCertificate(int Id, string Number, string Token, DateOnly ValidUntil, int ProducerId, string OwnerUserId, string OwnerEmail, int ProductId);

/// <summary>
/// Builds issued certificates straight through the DbContext (an issued decision with its line, then the certificate
/// numbered from a per-test prefix), as the decisions feature would leave them.
/// </summary>
public sealed class CertificateScenario(PortalFactory factory)
{
    public const string Commune = "31756";

    /// <summary>A producer account, its producer and product, an issued decision and the certificate issued on <paramref name="issuedOn"/>.</summary>
    public async Task<IssuedCertificate> IssueAsync(DateOnly issuedOn, bool withRuleSet = true, int stars = 4)
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var userId = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
            var ruleSet = await db.RuleSets.Where(r => r.Status == RuleSetStatus.Published && r.Code == RuleSetCatalog.Qd26Code).SingleAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];
            var producer = new Producer
            {
                OwnerUserId = userId,
                Type = ProducerType.Cooperative,
                Name = "HTX Nông sản " + tag,
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Trần Văn Bình",
                RepresentativeGender = Gender.Male,
                ProvinceCode = "92",
                CommuneCode = Commune,
                StreetAddress = "Ấp Phú Lộc",
                Phone = "",
                Email = "",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            var product = new Product
            {
                ProducerId = producer.Id,
                Name = "Khô cá lóc " + tag,
                RuleSetId = ruleSet.Id,
                CategoryCode = "I.3.d",
                CriteriaSetNumber = 8,
                Description = "",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Add(product);
            var decision = new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Issued,
                Number = $"{tag}/QĐ-UBND",
                DecisionDate = issuedOn,
                Title = "Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP",
                Authority = "Ủy ban nhân dân thành phố Cần Thơ",
                AuthorityLevel = AuthorityLevel.Province,
                SignatoryName = "Nguyễn Văn A",
                SignatoryTitle = "KT. CHỦ TỊCH",
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedByUserId = userId,
                IssuedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            };
            await db.SaveChangesAsync(); // the product's id, for the line
            var line = new DecisionLine
            {
                ProductId = product.Id,
                ProducerId = producer.Id,
                ProductName = product.Name,
                ProducerName = producer.Name,
                ProducerAddress = "Ấp Phú Lộc, xã Phú Lộc, thành phố Cần Thơ",
                CommuneCode = Commune,
                RuleSetId = ruleSet.Id,
                CriteriaSetNumber = 8,
                CategoryCode = "I.3.d",
                Score = 75.5m,
                Stars = stars,
            };
            decision.Lines.Add(line);
            db.Add(decision); // issued with its lines in one save: the guard refuses lines added to an issued decision later
            await db.SaveChangesAsync();
            var certificate = new Certificate
            {
                Number = $"{tag}/GCN-OCOP",
                Token = CertificateIssuer.NewToken(),
                DecisionId = decision.Id,
                DecisionLineId = line.Id,
                ProductId = product.Id,
                ProducerId = producer.Id,
                ProductName = product.Name,
                ProducerName = producer.Name,
                ProducerAddress = line.ProducerAddress,
                CommuneCode = Commune,
                RuleSetId = withRuleSet ? ruleSet.Id : null,
                CriteriaSetNumber = 8,
                CategoryCode = "I.3.d",
                Stars = stars,
                Score = 75.5m,
                DecisionNumber = decision.Number,
                DecisionDate = issuedOn,
                IssuingAuthority = decision.Authority,
                AuthorityLevel = AuthorityLevel.Province,
                IssuedOn = issuedOn,
                ValidUntil = CertificateLifecycle.ValidUntil(issuedOn, ruleSet.CertificateValidityMonths),
                State = CertificateState.Active,
                CreatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Add(certificate);
            await db.SaveChangesAsync();
            return new IssuedCertificate(certificate.Id, certificate.Number, certificate.Token, certificate.ValidUntil, producer.Id, userId, email, product.Id);
        });
    }

    /// <summary>A re-evaluation dossier filed for the certificate, in <paramref name="status"/>.</summary>
    public Task<int> ReEvaluationAsync(IssuedCertificate c, DossierStatus status) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var ruleSet = await db.RuleSets.Where(r => r.Code == RuleSetCatalog.Qd26Code).Select(r => r.Id).SingleAsync();
        var criteriaSet = await db.CriteriaSets.Where(s => s.RuleSetId == ruleSet && s.Number == 8).Select(s => s.Id).SingleAsync();
        var dossier = new Dossier
        {
            ProducerId = c.ProducerId,
            ProductId = c.ProductId,
            CommuneCode = Commune,
            Kind = DossierKind.ReEvaluation,
            TargetStars = 4,
            PreviousCertificateNumber = c.Number,
            PreviousCertificateValidUntil = c.ValidUntil,
            RuleSetId = ruleSet,
            CriteriaSetId = criteriaSet,
            Status = status,
            Number = status == DossierStatus.Draft ? null : $"{c.Id}/PĐK-92-{Commune}-{c.ValidUntil.Year.ToString(CultureInfo.InvariantCulture)}",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.Add(dossier);
        await db.SaveChangesAsync();
        return dossier.Id;
    });

    public Task SetDossierStatusAsync(int dossierId, DossierStatus status) => factory.WithDbAsync(db =>
        db.Dossiers.Where(d => d.Id == dossierId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status)));
}
