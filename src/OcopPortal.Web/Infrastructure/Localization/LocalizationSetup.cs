using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OcopPortal.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    /// <summary>vi-VN by default whatever the browser says; en-US only when the user switches (cookie or ?culture=).</summary>
    public static RequestLocalizationOptions Options()
    {
        var vi = new CultureInfo(Vietnamese);
        var en = (CultureInfo)new CultureInfo(English).Clone();
        en.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy"; // the portal writes dates the Vietnamese way in both languages
        CultureInfo[] cultures = [vi, en];
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(vi),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }
}
