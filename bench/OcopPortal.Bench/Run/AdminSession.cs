using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OcopPortal.Bench.Run;

/// <summary>Signs in over HTTP like a browser (login form, antiforgery token, cookies) and keeps the cookies.</summary>
public static partial class AdminSession
{
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = Client(baseAddress, cookies);
        var form = await http.GetStringAsync("/account/login", ct);
        var token = TokenInput().Match(form) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no __RequestVerificationToken.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await http.PostAsync("/account/login", body, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect: wrong database or password?");
        }

        return cookies;
    }

    /// <summary>
    /// The ratio only means something if the baseline returns the page's rows: compare the baseline's emails with
    /// the page's table, in order, before measuring anything.
    /// </summary>
    public static async Task CheckBaselineMatchesPageAsync(Uri baseAddress, CookieContainer cookies, string pageUrl, string baselineUrl, CancellationToken ct)
    {
        using var http = Client(baseAddress, cookies);
        using var json = JsonDocument.Parse(await http.GetStringAsync(baselineUrl, ct));
        var fromBaseline = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!).ToList();
        var html = await http.GetStringAsync(pageUrl, ct);
        var fromPage = FirstCells().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        if (fromBaseline.Count == 0 || !fromBaseline.SequenceEqual(fromPage))
        {
            throw new InvalidOperationException(
                $"{baselineUrl} and {pageUrl} disagree ({fromBaseline.Count} vs {fromPage.Count} rows): fix the baseline before trusting any ratio.");
        }

        Console.WriteLine($"Baseline check: {baselineUrl} returns the same {fromBaseline.Count} users, in order, as {pageUrl}.");
    }

    /// <summary>The catalogue baseline must return the same product ids, in the same order, as the catalogue page's cards.</summary>
    public static async Task CheckCatalogueBaselineAsync(Uri baseAddress, CookieContainer cookies, string pageUrl, string baselineUrl, CancellationToken ct)
    {
        using var http = Client(baseAddress, cookies);
        using var json = JsonDocument.Parse(await http.GetStringAsync(baselineUrl, ct));
        var fromBaseline = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var html = await http.GetStringAsync(pageUrl, ct);
        var fromPage = CardIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (fromBaseline.Count == 0 || !fromBaseline.SequenceEqual(fromPage))
        {
            throw new InvalidOperationException(
                $"{baselineUrl} and {pageUrl} disagree ({fromBaseline.Count} vs {fromPage.Count} products): fix the baseline before trusting any ratio.");
        }

        Console.WriteLine($"Baseline check: {baselineUrl} returns the same {fromBaseline.Count} products, in order, as {pageUrl}.");
    }

    private static HttpClient Client(Uri baseAddress, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    // ASP.NET Core writes the hidden field as <input name="__RequestVerificationToken" type="hidden" value="..." />.
    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex TokenInput();

    // The catalogue's cards: <article class="card ..." data-product="123" ...>.
    [GeneratedRegex("""<article class="card[^"]*catalogue-card" data-product=.(\d+)""")]
    private static partial Regex CardIds();

    // The users table: the email is the first cell of each body row.
    [GeneratedRegex("""<tr>\s*<td>([^<]*)</td>""")]
    private static partial Regex FirstCells();
}
