using MiniExcelLibs.Attributes;

namespace OcopPortal.Web.Features.Councils;

/// <summary>One criterion of one member's sheet for one product: a row of the workbook's "Chi tiết" sheet.</summary>
public sealed class DetailRow
{
    [ExcelColumn(Name = "Đợt đánh giá", Width = 24)]
    public string Round { get; init; } = "";

    [ExcelColumn(Name = "Số hồ sơ", Width = 22)]
    public string DossierNumber { get; init; } = "";

    [ExcelColumn(Name = "Sản phẩm", Width = 32)]
    public string Product { get; init; } = "";

    [ExcelColumn(Name = "Chủ thể", Width = 32)]
    public string Producer { get; init; } = "";

    [ExcelColumn(Name = "Bộ tiêu chí", Width = 30)]
    public string CriteriaSet { get; init; } = "";

    [ExcelColumn(Name = "Thành viên", Width = 24)]
    public string Member { get; init; } = "";

    [ExcelColumn(Name = "Cơ quan, đơn vị", Width = 28)]
    public string Agency { get; init; } = "";

    [ExcelColumn(Name = "Chức danh", Width = 20)]
    public string Role { get; init; } = "";

    [ExcelColumn(Name = "Tính vào kết quả", Width = 16)]
    public string Counted { get; init; } = "";

    [ExcelColumn(Name = "Mã tiêu chí", Width = 10)]
    public string CriterionCode { get; init; } = "";

    [ExcelColumn(Name = "Tiêu chí", Width = 40)]
    public string CriterionName { get; init; } = "";

    [ExcelColumn(Name = "Phương án chọn", Width = 60)]
    public string Option { get; init; } = "";

    [ExcelColumn(Name = "Điểm", Width = 8)]
    public int Points { get; init; }

    [ExcelColumn(Name = "Điểm tối đa", Width = 10)]
    public int MaxPoints { get; init; }

    [ExcelColumn(Name = "Không áp dụng", Width = 12)]
    public string NotApplicable { get; init; } = "";

    [ExcelColumn(Name = "Loại/dừng đánh giá", Width = 16)]
    public string Eliminates { get; init; } = "";

    [ExcelColumn(Name = "Nhận xét", Width = 40)]
    public string Comment { get; init; } = "";
}

/// <summary>One product's result: a row of the workbook's "Tổng hợp" sheet.</summary>
public sealed class SummaryRow
{
    [ExcelColumn(Name = "STT", Width = 6)]
    public int No { get; init; }

    [ExcelColumn(Name = "Đợt đánh giá", Width = 24)]
    public string Round { get; init; } = "";

    [ExcelColumn(Name = "Số hồ sơ", Width = 22)]
    public string DossierNumber { get; init; } = "";

    [ExcelColumn(Name = "Sản phẩm", Width = 32)]
    public string Product { get; init; } = "";

    [ExcelColumn(Name = "Chủ thể", Width = 32)]
    public string Producer { get; init; } = "";

    [ExcelColumn(Name = "Bộ tiêu chí", Width = 30)]
    public string CriteriaSet { get; init; } = "";

    [ExcelColumn(Name = "Số phiếu hợp lệ", Width = 14)]
    public int ValidSheets { get; init; }

    [ExcelColumn(Name = "Điểm trung bình", Width = 14, Format = "0.00")]
    public decimal? Mean { get; init; }

    [ExcelColumn(Name = "Thấp nhất", Width = 10)]
    public decimal? Min { get; init; }

    [ExcelColumn(Name = "Cao nhất", Width = 10)]
    public decimal? Max { get; init; }

    [ExcelColumn(Name = "Chênh lệch", Width = 10)]
    public decimal? Spread { get; init; }

    [ExcelColumn(Name = "Hạng sao", Width = 14)]
    public string Stars { get; init; } = "";

    [ExcelColumn(Name = "Đề xuất", Width = 50)]
    public string Proposal { get; init; } = "";

    [ExcelColumn(Name = "Lưu ý", Width = 60)]
    public string Flags { get; init; } = "";
}
