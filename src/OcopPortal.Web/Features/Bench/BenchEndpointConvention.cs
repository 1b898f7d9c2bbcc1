using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace OcopPortal.Web.Features.Bench;

/// <summary>
/// Removes the bench controllers from the application unless <c>Bench:Enabled</c> is true, so a normal portal has
/// no such route at all: everyone, signed in or not, gets the plain 404 instead of a login redirect that would
/// reveal the endpoint. The flag is read once at start-up; the harness starts the portal with it.
/// </summary>
public sealed class BenchEndpointConvention(IConfiguration config) : IApplicationModelConvention
{
    public const string EnabledKey = "Bench:Enabled";

    public void Apply(ApplicationModel application)
    {
        if (config.GetValue<bool>(EnabledKey))
        {
            return;
        }

        foreach (var controller in application.Controllers.Where(c => c.ControllerType.Namespace == typeof(BenchController).Namespace).ToList())
        {
            application.Controllers.Remove(controller);
        }
    }
}
