using Serilog.Context;

namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>
/// Gives each request a short correlation id (from X-Correlation-ID when a proxy sent a sane one),
/// used as TraceIdentifier, echoed in the response, pushed into every log line and shown on error pages.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : Guid.NewGuid().ToString("N")[..12];
        context.TraceIdentifier = id;
        // OnStarting, because the exception handler clears headers before it renders the error page.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
