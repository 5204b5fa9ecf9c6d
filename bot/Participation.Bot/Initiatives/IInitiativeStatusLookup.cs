namespace Participation.Bot.Initiatives;

/// <summary>
/// The state of a resident's initiative as the platform knows it, or of a question registered with the bot outside office
/// hours (<see cref="IsQuestion"/>; then <see cref="Title"/> is the question).
/// </summary>
public sealed record InitiativeStatus(string TrackingCode, string Status, string Title, DateTimeOffset LastUpdated, bool IsQuestion = false);

/// <summary>Finds an initiative or a registered question by its tracking code; implemented by the host on top of its store.</summary>
public interface IInitiativeStatusLookup
{
    Task<InitiativeStatus?> FindAsync(string trackingCode, CancellationToken cancellationToken);
}

/// <summary>Used until the host registers its own lookup: knows no initiatives, so the bot says it cannot find the code.</summary>
internal sealed class NoInitiativeStatusLookup : IInitiativeStatusLookup
{
    public Task<InitiativeStatus?> FindAsync(string trackingCode, CancellationToken cancellationToken) => Task.FromResult<InitiativeStatus?>(null);
}
