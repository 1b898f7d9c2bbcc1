using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// One dossier per generated product, in a realistic mix of statuses (most accepted; some waiting at the commune or
/// the province or for a supplement; a few rejected, withdrawn or still drafts), all filed since the current rule
/// set came into force and pinned to its real criteria set. Slots come from <see cref="DossierService.SyncSlots"/>,
/// histories follow <see cref="DossierWorkflow"/> (checked step by step), required slots hold files (a tiny shared
/// PDF or PNG, one content row per file as the portal stores them), self-assessments are scored by the engine.
/// Commune officers are assigned to communes (<see cref="StaffCommune"/>) round-robin.
/// </summary>
public sealed class DossierGenerator(OcopDbContext db) : IGenerator
{
    private static readonly (DossierStatus Status, float Weight)[] Mix =
    [
        (DossierStatus.Accepted, 0.55f), (DossierStatus.AtProvince, 0.12f), (DossierStatus.AtCommune, 0.12f),
        (DossierStatus.SupplementRequested, 0.08f), (DossierStatus.Draft, 0.05f), (DossierStatus.Rejected, 0.04f), (DossierStatus.Withdrawn, 0.04f),
    ];

    private static readonly Dictionary<DossierEventKind, Transition> Transitions = DossierWorkflow.All.ToDictionary(t => t.Event);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly string[] SupplementMessages =
    [
        "Bản chụp giấy tờ bị mờ, không đọc được số hiệu; đề nghị chụp lại rõ nét.",
        "Phiếu kết quả kiểm nghiệm đã quá 12 tháng; đề nghị nộp phiếu kiểm nghiệm mới.",
        "Phiếu đăng ký chưa có chữ ký, đóng dấu của chủ thể.",
        "Ảnh nhãn chưa thể hiện ngày sản xuất, hạn sử dụng và thông tin truy xuất nguồn gốc.",
    ];

    private static readonly string[] RejectionReasons =
    [
        "Quá hạn bổ sung nhưng chủ thể chưa nộp các tài liệu được yêu cầu.",
        "Nguyên liệu chủ yếu thu mua ngoài tỉnh, không chứng minh được vùng nguyên liệu tại địa phương.",
        "Sản phẩm chưa có giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hiệu lực.",
        "Hồ sơ tự công bố chất lượng không đúng sản phẩm đăng ký.",
    ];

    private static readonly string[] WithdrawalReasons =
    [
        "Rút hồ sơ để hoàn thiện bao bì, nhãn mác; sẽ nộp lại ở đợt sau.",
        "Chủ thể tạm dừng sản xuất sản phẩm này.",
        "Rút để bổ sung kết quả kiểm nghiệm theo tiêu chuẩn mới.",
    ];

    private readonly Dictionary<(int Set, int Target, int Variant), (List<DossierAnswer> Answers, decimal Total, int Stars)> _answers = [];

    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var ruleSet = await db.RuleSets.AsNoTracking().SingleAsync(r => r.Code == RuleSetCatalog.Qd26Code, ct);
        var sets = new Dictionary<int, (CriteriaSet Set, SheetDefinition Sheet)>();
        foreach (var number in await db.CriteriaSets.Where(s => s.RuleSetId == ruleSet.Id).Select(s => s.Number).ToListAsync(ct))
        {
            var set = (await db.LoadSheetAsync(ruleSet.Id, number, ct))!;
            sets[number] = (set, SheetDefinition.From(set));
        }

        var workingDays = new WorkingDays(HolidayCalendar.Load(Path.Combine(AppContext.BaseDirectory, HolidayCalendar.DefaultRelativePath)));
        var inForce = new DateTimeOffset(ruleSet.EffectiveFrom.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        var users = context.Users.ToDictionary(u => u.Id);
        var office = context.Users.Where(u => u.Role == Roles.Office).ToList();
        // The province's communes at province scale, all 3,321 at national scale, as ProducerGenerator places producers.
        var communeNames = await db.Communes.AsNoTracking().Where(c => context.Scale.Name == "national" || c.ProvinceCode == "92")
            .OrderBy(c => c.Code).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var products = await (from p in db.Set<Product>().AsNoTracking()
                              join pr in db.Set<Producer>().AsNoTracking() on p.ProducerId equals pr.Id
                              orderby p.Id
                              select new Source(p.Id, p.ProducerId, p.CriteriaSetNumber, p.CreatedAt, pr.CommuneCode, pr.ProvinceCode, pr.OwnerUserId!))
            .ToListAsync(ct);
        var officers = AssignCommunes(context, [.. communeNames.Keys]);

        // Plans first (status, history, dates), then numbers in submission order, then rows in creation order.
        var plans = products.Select(p => PlanFor(f, p, Max(p.CreatedAt, inForce), context.Now, workingDays, sets[p.CriteriaSetNumber].Set)).ToList();
        var sequences = new Dictionary<(string, int), int>();
        foreach (var plan in plans.Where(p => p.Dossier.SubmittedAt is not null).OrderBy(p => p.Dossier.SubmittedAt))
        {
            var d = plan.Dossier;
            var year = d.SubmittedAt!.Value.ToLocalTime().Year;
            var n = sequences[(d.CommuneCode, year)] = sequences.GetValueOrDefault((d.CommuneCode, year)) + 1;
            d.Number = string.Create(CultureInfo.InvariantCulture, $"{n}/PĐK-{plan.Source.ProvinceCode}-{d.CommuneCode}-{year}");
        }

        plans = [.. plans.OrderBy(p => p.Dossier.CreatedAt)];
        using (var insert = context.Inserter<Dossier>())
        {
            foreach (var plan in plans)
            {
                FillDetails(f, plan, sets[plan.Source.CriteriaSetNumber]);
                insert.Add(plan.Dossier);
            }

            GenerationContext.Report("dossiers", insert.Count, context.Scale.Dossiers);
        }

        var ids = await db.Dossiers.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        for (var i = 0; i < plans.Count; i++)
        {
            plans[i].Dossier.Id = ids[i];
        }

        ReportStatuses(plans);
        WriteSlots(context, plans, sets);
        await WriteFilesAsync(context, plans, ct);
        WriteHistory(context, plans, users, office, officers, communeNames);
        WriteAnswers(context, plans);
    }

    /// <summary>A product and where its producer is.</summary>
    private sealed record Source(int ProductId, int ProducerId, int CriteriaSetNumber, DateTimeOffset CreatedAt, string CommuneCode, string ProvinceCode, string OwnerId);

    /// <summary>A dossier to write and the history that led to it: each step's kind, time and message; the slots a supplement named.</summary>
    private sealed record Plan(Source Source, Dossier Dossier, List<(DossierEventKind Kind, DateTimeOffset At, string? Message)> Steps, int Variant)
    {
        public HashSet<string> Requested { get; } = [];

        public DateTimeOffset? RequestedAt { get; set; }

        public DateTimeOffset? AnsweredAt { get; set; }

        public string? RequestMessage { get; set; }
    }

    /// <summary>Commune officers share the scale's communes round-robin (one each at national scale); returns each commune's first officer.</summary>
    private static Dictionary<string, GeneratedUser> AssignCommunes(GenerationContext context, IReadOnlyList<string> communes)
    {
        var officers = context.Users.Where(u => u.Role == Roles.Commune).ToList();
        var first = new Dictionary<string, GeneratedUser>();
        using var insert = context.Inserter<StaffCommune>();
        for (var i = 0; i < communes.Count && officers.Count > 0; i++)
        {
            var officer = officers[i % officers.Count];
            insert.Add(new StaffCommune { UserId = officer.Id, CommuneCode = communes[i] });
            first.TryAdd(communes[i], officer);
        }

        GenerationContext.Report("staff communes", insert.Count);
        return first;
    }

    private static Plan PlanFor(Faker f, Source p, DateTimeOffset earliest, DateTimeOffset now, WorkingDays workingDays, CriteriaSet set)
    {
        var status = f.Random.WeightedRandom(Mix.Select(m => m.Status).ToArray(), Mix.Select(m => m.Weight).ToArray());
        var path = PathTo(f, status);
        var span = TimeSpan.FromDays(path.Sum(s => s.Gap));
        // Work still under way ended recently; finished work any time since the rules came into force.
        DateTimeOffset end = status switch
        {
            DossierStatus.AtCommune => now.AddDays(-f.Random.Double(0.2, 32)),
            DossierStatus.AtProvince or DossierStatus.SupplementRequested => now.AddDays(-f.Random.Double(0.2, 25)),
            DossierStatus.Draft => now.AddDays(-f.Random.Double(0.1, 40)),
            _ => VietnameseData.Between(f, earliest + span, now.AddHours(-6)),
        };
        if (end - span < earliest)
        {
            // Not enough time since the product was declared (or the rules came into force): still a draft.
            status = DossierStatus.Draft;
            path = [(DossierEventKind.Created, 0, null)];
            end = VietnameseData.Between(f, earliest, now);
        }

        var steps = new List<(DossierEventKind Kind, DateTimeOffset At, string? Message)>();
        var at = end - TimeSpan.FromDays(path.Sum(s => s.Gap));
        foreach (var (kind, gap, message) in path)
        {
            at += TimeSpan.FromDays(gap);
            steps.Add((kind, at, message));
        }

        var d = new Dossier
        {
            ProducerId = p.ProducerId,
            ProductId = p.ProductId,
            CommuneCode = p.CommuneCode,
            RuleSetId = set.RuleSetId,
            CriteriaSetId = set.Id,
            Status = DossierStatus.Draft,
            CreatedAt = steps[0].At,
            Version = Guid.NewGuid(),
        };
        var plan = new Plan(p, d, steps, f.Random.Int(0, 4));
        foreach (var (kind, stepAt, message) in steps.Skip(1))
        {
            var t = Transitions[kind];
            if (!DossierWorkflow.Allows(t, d.Status, t.Actor))
            {
                throw new InvalidOperationException($"Generated history: {kind} from {d.Status}.");
            }

            var day = DateOnly.FromDateTime(stepAt.ToLocalTime().Date);
            switch (kind)
            {
                case DossierEventKind.Submitted:
                    d.SubmittedAt = stepAt;
                    d.CommuneDueOn = OcopDeadlines.CommuneCheckDeadline(workingDays, day, set.RuleSet!.CommuneCheckWorkingDays ?? OcopDeadlines.CommuneCheckWorkingDays);
                    break;
                case DossierEventKind.Forwarded:
                    d.ForwardedAt = stepAt;
                    break;
                case DossierEventKind.SupplementRequested:
                    plan.RequestedAt = stepAt;
                    plan.RequestMessage = message;
                    d.SupplementDueOn = day.AddDays(15);
                    break;
                case DossierEventKind.Resubmitted:
                    plan.AnsweredAt = stepAt;
                    d.SupplementDueOn = null;
                    break;
                case DossierEventKind.Rejected or DossierEventKind.Withdrawn:
                    d.SupplementDueOn = null;
                    break;
            }

            d.Status = t.To;
        }

        d.UpdatedAt = steps[^1].At;
        return plan;
    }

    /// <summary>The steps to <paramref name="status"/>, each with its gap in days after the previous one.</summary>
    private static List<(DossierEventKind Kind, double Gap, string? Message)> PathTo(Faker f, DossierStatus status)
    {
        var path = new List<(DossierEventKind Kind, double Gap, string? Message)> { (DossierEventKind.Created, 0, null) };
        void Add(DossierEventKind kind, double from, double to, string? message = null) => path.Add((kind, f.Random.Double(from, to), message));
        void ToProvince()
        {
            Add(DossierEventKind.Submitted, 2, 30);
            Add(DossierEventKind.CommuneAssessed, 1, 18);
            Add(DossierEventKind.Forwarded, 0.05, 2);
        }

        void Supplement() => Add(DossierEventKind.SupplementRequested, 2, 20, f.PickRandom(SupplementMessages));
        switch (status)
        {
            case DossierStatus.AtCommune:
                Add(DossierEventKind.Submitted, 2, 30);
                if (f.Random.Bool(0.3f))
                {
                    Add(DossierEventKind.CommuneAssessed, 1, 10);
                }

                break;
            case DossierStatus.AtProvince:
                ToProvince();
                if (f.Random.Bool(0.15f))
                {
                    Supplement();
                    Add(DossierEventKind.Resubmitted, 1, 14, "Đã bổ sung theo yêu cầu.");
                }

                break;
            case DossierStatus.SupplementRequested:
                ToProvince();
                Supplement();
                break;
            case DossierStatus.Accepted:
                ToProvince();
                if (f.Random.Bool(0.3f))
                {
                    Supplement();
                    Add(DossierEventKind.Resubmitted, 1, 14, "Đã bổ sung theo yêu cầu.");
                }

                Add(DossierEventKind.Accepted, 1, 25);
                break;
            case DossierStatus.Rejected:
                ToProvince();
                if (f.Random.Bool(0.4f))
                {
                    Supplement();
                    Add(DossierEventKind.Rejected, 16, 30, RejectionReasons[0]);
                }
                else
                {
                    Add(DossierEventKind.Rejected, 2, 25, f.PickRandom(RejectionReasons.Skip(1)));
                }

                break;
            case DossierStatus.Withdrawn:
                var at = f.Random.Int(0, 2);
                if (at >= 1)
                {
                    Add(DossierEventKind.Submitted, 2, 30);
                }

                if (at == 2)
                {
                    Add(DossierEventKind.CommuneAssessed, 1, 18);
                    Add(DossierEventKind.Forwarded, 0.05, 2);
                }

                Add(DossierEventKind.Withdrawn, 1, 20, f.PickRandom(WithdrawalReasons));
                break;
        }

        return path;
    }

    /// <summary>What the producer stated (kind, target, Mẫu 02 texts) and, past the draft stage, the engine's score of the sample answers.</summary>
    private void FillDetails(Faker f, Plan plan, (CriteriaSet Set, SheetDefinition Sheet) set)
    {
        var d = plan.Dossier;
        d.Kind = f.Random.WeightedRandom([DossierKind.FirstEvaluation, DossierKind.Upgrade, DossierKind.ReEvaluation], [0.8f, 0.1f, 0.1f]);
        d.TargetStars = d.Kind == DossierKind.Upgrade ? 4 : f.Random.WeightedRandom([3, 4, 5], [0.6f, 0.35f, 0.05f]);
        if (d.Kind != DossierKind.FirstEvaluation)
        {
            var issued = DateOnly.FromDateTime(d.CreatedAt.Date).AddMonths(d.Kind == DossierKind.Upgrade ? -f.Random.Int(6, 24) : -31);
            d.PreviousCertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{f.Random.Int(100, 3999)}/QĐ-UBND");
            d.PreviousCertificateValidUntil = OcopDeadlines.CertificateValidUntil(issued);
            d.ChangesSinceRecognition = d.Kind == DossierKind.Upgrade
                ? "Mở rộng vùng nguyên liệu, đạt chứng nhận VietGAP, in mã QR truy xuất nguồn gốc trên bao bì và có thêm hợp đồng phân phối với siêu thị."
                : null;
        }

        d.BusinessResults = string.Create(CultureInfo.InvariantCulture,
            $"Sản lượng năm 2025 khoảng {f.Random.Int(2, 400)} tấn, doanh thu {f.Random.Double(0.3, 12):0.0} tỷ đồng; {f.Random.Int(3, 60)} lao động; bán qua đại lý, cửa hàng đặc sản và sàn thương mại điện tử.");
        d.FuturePlan = f.PickRandom(
            "Mở rộng vùng nguyên liệu, cải tiến bao bì và đăng ký nhãn hiệu.",
            "Đầu tư thiết bị chế biến, xây dựng hệ thống truy xuất nguồn gốc điện tử.",
            "Phát triển kênh bán qua sàn thương mại điện tử và hệ thống siêu thị.");
        if (d.Status == DossierStatus.Draft && !f.Random.Bool(0.4f))
        {
            return;
        }

        var (_, total, stars) = Answers(set, d.TargetStars, plan.Variant);
        d.SelfAssessedTotal = total;
        d.SelfAssessedStars = stars;
    }

    private (List<DossierAnswer> Answers, decimal Total, int Stars) Answers((CriteriaSet Set, SheetDefinition Sheet) set, int target, int variant)
    {
        var key = (set.Sheet.Number, target, variant);
        if (!_answers.TryGetValue(key, out var scored))
        {
            var answers = SampleSelfAssessment.Answers(set.Sheet, target, variant);
            var result = SelfAssessmentScoring.Evaluate(set.Set, DossierAnswers.ToInput(set.Set, answers))!;
            _answers[key] = scored = (answers, result.Score.Total, result.Rating.Stars);
        }

        return scored;
    }

    private static void ReportStatuses(List<Plan> plans)
    {
        foreach (var group in plans.GroupBy(p => p.Dossier.Status).OrderBy(g => g.Key))
        {
            GenerationContext.Report($"  {group.Key}", group.Count());
        }
    }

    private static void WriteSlots(GenerationContext context, List<Plan> plans, Dictionary<int, (CriteriaSet Set, SheetDefinition Sheet)> sets)
    {
        var f = context.Faker;
        using var insert = context.Inserter<DossierSlot>();
        foreach (var plan in plans)
        {
            var d = plan.Dossier;
            DossierService.SyncSlots(d, sets[plan.Source.CriteriaSetNumber].Sheet);
            if (plan.RequestedAt is not null)
            {
                var required = d.Slots.Where(s => s.Required).ToList();
                foreach (var s in f.PickRandom(required, f.Random.Int(1, Math.Min(2, required.Count))))
                {
                    plan.Requested.Add(s.Key);
                    s.OpenForSupplement = d.Status == DossierStatus.SupplementRequested;
                }
            }

            foreach (var slot in d.Slots)
            {
                slot.DossierId = d.Id;
                insert.Add(slot);
            }
        }

        GenerationContext.Report("dossier slots", insert.Count);
    }

    /// <summary>
    /// Every required slot of a submitted dossier holds a file (drafts some), plus optional papers now and then; a
    /// supplement that was answered left a second version. Files share two tiny contents (one per row, as stored).
    /// </summary>
    private async Task WriteFilesAsync(GenerationContext context, List<Plan> plans, CancellationToken ct)
    {
        var f = context.Faker;
        var slotIds = (await db.DossierSlots.AsNoTracking().Select(s => new { s.Id, s.DossierId, s.Key }).ToListAsync(ct))
            .ToDictionary(s => (s.DossierId, s.Key), s => s.Id);
        var pdfHash = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        var pngHash = Convert.ToHexStringLower(SHA256.HashData(Png));
        var replacements = new List<(int SlotId, DossierFile File)>();
        using var stored = context.Inserter<StoredFile>();
        using var contents = context.Inserter<StoredFileContent>();
        using var files = context.Inserter<DossierFile>();

        DossierFile Add(Plan plan, DossierSlot slot, DateTimeOffset at, int version)
        {
            var png = slot.Key == "label";
            var file = new StoredFile
            {
                Id = f.Random.Guid(),
                OriginalName = FileNames.Sanitise(DemoDossiers.FileNameFor(slot.Key, slot.Title) + (version > 1 ? " (bản 2)" : "") + (png ? ".png" : ".pdf"))!,
                Kind = png ? FileKind.Png : FileKind.Pdf,
                ContentType = png ? "image/png" : "application/pdf",
                Length = png ? Png.Length : Pdf.Length,
                Sha256 = png ? pngHash : pdfHash,
                UploadedAt = at,
                UploadedByUserId = plan.Source.OwnerId,
            };
            stored.Add(file);
            contents.Add(new StoredFileContent { FileId = file.Id, Data = png ? Png : Pdf });
            return new DossierFile { SlotId = slotIds[(plan.Dossier.Id, slot.Key)], FileId = file.Id, VersionNumber = version, AddedAt = at, AddedByUserId = plan.Source.OwnerId };
        }

        foreach (var plan in plans)
        {
            var d = plan.Dossier;
            var draft = d.Status == DossierStatus.Draft || d.SubmittedAt is null;
            var until = d.SubmittedAt ?? d.UpdatedAt;
            foreach (var slot in d.Slots)
            {
                var filled = draft ? f.Random.Bool(0.5f) : slot.Required || f.Random.Bool(slot.Key.StartsWith(EvidenceChecklist.CriterionPrefix, StringComparison.Ordinal) ? 0.1f : 0.4f);
                if (!filled)
                {
                    continue;
                }

                var file = Add(plan, slot, VietnameseData.Between(f, d.CreatedAt, until), 1);
                if (plan.AnsweredAt is { } answered && plan.Requested.Contains(slot.Key))
                {
                    file.SupersededAt = answered.AddHours(-2);
                    replacements.Add((file.SlotId, Add(plan, slot, answered.AddHours(-2), 2)));
                }

                files.Add(file);
            }
        }

        // Version 2 points at version 1, whose id the database has just given.
        var firstVersions = (await db.DossierFiles.AsNoTracking().Where(x => x.VersionNumber == 1).Select(x => new { x.Id, x.SlotId }).ToListAsync(ct))
            .ToDictionary(x => x.SlotId, x => x.Id);
        foreach (var (slotId, file) in replacements)
        {
            file.Replaces = firstVersions[slotId];
            files.Add(file);
        }

        GenerationContext.Report("dossier files", files.Count);
    }

    private static void WriteHistory(
        GenerationContext context, List<Plan> plans, Dictionary<string, GeneratedUser> users, List<GeneratedUser> office,
        Dictionary<string, GeneratedUser> officers, Dictionary<string, string> communeNames)
    {
        var f = context.Faker;
        using var events = context.Inserter<DossierEvent>();
        using var assessments = context.Inserter<CommuneAssessment>();
        using var requests = context.Inserter<SupplementRequest>();
        foreach (var plan in plans)
        {
            var d = plan.Dossier;
            var producer = users[plan.Source.OwnerId];
            var officer = officers.GetValueOrDefault(d.CommuneCode) ?? producer;
            var clerk = f.PickRandom(office);
            var status = DossierStatus.Draft;
            foreach (var (kind, at, message) in plan.Steps)
            {
                var t = kind == DossierEventKind.Created ? null : Transitions[kind];
                var actor = t?.Actor switch { DossierActor.Commune => officer, DossierActor.Office => clerk, _ => producer };
                var to = t?.To ?? DossierStatus.Draft;
                var text = message;
                if (kind == DossierEventKind.SupplementRequested)
                {
                    var titles = d.Slots.Where(s => plan.Requested.Contains(s.Key)).OrderBy(s => s.SortOrder).Select(s => s.Title).ToList();
                    var due = DateOnly.FromDateTime(at.ToLocalTime().Date).AddDays(15);
                    text = string.Create(CultureInfo.InvariantCulture, $"{message} (Cần bổ sung: {string.Join("; ", titles)}; hạn {due:dd/MM/yyyy}.)");
                    requests.Add(new SupplementRequest
                    {
                        DossierId = d.Id,
                        Message = message!,
                        DueOn = due,
                        SlotTitles = string.Join("\n", titles),
                        RequestedAt = at,
                        RequestedByUserId = clerk.Id,
                        AnsweredAt = plan.AnsweredAt,
                    });
                }
                else if (kind == DossierEventKind.CommuneAssessed)
                {
                    assessments.Add(Assessment(f, d.Id, communeNames.GetValueOrDefault(d.CommuneCode, d.CommuneCode), officer, at));
                }

                events.Add(new DossierEvent { DossierId = d.Id, Kind = kind, From = status, To = to, At = at, ActorUserId = actor.Id, ActorName = actor.FullName, Message = text });
                status = to;
            }
        }

        GenerationContext.Report("dossier events", events.Count);
        GenerationContext.Report("commune assessments", assessments.Count);
        GenerationContext.Report("supplement requests", requests.Count);
    }

    private static CommuneAssessment Assessment(Faker f, int dossierId, string commune, GeneratedUser officer, DateTimeOffset at)
    {
        var labour = f.Random.Int(4, 60);
        return new CommuneAssessment
        {
            DossierId = dossierId,
            RawMaterialOrigin = f.PickRandom(
                $"Nguyên liệu chính được sản xuất, thu mua tại địa bàn {commune}, có hợp đồng liên kết với các hộ trồng, nuôi.",
                $"Phần lớn nguyên liệu do chủ thể tự sản xuất tại {commune}; phần còn lại mua của các hộ lân cận trong tỉnh.",
                "Nguyên liệu có nguồn gốc rõ ràng từ vùng nguyên liệu của địa phương, có sổ ghi chép và hóa đơn mua bán."),
            LocalLabour = string.Create(CultureInfo.InvariantCulture, $"Sử dụng {labour} lao động, trong đó {f.Random.Int(labour / 2, labour)} người là lao động địa phương."),
            IdeaOrigin = f.PickRandom("Phát triển từ nghề truyền thống của địa phương.", "Ý tưởng của chủ thể từ nguồn nguyên liệu sẵn có tại địa phương.", "Cải tiến từ công thức gia truyền của gia đình."),
            LocalIdentity = f.PickRandom("Sản phẩm gắn với nguồn nguyên liệu và tri thức sản xuất của địa phương.", "Mang tính đặc trưng của vùng, được người tiêu dùng trong tỉnh biết đến."),
            Conclusion = f.PickRandom("Hồ sơ đầy đủ, thông tin trung thực. Đề nghị Văn phòng Điều phối OCOP tỉnh xem xét, đánh giá.", "Thống nhất chuyển hồ sơ lên tỉnh để đánh giá, phân hạng."),
            OfficerName = officer.FullName,
            OfficerUserId = officer.Id,
            AssessedAt = at,
        };
    }

    private void WriteAnswers(GenerationContext context, List<Plan> plans)
    {
        using var insert = context.Inserter<DossierAnswer>();
        foreach (var plan in plans.Where(p => p.Dossier.SelfAssessedTotal is not null))
        {
            var d = plan.Dossier;
            foreach (var a in _answers[(plan.Source.CriteriaSetNumber, d.TargetStars, plan.Variant)].Answers)
            {
                insert.Add(new DossierAnswer { DossierId = d.Id, CriterionCode = a.CriterionCode, OptionId = a.OptionId, NotApplicable = a.NotApplicable });
            }
        }

        GenerationContext.Report("self-assessment answers", insert.Count);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
