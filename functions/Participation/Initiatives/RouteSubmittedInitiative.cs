using Participation.App.Hosting;
using Participation.Initiatives.Classification;
using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.Notifications;
using Participation.App.Routing;

namespace Participation.App.Initiatives;

/// <summary>
/// Queue function: gives a submitted initiative its owner. Missing theme → classified (and the official sees how);
/// rules neighbourhood × theme → team and official, deputy when absent, the front-office pool when nothing matches —
/// never dropped. A redelivered message finds the initiative already routed and does nothing.
/// </summary>
public sealed class RouteSubmittedInitiative(
    InitiativeStore store,
    RoutingDirectory routing,
    IThemeClassifier classifier,
    ServiceLevels serviceLevels,
    InitiativeLifecycle lifecycle,
    SimilarInitiativeFinder similar,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ILogger<RouteSubmittedInitiative> logger) : IQueueFunction<InitiativeSubmitted>
{
    public const string Queue = "initiative-submitted";
    public static QueueTrigger Trigger { get; } = new(nameof(RouteSubmittedInitiative), Queue);

    public async Task HandleAsync(InitiativeSubmitted message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        var initiative = await store.FindAsync(message.TrackingCode, cancellationToken)
            ?? throw new InvalidOperationException($"Initiative {message.TrackingCode} is not stored (yet).");
        if (initiative.Status != InitiativeStatus.Submitted)
        {
            logger.AlreadyRouted(initiative.TrackingCode);
            return;
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        if (initiative.Theme is null)
        {
            var classification = await classifier.ClassifyAsync(initiative.Title, initiative.Description, configuration.Themes, cancellationToken);
            initiative = initiative with
            {
                Theme = classification.ThemeCode,
                ThemeSource = classification.ThemeCode is null ? "none" : classifier is KeywordThemeClassifier ? "keywords" : "ai",
                ThemeExplanation = classification.Explanation,
            };
        }

        var decision = new InitiativeRouter(configuration, clock).Route(initiative.Neighbourhood, initiative.Theme);
        var outcome = lifecycle.Decide(initiative.State, new RouteInitiative(decision.TeamCode, decision.OfficialId, decision.Reason), Actor.System);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Routing {initiative.TrackingCode} was refused: {outcome.Refusal.Message}");
        }

        var due = serviceLevels.DueFor(ServiceLevels.Initiative, InitiativeStatus.Routed, initiative.SubmittedAt);
        var routed = initiative.With(outcome.State) with
        {
            RoutingReason = decision.Reason,
            DueDate = due?.DueBy,
            SimilarInitiatives = await similar.FindAsync(initiative, cancellationToken),
        };

        // The owner's e-mail is stored with the routing itself: a redelivery finds the case routed and does nothing,
        // so an e-mail queued afterwards would be lost if the queue failed just then.
        var recipient = decision.OfficialId ?? configuration.Teams.First(t => t.Code == decision.TeamCode).TeamLeadId;
        var assigned = new Notification.AboutInitiative($"{routed.TrackingCode}-assigned-{recipient}", Recipient.Official(recipient),
            Notification.AboutInitiative.Assigned, InitiativeMessages.Values(routed, platform.Value));
        if (!await store.SaveAsync(routed, outcome.Entry, null, null, null, cancellationToken, effects: [SideEffect.Notify(assigned)]))
        {
            // Another delivery routed it at the same moment; the retry will find it routed.
            throw new InvalidOperationException($"Initiative {initiative.TrackingCode} changed while being routed.");
        }

        logger.Routed(routed.TrackingCode, decision.TeamCode, decision.OfficialId ?? "(team)", routed.Neighbourhood);
    }
}

internal static partial class RoutingLog
{
    [LoggerMessage(LogLevel.Information, "Initiative {TrackingCode} routed to team {TeamCode}, official {OfficialId}, in {Neighbourhood}")]
    public static partial void Routed(this ILogger logger, string trackingCode, string teamCode, string officialId, string neighbourhood);

    [LoggerMessage(LogLevel.Information, "Initiative {TrackingCode} was already routed; this delivery is a repeat")]
    public static partial void AlreadyRouted(this ILogger logger, string trackingCode);
}
