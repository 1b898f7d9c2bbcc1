using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace OcopPortal.Web.Infrastructure.Validation;

/// <summary>Model-binding errors (a number that is not a number, a missing value) in Vietnamese.</summary>
public static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị '{value}' không hợp lệ cho {field}.");
        p.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho {field}.");
        p.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của {field} không hợp lệ.");
        p.SetValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        p.SetValueMustBeANumberAccessor(field => $"{field} phải là số.");
        p.SetValueMustNotBeNullAccessor(field => $"{field} không được để trống.");
    }
}
