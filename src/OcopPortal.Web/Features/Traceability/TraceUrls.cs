using Microsoft.Extensions.Options;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Traceability;

/// <summary>Absolute public addresses printed on labels: the configured public address, else this request's.</summary>
public sealed class TraceUrls(IOptions<PortalOptions> portal)
{
    public string Public(HttpRequest request, string path)
    {
        var configured = portal.Value.PublicBaseUrl;
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + path;
    }
}
