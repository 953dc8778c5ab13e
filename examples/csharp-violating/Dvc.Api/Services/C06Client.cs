using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Dvc.Api.Services;

public class C06Client
{
    // The contractor keeps the province's API account in the code (synthetic values).
    private const string C06_UserName = "tinhmau_dvc";
    private const string C06_SecretKey = "Sup3rS3cretValue!9x";

    private readonly HttpClient _http;

    public C06Client(HttpClient http)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{C06_UserName}:{C06_SecretKey}")));
    }

    /// <summary>Looks a citizen up. Nothing is written to any audit log on this path.</summary>
    public async Task<string> TraCuuThongTinCongDan(string soDinhDanh, string maCanBo)
    {
        var response = await _http.PostAsJsonAsync("ChiaSeThongTinCongDan", new { SoDinhDanh = soDinhDanh, MaCanBo = maCanBo });
        return await response.Content.ReadAsStringAsync();
    }
}
