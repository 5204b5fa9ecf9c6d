using Participation.Hosting;
using Participation.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();   // host.json, custom-handler port, queue listeners and timers, API conventions, telemetry
builder.AddStorage();        // tables and queues (Azurite locally), health

var app = builder.Build();
app.MapFunctionHost();       // GET / for the host's probe, POST /{FunctionName} for its invocations, /api/health

await app.RunFunctionHostAsync(args);

public partial class Program;
