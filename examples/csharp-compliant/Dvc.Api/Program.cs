using System.Threading.RateLimiting;
using Dvc.Api.Services;
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.Configure<C06Options>(builder.Configuration.GetSection("C06"));
builder.Services.AddSingleton<NhatKyTraCuu>();
// Registered daily quota is 5,000 lookups: at most 3 per second, and the endpoint is limited too.
builder.Services.AddSingleton<RateLimiter>(_ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
{
    TokenLimit = 3,
    TokensPerPeriod = 3,
    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
    QueueLimit = 10,
}));
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("dancu", w =>
{
    w.PermitLimit = 5000;
    w.Window = TimeSpan.FromDays(1);
}));
builder.Services.AddHttpClient<C06Gateway>(client =>
{
    client.BaseAddress = new Uri(builder.Configuration["C06:BaseUrl"]!);
});

var app = builder.Build();
app.UseRateLimiter();
app.MapControllers();
app.Run();
