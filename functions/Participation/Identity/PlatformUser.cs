using System.Security.Claims;

namespace Participation.App.Identity;

/// <summary>The signed-in person as the platform sees them: an id, roles and the neighbourhoods and teams they work for.</summary>
public sealed record PlatformUser(string Id, string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Neighbourhoods, IReadOnlySet<string> Teams)
{
    public static PlatformUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(PlatformClaims.Subject) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return new PlatformUser(
            id,
            principal.FindFirstValue(PlatformClaims.Name) ?? id,
            Values(principal, PlatformClaims.Role, ClaimTypes.Role),
            Values(principal, PlatformClaims.Neighbourhood),
            Values(principal, PlatformClaims.Team));
    }

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The role an audit entry records: the most powerful one the user acted with.</summary>
    public string PrimaryRole => Id.StartsWith(SystemPrefix, StringComparison.Ordinal)
        ? "system"
        : Identity.Roles.All.Reverse().FirstOrDefault(Roles.Contains) ?? "unknown";

    /// <summary>Ids of the platform's own actors (schedules, seeds) start with this; no sign-in can produce one.</summary>
    public const string SystemPrefix = "system:";

    /// <summary>The platform acting by itself, e.g. a timer function, named for the audit trail.</summary>
    public static PlatformUser System(string name, string description) => new(SystemPrefix + name, description, new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    private static HashSet<string> Values(ClaimsPrincipal principal, params string[] types) =>
        principal.Claims.Where(c => types.Contains(c.Type)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Whether a user may see a case. Officials and team leads see the cases of their neighbourhoods and of their teams
/// (the front office has no neighbourhood); council and admin see all. Callers answer 404, not 403, so that a case's
/// existence does not leak.
/// </summary>
public static class CaseScope
{
    public static bool CanSeeEverything(PlatformUser? user) => user is not null && (user.IsIn(Roles.Admin) || user.IsIn(Roles.Council));

    public static bool CanSee(PlatformUser? user, string neighbourhood, string? team) => user switch
    {
        null => false,
        _ when CanSeeEverything(user) => true,
        _ when user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead) =>
            user.Neighbourhoods.Contains(neighbourhood) || (team is not null && user.Teams.Contains(team)),
        _ => false,
    };
}
