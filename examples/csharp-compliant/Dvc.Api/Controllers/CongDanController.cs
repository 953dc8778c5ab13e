using Dvc.Api.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Dvc.Api.Controllers;

[ApiController]
[Route("api/cong-dan")]
[EnableRateLimiting("dancu")]
public class CongDanController : ControllerBase
{
    private readonly C06Gateway _gateway;

    public CongDanController(C06Gateway gateway) => _gateway = gateway;

    [HttpGet("{soDinhDanh}")]
    public async Task<IActionResult> Get(
        string soDinhDanh,
        [FromHeader(Name = "X-Ma-Can-Bo")] string maCanBo,
        [FromHeader(Name = "X-Ma-Don-Vi")] string maDonVi,
        [FromQuery] string mucDich,
        CancellationToken ct)
        => Content(await _gateway.TraCuuThongTinCongDanAsync(new TraCuuYeuCau(soDinhDanh, maCanBo, maDonVi, mucDich), ct), "application/json");
}
