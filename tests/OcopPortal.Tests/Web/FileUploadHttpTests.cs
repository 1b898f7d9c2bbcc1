using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Tests.Web;

/// <summary>
/// Uploads and downloads through the real pipeline (antiforgery, form limits, status pages), using a probe
/// controller because the dossier screens that will upload evidence do not exist yet.
/// </summary>
public sealed class FileUploadHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const long MaxFile = 64 * 1024; // request limit then 2 × 64 KB + 1 MB

    [Fact]
    public void By_default_a_25_MB_upload_is_within_the_server_and_form_limits_so_it_gets_the_store_message()
    {
        var expected = (2 * 20 * FileStoreOptions.MegaByte) + FileStoreOptions.MegaByte;

        Assert.Equal(expected, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(expected, factory.Services.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit);
        Assert.True(expected > 26_528_972 + (64 * 1024));
    }

    [Fact]
    public async Task An_oversize_file_under_the_request_limit_reaches_the_check_and_gets_the_Vietnamese_message()
    {
        var client = await ProbeClientAsync();

        var response = await client.PostAsync("/test/upload", await UploadAsync(client, "ảnh lớn.png", new byte[100 * 1024]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tệp quá lớn: tối đa 64 KB mỗi tệp (tệp của bạn 100 KB).", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_over_the_limit_gets_a_Vietnamese_413_page()
    {
        var client = await ProbeClientAsync();

        var response = await client.PostAsync("/test/upload", await UploadAsync(client, "video.pdf", new byte[2 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Dữ liệu gửi lên quá lớn", page.QuerySelector("[data-testid=too-large]")!.TextContent);
        Assert.Contains("tối đa 64 KB", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_file_downloads_as_an_attachment_with_its_Vietnamese_name()
    {
        var client = await ProbeClientAsync();
        var upload = await client.PostAsync("/test/upload", await UploadAsync(client, "Giấy chứng nhận ATTP.pdf", TestFiles.Pdf()));
        var id = (await upload.Content.ReadAsStringAsync()).Replace("ok:", "", StringComparison.Ordinal);

        var response = await client.GetAsync($"/test/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Giấy chứng nhận ATTP.pdf", disposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/test/files/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<HttpClient> ProbeClientAsync()
    {
        var probe = factory.WithWebHostBuilder(b => b
            .UseSetting("Files:MaxFileBytes", MaxFile.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ConfigureTestServices(s => s.AddControllersWithViews().AddApplicationPart(typeof(UploadProbeController).Assembly)));
        var client = probe.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/upload")).StatusCode); // sets the antiforgery cookie
        return client;
    }

    private static async Task<MultipartFormDataContent> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var token = await client.GetStringAsync("/test/upload");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", name } };
    }
}

/// <summary>Stands in for the dossier screens: uploads through <see cref="FileStore"/>, serves downloads with the helper.</summary>
[AllowAnonymous]
public sealed class UploadProbeController(FileStore store, OcopDbContext db, IAntiforgery antiforgery) : Controller
{
    [HttpGet("/test/upload")]
    public IActionResult Token() => Content(antiforgery.GetAndStoreTokens(HttpContext).RequestToken!);

    [HttpPost("/test/upload")]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return BadRequest();
        }

        var result = await store.SaveAsync(file, alreadyStoredBytes: 0, "probe", ct);
        await db.SaveChangesAsync(ct);
        return Content(result switch
        {
            FileSaveResult.Success ok => $"ok:{ok.File.Id}",
            FileSaveResult.Rejected no => no.Message,
            _ => throw new InvalidOperationException(),
        });
    }

    [HttpGet("/test/files/{id:guid}")]
    public Task<IActionResult> Download(Guid id, CancellationToken ct) => this.StoredFileAttachmentAsync(store, id, ct);
}
