using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OcopPortal.Web.Features.Errors;

/// <summary>Error pages in Vietnamese with the correlation id a user can quote to support; the log has the detail.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // the exception handler re-executes the failed request, whatever its method
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(ILogger<ErrorController> log) : Controller
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

    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        // Read from the route, not bound as a parameter: binding builds every value provider, including the form's,
        // and re-executing a POST whose form could not be read (an upload over the size limit) would leave code 0.
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            _ => View("ServerError", HttpContext.TraceIdentifier),
        };
    }
}
