using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Infrastructure.Audit;

namespace OcopPortal.Web.Features.Traceability;

public enum TraceOutcome
{
    Done,
    Conflict,
    NothingToPublish,
    NotPublished,
    DuplicateBatch,
}

/// <summary>
/// Changing traceability pages: the draft, publishing (a new immutable version; the public page and the catalogue's
/// link follow at once: the output cache is evicted) and batches pinned to the current version. Every change is audited.
/// </summary>
public sealed class TraceRecords(OcopDbContext db, AuditLog audit, TimeProvider clock, CatalogueIndex catalogue)
{
    public Task<TraceRecord?> FindAsync(int productId, CancellationToken ct) =>
        db.TraceRecords.SingleOrDefaultAsync(t => t.ProductId == productId, ct);

    /// <summary>Saves the draft, creating the record (and issuing its public code) on the first save.</summary>
    public async Task<(TraceOutcome, TraceRecord)> SaveDraftAsync(int productId, TraceRecord? record, TraceContent content, Guid formVersion, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (record is null)
        {
            record = new TraceRecord { ProductId = productId, Code = await NewCodeAsync(ct), CreatedAt = now };
            db.Add(record);
        }
        else
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = formVersion;
        }

        record.DraftJson = content.ToJson();
        record.DraftSavedAt = now;
        record.Version = Guid.NewGuid();
        try
        {
            await db.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                audit.Record("trace.draft-saved", nameof(TraceRecord), Key(record.Id), new { record.ProductId, record.Code });
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (TraceOutcome.Conflict, record);
        }

        return (TraceOutcome.Done, record);
    }

    /// <summary>Publishes the saved draft as version n+1 (the draft stays, ready for the next change).</summary>
    public async Task<(TraceOutcome, int Number)> PublishAsync(TraceRecord record, Guid formVersion, string userId, string userName, CancellationToken ct)
    {
        if (TraceContent.FromJson(record.DraftJson).IsEmpty)
        {
            return (TraceOutcome.NothingToPublish, 0);
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = formVersion;
        var number = record.CurrentVersion + 1;
        db.Add(new TraceVersion
        {
            TraceRecordId = record.Id,
            Number = number,
            PublishedAt = clock.GetUtcNow(),
            PublishedByUserId = userId,
            PublishedByName = userName,
            ContentJson = record.DraftJson,
        });
        record.CurrentVersion = number;
        record.Version = Guid.NewGuid();
        audit.Record("trace.published", nameof(TraceRecord), Key(record.Id), new { record.ProductId, record.Code, Version = number });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolations.Is(e))
        {
            return (TraceOutcome.Conflict, 0);
        }

        await catalogue.EvictAsync(ct);
        return (TraceOutcome.Done, number);
    }

    /// <summary>Records a batch pinned to the version published now.</summary>
    public async Task<(TraceOutcome, TraceBatch?)> CreateBatchAsync(TraceRecord record, TraceBatchInput input, string userId, CancellationToken ct)
    {
        if (record.CurrentVersion == 0)
        {
            return (TraceOutcome.NotPublished, null);
        }

        var code = TraceCodes.NormaliseBatchCode(input.Code);
        if (await db.TraceBatches.AnyAsync(b => b.TraceRecordId == record.Id && b.Code == code, ct))
        {
            return (TraceOutcome.DuplicateBatch, null);
        }

        var batch = new TraceBatch
        {
            TraceRecordId = record.Id,
            Code = code,
            ProducedOn = input.ProducedOn!.Value,
            ExpiresOn = input.ExpiresOn,
            Quantity = input.Quantity,
            Unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            VersionNumber = record.CurrentVersion,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = userId,
        };
        db.Add(batch);
        audit.Record("trace.batch-created", nameof(TraceRecord), Key(record.Id), new { record.Code, Batch = code, Version = batch.VersionNumber });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolations.Is(e))
        {
            db.Entry(batch).State = EntityState.Detached;
            return (TraceOutcome.DuplicateBatch, null);
        }

        await catalogue.EvictAsync(ct);
        return (TraceOutcome.Done, batch);
    }

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = TraceCodes.NewCode();
            if (!await db.TraceRecords.AnyAsync(t => t.Code == code, ct))
            {
                return code;
            }
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
