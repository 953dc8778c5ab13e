using Dvc.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dvc.Api.Controllers;

[ApiController]
[Route("api/cong-dan")]
public class CongDanController : ControllerBase
{
    private readonly C06Client _c06;

    public CongDanController(C06Client c06) => _c06 = c06;

    [HttpGet("{soDinhDanh}")]
    public async Task<IActionResult> Get(string soDinhDanh, [FromHeader(Name = "X-Ma-Can-Bo")] string maCanBo)
        => Content(await _c06.TraCuuThongTinCongDan(soDinhDanh, maCanBo), "application/json");
}
