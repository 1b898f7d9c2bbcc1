using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Audit;

namespace OcopPortal.Web.Features.Producers;

public enum SaveOutcome
{
    Saved,
    DuplicateTaxCode,
    Conflict,
}

/// <summary>Creating and changing producer profiles: one place for uniqueness, concurrency and the audit trail.</summary>
public sealed class ProducerProfiles(OcopDbContext db, AuditLog audit, TimeProvider clock, Catalogue.CatalogueIndex catalogue)
{
    /// <summary>What a user reads when someone else saved the profile since their form was loaded (a localizer key).</summary>
    public const string ConflictMessage =
        "Hồ sơ chủ thể vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất rồi sửa lại; những gì bạn nhập vẫn còn trên biểu mẫu.";

    public Task<Producer?> OwnedByAsync(string userId, CancellationToken ct) =>
        db.Set<Producer>().SingleOrDefaultAsync(p => p.OwnerUserId == userId, ct);

    public async Task<(SaveOutcome, Producer?)> CreateAsync(ProducerInput input, string? ownerUserId, string actorUserId, CancellationToken ct)
    {
        var taxCode = input.TaxCode!.Trim();
        if (await db.Set<Producer>().AnyAsync(p => p.TaxCode == taxCode, ct))
        {
            return (SaveOutcome.DuplicateTaxCode, null);
        }

        var now = clock.GetUtcNow();
        var producer = new Producer { OwnerUserId = ownerUserId, CreatedAt = now, UpdatedAt = now, CreatedByUserId = actorUserId, Version = Guid.NewGuid() };
        Apply(input, producer);
        await db.InTransactionAsync(async () =>
        {
            db.Add(producer);
            await db.SaveChangesAsync(ct); // the id, for the audit row
            audit.Record("producer.created", nameof(Producer), Id(producer), new { producer.Name, producer.TaxCode, OnBehalf = ownerUserId is null });
            await db.SaveChangesAsync(ct);
        }, ct);
        return (SaveOutcome.Saved, producer);
    }

    public async Task<SaveOutcome> UpdateAsync(Producer producer, ProducerInput input, CancellationToken ct)
    {
        var taxCode = input.TaxCode!.Trim();
        if (await db.Set<Producer>().AnyAsync(p => p.TaxCode == taxCode && p.Id != producer.Id, ct))
        {
            return SaveOutcome.DuplicateTaxCode;
        }

        var before = ProducerInput.From(producer);
        db.Entry(producer).Property(p => p.Version).OriginalValue = input.Version; // the version the form was loaded from
        Apply(input, producer);
        producer.UpdatedAt = clock.GetUtcNow();
        producer.Version = Guid.NewGuid();
        var changes = Changes(before, ProducerInput.From(producer));
        if (changes.Count == 0)
        {
            return SaveOutcome.Saved;
        }

        audit.Record("producer.updated", nameof(Producer), Id(producer), changes);
        try
        {
            await db.SaveChangesAsync(ct);
            await catalogue.RefreshProducerAsync(producer.Id, ct); // name, commune and public contact show in the catalogue
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }

    private static void Apply(ProducerInput i, Producer p)
    {
        p.Type = i.Type!.Value;
        p.Name = i.Name!.Trim();
        p.TaxCode = i.TaxCode!.Trim();
        p.RepresentativeName = i.RepresentativeName!.Trim();
        p.RepresentativeGender = i.RepresentativeGender!.Value;
        p.RepresentativeIsEthnicMinority = i.RepresentativeIsEthnicMinority;
        p.RepresentativeHasDisability = i.RepresentativeHasDisability;
        p.ProvinceCode = i.ProvinceCode!;
        p.CommuneCode = i.CommuneCode!;
        p.StreetAddress = i.StreetAddress!.Trim();
        p.Phone = i.Phone!.Trim();
        p.Email = i.Email!.Trim();
        p.ContactPublic = i.ContactPublic;
    }

    /// <summary>Field → [before, after] for every field that changed (the audit detail).</summary>
    private static Dictionary<string, string?[]> Changes(ProducerInput before, ProducerInput after) =>
        typeof(ProducerInput).GetProperties().Where(p => p.Name != nameof(ProducerInput.Version))
            .Select(p => (p.Name, Old: p.GetValue(before)?.ToString(), New: p.GetValue(after)?.ToString()))
            .Where(x => x.Old != x.New).ToDictionary(x => x.Name, x => new[] { x.Old, x.New });

    private static string Id(Producer p) => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
