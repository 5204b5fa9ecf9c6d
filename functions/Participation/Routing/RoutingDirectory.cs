using Azure;
using Azure.Data.Tables;
using Participation.App.Audit;
using Participation.Initiatives.Routing;

namespace Participation.App.Routing;

/// <summary>
/// Neighbourhoods, themes, teams, officials, absences and routing rules: configuration that admins edit, kept as one
/// JSON document in Table Storage with its audit trail in the same partition. Read often, changed rarely: cached briefly.
/// </summary>
public sealed class RoutingDirectory(TableServiceClient tables, TimeProvider clock)
{
    public const string Table = "Configuration";
    private const string Partition = "routing";
    private const string Row = "current";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly TableClient table = tables.GetTableClient(Table);
    private (RoutingConfiguration Configuration, string Version, DateTimeOffset ReadAt)? cached;

    public async Task<RoutingConfiguration> CurrentAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Configuration;

    public async Task<(RoutingConfiguration Configuration, string Version)> ReadAsync(CancellationToken cancellationToken)
    {
        if (cached is { } hit && clock.GetUtcNow() - hit.ReadAt < CacheFor)
        {
            return (hit.Configuration, hit.Version);
        }

        var entity = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            throw new InvalidOperationException("There is no routing configuration yet: seed one (./run.sh does) or let an admin set it.");
        }

        var configuration = RoutingConfiguration.FromJson(entity.Value!.GetString("Document")!);
        cached = (configuration, entity.Value.ETag.ToString(), clock.GetUtcNow());
        return (configuration, entity.Value.ETag.ToString());
    }

    /// <summary>Stores the first configuration; does nothing when one exists (seeding is repeatable).</summary>
    public async Task SeedAsync(RoutingConfiguration seed, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Document"] = seed.ToJson() }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already configured: an admin's edits must survive a restart.
        }
    }

    public enum ReplaceOutcome { Replaced, Conflict, Invalid }

    /// <summary>An admin replaces the configuration; refused when invalid, or when someone else changed it since <paramref name="version"/>.</summary>
    public async Task<(ReplaceOutcome Outcome, IReadOnlyList<string> Problems)> ReplaceAsync(
        RoutingConfiguration configuration, string version, PlatformUser admin, CancellationToken cancellationToken)
    {
        var problems = configuration.Problems();
        if (problems.Count > 0)
        {
            return (ReplaceOutcome.Invalid, problems);
        }

        var document = configuration.ToJson();
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, Row) { ["Document"] = document }, new ETag(version)),
                AuditTrail.Append(Partition, admin, "routing.replace", "configuration/routing", $"version {version}", Describe(configuration), clock.GetUtcNow()),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return (ReplaceOutcome.Conflict, ["The configuration was changed by someone else; reload it and apply your change again."]);
        }

        cached = null;
        return (ReplaceOutcome.Replaced, []);
    }

    private static string Describe(RoutingConfiguration c) =>
        $"{c.Neighbourhoods.Count} neighbourhoods, {c.Themes.Count} themes, {c.Teams.Count} teams, {c.Officials.Count} officials, {c.Rules.Count} rules, {c.Absences.Count} absences";
}
