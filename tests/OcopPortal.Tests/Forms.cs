using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OcopPortal.Tests;

/// <summary>Browser-like form posting: read the page, take its antiforgery token, post the fields.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Like a browser: GETs <paramref name="pageUrl"/>, finds the form that posts to <paramref name="actionUrl"/>
    /// (default: the page's path), keeps its current values (hidden fields, antiforgery token) and posts them
    /// with <paramref name="fields"/> typed over them.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? actionUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var target = actionUrl ?? pageUrl.Split('?')[0];
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => string.Equals(f.GetAttribute("action") ?? pageUrl.Split('?')[0], target, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posting to {target} on {pageUrl}");
        var body = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            if (input.Type == "hidden")
            {
                body.TryAdd(input.Name!, input.Value); // MVC's checkbox fallback "false" must not override a ticked box
            }
            else
            {
                body[input.Name!] = input.Value;
            }
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            // like a browser: the selected option, else the first one
            body[select.Name!] = (select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null))?.Value ?? "";
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            body[area.Name!] = area.Value;
        }

        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        Assert.True(body.ContainsKey("__RequestVerificationToken"), $"The form posting to {target} has no antiforgery token");
        return await client.PostAsync(target, new FormUrlEncodedContent(body));
    }

    /// <summary>
    /// Like a browser posting a file form (<c>enctype="multipart/form-data"</c>): takes the antiforgery token of the
    /// form on <paramref name="pageUrl"/> that posts to <paramref name="actionUrl"/> and sends it with the fields and file.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string pageUrl, string actionUrl, string fileField, string fileName, byte[] content, IDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => string.Equals(f.GetAttribute("action"), actionUrl, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posting to {actionUrl} on {pageUrl}");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form posting to {actionUrl} has no antiforgery token");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        body.Add(file, fileField, fileName);
        return await client.PostAsync(actionUrl, body);
    }

    /// <summary>
    /// A crafted post to <paramref name="actionUrl"/> that the page offers no form for (what a user could still send
    /// by hand): it carries the session's antiforgery token, taken from any form on <paramref name="pageUrl"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostCraftedAsync(this HttpClient client, string pageUrl, string actionUrl, IDictionary<string, string> fields, (string Name, string FileName, byte[] Content)? file = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            body.Add(new ByteArrayContent(f.Content), f.Name, f.FileName);
        }

        return await client.PostAsync(actionUrl, body);
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password = PortalFactory.Password)
    {
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The messages of the page's validation summary, as a user reads them.</summary>
    public static IReadOnlyList<string> FormErrors(this IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=form-errors] li").Select(li => li.TextContent.Trim()).ToList();
}
