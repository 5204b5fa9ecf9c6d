using Microsoft.AspNetCore.Authorization;

namespace Participation.App.Identity;

/// <summary>
/// Who may do what: every endpoint names one of these policies or is explicitly public (a test enforces it).
/// Neighbourhood scope is checked per case by <see cref="CaseScope"/>, which answers 404 rather than 403.
/// </summary>
public static class Policies
{
    public const string Resident = Roles.Resident;
    /// <summary>Officials and team leads: the back office working on cases.</summary>
    public const string Official = Roles.Official;
    public const string TeamLead = Roles.TeamLead;
    public const string Agent = Roles.Agent;
    /// <summary>Read-only oversight: council members, and officials/admins who may read the same figures.</summary>
    public const string Council = Roles.Council;
    public const string Admin = Roles.Admin;
    /// <summary>Anyone who reads cases with their internal timeline: back office, council, admin.</summary>
    public const string CaseReader = "case-reader";
    /// <summary>Officials, team leads and admins who run budgets; the neighbourhood is checked per budget.</summary>
    public const string BudgetManager = "budget-manager";
    /// <summary>Officials, team leads and admins who carry out decisions; the responsible team is checked per item.</summary>
    public const string Realisation = "realisation";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Resident, p => p.RequireAuthenticatedUser().RequireRole(Roles.Resident));
        options.AddPolicy(Official, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.TeamLead));
        options.AddPolicy(TeamLead, p => p.RequireAuthenticatedUser().RequireRole(Roles.TeamLead));
        options.AddPolicy(Agent, p => p.RequireAuthenticatedUser().RequireRole(Roles.Agent));
        options.AddPolicy(Council, p => p.RequireAuthenticatedUser().RequireRole(Roles.Council, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(CaseReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.TeamLead, Roles.Council, Roles.Admin));
        options.AddPolicy(Realisation, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.TeamLead, Roles.Admin));
        options.AddPolicy(BudgetManager, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.TeamLead, Roles.Admin));
    }
}
