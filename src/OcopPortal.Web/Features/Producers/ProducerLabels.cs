using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Web.Features.Producers;

public static class ProducerLabels
{
    public static string Type(ProducerType t) => t switch
    {
        ProducerType.Cooperative => "Hợp tác xã",
        ProducerType.CooperativeGroup => "Tổ hợp tác",
        ProducerType.Enterprise => "Doanh nghiệp nhỏ và vừa",
        ProducerType.Farm => "Trang trại",
        ProducerType.Household => "Hộ sản xuất, hộ gia đình có đăng ký kinh doanh",
        ProducerType.Association => "Hội, hiệp hội, trung tâm điều hành (du lịch)",
        _ => "",
    };

    public static string Gender(Gender g) => g == Domain.Producers.Gender.Female ? "Nữ" : "Nam";
}
