using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Features.Errors;

/// <summary>Error pages in Vietnamese with the correlation id a user can quote to support; the log has the detail.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // the exception handler re-executes the failed request, whatever its method
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(ILogger<ErrorController> log, IOptions<FileStoreOptions> files) : Controller
{
    [Route("error")]
    public IActionResult Error()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
        {
            log.LogError(feature.Error, "Unhandled exception on {Path} ({CorrelationId})", feature.Path, HttpContext.TraceIdentifier);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", HttpContext.TraceIdentifier);
    }

    // No action parameter: binding one would build every value provider, and the form one would read the body of
    // the re-executed request (an oversize upload for a 413) only to fail.
    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        var code = Convert.ToInt32(RouteData.Values["code"], CultureInfo.InvariantCulture);
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status413PayloadTooLarge => View("TooLarge", FileSizes.Format(files.Value.MaxFileBytes)),
            _ => View("ServerError", HttpContext.TraceIdentifier),
        };
    }
}
