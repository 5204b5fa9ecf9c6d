using Participation.Audit;
using Participation.Hosting;
using Participation.Identity;
using Participation.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();       // host.json, custom-handler port, queue listeners and timers, API conventions, telemetry
builder.AddStorage();            // tables and queues (Azurite locally), health
builder.AddPlatformIdentity();   // Entra ID / resident OIDC / development sign-in, policies, pseudonyms, rate limits

var app = builder.Build();
app.UsePlatformIdentity();       // security headers, authentication, authorisation, rate limits, antiforgery
app.MapFunctionHost();           // GET / for the host's probe, POST /{FunctionName} for its invocations, /api/health
app.MapAuditApi();

await app.RunFunctionHostAsync(args);

public partial class Program;
