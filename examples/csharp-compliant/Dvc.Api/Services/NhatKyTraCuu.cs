namespace Dvc.Api.Services;

/// <summary>One audit record per lookup: which officer, for which case, with what outcome (never the citizen record).</summary>
public class NhatKyTraCuu
{
    private readonly ILogger<NhatKyTraCuu> _logger;

    public NhatKyTraCuu(ILogger<NhatKyTraCuu> logger) => _logger = logger;

    public void GhiNhatKy(string maCanBo, string maDonVi, string maYeuCau, string mucDich, bool thanhCong)
    {
        _logger.LogInformation("nhat-ky-tra-cuu maCanBo={MaCanBo} maDonVi={MaDonVi} maYeuCau={MaYeuCau} mucDich={MucDich} ketQua={KetQua} thoiGian={ThoiGian}",
            maCanBo, maDonVi, maYeuCau, mucDich, thanhCong ? "ok" : "error", DateTimeOffset.UtcNow);
    }
}
