using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OcopPortal.Bench.Run;

/// <summary>
/// Council members saving their draft sheets at once: each worker is signed in as a different voting member of the
/// scoring round and loops GET sheet page → POST the draft (antiforgery token, the Version from that GET, every
/// criterion answered, one comment) → follow the redirect by the next GET. Only the POST is timed; the GET between
/// saves is needed anyway, because every save changes the sheet's Version (optimistic concurrency). Each save picks
/// the next option on every criterion, so all ~30 answer rows really change. A POST counts as an error unless it
/// redirects back to the sheet and the next GET shows a new Version (a stale-version conflict redirects there too,
/// with the Version unchanged).
/// With <c>background</c> the worker saves as the page does when script runs (htmx, header HX-Request): the POST answers
/// a small fragment with the new Version and nothing is reloaded, so the loop is POST → POST; a save counts as an error
/// unless the fragment says saved and carries a new Version.
/// </summary>
public static partial class SheetSaveLoad
{
    public static async Task<LoadResult> RunAsync(
        string name, Uri baseAddress, int roundId, IReadOnlyList<(CookieContainer Cookies, int EntryId)> members,
        TimeSpan warmup, TimeSpan duration, bool background, CancellationToken ct)
    {
        var origin = Stopwatch.GetTimestamp();
        var measureFrom = origin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = members.Select(m => Task.Run(() => WorkerAsync(baseAddress, roundId, m.Cookies, m.EntryId, measureFrom, measureTo, background, ct), ct)).ToList();
        var results = await Task.WhenAll(workers);
        return LoadResult.Of(name, results.SelectMany(r => r.Latencies), duration, results.Sum(r => r.Errors));
    }

    private static async Task<(List<double> Latencies, int Errors)> WorkerAsync(
        Uri baseAddress, int roundId, CookieContainer cookies, int entryId, long measureFrom, long measureTo, bool background, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var url = string.Create(CultureInfo.InvariantCulture, $"/rounds/{roundId}/entries/{entryId}/sheet");
        var latencies = new List<double>(1024);
        var errors = 0;
        var page = await ReadPageAsync(http, url, ct);
        for (var save = 0; Stopwatch.GetTimestamp() < measureTo && !ct.IsCancellationRequested; save++)
        {
            using var body = new FormUrlEncodedContent(Form(page, save));
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
            if (background)
            {
                request.Headers.Add("HX-Request", "true");
            }

            var started = Stopwatch.GetTimestamp();
            bool ok;
            string? fragment = null;
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (background)
                {
                    fragment = await response.Content.ReadAsStringAsync(ct);
                    ok = response.StatusCode == HttpStatusCode.OK && fragment.Contains("data-saved=\"true\"", StringComparison.Ordinal);
                }
                else
                {
                    await response.Content.ReadAsByteArrayAsync(ct);
                    ok = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == url;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                ok = false;
            }

            var finished = Stopwatch.GetTimestamp();
            var before = page.Version;
            if (background && ok && VersionInput().Match(fragment!) is { Success: true } saved)
            {
                page = page with { Version = saved.Groups[1].Value }; // the fragment's out-of-band Version, as the page swaps it in
            }
            else
            {
                page = await ReadPageAsync(http, url, ct); // the redirect's target (or, after a failed background save, a reload)
            }

            ok &= page.Version != before;
            if (started < measureFrom || finished > measureTo)
            {
                continue;
            }

            latencies.Add((finished - started) * 1000.0 / Stopwatch.Frequency);
            errors += ok ? 0 : 1;
        }

        return (latencies, errors);
    }

    /// <summary>The sheet form: every criterion with an option (node id → option ids in page order), then the next save's choice rotates.</summary>
    private static List<KeyValuePair<string, string>> Form(SheetPage page, int save)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.Token),
            new("Version", page.Version),
            new("OverallComment", string.Create(CultureInfo.InvariantCulture, $"Bản nháp, lần lưu {save}.")),
        };
        var i = 0;
        foreach (var (node, options) in page.Options)
        {
            form.Add(new(string.Create(CultureInfo.InvariantCulture, $"Choices[{node}]"), options[(save + i) % options.Count]));
            if (i++ == 0)
            {
                form.Add(new(string.Create(CultureInfo.InvariantCulture, $"Comments[{node}]"), string.Create(CultureInfo.InvariantCulture, $"Ghi chú lần lưu {save}.")));
            }
        }

        return form;
    }

    private static async Task<SheetPage> ReadPageAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: is the member signed in and the round scoring?");
        }

        var token = TokenInput().Match(html);
        var version = VersionInput().Match(html);
        if (!token.Success || !version.Success)
        {
            throw new InvalidOperationException($"GET {url} has no sheet form (token or Version missing).");
        }

        var options = new Dictionary<string, List<string>>();
        foreach (Match m in ChoiceInput().Matches(html))
        {
            (options.TryGetValue(m.Groups[1].Value, out var list) ? list : options[m.Groups[1].Value] = []).Add(m.Groups[2].Value);
        }

        return new SheetPage(WebUtility.HtmlDecode(token.Groups[1].Value), version.Groups[1].Value, options);
    }


    private sealed record SheetPage(string Token, string Version, Dictionary<string, List<string>> Options);

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("""<input type="hidden" name="Version" value="([^"]*)""")]
    private static partial Regex VersionInput();

    // <input class="form-check-input" type="radio" name="Choices[12]" id="o-34" value="34" ...>
    [GeneratedRegex("""type="radio" name="Choices\[(\d+)\]"[^>]*value="(\d+)""")]
    private static partial Regex ChoiceInput();
}
