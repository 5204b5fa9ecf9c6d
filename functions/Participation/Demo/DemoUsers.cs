using Participation.Initiatives.Routing;

namespace Participation.App.Demo;

/// <summary>The people a developer can sign in as locally; officials and team leads come from the demo seed's routing configuration.</summary>
public sealed class DemoUsers
{
    public IReadOnlyList<DevelopmentSignIn.DemoUser> All { get; } =
    [
        .. DemoMunicipality.Officials.Select(official =>
        {
            var leads = DemoMunicipality.Teams.Any(t => t.TeamLeadId == official.Id);
            return new DevelopmentSignIn.DemoUser(
                official.Id, official.DisplayName, leads ? [Roles.Official, Roles.TeamLead] : [Roles.Official],
                official.Neighbourhoods, official.Teams,
                $"{(leads ? "Team lead" : "Official")} of {string.Join(", ", official.Teams)}; neighbourhoods: {(official.Neighbourhoods.Count == 0 ? "front office" : string.Join(", ", official.Neighbourhoods))}");
        }),
        new("agent-noor", "Noor Hendriks", [Roles.Agent], [], ["frontoffice"], "Front office: live chat with residents"),
        new("council-jeroen", "Jeroen de Wit", [Roles.Council], [], [], "Council member: dashboards and all initiatives, read-only"),
        new("admin-ingrid", "Ingrid Bakker", [Roles.Admin], [], [], "Administrator: neighbourhoods, routing, budgets, users"),
        new("resident-sanne", "Sanne Jansen", [Roles.Resident], [], [], "A signed-in resident"),
        new("resident-milan", "Milan de Groot", [Roles.Resident], [], [], "Another signed-in resident"),
    ];
}
