using Participation.Municipality.Calendar;

namespace Participation.Initiatives.Routing;

/// <param name="OfficialId">Null when the initiative waits in the team's pool (the front office) for whoever is free.</param>
/// <param name="Reason">How the decision was reached, for the official and the timeline's internal note.</param>
public sealed record RoutingDecision(string TeamCode, string? OfficialId, string Reason, bool ToFrontOffice);

/// <summary>
/// Decides who owns a new initiative: the most specific rule for its neighbourhood and theme, then the first of primary,
/// deputy, team lead and other team members who is on duty today. Whatever cannot be placed goes to the front-office pool:
/// an initiative is never dropped.
/// </summary>
public sealed class InitiativeRouter
{
    private readonly RoutingConfiguration configuration;
    private readonly TimeProvider clock;
    private readonly Dictionary<string, Official> officials;
    private readonly Dictionary<string, Team> teams;

    public InitiativeRouter(RoutingConfiguration configuration, TimeProvider clock)
    {
        var problems = configuration.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Routing configuration is invalid: " + string.Join(" ", problems), nameof(configuration));
        }

        this.configuration = configuration;
        this.clock = clock;
        officials = configuration.Officials.ToDictionary(o => o.Id, StringComparer.Ordinal);
        teams = configuration.Teams.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    public RoutingDecision Route(string neighbourhoodCode, string? themeCode)
    {
        var today = DutchTime.Today(clock);
        var steps = new List<string>();
        var neighbourhood = configuration.Neighbourhoods.FirstOrDefault(n => n.Code == neighbourhoodCode);
        if (neighbourhood is null)
        {
            steps.Add($"unknown neighbourhood '{neighbourhoodCode}'");
            return ToFrontOffice(steps);
        }

        var theme = themeCode is null ? null : configuration.Themes.FirstOrDefault(t => t.Code == themeCode);
        if (themeCode is not null && theme is null)
        {
            steps.Add($"unknown theme '{themeCode}', routed as without theme");
        }

        var rule = configuration.Rules
            .Where(r => r.Matches(neighbourhood.Code, theme?.Code))
            .OrderByDescending(r => r.Specificity)
            .FirstOrDefault();
        if (rule is null)
        {
            steps.Add($"no rule for {neighbourhood.Name} × {theme?.Code ?? "no theme"}");
            return ToFrontOffice(steps);
        }

        var team = teams[rule.Team];
        steps.Add($"rule {(rule.Neighbourhood is null ? "any neighbourhood" : neighbourhood.Name)} × {rule.Theme ?? "any theme"} → team {team.Name}");

        var candidates = new List<(string Id, string Role)> { (rule.PrimaryOfficialId, "primary") };
        if (rule.DeputyOfficialId is not null)
        {
            candidates.Add((rule.DeputyOfficialId, "deputy"));
        }

        candidates.Add((team.TeamLeadId, "team lead"));
        // Colleagues who know the neighbourhood come before the rest of the team.
        candidates.AddRange(configuration.Officials
            .Where(o => o.Teams.Contains(team.Code))
            .OrderByDescending(o => o.Neighbourhoods.Contains(neighbourhood.Code))
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => (o.Id, "team member")));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chain = new List<string>();
        foreach (var (id, role) in candidates)
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var official = officials[id];
            var absence = configuration.Absences.Where(a => a.OfficialId == id && a.Covers(today)).MaxBy(a => a.Until);
            if (absence is null)
            {
                chain.Add($"{role} {official.DisplayName}");
                steps.Add(string.Join(" → ", chain));
                return new RoutingDecision(team.Code, official.Id, string.Join("; ", steps), ToFrontOffice: false);
            }

            chain.Add($"{role} {official.DisplayName} absent until {absence.Until:yyyy-MM-dd}");
        }

        steps.Add(string.Join(" → ", chain));
        steps.Add($"nobody in team {team.Name} on duty");
        return ToFrontOffice(steps);
    }

    private RoutingDecision ToFrontOffice(List<string> steps)
    {
        var pool = teams[configuration.FrontOfficeTeam];
        steps.Add($"→ {pool.Name} pool");
        return new RoutingDecision(pool.Code, OfficialId: null, string.Join("; ", steps), ToFrontOffice: true);
    }
}
