using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// Invented producers of the demo province (Cần Thơ, which absorbed Sóc Trăng and Hậu Giang in 2025), one of each
/// legal form, spread over real current communes. Names are fictitious; any likeness to a real business is chance.
/// </summary>
public static class DemoProducers
{
    public sealed record Spec(string TaxCode, ProducerType Type, string Name, string Representative, Gender Gender, bool EthnicMinority,
        string CommuneCode, string Street, string Phone, string Email, string? OwnerEmail = null);

    public static readonly IReadOnlyList<Spec> All =
    [
        new("1800000001", ProducerType.Household, "Hộ kinh doanh Bánh pía Lan", "Nguyễn Thị Lan", Gender.Female, false,
            "31756", "Số 12, ấp Phú Lộc", "0912345678", "lan.banhpia@demo.ocop.vn", "lan.banhpia@demo.ocop.vn"),
        new("1800000002", ProducerType.Cooperative, "Hợp tác xã Lúa gạo Mỹ Xuyên Xanh", "Trần Văn Phúc", Gender.Male, false,
            "31684", "Ấp Hòa Phuông", "0939111222", "htx.myxuyenxanh@demo.ocop.vn"),
        new("1800000003", ProducerType.CooperativeGroup, "Tổ hợp tác Nước mắm Vĩnh Hải", "Lâm Thị Sa Rươl", Gender.Female, true,
            "31795", "Ấp Huỳnh Kỳ", "0918222333", "tht.nuocmamvinhhai@demo.ocop.vn"),
        new("1800000004", ProducerType.Enterprise, "Công ty TNHH Trà mãng cầu Cù Lao Dung", "Lê Minh Khang", Gender.Male, false,
            "31633", "Ấp An Quới", "02993822123", "tramangcau@demo.ocop.vn"),
        new("1800000005", ProducerType.Farm, "Trang trại Bưởi năm roi Phong Điền", "Võ Thị Ngọc Hân", Gender.Female, false,
            "31299", "Ấp Nhơn Lộc 1", "0907444555", "buoiphongdien@demo.ocop.vn"),
        new("1800000006", ProducerType.Household, "Cơ sở Lạp xưởng Vĩnh Châu Thạch Sô", "Thạch Sô Phal", Gender.Male, true,
            "31783", "Khóm 5", "0988666777", "lapxuong.vinhchau@demo.ocop.vn"),
        new("1800000007", ProducerType.Association, "Hội Du lịch cộng đồng Cồn Sơn", "Đặng Văn Tài", Gender.Male, false,
            "31299", "Cồn Sơn, ấp Thới Bình", "0976888999", "dulichconson@demo.ocop.vn"),
        new("1800000008", ProducerType.Cooperative, "Hợp tác xã Mật ong tràm Kế Sách", "Huỳnh Thị Mai", Gender.Female, false,
            "31528", "Ấp An Phú", "0945123987", "matongkesach@demo.ocop.vn"),

        // The producers whose products the demo council evaluated (Đợt 1) or is scoring (Đợt 2): see DemoCouncil.
        new("1800000009", ProducerType.Household, "Cơ sở Khô cá lóc Út Hiền", "Trương Thị Hiền", Gender.Female, false,
            "31258", "Ấp Thới Thuận", "0917555666", "khocaluthien@demo.ocop.vn"),
        new("1800000010", ProducerType.Cooperative, "Hợp tác xã Bánh tráng Thuận Hưng", "Ngô Văn Lực", Gender.Male, false,
            "31228", "Khu vực Qui Thạnh 1", "0939777888", "banhtrangthuanhung@demo.ocop.vn"),
        new("1800000011", ProducerType.Enterprise, "Công ty TNHH Chuối sấy Hỏa Lựu", "Phan Thanh Tùng", Gender.Male, false,
            "31338", "Ấp Thạnh Trung", "02933876543", "chuoisayhoaluu@demo.ocop.vn"),
        new("1800000012", ProducerType.CooperativeGroup, "Tổ hợp tác Khóm Vị Thanh", "Danh Thị Sóc Kha", Gender.Female, true,
            "31321", "Khu vực 3", "0978321654", "khomvithanh@demo.ocop.vn"),
    ];

    /// <summary>One product per demo producer (tax code → name, classification leaf, description, story).</summary>
    public static readonly IReadOnlyList<(string TaxCode, string Name, string Category, string Description, string? Story)> Products =
    [
        ("1800000001", "Bánh pía sầu riêng trứng muối", "I.3.b", "Vỏ bánh nhiều lớp, nhân đậu xanh, sầu riêng và trứng muối; hộp 4 cái, 500 g.",
            "Công thức gia truyền ba đời của gia đình người Hoa ở Phú Lộc, làm thủ công mỗi sáng."),
        ("1800000002", "Gạo thơm Mỹ Xuyên Xanh", "I.2.a", "Gạo thơm trồng theo quy trình VietGAP, túi 5 kg.", null),
        ("1800000003", "Nước mắm cá cơm Vĩnh Hải", "I.4.a", "Nước mắm cá cơm ủ chượp 12 tháng trong thùng gỗ, độ đạm 35°N, chai 500 ml.",
            "Nghề làm mắm của bà con Khmer ven biển Vĩnh Hải, giữ cách ủ chượp bằng muối hột địa phương."),
        ("1800000004", "Trà mãng cầu Cù Lao Dung", "I.5.b", "Trà túi lọc từ trái mãng cầu xiêm sấy lạnh, hộp 20 túi.", null),
        ("1800000005", "Bưởi năm roi Phong Điền", "I.1.a", "Bưởi năm roi vỏ mỏng, múi ráo, trồng trên đất phù sa cồn.", null),
        ("1800000006", "Lạp xưởng tươi Vĩnh Châu", "I.3.d", "Lạp xưởng thịt heo nạc vai, phơi nắng tự nhiên, gói 500 g.", null),
        ("1800000007", "Điểm du lịch cộng đồng Cồn Sơn", "VI.1", "Tham quan vườn trái cây, cá lóc bay, đờn ca tài tử cùng các hộ dân trên cồn.", null),
        ("1800000008", "Mật ong hoa tràm Kế Sách", "I.2.b", "Mật ong hoa tràm khai thác tự nhiên, độ ẩm dưới 20 %, chai 500 ml.", null),
        ("1800000009", "Khô cá lóc Út Hiền", "I.3.d", "Khô cá lóc đồng một nắng, làm từ cá lóc nuôi trong ao đất tại Thới Lai, gói hút chân không 500 g.",
            "Nghề làm khô cá của gia đình bà Út Hiền, ướp muối và phơi trên giàn tre theo cách của người miền Tây."),
        ("1800000010", "Bánh tráng rế Thuận Hưng", "I.3.b", "Bánh tráng rế tráng mỏng từ bột gạo, dùng cuốn chả giò, gói 300 g.", null),
        ("1800000011", "Chuối sấy dẻo Hỏa Lựu", "I.3.c", "Chuối xiêm chín cây sấy dẻo không đường, hộp 250 g.", null),
        ("1800000012", "Mứt khóm Vị Thanh", "I.3.c", "Mứt khóm sên tay từ khóm Queen trồng trên đất phèn, hũ 300 g.",
            "Khóm Vị Thanh ngọt thanh nhờ đất phèn; các chị em trong tổ sên mứt bằng chảo gang theo công thức của người Khmer trong vùng."),
    ];
}
