using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Features.Recognition;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// The demo province's recognitions: the People's Committee decision for the council's finalised round, issued
/// through <see cref="RecognitionDecisions"/> exactly as the Office issues one (numbers, certificates, notices), and a
/// register of certificates from before the portal (district and provincial decisions under QĐ 148/2023) in every
/// state a newcomer should see: valid, inside the re-recognition window (Chị Lan's, scenario S7), expired, and one
/// revoked after an inspection found the product no longer made. Dates are relative to today so the demo stays true.
/// Idempotent: nothing is added once a decision exists.
/// </summary>
public sealed class DemoRecognition(
    OcopDbContext db, UserManager<AppUser> users, RecognitionDecisions decisions, WorkingDays workingDays, CatalogueIndex catalogue, TimeProvider clock, ILogger<DemoRecognition> log)
{
    public const string DecisionNumber = "1425/QĐ-UBND";

    /// <summary>The legacy register: producer tax code, product, classification leaf, star, authority, level, decision and certificate numbers, days to expiry (the same for lines of one decision: its date sets their validity), what happened.</summary>
    public static readonly IReadOnlyList<LegacySpec> Legacy =
    [
        new("1800000001", "Bánh pía đậu xanh lá dứa", "I.3.b", 3, "Ủy ban nhân dân huyện Thạnh Trị", AuthorityLevel.District, "2150/QĐ-UBND", "03/2024/GCN-OCOP",
            DaysToExpiry: 150, Story: "Bánh pía nhân đậu xanh lá dứa, công thức của bà ngoại chị Lan, nướng bằng lò than."),
        new("1800000005", "Bưởi năm roi Phong Điền", "I.1.a", 3, "Ủy ban nhân dân huyện Phong Điền", AuthorityLevel.District, "1520/QĐ-UBND", "1520/QĐ-UBND",
            DaysToExpiry: 160),
        new("1800000003", "Mắm tôm chà Vĩnh Hải", "I.4.a", 3, "Ủy ban nhân dân tỉnh Sóc Trăng", AuthorityLevel.Province, "3012/QĐ-UBND", "117/2025/GCN-OCOP",
            DaysToExpiry: 480, Story: "Tôm đất ven biển Vĩnh Hải chà nhuyễn với muối hột và ớt, phơi nắng ba tuần."),
        new("1800000004", "Mãng cầu xiêm sấy dẻo Cù Lao Dung", "I.3.c", 4, "Ủy ban nhân dân tỉnh Sóc Trăng", AuthorityLevel.Province, "3012/QĐ-UBND", "118/2025/GCN-OCOP",
            DaysToExpiry: 480),
        new("1800000002", "Gạo ST25 Mỹ Xuyên Xanh", "I.2.a", 3, "Ủy ban nhân dân huyện Mỹ Xuyên", AuthorityLevel.District, "987/QĐ-UBND", "987/QĐ-UBND",
            DaysToExpiry: -75),
        new("1800000008", "Mật ong hoa nhãn Kế Sách", "I.2.b", 3, "Ủy ban nhân dân huyện Kế Sách", AuthorityLevel.District, "1777/QĐ-UBND", "1777/QĐ-UBND",
            DaysToExpiry: 330, Revoked: true),
    ];

    public sealed record LegacySpec(string TaxCode, string Product, string Category, int Stars, string Authority, AuthorityLevel Level,
        string Decision, string Certificate, int DaysToExpiry, string? Story = null, bool Revoked = false);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.RecognitionDecisions.AnyAsync(ct))
        {
            return;
        }

        var office = await users.FindByEmailAsync(DemoDossiers.OfficeEmail) ?? throw new InvalidOperationException($"{DemoDossiers.OfficeEmail} is missing.");
        await SeedLegacyAsync(office, ct);
        await IssueRoundDecisionAsync(office, ct);
        await catalogue.RebuildAsync(ct);
    }

    /// <summary>The decision for the finalised round, drafted, completed and issued through the Office's own service.</summary>
    private async Task IssueRoundDecisionAsync(AppUser office, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Finalised)
            .OrderByDescending(r => r.FinalisedAt).FirstOrDefaultAsync(ct);
        if (round?.FinalisedAt is not { } finalisedAt)
        {
            return;
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, office.Id), new Claim(ClaimTypes.Name, office.Email ?? "")], "demo"));
        var draft = await decisions.DraftFromRoundAsync(round.Id, principal, ct);
        if (draft is not { Error: null, Id: { } id })
        {
            log.LogWarning("Demo decision not drafted: {Error}", draft?.Error);
            return;
        }

        var decision = await db.RecognitionDecisions.SingleAsync(d => d.Id == id, ct);
        var date = WorkingDayOnOrAfter(DateOnly.FromDateTime(finalisedAt.LocalDateTime).AddDays(14));
        decision.Number = DecisionNumber;
        decision.DecisionDate = date <= Today ? date : Today;
        decision.SignatoryName = "Trương Cảnh Tuyên";
        decision.SignatoryTitle = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH";
        decision.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);

        var issued = await decisions.IssueAsync(id, decision.Version, principal, ct);
        if (issued?.Error is { } error)
        {
            throw new InvalidOperationException($"Demo decision {DecisionNumber} not issued: {error}");
        }
    }

    private async Task SeedLegacyAsync(AppUser office, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ruleSet = await db.RuleSets.Where(r => r.Code == RuleSetCatalog.Qd26Code).Select(r => r.Id).SingleAsync(ct);
        var sets = await db.ProductCategories.Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null)
            .ToDictionaryAsync(c => c.Code, c => c.CriteriaSetNumber!.Value, ct);
        var taxCodes = Legacy.Select(x => x.TaxCode).Distinct().ToList();
        var producers = await db.Set<Producer>().Where(p => taxCodes.Contains(p.TaxCode)).ToDictionaryAsync(p => p.TaxCode, ct);
        var communes = await db.Communes.Where(c => producers.Values.Select(p => p.CommuneCode).Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var decisionsByNumber = new Dictionary<string, RecognitionDecision>();

        foreach (var spec in Legacy)
        {
            var producer = producers[spec.TaxCode];
            var product = await db.Set<Product>().SingleOrDefaultAsync(p => p.ProducerId == producer.Id && p.Name == spec.Product, ct);
            if (product is null)
            {
                product = new Product
                {
                    ProducerId = producer.Id,
                    Name = spec.Product,
                    RuleSetId = ruleSet,
                    CategoryCode = spec.Category,
                    CriteriaSetNumber = sets[spec.Category],
                    Description = spec.Product,
                    Story = spec.Story,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(product);
                await db.SaveChangesAsync(ct);
            }

            var validUntil = Today.AddDays(spec.DaysToExpiry);
            var issuedOn = validUntil.AddMonths(-36);
            var address = RecognitionDecisions.Address(producer.StreetAddress, communes.GetValueOrDefault(producer.CommuneCode),
                spec.Authority.EndsWith("Phong Điền", StringComparison.Ordinal) ? "thành phố Cần Thơ" : "tỉnh Sóc Trăng");
            if (!decisionsByNumber.TryGetValue(spec.Decision, out var decision))
            {
                decision = new RecognitionDecision
                {
                    Kind = DecisionKind.Recorded,
                    Status = DecisionStatus.Draft,
                    Number = spec.Decision,
                    DecisionDate = issuedOn,
                    Title = "Về việc công nhận sản phẩm đạt tiêu chuẩn OCOP",
                    Authority = spec.Authority,
                    AuthorityLevel = spec.Level,
                    SignatoryName = "",
                    SignatoryTitle = "",
                    Legacy = true,
                    CreatedAt = now,
                    CreatedByUserId = office.Id,
                    Version = Guid.NewGuid(),
                };
                decisionsByNumber[spec.Decision] = decision;
            }

            var line = new DecisionLine
            {
                SortOrder = decision.Lines.Count + 1,
                ProductId = product.Id,
                ProducerId = producer.Id,
                ProductName = product.Name,
                ProducerName = producer.Name,
                ProducerAddress = address,
                CommuneCode = producer.CommuneCode,
                CriteriaSetNumber = product.CriteriaSetNumber,
                CategoryCode = product.CategoryCode,
                Stars = spec.Stars,
            };
            decision.Lines.Add(line);
        }

        // Lines first (a draft may take lines), then issued as recorded, then the certificates that point at them.
        db.RecognitionDecisions.AddRange(decisionsByNumber.Values);
        await db.SaveChangesAsync(ct);
        foreach (var decision in decisionsByNumber.Values)
        {
            decision.Status = DecisionStatus.Issued;
            decision.IssuedAt = now;
            decision.IssuedByUserId = office.Id;
        }

        await db.SaveChangesAsync(ct);

        foreach (var spec in Legacy)
        {
            var decision = decisionsByNumber[spec.Decision];
            var line = decision.Lines.Single(l => l.ProductName == spec.Product);
            var validUntil = CertificateLifecycle.ValidUntil(decision.DecisionDate, 36);
            var certificate = new Certificate
            {
                Number = spec.Certificate,
                Token = CertificateIssuer.NewToken(),
                DecisionId = decision.Id,
                DecisionLineId = line.Id,
                ProductId = line.ProductId,
                ProducerId = line.ProducerId,
                ProductName = line.ProductName,
                ProducerName = line.ProducerName,
                ProducerAddress = line.ProducerAddress,
                CommuneCode = line.CommuneCode,
                CriteriaSetNumber = line.CriteriaSetNumber,
                CategoryCode = line.CategoryCode,
                Stars = spec.Stars,
                DecisionNumber = decision.Number,
                DecisionDate = decision.DecisionDate,
                IssuingAuthority = decision.Authority,
                AuthorityLevel = decision.AuthorityLevel,
                IssuedOn = decision.DecisionDate,
                ValidUntil = validUntil,
                State = validUntil < Today ? CertificateState.Expired : CertificateState.Active,
                StateChangedAt = validUntil < Today ? now : null,
                Legacy = true,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync(ct);
            if (spec.Revoked)
            {
                await RevokeAsync(certificate, office, now, ct);
            }
        }
    }

    /// <summary>An ad-hoc inspection found the product no longer made; the committee revoked the certificate (ground 5).</summary>
    private async Task RevokeAsync(Certificate certificate, AppUser office, DateTimeOffset now, CancellationToken ct)
    {
        var inspection = new Inspection
        {
            CertificateId = certificate.Id,
            Kind = InspectionKind.AdHoc,
            InspectedOn = WorkingDayOnOrAfter(Today.AddDays(-40)),
            Inspectors = "Văn phòng Điều phối OCOP thành phố; UBND xã Kế Sách",
            Findings = "Cơ sở đã ngừng khai thác mật ong hoa nhãn từ đầu năm do chuyển đổi vườn nhãn; không còn sản phẩm trên thị trường.",
            Outcome = InspectionOutcome.RevocationRecommended,
            CreatedAt = now,
            CreatedByUserId = office.Id,
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        db.Revocations.Add(new Revocation
        {
            CertificateId = certificate.Id,
            Ground = RevocationGround.ProductionStopped,
            Details = "Chủ thể ngừng sản xuất sản phẩm theo kết luận kiểm tra và xác nhận của UBND xã.",
            DecisionNumber = "2311/QĐ-UBND",
            DecisionDate = WorkingDayOnOrAfter(Today.AddDays(-25)),
            Authority = "Ủy ban nhân dân thành phố Cần Thơ",
            InspectionId = inspection.Id,
            CreatedAt = now,
            CreatedByUserId = office.Id,
        });
        certificate.State = CertificateState.Revoked;
        certificate.StateChangedAt = now;
        certificate.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    private DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (!workingDays.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
