namespace OcopPortal.Web.Infrastructure.Pdf;

public static class PdfSetup
{
    /// <summary>Font files the renderer embeds: Be Vietnam Pro from npm, copied to wwwroot/lib/fonts by the build (see FrontEnd.targets).</summary>
    public static PdfFonts FontsUnder(string webRoot)
    {
        var dir = Path.Combine(webRoot, "lib", "fonts");
        return new PdfFonts(
            Path.Combine(dir, "BeVietnamPro_400Regular.ttf"),
            Path.Combine(dir, "BeVietnamPro_700Bold.ttf"),
            Path.Combine(dir, "BeVietnamPro_400Regular_Italic.ttf"));
    }

    /// <summary>One shared renderer (fonts loaded once); created on first use so start-up does not pay for it.</summary>
    public static IServiceCollection AddOcopPdf(this IServiceCollection services) =>
        services.AddSingleton(sp => new PdfRenderer(FontsUnder(sp.GetRequiredService<IWebHostEnvironment>().WebRootPath)));
}
