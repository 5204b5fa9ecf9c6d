namespace Participation.App.Identity;

/// <summary>The platform's roles, as app roles in Entra ID (the <c>roles</c> claim) and in development tokens.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Official = "official";
    public const string TeamLead = "teamlead";
    public const string Agent = "agent";
    public const string Council = "council";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Resident, Official, TeamLead, Agent, Council, Admin];
}

/// <summary>Claim names the platform reads; in production the names come from <see cref="IdentityOptions"/>, these are the defaults.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "roles";
    public const string Neighbourhood = "neighbourhood";
    public const string Team = "team";
    public const string Theme = "theme";
}
