using Participation.Initiatives.Routing;

namespace Participation.App.Routing;

/// <summary>An administrator replaces the routing configuration as a whole, based on the version they read.</summary>
public sealed class ReplaceRoutingConfiguration(RoutingDirectory routing)
{
    /// <param name="version">The version of the configuration the change was based on; refused when it changed since.</param>
    public async Task<Outcome<RoutingConfiguration>> HandleAsync(
        RoutingConfiguration configuration, string version, PlatformUser admin, CancellationToken cancellationToken)
    {
        var (outcome, problems) = await routing.ReplaceAsync(configuration, version, admin, cancellationToken);
        return outcome switch
        {
            RoutingDirectory.ReplaceOutcome.Replaced => configuration,
            RoutingDirectory.ReplaceOutcome.Invalid => Outcome<RoutingConfiguration>.Refused(
                problems.Select(problem => RoutingRefusals.ConfigurationInvalid with { English = problem }).ToList()),
            _ => RoutingRefusals.ChangedMeanwhile,
        };
    }
}
