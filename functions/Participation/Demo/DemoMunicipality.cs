using Participation.Initiatives.Classification;
using Participation.Initiatives.Routing;

namespace Participation.App.Demo;

/// <summary>
/// A small, coherent municipality for demos and local runs (<c>demo-municipality.json</c>, the same document an admin
/// edits): five neighbourhoods, six themes, three teams plus the front-office pool, and nine officials with fictional
/// names and example.org addresses. Anouk is on leave in November 2026, so Oosterpark × groen goes to her deputy Bram.
/// </summary>
public static class DemoMunicipality
{
    public static RoutingConfiguration Configuration { get; } = Load();

    public static IReadOnlyList<Neighbourhood> Neighbourhoods => Configuration.Neighbourhoods;

    public static IReadOnlyList<Theme> Themes => Configuration.Themes;

    public static IReadOnlyList<Team> Teams => Configuration.Teams;

    public static IReadOnlyList<Official> Officials => Configuration.Officials;

    private static RoutingConfiguration Load()
    {
        using var stream = typeof(DemoMunicipality).Assembly.GetManifestResourceStream("demo-municipality.json")
            ?? throw new InvalidOperationException("demo-municipality.json is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return RoutingConfiguration.FromJson(reader.ReadToEnd());
    }
}
