using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Localization;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>
/// Opening dossiers, their evidence and their transitions. Each change adds its record, audit event and
/// notifications to the same unit of work; callers save once (the dossier's version guards concurrent officers).
/// </summary>
public sealed class DossierService(
    OcopDbContext db, CurrentRules rules, FileStore files, AuditLog audit, Notifier notifier, WorkingDays workingDays,
    IOptions<PortalOptions> portal, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The criteria set in force today for a product's set number (what a new or submitted dossier pins).</summary>
    public async Task<CriteriaSet> CriteriaSetInForceAsync(int number, CancellationToken ct)
    {
        var ruleSetId = await rules.IdAsync(ct);
        return (await db.LoadSheetAsync(ruleSetId, number, ct))!;
    }

    public async Task<Dossier> OpenAsync(Producer producer, Product product, DossierDetailsInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var set = await CriteriaSetInForceAsync(product.CriteriaSetNumber, ct);
        var now = clock.GetUtcNow();
        var dossier = new Dossier
        {
            ProducerId = producer.Id,
            ProductId = product.Id,
            CommuneCode = producer.CommuneCode,
            RuleSetId = set.RuleSetId,
            CriteriaSetId = set.Id,
            Status = DossierStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        input.ApplyTo(dossier);
        SyncSlots(dossier, SheetDefinition.From(set));
        dossier.Events.Add(Event(dossier, DossierEventKind.Created, DossierStatus.Draft, DossierStatus.Draft, user, null, await NameOfAsync(user, ct)));
        await db.InTransactionAsync(async () =>
        {
            db.Add(dossier);
            await db.SaveChangesAsync(ct);
            audit.Record("dossier.created", nameof(Dossier), Id(dossier), new { dossier.ProductId, dossier.Kind, dossier.TargetStars });
            await db.SaveChangesAsync(ct);
        }, ct);
        return dossier;
    }

    /// <summary>
    /// Makes the slots match the checklist for the dossier's kind, set and target: adds what is new, drops empty
    /// slots no longer asked for, and keeps (as optional) a slot that holds files, so nothing uploaded is lost.
    /// </summary>
    public static void SyncSlots(Dossier dossier, SheetDefinition sheet)
    {
        var specs = EvidenceChecklist.For(dossier.Kind, dossier.TargetStars, sheet);
        var byKey = dossier.Slots.ToDictionary(s => s.Key);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (!byKey.TryGetValue(spec.Key, out var slot))
            {
                slot = new DossierSlot { Key = spec.Key };
                dossier.Slots.Add(slot);
            }

            slot.Title = spec.Title;
            slot.Hint = spec.Hint;
            slot.Required = spec.Required;
            slot.SortOrder = i;
        }

        var wanted = specs.Select(s => s.Key).ToHashSet();
        foreach (var stale in dossier.Slots.Where(s => !wanted.Contains(s.Key)).ToList())
        {
            if (stale.Files.Count == 0)
            {
                dossier.Slots.Remove(stale);
            }
            else
            {
                stale.Required = false;
                stale.SortOrder = specs.Count + stale.SortOrder;
            }
        }
    }

    /// <summary>Required slots without a current file: what blocks submission, in checklist order.</summary>
    public static IReadOnlyList<DossierSlot> MissingSlots(Dossier dossier) =>
        dossier.Slots.Where(s => s.Required && !s.Files.Any(f => f.IsCurrent)).OrderBy(s => s.SortOrder).ToList();

    /// <summary>Bytes the dossier holds, every version counted (the per-dossier quota).</summary>
    public Task<long> StoredBytesAsync(int dossierId, CancellationToken ct) =>
        (from f in db.DossierFiles
         join s in db.DossierSlots on f.SlotId equals s.Id
         join stored in db.StoredFiles on f.FileId equals stored.Id
         where s.DossierId == dossierId
         select stored.Length).SumAsync(ct);

    /// <summary>
    /// Checks and adds a file to a slot (or as a new version of <paramref name="replaces"/>). A rejected file adds
    /// nothing: the message says why. Saves on success.
    /// </summary>
    public async Task<UserMessage?> AddFileAsync(Dossier dossier, DossierSlot slot, IFormFile upload, DossierFile? replaces, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = DossierAccess.UserId(user);
        var result = await files.SaveAsync(upload, await StoredBytesAsync(dossier.Id, ct), userId, ct);
        if (result is FileSaveResult.Rejected rejected)
        {
            return rejected.Reason;
        }

        var saved = ((FileSaveResult.Success)result).File;
        var now = clock.GetUtcNow();
        if (replaces is not null)
        {
            replaces.SupersededAt = now;
        }

        slot.Files.Add(new DossierFile
        {
            FileId = saved.Id,
            VersionNumber = replaces is null ? 1 : replaces.VersionNumber + 1,
            Replaces = replaces?.Id,
            AddedAt = now,
            AddedByUserId = userId,
        });
        Touch(dossier);
        audit.Record(replaces is null ? "dossier.file-added" : "dossier.file-replaced", nameof(Dossier), Id(dossier),
            new { Slot = slot.Key, saved.OriginalName, saved.Length, saved.Sha256, Replaces = replaces?.Id });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Marks a file removed (it stays in the history). Saves.</summary>
    public async Task RemoveFileAsync(Dossier dossier, DossierSlot slot, DossierFile file, CancellationToken ct)
    {
        file.SupersededAt = clock.GetUtcNow();
        Touch(dossier);
        audit.Record("dossier.file-removed", nameof(Dossier), Id(dossier), new { Slot = slot.Key, file.FileId });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes <paramref name="t"/>: checks the workflow allows it for <paramref name="actor"/>, moves the status, adds the
    /// record and the audit event, and tells the people concerned. The caller saves (and catches the conflict).
    /// </summary>
    public async Task ApplyAsync(Dossier dossier, Transition t, DossierActor actor, ClaimsPrincipal user, string? message, CancellationToken ct)
    {
        if (!DossierWorkflow.Allows(t, dossier.Status, actor))
        {
            throw new InvalidOperationException($"{t.Event} is not allowed from {dossier.Status} for {actor}.");
        }

        var from = dossier.Status;
        dossier.Status = t.To;
        Touch(dossier);
        db.DossierEvents.Add(Event(dossier, t.Event, from, t.To, user, message, await NameOfAsync(user, ct)));
        audit.Record("dossier." + t.Event.ToString().ToLowerInvariant(), nameof(Dossier), Id(dossier), new { From = from, To = t.To, Message = message });
        await NotifyAsync(dossier, t.Event, message, ct);
    }

    /// <summary>Submission: pins the rules in force today, numbers the dossier and starts the commune's 15 working days.</summary>
    public async Task SubmitAsync(Dossier dossier, ClaimsPrincipal user, CancellationToken ct)
    {
        var set = await CriteriaSetInForceAsync(await ProductSetNumberAsync(dossier, ct), ct);
        dossier.RuleSetId = set.RuleSetId;
        dossier.CriteriaSetId = set.Id;
        var now = clock.GetUtcNow();
        dossier.SubmittedAt = now;
        var limit = set.RuleSet!.CommuneCheckWorkingDays ?? OcopDeadlines.CommuneCheckWorkingDays;
        dossier.CommuneDueOn = OcopDeadlines.CommuneCheckDeadline(workingDays, Today, limit);
        var year = Today.Year;
        var sequence = await db.Dossiers.CountAsync(d => d.CommuneCode == dossier.CommuneCode && d.Number != null && d.Number.EndsWith("-" + year.ToString(CultureInfo.InvariantCulture)), ct) + 1;
        dossier.Number = string.Create(CultureInfo.InvariantCulture, $"{sequence}/PĐK-{portal.Value.ProvinceCode}-{dossier.CommuneCode}-{year}");
        await ApplyAsync(dossier, DossierWorkflow.Submit, DossierActor.Producer, user, null, ct);
    }

    /// <summary>True when the rules in force today differ from those the draft was prepared under (its answers must be redone).</summary>
    public async Task<bool> RulesChangedSinceDraftAsync(Dossier dossier, CancellationToken ct) =>
        (await CriteriaSetInForceAsync(await ProductSetNumberAsync(dossier, ct), ct)).Id != dossier.CriteriaSetId;

    public Task<int> ProductSetNumberAsync(Dossier dossier, CancellationToken ct) =>
        db.Set<Product>().Where(p => p.Id == dossier.ProductId).Select(p => p.CriteriaSetNumber).SingleAsync(ct);

    public Task<CriteriaSet> PinnedSetAsync(Dossier dossier, CancellationToken ct) =>
        db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
            .SingleAsync(s => s.Id == dossier.CriteriaSetId, ct);

    private void Touch(Dossier dossier)
    {
        dossier.UpdatedAt = clock.GetUtcNow();
        dossier.Version = Guid.NewGuid();
    }

    private async Task NotifyAsync(Dossier dossier, DossierEventKind kind, string? message, CancellationToken ct)
    {
        var product = await db.Set<Product>().Where(p => p.Id == dossier.ProductId).Select(p => p.Name).SingleAsync(ct);
        var producer = await (from p in db.Set<Producer>()
                              join u in db.Users on p.OwnerUserId equals u.Id
                              where p.Id == dossier.ProducerId
                              select new Recipient(u.Id, u.Email)).ToListAsync(ct);
        var commune = await (from s in db.StaffCommunes
                             join u in db.Users on s.UserId equals u.Id
                             where s.CommuneCode == dossier.CommuneCode
                             select new Recipient(u.Id, u.Email)).ToListAsync(ct);
        var office = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Office
                            select new Recipient(u.Id, u.Email)).ToListAsync(ct);
        var label = dossier.Number is null ? $"«{product}»" : $"{dossier.Number} («{product}»)";
        var reason = string.IsNullOrWhiteSpace(message) ? "" : " " + message;
        var (to, title, body) = kind switch
        {
            DossierEventKind.Submitted => (commune.Concat(producer), $"Hồ sơ mới {dossier.Number} chờ xã kiểm tra",
                $"Hồ sơ {label} đã nộp đến UBND xã; hạn kiểm tra: {dossier.CommuneDueOn:dd/MM/yyyy}."),
            DossierEventKind.Forwarded => (office.Concat(producer), $"Hồ sơ {dossier.Number} đã chuyển lên tỉnh",
                $"UBND xã đã kiểm tra và chuyển hồ sơ {label} lên Văn phòng Điều phối OCOP tỉnh."),
            DossierEventKind.SupplementRequested => (producer, $"Yêu cầu bổ sung hồ sơ {dossier.Number}",
                $"Văn phòng Điều phối OCOP yêu cầu bổ sung hồ sơ {label} trước ngày {dossier.SupplementDueOn:dd/MM/yyyy}.{reason}"),
            DossierEventKind.Resubmitted => (office, $"Hồ sơ {dossier.Number} đã được bổ sung",
                $"Chủ thể đã bổ sung và nộp lại hồ sơ {label}."),
            DossierEventKind.Accepted => (producer.Concat(commune), $"Hồ sơ {dossier.Number} đã đủ điều kiện",
                $"Hồ sơ {label} đã được Văn phòng Điều phối tiếp nhận đầy đủ và chờ đưa vào đợt đánh giá."),
            DossierEventKind.Rejected => (producer.Concat(commune), $"Hồ sơ {dossier.Number} không được tiếp nhận",
                $"Văn phòng Điều phối không tiếp nhận hồ sơ {label}.{reason}"),
            DossierEventKind.Withdrawn when dossier.Number is not null => (commune.Concat(office), $"Hồ sơ {dossier.Number} đã được rút",
                $"Chủ thể đã rút hồ sơ {label}.{reason}"),
            _ => (Enumerable.Empty<Recipient>(), "", ""),
        };
        notifier.Notify(to, "dossier." + kind.ToString().ToLowerInvariant(), title, body, $"/dossiers/{dossier.Id}");
    }

    private async Task<string> NameOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = DossierAccess.UserId(user);
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? "" : name;
    }

    private DossierEvent Event(Dossier dossier, DossierEventKind kind, DossierStatus from, DossierStatus to, ClaimsPrincipal user, string? message, string? name = null) =>
        new()
        {
            DossierId = dossier.Id,
            Kind = kind,
            From = from,
            To = to,
            At = clock.GetUtcNow(),
            ActorUserId = DossierAccess.UserId(user),
            ActorName = name ?? user.Identity?.Name ?? "",
            Message = message,
        };

    private static string Id(Dossier d) => d.Id.ToString(CultureInfo.InvariantCulture);
}
