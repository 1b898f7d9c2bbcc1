using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>
/// Feature folders: a controller in namespace <c>OcopPortal.Web.Features.Admin</c> finds its views in
/// <c>Features/Admin/{Controller}/</c> or <c>Features/Admin/</c>; shared partials live in <c>Features/Shared/</c>.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        const string marker = ".Features.";
        var i = ns.IndexOf(marker, StringComparison.Ordinal);
        controller.Properties[Key] = i < 0 ? "" : ns[(i + marker.Length)..].Replace('.', '/');
    }
}

public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        context.Values[FeatureConvention.Key] =
            context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var f) ? f as string : null;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureConvention.Key, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
