namespace Dvc.Api.Services;

public class C06Options
{
    public string BaseUrl { get; set; } = "";
    public string UserName { get; set; } = "";
    public string SecretKey { get; set; } = "";
}
