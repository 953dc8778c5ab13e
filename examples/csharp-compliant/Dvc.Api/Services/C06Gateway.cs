using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dvc.Api.Services;

public record TraCuuYeuCau(string SoDinhDanh, string MaCanBo, string MaDonVi, string MucDich);

/// <summary>The one audited gateway to the population DB.</summary>
public class C06Gateway
{
    private readonly HttpClient _http;
    private readonly IOptions<C06Options> _options;
    private readonly RateLimiter _limiter;
    private readonly NhatKyTraCuu _nhatKy;

    public C06Gateway(HttpClient http, IOptions<C06Options> options, RateLimiter limiter, NhatKyTraCuu nhatKy)
    {
        _http = http;
        _options = options;
        _limiter = limiter;
        _nhatKy = nhatKy;
    }

    public async Task<string> TraCuuThongTinCongDanAsync(TraCuuYeuCau yeuCau, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired) throw new InvalidOperationException("Đã đạt ngưỡng truy vấn, thử lại sau.");
        var maYeuCau = Guid.NewGuid().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "ChiaSeThongTinCongDan")
        {
            Content = JsonContent.Create(new { MaYeuCau = maYeuCau, yeuCau.SoDinhDanh, yeuCau.MaCanBo }),
        };
        var account = $"{_options.Value.UserName}:{_options.Value.SecretKey}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(account)));
        var response = await _http.SendAsync(request, ct);
        _nhatKy.GhiNhatKy(yeuCau.MaCanBo, yeuCau.MaDonVi, maYeuCau, yeuCau.MucDich, response.IsSuccessStatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }
}
