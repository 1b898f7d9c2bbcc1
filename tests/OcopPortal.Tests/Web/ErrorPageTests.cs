using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OcopPortal.Tests.Web;

public sealed class ErrorPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_unhandled_error_shows_a_Vietnamese_page_with_the_correlation_id()
    {
        var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                s.AddControllersWithViews().AddApplicationPart(typeof(ThrowingController).Assembly)))
            .CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/test/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = response.Headers.GetValues("X-Correlation-ID").Single();
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Đã có lỗi xảy ra", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(id, page.QuerySelector("[data-testid=correlation-id]")!.TextContent);
        Assert.DoesNotContain("Bí mật nội bộ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[AllowAnonymous]
public sealed class ThrowingController : Controller
{
    [HttpGet("/test/throw")]
    public IActionResult Throw() => throw new InvalidOperationException($"Bí mật nội bộ: chi tiết chỉ nằm trong nhật ký ({Request.Path})");
}
