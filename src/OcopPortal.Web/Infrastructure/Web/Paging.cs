using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>What the pager shows. <see cref="Capped"/>: the list has more than <see cref="Total"/> rows and was not counted further.</summary>
public sealed record PageInfo(int Page, int PageCount, int Total, bool Capped = false);

/// <summary>One page of a list plus what the pager needs. Every list in the portal is paged.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool Capped = false)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public PageInfo Info => new(Page, PageCount, Total, Capped);
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 20;

    /// <summary>
    /// Pages an ordered query; out-of-range page numbers are clamped, never an error. With <paramref name="countLimit"/>
    /// the total is counted only that far, for lists too long to count on every request (an activity log of
    /// 200,000 rows): the pager then says "more than N" and the user filters instead of paging that deep.
    /// </summary>
    public static Task<Paged<T>> ToPagedAsync<T>(
        this IQueryable<T> ordered, int? page, int pageSize = DefaultPageSize, int? countLimit = null, CancellationToken ct = default) =>
        ordered.ToPagedAsync(q => q, page, pageSize, countLimit, ct);

    /// <summary>
    /// Pages <paramref name="filtered"/> counting it *before* <paramref name="orderAndProject"/> applies the sort: an
    /// unordered count can use any covering index (20× faster on 20,000 dossiers than counting the sorted list).
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<TRow, T>(
        this IQueryable<TRow> filtered, Func<IQueryable<TRow>, IQueryable<T>> orderAndProject, int? page, int pageSize = DefaultPageSize,
        int? countLimit = null, CancellationToken ct = default)
    {
        var total = countLimit is { } limit ? await filtered.Take(limit + 1).CountAsync(ct) : await filtered.CountAsync(ct);
        var capped = countLimit is not null && total > countLimit;
        if (capped)
        {
            total = countLimit!.Value;
        }

        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var p = Math.Clamp(page ?? 1, 1, pageCount);
        var items = await orderAndProject(filtered).Skip((p - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, p, pageSize, total, capped);
    }
}
