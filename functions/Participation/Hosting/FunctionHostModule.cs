using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Participation.App.Audit;

namespace Participation.App.Hosting;

public sealed class FunctionHostOptions
{
    public const string Section = "FunctionHost";

    /// <summary>Set by the Functions host when it starts us as its custom handler; absent when we run standalone.</summary>
    public int? CustomHandlerPort { get; set; }

    /// <summary>How long a received message stays invisible to others while a standalone listener processes it.</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Standalone only: run queue listeners and timers in this process (tests may turn them off).</summary>
    public bool RunTriggers { get; set; } = true;

    public bool IsCustomHandler => CustomHandlerPort is not null;
}

public static class FunctionHostModule
{
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddHostJson(builder.Environment.ContentRootPath);
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (int.TryParse(port, out var customHandlerPort))
        {
            // Only the Functions host talks to us, on this machine.
            builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["PORT"] ?? "7071"}");
        }

        var services = builder.Services;
        services.AddOptions<QueuesOptions>().BindConfiguration(QueuesOptions.Section)
            .Validate(o => o.BatchSize is >= 1 and <= 32, "host.json queues.batchSize must be 1–32 (the queue service's limit).")
            .Validate(o => o.MaxDequeueCount >= 1, "host.json queues.maxDequeueCount must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<FunctionHostOptions>().BindConfiguration(FunctionHostOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.CustomHandlerPort = int.TryParse(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"], out var p) ? p : null);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<FunctionCatalogue>();
        services.AddSingleton<PoisonQueues>();
        services.AddTable(PoisonQueues.AuditTable);
        services.AddAuditedTable(PoisonQueues.AuditTable);
        services.AddScoped<FunctionOutputs>();
        services.AddSingleton<IHostedService, StandaloneTriggers>();
        builder.AddApiConventions();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication MapFunctionHost(this WebApplication app)
    {
        app.Services.GetRequiredService<FunctionCatalogue>().UseEndpointsOf(app);
        app.UseApiConventions();
        // GET / is the site's home page (Web/Residents/Home): it reads no storage, so the host's readiness probe gets its 200 there.
        // One literal route per declared function: a "/{name}" pattern would make every unknown page a 405 instead of a 404.
        var invocations = app.MapGroup("").ExcludeFromDescription().WithMetadata(new ExcludeFromFunctionsMetadata())
            .AllowAnonymous().DisableAntiforgery(); // the host is the caller: loopback only, checked inside
        foreach (var name in app.Services.GetServices<RegisteredFunction>().Select(f => f.Trigger.Name).Distinct())
        {
            invocations.MapPost("/" + name, (JsonElement invocation, HttpContext context, FunctionInvoker invoker, CancellationToken cancellationToken) =>
                CustomHandlerInvocation.HandleAsync(name, invocation, context, invoker, cancellationToken)).WithName("InvokeFunction" + name);
        }

        app.MapHealthChecks("/api/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync })
            .WithMetadata(new HttpMethodMetadata(["GET"])).WithName("Health").WithTags("Platform")
            .WithSummary("Whether storage answers: 200 Healthy or 503 with each check's status").AllowAnonymous()
            .RequireRateLimiting(Participation.App.Identity.RateLimits.Health);
        app.MapPoisonQueuesApi();
        return app;
    }

    /// <summary>
    /// Runs the app, or with <c>--write-functions &lt;folder&gt;</c> writes one function.json per function there and exits:
    /// the publish step uses this, so function.json files come from the same catalogue the app runs.
    /// </summary>
    public static async Task RunFunctionHostAsync(this WebApplication app, string[] args)
    {
        var index = Array.IndexOf(args, "--write-functions");
        if (index < 0)
        {
            await app.RunAsync();
            return;
        }

        var folder = args.ElementAtOrDefault(index + 1) ?? throw new ArgumentException("--write-functions needs a folder.");
        var written = app.Services.GetRequiredService<FunctionCatalogue>().WriteFunctionJson(folder);
        Console.WriteLine($"Wrote {written.Count} function.json files to {folder}");
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, QueueEnvelope.Json));
    }
}

/// <summary>Standalone, this process is its own Functions host: a listener per queue function and a scheduler per timer function.</summary>
internal sealed class StandaloneTriggers(IServiceProvider services, FunctionInvoker invoker, IOptions<FunctionHostOptions> options) : IHostedService
{
    private readonly List<IHostedService> running = [];

    /// <summary>The queue listeners started, for tests that wait until every message has been handled.</summary>
    public IEnumerable<QueueListener> QueueListeners => running.OfType<QueueListener>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsCustomHandler || !options.Value.RunTriggers)
        {
            return;
        }

        foreach (var function in invoker.Functions)
        {
            IHostedService service = function.Trigger switch
            {
                QueueTrigger => ActivatorUtilities.CreateInstance<QueueListener>(services, function),
                TimerTrigger => ActivatorUtilities.CreateInstance<TimerScheduler>(services, function),
                _ => throw new InvalidOperationException($"{function.Trigger.Name} has no standalone trigger."),
            };
            running.Add(service);
            await service.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(running.Select(s => s.StopAsync(cancellationToken)));
}
