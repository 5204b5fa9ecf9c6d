using Azure;
using Azure.Data.Tables;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Demo;

/// <summary>
/// With <c>Demo:Seed=true</c> (the default in Development): the demo municipality's routing configuration and a few
/// initiatives, once — a marker row makes a restart keep what a developer changed.
/// </summary>
public sealed class DemoDataSeeder(
    StorageInitializer storage, RoutingDirectory routing, InitiativeStore store, InitiativeLifecycle lifecycle,
    QueueSender queue, TableServiceClient tables, IEnumerable<IDemoSeed> seeds, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    // The last three have a point in the demo polygons, so the maps have markers from the first start.
    private static readonly (string Title, string Description, string Neighbourhood, string? Theme, double? Lat, double? Lon)[] DemoInitiatives =
    [
        ("Meer bomen in de Lindenstraat", "De Lindenstraat is heet in de zomer. Wij willen zes nieuwe bomen en geveltuinen.", "oosterpark", "groen", null, null),
        ("Speeltuin Zuidwijk opknappen", "De schommel is kapot en het klimrek is verroest. Kinderen spelen nu op straat.", "zuidwijk", null, null, null),
        ("Drempels bij basisschool De Regenboog", "Auto's rijden te hard langs het schoolplein. Graag drempels en een zebrapad.", "binnenstad", "verkeer", null, null),
        ("Buurtfeest op het Havenplein", "Wij organiseren in juni een buurtfeest en vragen een bijdrage voor tenten en muziek.", "westhaven", "ontmoeting", null, null),
        ("Extra afvalbakken langs de singel", "Er ligt veel zwerfvuil langs het water. Meer afvalbakken zouden helpen.", "noorderkwartier", null, null, null),
        ("Watertappunt bij de Grote Kerk", "Een kraan met drinkwater op het kerkplein, voor wandelaars en marktbezoekers.", "binnenstad", "groen", 52.1556, 5.3862),
        ("Oversteekplaats bij het Oosterparkbad", "Kinderen steken de drukke weg naar het zwembad over zonder zebrapad.", "oosterpark", "verkeer", 52.1580, 5.4210),
        ("Jeu-de-boulesbaan aan de Havenkade", "Een baan langs het water waar buren elkaar ontmoeten.", "westhaven", "ontmoeting", 52.1500, 5.3500),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Demo data must never take the app down: an exception here would stop the host. Try again a little later.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SeedAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.SeedingFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken);
        await routing.SeedAsync(DemoMunicipality.Configuration, stoppingToken);
        var config = tables.GetTableClient(RoutingDirectory.Table);
        await OnceAsync(config, "initiatives", SeedInitiativesAsync, stoppingToken);
        foreach (var seed in seeds)
        {
            await OnceAsync(config, seed.GetType().Name, seed.SeedAsync, stoppingToken);
        }

        logger.Seeded(DemoInitiatives.Length);
    }

    // Each part is marked done only after it ran, so a part interrupted by a stop runs again at the next start, and a
    // part added later (a new feature's seed) still runs on a developer's existing data.
    private static async Task OnceAsync(TableClient config, string part, Func<CancellationToken, Task> seed, CancellationToken cancellationToken)
    {
        if ((await config.GetEntityIfExistsAsync<TableEntity>("demo", part, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        await seed(cancellationToken);
        await config.UpsertEntityAsync(new TableEntity("demo", part), TableUpdateMode.Replace, cancellationToken);
    }

    private async Task SeedInitiativesAsync(CancellationToken cancellationToken)
    {
        foreach (var (title, description, neighbourhood, theme, lat, lon) in DemoInitiatives)
        {
            var code = TrackingCode.New().Value;
            var (state, entry) = lifecycle.Submit(code, "anonymous-demo-" + code);
            await store.CreateAsync(new InitiativeCase
            {
                TrackingCode = code, Title = title, Description = description, Neighbourhood = neighbourhood, Theme = theme,
                ThemeSource = theme is null ? "none" : "resident", Latitude = lat, Longitude = lon,
                Status = state.Status, SubmitterId = state.SubmitterId, SubmittedAt = entry.At,
            }, entry, cancellationToken);
            await queue.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), cancellationToken);
        }
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

    [LoggerMessage(LogLevel.Information, "Demo voting code for budget {BudgetId}: {Code}")]
    public static partial void DemoCode(this ILogger logger, string budgetId, string code);

    [LoggerMessage(LogLevel.Warning, "Seeding demo data failed; trying again in 5 seconds")]
    public static partial void SeedingFailed(this ILogger logger, Exception exception);
}

public static class DemoModule
{
    /// <summary>
    /// The demo municipality, all of it in this folder: routing configuration and initiatives, two budgets in voting,
    /// and (with <c>Demo:History</c>) a year of initiatives, budgets and realisation. The seeds are registered always, so
    /// a test can run one; the seeder runs them only with <c>Demo:Seed</c> (the default in Development).
    /// </summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDemoSeed, BudgetDemoSeed>();
        // ./run.sh turns the demo history on; tests keep it off, because seeding 60 initiatives in the background would
        // change the counts other tests compare while they run.
        if (builder.Configuration.GetValue("Demo:History", false))
        {
            builder.Services.AddSingleton<IDemoSeed, RealisationDemoSeed>();
        }

        if (builder.Configuration.GetValue("Demo:Seed", builder.Environment.IsDevelopment()))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        return builder;
    }
}
