using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace OcopPortal.BrowserTests;

/// <summary>
/// The real portal on a real socket (Kestrel on 127.0.0.1, its own SQLite file) and Debian's Chromium
/// driven by Playwright. One per test class; each test opens its own browser context (fresh cookies).
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("OCOP_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public Tests.PortalFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Portal.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        Portal.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context: phone-sized when asked, Vietnamese locale, failing on any page script error.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            // Bootstrap skips its collapse animation then, so a click never lands on a menu still sliding open.
            ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => throw new InvalidOperationException("Script error on page: " + error);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
