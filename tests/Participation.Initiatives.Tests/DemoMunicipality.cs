using Participation.Initiatives.Classification;
using Participation.Initiatives.Routing;
using Participation.Testing;

namespace Participation.Initiatives.Tests;

/// <summary>The app's demo municipality, read from its document: the same neighbourhoods, themes and roster as <c>./run.sh</c>.</summary>
public static class DemoMunicipality
{
    public static RoutingConfiguration Configuration { get; } =
        RoutingConfiguration.FromJson(File.ReadAllText(RepositoryRoot.Combine("functions", "Participation", "Demo", "demo-municipality.json")));

    public static IReadOnlyList<Neighbourhood> Neighbourhoods => Configuration.Neighbourhoods;

    public static IReadOnlyList<Theme> Themes => Configuration.Themes;

    public static IReadOnlyList<Official> Officials => Configuration.Officials;

    public static IReadOnlyList<RoutingRule> Rules => Configuration.Rules;
}
