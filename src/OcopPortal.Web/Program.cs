using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;
using Serilog;

// "--demo" seeds the demo province; it is a flag, not a key=value, so it is taken out before configuration reads args.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo)
{
    builder.Configuration["Seed:Demo"] = "true";
}

builder.Host.UseSerilog((ctx, services, lc) => lc
    .ReadFrom.Configuration(ctx.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services
    .AddOcopDatabase(builder.Configuration, builder.Environment)
    .AddOcopIdentity(builder.Configuration)
    .AddOcopWeb(builder.Configuration);

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync();
app.UseOcopPipeline();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
