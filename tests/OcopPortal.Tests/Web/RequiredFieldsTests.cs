using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Producers;

namespace OcopPortal.Tests.Web;

/// <summary>
/// A required field with a format check after it must still be required. FluentValidation applies a <c>When</c> to
/// every validator before it in the chain unless told otherwise, so "required, and when filled, well-formed" written
/// as <c>NotEmpty().Must(...).When(filled)</c> silently dropped the "required" (found in five validators).
/// </summary>
public sealed class RequiredFieldsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<string>> ErrorsAsync<T>(T input, string property) => factory.WithScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<IValidator<T>>().ValidateAsync(input);
        return result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();
    });

    private static ProducerInput Producer() => new()
    {
        Type = ProducerType.Household,
        Name = "Hộ kinh doanh Bánh pía Lan",
        TaxCode = "0312345678",
        RepresentativeName = "Trần Thị Lan",
        RepresentativeGender = Gender.Female,
        ProvinceCode = "92",
        CommuneCode = "31153",
        StreetAddress = "Ấp Phú Lợi",
        Phone = "0912345678",
        Email = "lan@example.vn",
    };

    [Fact]
    public async Task A_producer_without_tax_code_phone_or_commune_is_told_each_is_required()
    {
        var input = Producer();
        input.TaxCode = "";
        input.Phone = " ";
        input.CommuneCode = "";

        Assert.Contains("Vui lòng nhập mã số thuế hoặc mã số đăng ký kinh doanh.", await ErrorsAsync(input, nameof(ProducerInput.TaxCode)));
        Assert.Contains("Vui lòng nhập số điện thoại.", await ErrorsAsync(input, nameof(ProducerInput.Phone)));
        Assert.Contains("Vui lòng chọn xã, phường.", await ErrorsAsync(input, nameof(ProducerInput.CommuneCode)));
    }

    [Fact]
    public async Task A_filled_but_malformed_tax_code_or_phone_gets_only_the_format_message()
    {
        var input = Producer();
        input.TaxCode = "12345";
        input.Phone = "12";

        var tax = Assert.Single(await ErrorsAsync(input, nameof(ProducerInput.TaxCode)));
        Assert.StartsWith("Mã số thuế không hợp lệ", tax);
        var phone = Assert.Single(await ErrorsAsync(input, nameof(ProducerInput.Phone)));
        Assert.StartsWith("Số điện thoại không hợp lệ", phone);
    }

    [Fact]
    public async Task A_council_without_decision_date_is_refused_and_a_future_date_too()
    {
        var input = new CouncilInput { Name = "Hội đồng OCOP tỉnh", DecisionNumber = "123/QĐ-UBND", DecisionDate = null };
        Assert.Equal(["Vui lòng nhập ngày quyết định."], await ErrorsAsync(input, nameof(CouncilInput.DecisionDate)));

        input.DecisionDate = DateOnly.FromDateTime(DateTime.Today).AddDays(3);
        Assert.Equal(["Ngày quyết định không được sau hôm nay."], await ErrorsAsync(input, nameof(CouncilInput.DecisionDate)));
    }

    [Fact]
    public async Task A_supplement_request_without_due_date_is_refused()
    {
        var input = new SupplementRequestInput { SlotIds = [1], Message = "Bổ sung phiếu kiểm nghiệm", DueOn = null };
        Assert.Equal(["Vui lòng nhập hạn bổ sung."], await ErrorsAsync(input, nameof(SupplementRequestInput.DueOn)));
    }
}
