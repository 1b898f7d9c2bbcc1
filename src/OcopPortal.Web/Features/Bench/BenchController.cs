using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Features.Admin;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Bench;

/// <summary>
/// The benchmark's ceiling (bench/, docs/benchmarks.md): the rows a portal page shows, read with raw ADO.NET
/// and written as JSON, so the harness can say how far the real page (EF, Razor, layout) is from the cheapest
/// way to answer the same question through the same pipeline. Exists only when <c>Bench:Enabled</c> is true
/// (<see cref="BenchEndpointConvention"/>); admin-only like the page it is compared to.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("bench/baseline")]
public sealed class BenchController(OcopDbContext db, TimeProvider clock) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese as text, like the HTML pages, so the byte counts compare fairly.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Same work as <c>/admin/users?page=N</c>: count, one page ordered by email, then those users' roles.</summary>
    [HttpGet("users")]
    public async Task<IActionResult> Users(int? page, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var createdAt = Converter(nameof(AppUser.CreatedAt));
        var lockoutEnd = Converter(nameof(AppUser.LockoutEnd));
        var now = clock.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = Convert.ToInt32(await Command(connection, "SELECT COUNT(*) FROM AspNetUsers").ExecuteScalarAsync(ct));
            var size = PagingExtensions.DefaultPageSize;
            var p = Math.Clamp(page ?? 1, 1, Math.Max(1, (int)Math.Ceiling(total / (double)size)));
            var paging = sqlite ? "LIMIT @take OFFSET @skip" : "OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY";
            var rows = new List<UserRow>(size);
            await using (var cmd = Command(connection,
                $"SELECT Id, Email, FullName, CreatedAt, EmailConfirmed, LockoutEnd FROM AspNetUsers ORDER BY NormalizedEmail {paging}",
                ("@skip", (p - 1) * size), ("@take", size)))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    var locked = r.IsDBNull(5) ? (DateTimeOffset?)null : Read(r, 5, lockoutEnd);
                    rows.Add(new UserRow(r.GetString(0), r.GetString(1), r.GetString(2), Read(r, 3, createdAt), r.GetBoolean(4), locked > now, []));
                }
            }

            var roles = new Dictionary<string, List<string>>();
            if (rows.Count > 0)
            {
                var ids = rows.Select((u, i) => ($"@u{i}", (object)u.Id)).ToArray();
                await using var cmd = Command(connection,
                    $"SELECT ur.UserId, r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId IN ({string.Join(", ", ids.Select(x => x.Item1))})",
                    ids);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var id = r.GetString(0);
                    if (!roles.TryGetValue(id, out var list))
                    {
                        roles[id] = list = [];
                    }

                    list.Add(r.GetString(1));
                }
            }

            var items = rows.Select(u => u with { Roles = roles.GetValueOrDefault(u.Id) ?? [] }).ToList();
            return Content(JsonSerializer.Serialize(new Paged<UserRow>(items, p, size, total), JsonOptions), "application/json; charset=utf-8");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Same rows as <c>/products?q=..&amp;stars=..&amp;type=..</c> (in force today, sorted by relevance): the capped count
    /// and the page of 24 cards, with the same SQL shape (instr per folded term, the name-match rank) through raw
    /// ADO.NET as JSON. SQLite only (the bench database).
    /// </summary>
    [HttpGet("catalogue")]
    public async Task<IActionResult> Catalogue(string? q, int? stars, OcopPortal.Web.Domain.Producers.ProducerType? type, int? page, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return NotFound();
        }

        var terms = Features.Catalogue.CatalogueQueries.Terms(q);
        var phrase = string.Join(' ', terms);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var where = new List<string> { "InForceUntil >= @today" };
        var parameters = new List<(string, object)> { ("@today", today) };
        for (var i = 0; i < terms.Length; i++)
        {
            where.Add($"instr(SearchText, @t{i}) > 0");
            parameters.Add(($"@t{i}", terms[i]));
        }

        if (stars is { } s)
        {
            where.Add("Stars = @stars");
            parameters.Add(("@stars", s));
        }

        if (type is { } t)
        {
            where.Add("ProducerType = @type");
            parameters.Add(("@type", (int)t));
        }

        var filter = string.Join(" AND ", where);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = Convert.ToInt32(await Command(connection, $"SELECT COUNT(*) FROM (SELECT 1 FROM CatalogueEntries WHERE {filter} LIMIT 10001)", [.. parameters]).ExecuteScalarAsync(ct));
            const int size = Features.Catalogue.CatalogueFilter.PageSize;
            var p = Math.Clamp(page ?? 1, 1, Math.Max(1, (int)Math.Ceiling(total / (double)size)));
            var order = terms.Length == 0 ? "IssuedOn DESC, ProductId DESC"
                : "CASE WHEN NameText = @phrase THEN 0 WHEN substr(NameText, 1, length(@phrase)) = @phrase THEN 1 WHEN instr(NameText, @phrase) > 0 THEN 2 WHEN instr(NameText, @first) > 0 THEN 3 ELSE 4 END, Stars DESC, NameText, ProductId";
            parameters.Add(("@phrase", phrase));
            parameters.Add(("@first", terms.FirstOrDefault() ?? ""));
            parameters.Add(("@skip", (p - 1) * size));
            parameters.Add(("@take", size));
            var rows = new List<object>(size);
            await using (var cmd = Command(connection,
                $"SELECT ProductId, ProductName, ProducerName, CommuneName, Stars, CoverFileId, State, ValidUntil, ExtendedUntil FROM CatalogueEntries WHERE {filter} ORDER BY {order} LIMIT @take OFFSET @skip",
                [.. parameters]))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    rows.Add(new
                    {
                        ProductId = r.GetInt32(0),
                        ProductName = r.GetString(1),
                        ProducerName = r.GetString(2),
                        CommuneName = r.GetString(3),
                        Stars = r.GetInt32(4),
                        CoverFileId = r.IsDBNull(5) ? null : r.GetString(5),
                        State = r.GetInt32(6),
                        ValidUntil = r.GetString(7),
                        ExtendedUntil = r.IsDBNull(8) ? null : r.GetString(8),
                    });
                }
            }

            return Content(JsonSerializer.Serialize(new { Items = rows, Page = p, PageSize = size, Total = total }, JsonOptions), "application/json; charset=utf-8");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The SQLite context stores DateTimeOffset as ticks through a value converter (ADR-001); raw reads must decode it the same way.
    private ValueConverter? Converter(string property) =>
        db.Model.FindEntityType(typeof(AppUser))!.FindProperty(property)!.GetTypeMapping().Converter;

    private static DateTimeOffset Read(DbDataReader r, int ordinal, ValueConverter? converter) =>
        converter is null ? r.GetFieldValue<DateTimeOffset>(ordinal) : (DateTimeOffset)converter.ConvertFromProvider(r.GetValue(ordinal))!;

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }
}
