using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;

namespace OcopPortal.Web.Infrastructure.Auth;

public static class IdentitySetup
{
    public static IServiceCollection AddOcopIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<OcopDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        // Keys in the database: every app node can read every cookie and token.
        services.AddDataProtection().SetApplicationName("OcopPortal").PersistKeysToDbContext<OcopDbContext>();

        var secure = config.GetValue("Auth:CookieSecure", CookieSecurePolicy.Always);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ocop.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // A signed-in user without the right role gets a 403 at the same address (the Vietnamese
            // error page renders through status-code pages) rather than a redirect to another URL.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A background (htmx) request after the session ended: a redirect would be followed by the script and the
            // login page swapped into a corner of the form; HX-Redirect sends the whole window to the login page instead.
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Headers["HX-Request"] == "true")
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
                }
                else
                {
                    ctx.Response.Redirect(ctx.RedirectUri);
                }

                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ocop.af";
            o.Cookie.SecurePolicy = secure;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddAuthorization(Policies.Configure);
        return services;
    }
}
