using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>One page of a list plus what the pager needs. Every list in the portal is paged.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 20;

    /// <summary>Pages an ordered query; out-of-range page numbers are clamped, never an error.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int? page, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var p = Math.Clamp(page ?? 1, 1, pageCount);
        var items = await ordered.Skip((p - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, p, pageSize, total);
    }
}
