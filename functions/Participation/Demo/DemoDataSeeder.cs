using Azure;
using Azure.Data.Tables;
using Participation.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.Initiatives.Tracking;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Demo;

/// <summary>
/// With <c>Demo:Seed=true</c> (the default in Development): the demo municipality's routing configuration and a few
/// initiatives, once — a marker row makes a restart keep what a developer changed.
/// </summary>
public sealed class DemoDataSeeder(
    StorageInitializer storage, RoutingDirectory routing, InitiativeStore store, InitiativeLifecycle lifecycle,
    QueueSender queue, TableServiceClient tables, IEnumerable<IDemoSeed> seeds, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    private static readonly (string Title, string Description, string Neighbourhood, string? Theme)[] DemoInitiatives =
    [
        ("Meer bomen in de Lindenstraat", "De Lindenstraat is heet in de zomer. Wij willen zes nieuwe bomen en geveltuinen.", "oosterpark", "groen"),
        ("Speeltuin Zuidwijk opknappen", "De schommel is kapot en het klimrek is verroest. Kinderen spelen nu op straat.", "zuidwijk", null),
        ("Drempels bij basisschool De Regenboog", "Auto's rijden te hard langs het schoolplein. Graag drempels en een zebrapad.", "binnenstad", "verkeer"),
        ("Buurtfeest op het Havenplein", "Wij organiseren in juni een buurtfeest en vragen een bijdrage voor tenten en muziek.", "westhaven", "ontmoeting"),
        ("Extra afvalbakken langs de singel", "Er ligt veel zwerfvuil langs het water. Meer afvalbakken zouden helpen.", "noorderkwartier", null),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken);
        await routing.SeedAsync(DemoSeed.Configuration, stoppingToken);
        var config = tables.GetTableClient(RoutingDirectory.Table);
        try
        {
            await config.AddEntityAsync(new TableEntity("demo", "seeded"), stoppingToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return; // seeded before
        }

        foreach (var (title, description, neighbourhood, theme) in DemoInitiatives)
        {
            var code = TrackingCode.New().Value;
            var (state, entry) = lifecycle.Submit(code, "anonymous-demo-" + code);
            await store.CreateAsync(new InitiativeCase
            {
                TrackingCode = code, Title = title, Description = description, Neighbourhood = neighbourhood, Theme = theme,
                ThemeSource = theme is null ? "none" : "resident", Status = state.Status, SubmitterId = state.SubmitterId, SubmittedAt = entry.At,
            }, entry, stoppingToken);
            await queue.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), stoppingToken);
        }

        foreach (var seed in seeds)
        {
            await seed.SeedAsync(stoppingToken);
        }

        logger.Seeded(DemoInitiatives.Length);
    }
}

/// <summary>A feature's own demo data, run once after the routing configuration and initiatives are seeded.</summary>
public interface IDemoSeed
{
    Task SeedAsync(CancellationToken cancellationToken);
}

internal static partial class DemoLog
{
    [LoggerMessage(LogLevel.Information, "Demo data seeded: {Initiatives} initiatives")]
    public static partial void Seeded(this ILogger logger, int initiatives);
}

public static class DemoModule
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Demo:Seed", builder.Environment.IsDevelopment()))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        return builder;
    }
}
