using System.Text.Json;
using Participation.Initiatives.Classification;

namespace Participation.Initiatives.Routing;

public sealed record Neighbourhood(string Code, string Name);

public sealed record Team(string Code, string Name, string TeamLeadId);

/// <summary>An official on the roster: the teams they work in and the neighbourhoods they know.</summary>
public sealed record Official(string Id, string DisplayName, string Email, IReadOnlyList<string> Teams, IReadOnlyList<string> Neighbourhoods);

/// <summary>An official is away from <see cref="From"/> through <see cref="Until"/>, both Amsterdam dates and inclusive.</summary>
public sealed record Absence(string OfficialId, DateOnly From, DateOnly Until)
{
    public bool Covers(DateOnly day) => From <= day && day <= Until;
}

/// <summary>
/// Who handles initiatives of a neighbourhood and theme. A null neighbourhood or theme is a wildcard; the most specific
/// matching rule wins (see <see cref="Specificity"/>).
/// </summary>
public sealed record RoutingRule(string? Neighbourhood, string? Theme, string Team, string PrimaryOfficialId, string? DeputyOfficialId)
{
    /// <summary>
    /// Neighbourhood and theme (3) beat neighbourhood only (2), which beats theme only (1), which beats the catch-all (0):
    /// initiatives are about a place, and the area team knows the place even when a theme team exists.
    /// </summary>
    public int Specificity => (Neighbourhood is null ? 0 : 2) + (Theme is null ? 0 : 1);

    public bool Matches(string neighbourhood, string? theme) =>
        (Neighbourhood is null || Neighbourhood == neighbourhood) && (Theme is null || Theme == theme);
}

/// <summary>Everything routing reads. <see cref="FrontOfficeTeam"/> is the pool that takes whatever no rule can place.</summary>
public sealed record RoutingConfiguration(
    IReadOnlyList<Neighbourhood> Neighbourhoods,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Official> Officials,
    IReadOnlyList<Absence> Absences,
    IReadOnlyList<RoutingRule> Rules,
    string FrontOfficeTeam = "frontoffice")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The configuration as the JSON document that admins edit and the platform stores.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RoutingConfiguration FromJson(string json) =>
        JsonSerializer.Deserialize<RoutingConfiguration>(json, Json) ?? throw new JsonException("The routing configuration document is empty.");

    /// <summary>What is wrong with this configuration; empty when routing can rely on it.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var teams = Teams.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var officials = Officials.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var neighbourhoods = Neighbourhoods.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var themes = Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

        void Duplicates<T>(IEnumerable<T> items, Func<T, string> key, string what) =>
            problems.AddRange(items.GroupBy(key).Where(g => g.Count() > 1).Select(g => $"{what} '{g.Key}' is defined more than once."));

        Duplicates(Teams, t => t.Code, "Team");
        Duplicates(Officials, o => o.Id, "Official");
        Duplicates(Neighbourhoods, n => n.Code, "Neighbourhood");
        Duplicates(Themes, t => t.Code, "Theme");
        Duplicates(Rules, r => $"{r.Neighbourhood ?? "*"} × {r.Theme ?? "*"}", "Rule");

        if (!teams.Contains(FrontOfficeTeam))
        {
            problems.Add($"The front-office team '{FrontOfficeTeam}' is not defined.");
        }

        problems.AddRange(Teams.Where(t => !officials.Contains(t.TeamLeadId)).Select(t => $"Team '{t.Code}' has unknown team lead '{t.TeamLeadId}'."));
        foreach (var official in Officials)
        {
            problems.AddRange(official.Teams.Where(t => !teams.Contains(t)).Select(t => $"Official '{official.Id}' is in unknown team '{t}'."));
            problems.AddRange(official.Neighbourhoods.Where(n => !neighbourhoods.Contains(n)).Select(n => $"Official '{official.Id}' covers unknown neighbourhood '{n}'."));
        }

        problems.AddRange(Absences.Where(a => !officials.Contains(a.OfficialId)).Select(a => $"Absence of unknown official '{a.OfficialId}'."));
        problems.AddRange(Absences.Where(a => a.Until < a.From).Select(a => $"Absence of '{a.OfficialId}' ends before it starts."));
        foreach (var rule in Rules)
        {
            var name = $"Rule {rule.Neighbourhood ?? "*"} × {rule.Theme ?? "*"}";
            if (rule.Neighbourhood is not null && !neighbourhoods.Contains(rule.Neighbourhood))
            {
                problems.Add($"{name} names unknown neighbourhood '{rule.Neighbourhood}'.");
            }

            if (rule.Theme is not null && !themes.Contains(rule.Theme))
            {
                problems.Add($"{name} names unknown theme '{rule.Theme}'.");
            }

            if (!teams.Contains(rule.Team))
            {
                problems.Add($"{name} names unknown team '{rule.Team}'.");
            }

            problems.AddRange(new[] { rule.PrimaryOfficialId, rule.DeputyOfficialId }
                .Where(id => id is not null && !officials.Contains(id))
                .Select(id => $"{name} names unknown official '{id}'."));
        }

        return problems;
    }
}
