using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Producers;

/// <summary>
/// The producer's own profile. The route has no id: a producer can only ever reach the profile their account
/// acts for, so there is nothing to guess.
/// </summary>
[Authorize(Policy = Policies.Producer)]
[Route("producer/profile")]
public sealed class ProfileController(ProducerProfiles profiles, IOptions<PortalOptions> portal, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(UserId, ct);
        return View(producer is null
            ? new ProducerInput { ProvinceCode = portal.Value.ProvinceCode, Email = User.Identity?.Name }
            : ProducerInput.From(producer));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(ProducerInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var producer = await profiles.OwnedByAsync(UserId, ct);
        var outcome = producer is null
            ? (await profiles.CreateAsync(input, UserId, UserId, ct)).Item1
            : await profiles.UpdateAsync(producer, input, ct);
        switch (outcome)
        {
            case SaveOutcome.DuplicateTaxCode:
                ModelState.AddModelError(nameof(input.TaxCode), l["Mã số thuế này đã được một chủ thể khác đăng ký. Nếu đó là đơn vị của bạn, hãy liên hệ Văn phòng Điều phối."]);
                return View(input);
            case SaveOutcome.Conflict:
                ModelState.AddModelError("", l[ProducerProfiles.ConflictMessage]);
                return View(input);
            default:
                TempData["Flash"] = l["Đã lưu hồ sơ chủ thể."].Value;
                return Redirect("/producer");
        }
    }
}
