using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>
/// Verification is public: a fixed window per client address keeps token guessing (already hopeless at 128 bits)
/// and scraping expensive. 60 look-ups a minute is far above what a person scanning QR codes needs.
/// </summary>
public static class VerificationRateLimit
{
    public const string Policy = "verification";

    public const int PermitsPerMinute = 60;

    public static IServiceCollection AddOcopVerificationRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
