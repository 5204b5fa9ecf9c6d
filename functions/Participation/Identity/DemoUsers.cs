namespace Participation.Identity;

/// <summary>The people a developer can sign in as locally; officials come from the demo seed's routing configuration.</summary>
public sealed class DemoUsers(IEnumerable<DevelopmentSignIn.DemoUser> officials)
{
    public IReadOnlyList<DevelopmentSignIn.DemoUser> All { get; } =
    [
        .. officials,
        new("agent-fatima", "Fatima El Amrani", [Roles.Agent], [], ["frontoffice"], "Front office: live chat with residents"),
        new("council-jeroen", "Jeroen de Wit", [Roles.Council], [], [], "Council member: dashboards and all initiatives, read-only"),
        new("admin-ingrid", "Ingrid Bakker", [Roles.Admin], [], [], "Administrator: neighbourhoods, routing, budgets, users"),
        new("resident-sanne", "Sanne Jansen", [Roles.Resident], [], [], "A signed-in resident"),
        new("resident-milan", "Milan de Groot", [Roles.Resident], [], [], "Another signed-in resident"),
    ];
}
