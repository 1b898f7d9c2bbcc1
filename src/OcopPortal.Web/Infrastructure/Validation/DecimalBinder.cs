using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OcopPortal.Web.Infrastructure.Validation;

/// <summary>
/// Decimals typed the Vietnamese way ("89,5") or sent by number inputs ("89.5") both mean 89.5. The default
/// binder uses the request culture, where "." is the vi-VN thousands separator and "89.5" would become 895.
/// </summary>
public sealed class DecimalBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Task.CompletedTask; // nullable stays null; required-ness is the validator's job
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(value));
        var normalised = value.Contains(',', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal) ? value.Replace(',', '.') : value;
        if (decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"Giá trị '{value}' không phải là số hợp lệ.");
        }

        return Task.CompletedTask;
    }
}

public sealed class DecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new DecimalBinder() : null;
}
