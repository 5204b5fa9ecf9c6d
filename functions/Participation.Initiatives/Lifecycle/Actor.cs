namespace Participation.Initiatives.Lifecycle;

public enum ActorKind
{
    System,
    Resident,
    Official,
    TeamLead,
    Admin,
}

/// <summary>Who performs a transition. <see cref="Id"/> is a pseudonymous id (resident) or an official's id, never a name.</summary>
public sealed record Actor(ActorKind Kind, string Id)
{
    public static Actor System { get; } = new(ActorKind.System, "system");
}
