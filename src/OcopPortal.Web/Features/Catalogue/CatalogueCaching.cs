using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>
/// Output caching of the anonymous catalogue pages and open-data files. The base (default) policy already refuses
/// to serve or store anything for a signed-in user or a request with an Authorization header, and never stores a
/// response that sets a cookie; on top of it every query-string value and the UI language vary the key, and the
/// pages carry the <see cref="CatalogueIndex.CacheTag"/> tag that <see cref="CatalogueIndex.EvictAsync"/> evicts.
/// Entries also expire after a short time, because a certificate's status depends on the date.
/// </summary>
public static class CatalogueCaching
{
    public const string Policy = "Catalogue";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The cookie that carries a flash message (e.g. "Bạn đã đăng xuất.") to the next page.</summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<CatalogueIndex>();
        services.AddScoped<CatalogueQueries>();
        services.AddHostedService<CatalogueStartup>();
        services.AddOutputCache(o =>
        {
            // Cached pages are shared between visitors: the layout must not embed per-visitor tokens in them (see
            // _Layout's language switch, which is a GET form on these pages).
            o.AddPolicy(Policy, b => b
                // A visitor arriving with a flash message (signed out, ...) gets a fresh page that shows it, never a shared copy.
                .With(c => !c.HttpContext.Request.Cookies.ContainsKey(TempDataCookie))
                .Expire(Lifetime)
                .Tag(CatalogueIndex.CacheTag)
                .SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("ui-culture", CultureInfo.CurrentUICulture.Name)));
        });
        return services;
    }
}
