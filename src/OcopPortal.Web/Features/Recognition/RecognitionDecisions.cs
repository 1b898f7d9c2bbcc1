using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition;

/// <summary>A decision as the list shows it.</summary>
public sealed record DecisionRow(int Id, DecisionKind Kind, DecisionStatus Status, string Number, DateOnly DecisionDate, string Title, string? Round, int Lines);

/// <summary>An entry of a finalised round with its frozen result, as a draft decision shows it.</summary>
public sealed record RoundCandidate(int EntryId, int DossierId, string? DossierNumber, string Product, string Producer, decimal? Mean, int? Stars);

/// <summary>A certificate issued by a decision.</summary>
public sealed record CertificateRow(int Id, string Number, int? DecisionLineId, string ProductName, int Stars, DateOnly IssuedOn, DateOnly ValidUntil, CertificateState State);

/// <summary>A referral of a potential 5★ product as lists show it.</summary>
public sealed record ReferralRow(int Id, string Product, string Producer, decimal ProvinceScore, string? Round, string? SentReference, DateOnly? SentOn, ReferralResult Result, decimal? CentralScore);

/// <summary>What a line-producing step needs of an entry: the facts copied into the line.</summary>
internal sealed record EntryFacts(int EntryId, int RoundId, int DossierId, string? DossierNumber, DossierKind Kind, string? PreviousCertificateNumber,
    int ProductId, int ProducerId, string Product, string Producer, string Street, string CommuneCode, string? CommuneName, string? ProvinceName,
    int RuleSetId, int CriteriaSetNumber, string CategoryCode, decimal? Mean, int? Stars);

public sealed record DecisionPage(
    RecognitionDecision Decision, string? RoundName, RecognitionDecision? Amends, IReadOnlyDictionary<int, DecisionLine> Replaced,
    IReadOnlyList<ReferralRow> Referrals, IReadOnlyList<RoundCandidate> NotRecognised, IReadOnlyList<RoundCandidate> Addable,
    IReadOnlyList<CertificateRow> Certificates, string? ScanName);

/// <summary>The outcome of an action on a decision: done, or why not (Vietnamese, for the user).</summary>
public sealed record DecisionOutcome(string? Error, int? Id = null, int Count = 0)
{
    public static DecisionOutcome Fail(string error) => new(error);
}

/// <summary>
/// Recognition decisions: a draft made from a finalised round (3★/4★ lines; potential 5★ to the ministry; the rest
/// not recognised), reviewed and then issued in one transaction that numbers and creates the certificates, supersedes
/// the certificates the new ones replace, and tells the producers. Issued decisions never change (the save guard
/// enforces it); corrections are amending decisions whose lines replace lines of the amended one.
/// </summary>
public sealed class RecognitionDecisions(
    OcopDbContext db, CertificateIssuer issuer, Notifier notifier, AuditLog audit, TimeProvider clock,
    IOptions<PortalOptions> portal, IValidator<DecisionInput> validator, IStringLocalizer<SharedResource> l, CatalogueIndex catalogue)
{
    public const string ConflictMessage =
        "Quyết định vừa được người khác cập nhật. Trang đã được tải lại với thông tin mới nhất; thao tác của bạn chưa được thực hiện.";

    public const string IssuedMessage = "Quyết định đã ban hành không được sửa hoặc xoá; để điều chỉnh, hãy lập quyết định sửa đổi, bổ sung.";

    public const string BusyMessage = "Hệ thống đang bận ghi dữ liệu khác; quyết định chưa được ban hành. Vui lòng thử lại sau ít phút.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public IQueryable<DecisionRow> Rows(DecisionStatus? status) =>
        from d in db.RecognitionDecisions
        where status == null || d.Status == status
        join r in db.EvaluationRounds on d.RoundId equals r.Id into rounds
        from r in rounds.DefaultIfEmpty()
        orderby d.Status, d.DecisionDate descending, d.Id descending
        select new DecisionRow(d.Id, d.Kind, d.Status, d.Number, d.DecisionDate, d.Title, r == null ? null : r.Name, d.Lines.Count);

    /// <summary>Finalised rounds that have no recognition decision yet.</summary>
    public async Task<List<(int Id, string Name)>> OpenRoundsAsync(CancellationToken ct) =>
        (await (from r in db.EvaluationRounds
                where r.Status == RoundStatus.Finalised && !db.RecognitionDecisions.Any(d => d.RoundId == r.Id && d.Kind == DecisionKind.Recognition)
                orderby r.FinalisedAt descending
                select new { r.Id, r.Name }).Take(100).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();

    public Task<List<RoundCandidate>> CandidatesAsync(int roundId, CancellationToken ct) =>
        (from e in db.RoundEntries
         join d in db.Dossiers on e.DossierId equals d.Id
         join p in db.Set<Product>() on d.ProductId equals p.Id
         join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
         where e.RoundId == roundId
         orderby p.Name, e.Id
         select new RoundCandidate(e.Id, d.Id, d.Number, p.Name, pr.Name, e.ResultMean, e.ResultStars)).ToListAsync(ct);

    public static bool Recognisable(int? stars) => stars is 3 or 4;

    public static bool PotentialFive(int? stars) => stars == 5;

    // ------------------------------------------------------------------ drafting

    /// <summary>Creates the draft recognition decision of a finalised round (and the referrals of its potential 5★ products).</summary>
    public async Task<DecisionOutcome?> DraftFromRoundAsync(int roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        DecisionOutcome? outcome = null;
        await db.InTransactionAsync(async () =>
        {
            var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
            if (round is null)
            {
                return;
            }

            if (round.Status != RoundStatus.Finalised)
            {
                outcome = DecisionOutcome.Fail(l["Chỉ lập quyết định từ đợt đánh giá đã chốt kết quả."]);
                return;
            }

            var existing = await db.RecognitionDecisions.AsNoTracking()
                .Where(d => d.RoundId == roundId && d.Kind == DecisionKind.Recognition).Select(d => new { d.Id, d.Number, d.Status }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                outcome = new DecisionOutcome(l["{0} đã có quyết định công nhận ({1}). Một đợt chỉ lập một quyết định công nhận; để điều chỉnh quyết định đã ban hành, hãy lập quyết định sửa đổi, bổ sung.",
                    round.Name, existing.Status == DecisionStatus.Draft ? l["bản dự thảo"].Value : existing.Number], existing.Id);
                return;
            }

            var facts = await FactsAsync(db.RoundEntries.Where(e => e.RoundId == roundId), ct);
            var lines = facts.Where(f => Recognisable(f.Stars)).ToList();
            var referred = await ReferAsync(facts.Where(f => PotentialFive(f.Stars)).ToList(), ct);
            if (lines.Count == 0)
            {
                if (referred > 0)
                {
                    audit.Record("referral.created", nameof(EvaluationRound), Id(roundId), new { Count = referred });
                    await db.SaveChangesAsync(ct);
                }

                outcome = DecisionOutcome.Fail(referred > 0
                    ? l["{0} không có sản phẩm đạt 3 sao hoặc 4 sao; {1} sản phẩm tiềm năng 5 sao đã được đưa vào danh sách gửi Bộ.", round.Name, referred]
                    : l["{0} không có sản phẩm đạt 3 sao hoặc 4 sao để công nhận.", round.Name]);
                return;
            }

            var today = Today;
            var decision = new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Draft,
                Number = await SuggestNumberAsync(today.Year, ct),
                DecisionDate = today,
                Title = $"Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP {await ProvinceUnitAsync(ct)} năm {round.Year} ({round.Name.ToLower(CultureInfo.GetCultureInfo("vi-VN"))})",
                Authority = portal.Value.AuthorityName,
                AuthorityLevel = AuthorityLevel.Province,
                RoundId = roundId,
                CreatedAt = clock.GetUtcNow(),
                CreatedByUserId = DossierAccess.UserId(user),
                Version = Guid.NewGuid(),
            };
            decision.Lines.AddRange(lines.Select((f, i) => Line(f, i + 1)));
            db.RecognitionDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            audit.Record("decision.drafted", nameof(RecognitionDecision), Id(decision.Id),
                new { Round = round.Name, Lines = lines.Count, Referred = referred, NotRecognised = facts.Count - lines.Count - facts.Count(f => PotentialFive(f.Stars)) });
            await db.SaveChangesAsync(ct);
            outcome = new DecisionOutcome(null, decision.Id, lines.Count);
        }, ct);
        return outcome;
    }

    /// <summary>Re-adds an entry of the decision's own round (a 3★/4★ result not on any other recognition decision).</summary>
    public async Task<string?> AddEntryAsync(RecognitionDecision decision, int entryId, CancellationToken ct)
    {
        if (decision.Kind != DecisionKind.Recognition || decision.RoundId is null)
        {
            return l["Chỉ thêm sản phẩm vào dự thảo quyết định công nhận lập từ một đợt đánh giá."];
        }

        var facts = (await FactsAsync(db.RoundEntries.Where(e => e.Id == entryId && e.RoundId == decision.RoundId), ct)).SingleOrDefault();
        if (facts is null)
        {
            return l["Sản phẩm không thuộc đợt đánh giá của quyết định này."];
        }

        if (!Recognisable(facts.Stars))
        {
            return l["Sản phẩm «{0}» không đạt 3 sao hoặc 4 sao theo kết quả của Hội đồng.", facts.Product];
        }

        return await AddLineAsync(decision, facts, facts.Stars!.Value, facts.Mean, ct);
    }

    /// <summary>Adds a line to a draft recognition decision unless the entry is already recognised by one.</summary>
    internal async Task<string?> AddLineAsync(RecognitionDecision decision, EntryFacts facts, int stars, decimal? score, CancellationToken ct)
    {
        if (await db.DecisionLines.AnyAsync(x => x.RoundEntryId == facts.EntryId
                && db.RecognitionDecisions.Any(d => d.Id == x.DecisionId && d.Kind != DecisionKind.Amendment), ct))
        {
            return l["Sản phẩm «{0}» đã có trong một quyết định công nhận.", facts.Product];
        }

        var line = Line(facts, (decision.Lines.Count == 0 ? 0 : decision.Lines.Max(x => x.SortOrder)) + 1);
        line.Stars = stars;
        line.Score = score;
        decision.Lines.Add(line);
        decision.Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Drafts an amending decision replacing <paramref name="lineIds"/> of an issued decision (copies to correct).</summary>
    public async Task<DecisionOutcome?> DraftAmendmentAsync(int amendedId, IReadOnlyCollection<int> lineIds, ClaimsPrincipal user, CancellationToken ct)
    {
        var amended = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == amendedId, ct);
        if (amended is null)
        {
            return null;
        }

        if (amended.Status != DecisionStatus.Issued || amended.Kind == DecisionKind.Recorded)
        {
            return DecisionOutcome.Fail(l["Chỉ sửa đổi, bổ sung quyết định của tỉnh đã ban hành."]);
        }

        var chosen = amended.Lines.Where(x => lineIds.Contains(x.Id)).OrderBy(x => x.SortOrder).ToList();
        if (chosen.Count == 0 || chosen.Count != lineIds.Distinct().Count())
        {
            return DecisionOutcome.Fail(l["Hãy chọn ít nhất một sản phẩm của quyết định cần sửa đổi."]);
        }

        var ids = chosen.Select(x => x.Id).ToList();
        var inForce = await db.Certificates.Where(c => c.DecisionLineId != null && ids.Contains(c.DecisionLineId.Value) && c.State == CertificateState.Active)
            .Select(c => c.DecisionLineId!.Value).ToListAsync(ct);
        if (chosen.FirstOrDefault(x => !inForce.Contains(x.Id)) is { } ended)
        {
            return DecisionOutcome.Fail(l["Giấy chứng nhận của sản phẩm «{0}» không còn hiệu lực (đã được thay thế hoặc thu hồi); không sửa đổi được.", ended.ProductName]);
        }

        var today = Today;
        var decision = new RecognitionDecision
        {
            Kind = DecisionKind.Amendment,
            Status = DecisionStatus.Draft,
            Number = await SuggestNumberAsync(today.Year, ct),
            DecisionDate = today,
            Title = $"Về việc sửa đổi, bổ sung Quyết định số {amended.Number} ngày {amended.DecisionDate:dd/MM/yyyy} về công nhận kết quả đánh giá, phân hạng sản phẩm OCOP",
            Authority = amended.Authority,
            AuthorityLevel = amended.AuthorityLevel,
            SignatoryName = amended.SignatoryName,
            SignatoryTitle = amended.SignatoryTitle,
            AmendsDecisionId = amended.Id,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = DossierAccess.UserId(user),
            Version = Guid.NewGuid(),
        };
        decision.Lines.AddRange(chosen.Select((x, i) => new DecisionLine
        {
            SortOrder = i + 1,
            ProductId = x.ProductId,
            ProducerId = x.ProducerId,
            RoundEntryId = x.RoundEntryId,
            DossierId = x.DossierId,
            ProductName = x.ProductName,
            ProducerName = x.ProducerName,
            ProducerAddress = x.ProducerAddress,
            CommuneCode = x.CommuneCode,
            RuleSetId = x.RuleSetId,
            CriteriaSetNumber = x.CriteriaSetNumber,
            CategoryCode = x.CategoryCode,
            Score = x.Score,
            Stars = x.Stars,
            ReplacesLineId = x.Id,
        }));
        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        audit.Record("decision.amendment-drafted", nameof(RecognitionDecision), Id(decision.Id), new { Amends = amended.Number, Lines = chosen.Count });
        await db.SaveChangesAsync(ct);
        return new DecisionOutcome(null, decision.Id, chosen.Count);
    }

    // ------------------------------------------------------------------ issuing

    /// <summary>
    /// Issues a draft in one transaction: checks it is complete and its number unused, numbers one certificate per line
    /// (gap-free per year of the decision date), supersedes what the new certificates replace, notifies the producers.
    /// </summary>
    public async Task<DecisionOutcome?> IssueAsync(int id, Guid version, ClaimsPrincipal user, CancellationToken ct)
    {
        DecisionOutcome? outcome = null;
        await db.InTransactionAsync(async () =>
        {
            var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
            if (decision is null)
            {
                return;
            }

            outcome = await CheckIssuableAsync(decision, version, ct);
            if (outcome is not null)
            {
                return;
            }

            var now = clock.GetUtcNow();
            db.Entry(decision).Property(d => d.Version).OriginalValue = version;
            decision.Status = DecisionStatus.Issued;
            decision.IssuedAt = now;
            decision.IssuedByUserId = DossierAccess.UserId(user);
            decision.Version = Guid.NewGuid();

            var lines = decision.Lines.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToList();
            var year = decision.DecisionDate.Year;
            var first = await issuer.ReserveAsync(year, lines.Count, ct);
            var months = await ValidityMonthsAsync(lines.Select(x => x.RuleSetId), ct);
            var replaced = await ReplacedCertificatesAsync(lines, ct);
            var certificates = lines.Select((line, i) =>
            {
                var validUntil = CertificateLifecycle.ValidUntil(decision.DecisionDate, line.RuleSetId is { } rs ? months[rs] : 36);
                // An amendment corrects a recognition, it does not renew it: the corrected certificate keeps the validity of the one it replaces.
                if (line.ReplacesLineId is { } old && replaced.Amended.TryGetValue(old, out var amendedCertificate))
                {
                    validUntil = amendedCertificate.ValidUntil;
                }

                return NewCertificate(line, decision, issuer.Number(year, first + i), year, first + i, decision.DecisionDate, validUntil, now);
            }).ToList();
            db.Certificates.AddRange(certificates);
            await db.SaveChangesAsync(ct);

            var superseded = Supersede(lines, certificates, replaced, now);
            audit.Record("decision.issued", nameof(RecognitionDecision), Id(decision.Id), new
            {
                decision.Number,
                decision.DecisionDate,
                decision.Kind,
                Certificates = certificates.Select(c => c.Number).ToList(),
                Superseded = superseded,
            });
            await NotifyAsync(decision, lines, certificates, ct);
            await db.SaveChangesAsync(ct);
            outcome = new DecisionOutcome(null, decision.Id, certificates.Count);
        }, ct);
        if (outcome is { Error: null })
        {
            // The public catalogue shows the new certificates (and no longer the superseded ones) at once.
            await catalogue.RefreshProductsAsync(await db.DecisionLines.Where(x => x.DecisionId == id).Select(x => x.ProductId).Distinct().ToListAsync(ct), ct);
        }

        return outcome;
    }

    private async Task<DecisionOutcome?> CheckIssuableAsync(RecognitionDecision decision, Guid version, CancellationToken ct)
    {
        if (decision.Status != DecisionStatus.Draft)
        {
            return DecisionOutcome.Fail(l["Quyết định này đã được ban hành."]);
        }

        if (decision.Version != version)
        {
            return DecisionOutcome.Fail(l[ConflictMessage]);
        }

        var check = await validator.ValidateAsync(DecisionInput.From(decision), ct);
        if (!check.IsValid)
        {
            return DecisionOutcome.Fail(l["Dự thảo chưa hoàn chỉnh: {0}", string.Join(" ", check.Errors.Select(e => e.ErrorMessage).Distinct())]);
        }

        if (decision.Lines.Count == 0)
        {
            return DecisionOutcome.Fail(l["Quyết định chưa có sản phẩm nào."]);
        }

        if (await NumberTakenAsync(decision.Number, decision.Authority, decision.Id, ct))
        {
            return DecisionOutcome.Fail(l["Số quyết định {0} đã được dùng cho một quyết định đã ban hành; hãy sửa số quyết định.", decision.Number]);
        }

        var entries = decision.Lines.Where(x => x.RoundEntryId != null).Select(x => x.RoundEntryId!.Value).ToList();
        if (decision.Kind == DecisionKind.Recognition && await db.DecisionLines.AnyAsync(x => x.RoundEntryId != null && entries.Contains(x.RoundEntryId.Value)
                && x.DecisionId != decision.Id
                && db.RecognitionDecisions.Any(d => d.Id == x.DecisionId && d.Status == DecisionStatus.Issued && d.Kind != DecisionKind.Amendment), ct))
        {
            return DecisionOutcome.Fail(l["Có sản phẩm trong dự thảo đã được công nhận bằng một quyết định khác đã ban hành."]);
        }

        var replacedIds = decision.Lines.Where(x => x.ReplacesLineId != null).Select(x => x.ReplacesLineId!.Value).ToList();
        if (replacedIds.Count > 0)
        {
            var active = await db.Certificates.Where(c => c.DecisionLineId != null && replacedIds.Contains(c.DecisionLineId.Value) && c.State == CertificateState.Active)
                .Select(c => c.DecisionLineId!.Value).ToListAsync(ct);
            if (decision.Lines.FirstOrDefault(x => x.ReplacesLineId is { } r && !active.Contains(r)) is { } ended)
            {
                return DecisionOutcome.Fail(l["Giấy chứng nhận của sản phẩm «{0}» không còn hiệu lực (đã được thay thế hoặc thu hồi); không sửa đổi được.", ended.ProductName]);
            }
        }

        return null;
    }

    /// <summary>Whether an issued decision of the same authority already has the number (recorded ministry decisions aside).</summary>
    public Task<bool> NumberTakenAsync(string number, string authority, int exceptId, CancellationToken ct)
    {
        var trimmed = number.Trim();
        return db.RecognitionDecisions.AnyAsync(d => d.Status == DecisionStatus.Issued && d.Kind != DecisionKind.Recorded && d.Id != exceptId
            && d.Number == trimmed && d.Authority == authority, ct);
    }

    internal sealed record Replaced(Dictionary<int, Certificate> Amended, Dictionary<int, Certificate> Previous);

    /// <summary>
    /// Certificates the new lines replace: the amended lines' certificates, and for upgrade or re-evaluation dossiers
    /// the previous certificate the producer named (same producer, still in force or run out by date).
    /// </summary>
    internal async Task<Replaced> ReplacedCertificatesAsync(IReadOnlyList<DecisionLine> lines, CancellationToken ct)
    {
        var replacedIds = lines.Where(x => x.ReplacesLineId != null).Select(x => x.ReplacesLineId!.Value).ToList();
        var amended = await db.Certificates.Where(c => c.DecisionLineId != null && replacedIds.Contains(c.DecisionLineId.Value) && c.State == CertificateState.Active)
            .ToDictionaryAsync(c => c.DecisionLineId!.Value, ct);
        var dossierIds = lines.Where(x => x.ReplacesLineId == null && x.DossierId != null).Select(x => x.DossierId!.Value).ToList();
        var previous = await db.Dossiers.AsNoTracking()
            .Where(d => dossierIds.Contains(d.Id) && (d.Kind == DossierKind.Upgrade || d.Kind == DossierKind.ReEvaluation) && d.PreviousCertificateNumber != null)
            .Select(d => new { d.Id, d.ProducerId, Number = d.PreviousCertificateNumber!.Trim() }).ToListAsync(ct);
        var numbers = previous.Select(p => p.Number).ToList();
        var found = await db.Certificates.Where(c => numbers.Contains(c.Number) && (c.State == CertificateState.Active || c.State == CertificateState.Expired)).ToListAsync(ct);
        var byDossier = new Dictionary<int, Certificate>();
        foreach (var p in previous)
        {
            if (found.FirstOrDefault(c => c.Number == p.Number && c.ProducerId == p.ProducerId) is { } certificate)
            {
                byDossier[p.Id] = certificate;
            }
        }

        return new Replaced(amended, byDossier);
    }

    /// <summary>Marks the replaced certificates superseded by the new ones; returns their numbers.</summary>
    internal static List<string> Supersede(IReadOnlyList<DecisionLine> lines, IReadOnlyList<Certificate> created, Replaced replaced, DateTimeOffset now)
    {
        var numbers = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var old = line.ReplacesLineId is { } r ? replaced.Amended.GetValueOrDefault(r)
                : line.DossierId is { } d ? replaced.Previous.GetValueOrDefault(d) : null;
            if (old is null || old.State is CertificateState.Superseded or CertificateState.Revoked)
            {
                continue;
            }

            old.State = CertificateState.Superseded;
            old.SupersededById = created[i].Id;
            old.StateChangedAt = now;
            old.Version = Guid.NewGuid();
            numbers.Add(old.Number);
        }

        return numbers;
    }

    internal static Certificate NewCertificate(DecisionLine line, RecognitionDecision decision, string number, int? year, int? sequence, DateOnly issuedOn, DateOnly validUntil, DateTimeOffset now) => new()
    {
        Number = number,
        SequenceYear = year,
        Sequence = sequence,
        Token = CertificateIssuer.NewToken(),
        DecisionId = decision.Id,
        DecisionLineId = line.Id,
        ProductId = line.ProductId,
        ProducerId = line.ProducerId,
        DossierId = line.DossierId,
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
        ValidUntil = validUntil,
        State = CertificateState.Active,
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    internal async Task<Dictionary<int, int>> ValidityMonthsAsync(IEnumerable<int?> ruleSetIds, CancellationToken ct)
    {
        var ids = ruleSetIds.Where(x => x != null).Select(x => x!.Value).Distinct().ToList();
        return await db.RuleSets.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CertificateValidityMonths, ct);
    }

    internal async Task NotifyAsync(RecognitionDecision decision, IReadOnlyList<DecisionLine> lines, IReadOnlyList<Certificate> certificates, CancellationToken ct)
    {
        var producerIds = lines.Select(x => x.ProducerId).Distinct().ToList();
        var owners = await (from p in db.Set<Producer>()
                            join u in db.Users on p.OwnerUserId equals u.Id
                            where producerIds.Contains(p.Id)
                            select new { ProducerId = p.Id, u.Id, u.Email }).ToListAsync(ct);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var to = owners.Where(o => o.ProducerId == line.ProducerId).Select(o => new Recipient(o.Id, o.Email)).ToList();
            if (to.Count == 0)
            {
                continue;
            }

            var title = decision.Kind == DecisionKind.Amendment
                ? $"Quyết định sửa đổi số {decision.Number}: giấy chứng nhận mới cho «{line.ProductName}»"
                : $"Sản phẩm «{line.ProductName}» được công nhận {line.Stars} sao OCOP";
            var body = $"{decision.Authority} đã ban hành Quyết định số {decision.Number} ngày {decision.DecisionDate:dd/MM/yyyy}. "
                + $"Sản phẩm «{line.ProductName}» đạt {line.Stars} sao; giấy chứng nhận số {certificates[i].Number}, có giá trị đến ngày {certificates[i].ValidUntil:dd/MM/yyyy}.";
            notifier.Notify(to, "decision.issued", title, body, line.DossierId is { } d ? $"/dossiers/{d}" : "/producer");
        }
    }

    // ------------------------------------------------------------------ referrals

    /// <summary>Adds a Pending referral for each potential 5★ entry that has none yet; returns how many were added.</summary>
    private async Task<int> ReferAsync(IReadOnlyList<EntryFacts> five, CancellationToken ct)
    {
        var ids = five.Select(f => f.EntryId).ToList();
        var known = await db.MinistryReferrals.Where(r => ids.Contains(r.RoundEntryId)).Select(r => r.RoundEntryId).ToListAsync(ct);
        var added = 0;
        foreach (var f in five.Where(f => !known.Contains(f.EntryId)))
        {
            db.MinistryReferrals.Add(new MinistryReferral
            {
                RoundEntryId = f.EntryId,
                DossierId = f.DossierId,
                ProductId = f.ProductId,
                ProvinceScore = f.Mean ?? 0m,
                Result = ReferralResult.Pending,
                CreatedAt = clock.GetUtcNow(),
                Version = Guid.NewGuid(),
            });
            added++;
        }

        return added;
    }

    public IQueryable<ReferralRow> ReferralRows(int? roundId = null, int? id = null) =>
        from r in db.MinistryReferrals
        join e in db.RoundEntries on r.RoundEntryId equals e.Id
        join round in db.EvaluationRounds on e.RoundId equals round.Id
        join p in db.Set<Product>() on r.ProductId equals p.Id
        join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
        where (roundId == null || e.RoundId == roundId) && (id == null || r.Id == id)
        orderby r.Result, r.CreatedAt descending, r.Id descending
        select new ReferralRow(r.Id, p.Name, pr.Name, r.ProvinceScore, round.Name, r.SentReference, r.SentOn, r.Result, r.CentralScore);

    // ------------------------------------------------------------------ pages and facts

    public async Task<DecisionPage?> PageAsync(int id, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines.OrderBy(x => x.SortOrder)).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return null;
        }

        var roundName = decision.RoundId is { } roundId ? await db.EvaluationRounds.Where(r => r.Id == roundId).Select(r => r.Name).SingleAsync(ct) : null;
        var amends = decision.AmendsDecisionId is { } a ? await db.RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Id == a, ct) : null;
        var replacedIds = decision.Lines.Where(x => x.ReplacesLineId != null).Select(x => x.ReplacesLineId!.Value).ToList();
        var replaced = await db.DecisionLines.AsNoTracking().Where(x => replacedIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        IReadOnlyList<ReferralRow> referrals = [];
        IReadOnlyList<RoundCandidate> notRecognised = [], addable = [];
        if (decision.RoundId is { } rid)
        {
            referrals = await ReferralRows(rid).ToListAsync(ct);
            var candidates = await CandidatesAsync(rid, ct);
            notRecognised = candidates.Where(c => !Recognisable(c.Stars) && !PotentialFive(c.Stars)).ToList();
            if (decision.Status == DecisionStatus.Draft)
            {
                var onLines = decision.Lines.Select(x => x.RoundEntryId).ToHashSet();
                addable = candidates.Where(c => Recognisable(c.Stars) && !onLines.Contains(c.EntryId)).ToList();
            }
        }

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.DecisionId == id).OrderBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new CertificateRow(c.Id, c.Number, c.DecisionLineId, c.ProductName, c.Stars, c.IssuedOn, c.ValidUntil, c.State)).ToListAsync(ct);
        var scan = decision.SignedScanFileId is { } f ? await db.StoredFiles.Where(x => x.Id == f).Select(x => x.OriginalName).SingleOrDefaultAsync(ct) : null;
        return new DecisionPage(decision, roundName, amends, replaced, referrals, notRecognised, addable, certificates, scan);
    }

    /// <summary>What a line copies of an entry: product, producer with address (commune and province names), criteria set, result.</summary>
    internal async Task<List<EntryFacts>> FactsAsync(IQueryable<RoundEntry> entries, CancellationToken ct)
    {
        var rows = await (from e in entries
                          join d in db.Dossiers on e.DossierId equals d.Id
                          join p in db.Set<Product>() on d.ProductId equals p.Id
                          join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                          join cs in db.CriteriaSets on d.CriteriaSetId equals cs.Id
                          join c in db.Communes on pr.CommuneCode equals c.Code into communes
                          from c in communes.DefaultIfEmpty()
                          join pv in db.Provinces on pr.ProvinceCode equals pv.Code into provinces
                          from pv in provinces.DefaultIfEmpty()
                          orderby p.Name, e.Id
                          select new EntryFacts(e.Id, e.RoundId, d.Id, d.Number, d.Kind, d.PreviousCertificateNumber, p.Id, pr.Id, p.Name, pr.Name,
                              pr.StreetAddress, pr.CommuneCode, c == null ? null : c.FullName, pv == null ? null : pv.FullName,
                              d.RuleSetId, cs.Number, p.CategoryCode, e.ResultMean, e.ResultStars)).ToListAsync(ct);
        return rows;
    }

    internal static DecisionLine Line(EntryFacts f, int sortOrder) => new()
    {
        SortOrder = sortOrder,
        ProductId = f.ProductId,
        ProducerId = f.ProducerId,
        RoundEntryId = f.EntryId,
        DossierId = f.DossierId,
        ProductName = f.Product,
        ProducerName = f.Producer,
        ProducerAddress = Address(f.Street, f.CommuneName, f.ProvinceName),
        CommuneCode = f.CommuneCode,
        RuleSetId = f.RuleSetId,
        CriteriaSetNumber = f.CriteriaSetNumber,
        CategoryCode = f.CategoryCode,
        Score = f.Mean,
        Stars = f.Stars ?? 0,
    };

    public static string Address(string? street, string? commune, string? province) =>
        string.Join(", ", new[] { street, commune, province }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));

    /// <summary>The configured pattern with the next number of the year (one more than the highest issued number's leading digits).</summary>
    public async Task<string> SuggestNumberAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var numbers = await db.RecognitionDecisions
            .Where(d => d.Kind != DecisionKind.Recorded && d.DecisionDate >= from && d.DecisionDate <= to)
            .Select(d => d.Number).ToListAsync(ct);
        var highest = numbers.Select(n => Regex.Match(n, @"^\d+")).Where(m => m.Success)
            .Select(m => int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max();
        return portal.Value.DecisionNumberPattern
            .Replace("{n}", (highest + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>"thành phố Cần Thơ", "tỉnh An Giang" (as in a sentence).</summary>
    public async Task<string> ProvinceUnitAsync(CancellationToken ct)
    {
        var code = portal.Value.ProvinceCode;
        var province = await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        return province is null
            ? $"tỉnh {portal.Value.ProvinceName}"
            : $"{(province.Type.StartsWith("thành phố", StringComparison.OrdinalIgnoreCase) ? "thành phố" : province.Type)} {province.Name}";
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
