using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OcopPortal.Web.Infrastructure.Validation;

/// <summary>
/// Runs the FluentValidation validator of every bound action argument and copies its errors into
/// ModelState, so actions only ask <c>ModelState.IsValid</c>. (FluentValidation.AspNetCore does not restore here.)
/// </summary>
public sealed class FluentValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var value in context.ActionArguments.Values)
        {
            if (value is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(value.GetType());
            if (services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(value), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                // Forms bind the input model at the root (no prefix), so the property name is the key.
                context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }

        await next();
    }
}
