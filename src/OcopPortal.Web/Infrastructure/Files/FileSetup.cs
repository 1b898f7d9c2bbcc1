using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OcopPortal.Web.Infrastructure.Files;

public static class FileSetup
{
    /// <summary>The file store, its limits (section <c>Files</c>) and the request-size limits that follow from them.</summary>
    public static IServiceCollection AddOcopFiles(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FileStoreOptions>()
            .Bind(config.GetSection(FileStoreOptions.Section))
            // A file is held in one array while checked, so it must stay far below the 2 GB array limit.
            .Validate(o => o.MaxFileBytes is > 0 and <= 512 * FileStoreOptions.MegaByte, "Files:MaxFileBytes must be between 1 byte and 512 MB.")
            .Validate(o => o.MaxDossierBytes >= o.MaxFileBytes, "Files:MaxDossierBytes must be at least Files:MaxFileBytes.")
            .ValidateOnStart();
        services.AddScoped<FileStore>();

        // Kestrel (30 MB default) and the form reader (128 MB per section) would otherwise refuse a large upload
        // before FileStore could say why, or accept far more than any upload needs.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<FileStoreOptions>>((kestrel, files) =>
            kestrel.Limits.MaxRequestBodySize = files.Value.MaxRequestBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<FileStoreOptions>>((form, files) =>
            form.MultipartBodyLengthLimit = files.Value.MaxRequestBytes);
        return services;
    }

    /// <summary>Place after the status-code pages, so the 413 it may set gets the Vietnamese page.</summary>
    public static IApplicationBuilder UseOcopUploadLimit(this IApplicationBuilder app) => app.UseMiddleware<UploadSizeMiddleware>();
}

/// <summary>
/// Refuses a request whose declared body is over <see cref="FileStoreOptions.MaxRequestBytes"/> with 413 before
/// anything reads it. Kestrel would refuse it too, but only once the antiforgery check or model binding reads the
/// form, and that surfaces as a generic 400; here the status-code page can say "file too large" in Vietnamese.
/// Bodies without a declared length (chunked) are still bounded by Kestrel's limit.
/// </summary>
public sealed class UploadSizeMiddleware(RequestDelegate next, IOptions<FileStoreOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The status-code page re-executes this same request (same Content-Length): let that pass to render.
        if (context.Request.ContentLength > options.Value.MaxRequestBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
