using Dvc.Api.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddHttpClient<C06Client>(client =>
    {
        client.BaseAddress = new Uri(builder.Configuration["C06:BaseUrl"]!);
    })
    // "The LGSP certificate keeps expiring": verification switched off for every call.
    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
    });

var app = builder.Build();
app.MapControllers();
app.Run();
