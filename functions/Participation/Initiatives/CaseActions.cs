using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.Municipality.Tracking;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Realisation;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Initiatives;

/// <summary>
/// What officials do with a case: review, ask for information, decide with a reason, merge, start and complete the work,
/// reassign, correct the theme, add an internal note. Each action names the version it was based on: when two officials
/// act at once, the second gets 412 with the current state instead of overwriting the first.
/// </summary>
public static class CaseActions
{
    public sealed record Request(string? Version, string? Message, string? Reason, string? Question, string? Team, string? OfficialId, string? Target, string? Theme, string? Note);
    public sealed record Response(string TrackingCode, string Status, string Version);

    public static readonly IReadOnlyList<string> All =
        ["start-review", "ask-info", "accept", "reject", "merge", "start-work", "complete", "reassign", "correct-theme", "note"];

    public static IReadOnlyList<string> Available(InitiativeCase initiative, PlatformUser user)
    {
        // Council members read every case; they act on none.
        if (!user.IsIn(Roles.Official) && !user.IsIn(Roles.TeamLead) && !user.IsIn(Roles.Admin))
        {
            return [];
        }

        var actor = ActorOf(user, initiative.TeamCode);
        var lifecycleActions = InitiativeLifecycle.Available(initiative.State, actor).Select(NameOf).OfType<string>();
        return [.. lifecycleActions, .. initiative.Status.IsClosed() ? Array.Empty<string>() : ["correct-theme"], "note"];
    }

    public static async Task<IResult> HandleAsync(
        string trackingCode, string action, Request request, HttpContext http, InitiativeStore store, RoutingDirectory routing,
        InitiativeLifecycle lifecycle, ServiceLevels serviceLevels, ContactStore contacts, QueueSender queue, Pseudonyms pseudonyms,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        if (!TrackingCode.TryParse(trackingCode, out var code, out _)
            || await store.FindAsync(code.Value, cancellationToken) is not { } initiative
            || !CaseScope.CanSee(user, initiative.Neighbourhood, initiative.TeamCode))
        {
            return TrackInitiative.NotFound(trackingCode);
        }

        if (!All.Contains(action))
        {
            return Invalid("action", $"Unknown action; one of: {string.Join(", ", All)}.");
        }

        // Table Storage refuses a property over 32K characters with a 500; a case's text is a letter, not a file.
        if (TooLong(request) is { } tooLong)
        {
            return Invalid(tooLong, $"The {tooLong} may be at most {MaxTextLength} characters.");
        }

        var version = request.Version ?? http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(version))
        {
            return Invalid("version", "Name the version of the case you acted on (the 'version' of GET /api/cases/{code}, or an If-Match header).");
        }

        if (version != initiative.Version)
        {
            return Stale(initiative);
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var actor = ActorOf(user, initiative.TeamCode);
        InitiativeCase changed;
        TimelineEntry entry;
        switch (action)
        {
            case "note":
                if (string.IsNullOrWhiteSpace(request.Note)) return Invalid("note", "The note is empty.");
                changed = initiative;
                entry = new TimelineEntry(now, "note", initiative.Status, actor.Kind, actor.Id, null, request.Note.Trim());
                break;
            case "correct-theme":
                if (configuration.Themes.All(t => t.Code != request.Theme)) return Invalid("theme", "Choose a known theme.");
                if (initiative.Status.IsClosed()) return Conflict(initiative, "A closed case keeps its theme.");
                changed = initiative with { Theme = request.Theme, ThemeSource = "official", ThemeExplanation = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim() };
                entry = new TimelineEntry(now, "theme-corrected", initiative.Status, actor.Kind, actor.Id, null,
                    string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), Subject: request.Theme);
                break;
            default:
                var command = CommandFor(action, request);
                if (command is ReassignInitiative reassign && configuration.Teams.All(t => t.Code != reassign.TeamCode))
                    return Invalid("team", "Choose a known team.");
                if (command is ReassignInitiative { OwnerId: { } owner } && configuration.Officials.All(o => o.Id != owner))
                    return Invalid("officialId", "Choose a known official.");
                // A case goes to a team; naming someone outside it would leave the team's lead blind to their own case.
                if (command is ReassignInitiative { OwnerId: { } member } r1 && !configuration.Officials.First(o => o.Id == member).Teams.Contains(r1.TeamCode))
                    return Invalid("officialId", "Choose an official of the chosen team.");
                if (command is MergeInitiative merge && (!TrackingCode.TryParse(merge.TargetInitiativeId, out var target, out _) || await store.FindAsync(target.Value, cancellationToken) is null))
                    return Invalid("target", "Merge into an existing initiative: give its tracking code.");
                if (command is MergeInitiative m2 && TrackingCode.TryParse(m2.TargetInitiativeId, out var t2, out _))
                    command = m2 with { TargetInitiativeId = t2.Value };

                var outcome = lifecycle.Decide(initiative.State, command, actor);
                if (!outcome.Succeeded)
                {
                    return outcome.Refusal.Reason switch
                    {
                        RefusalReason.MissingField => Invalid(FieldOf(action), outcome.Refusal.Message),
                        RefusalReason.NotAllowed or RefusalReason.NotOwner => TypedResults.Problem(outcome.Refusal.Message, statusCode: 403, title: "Not yours to do"),
                        _ => Conflict(initiative, outcome.Refusal.Message),
                    };
                }

                entry = outcome.Entry;
                var due = serviceLevels.DueFor(ServiceLevels.Initiative, outcome.State.Status, now);
                changed = initiative.With(outcome.State) with
                {
                    DueDate = outcome.State.Status == initiative.Status ? initiative.DueDate : due?.DueBy,
                    FirstResponseAt = initiative.FirstResponseAt ?? (action is "reassign" ? null : now),
                    DecidedAt = initiative.DecidedAt ?? (action is "accept" or "reject" or "merge" ? now : null),
                    RoutingReason = command is ReassignInitiative r ? r.Reason : initiative.RoutingReason,
                };
                break;
        }

        // The e-mails and the closing of the contact are stored with the change (an outbox in the case's partition).
        var effects = Notifications(initiative, changed, entry, action, pseudonyms, platform.Value);
        if (changed.Status.IsClosed() && !initiative.Status.IsClosed())
        {
            effects.Add(InitiativeEffects.ContactClosed(now));
        }

        // An accepted initiative gets its realisation item; the request travels with the change, so it cannot be lost.
        if (changed.Status == InitiativeStatus.Accepted && initiative.Status != InitiativeStatus.Accepted)
        {
            effects.Add(RealisationIntake.InitiativeAccepted(changed.TrackingCode));
        }

        if (!await store.SaveAsync(changed, entry, user, $"case.{action}", InitiativeStore.AuditSummary(initiative), cancellationToken, effects: effects))
        {
            var current = await store.FindAsync(initiative.TrackingCode, cancellationToken) ?? initiative;
            return Stale(current);
        }

        var saved = await store.FindAsync(changed.TrackingCode, cancellationToken) ?? changed;
        return TypedResults.Ok(new Response(saved.TrackingCode, saved.Status.ToWireName(), saved.Version));
    }

    private static List<SideEffect> Notifications(InitiativeCase before, InitiativeCase after, TimelineEntry entry, string action,
        Pseudonyms pseudonyms, PlatformOptions platform)
    {
        var effects = new List<SideEffect>();
        var values = InitiativeMessages.Values(after, platform);
        var id = $"{after.TrackingCode}-{entry.Event}-{entry.At.UtcTicks}";
        if (action == "ask-info")
        {
            values["question"] = entry.PublicMessage ?? "";
            values["replyUrl"] = $"{platform.PublicBaseUrl.TrimEnd('/')}/initiatieven/{after.TrackingCode}/antwoord?key={ReplyToInitiative.KeyFor(pseudonyms, after.TrackingCode)}";
            effects.Add(SideEffect.Notify(new NotificationRequested(id, "info-requested", Recipient.ContactOf(after.TrackingCode), values)));
        }
        else if (after.Status != before.Status && entry.PublicMessage is not null)
        {
            values["publicMessage"] = entry.PublicMessage;
            effects.Add(SideEffect.Notify(new NotificationRequested(id, "status-changed", Recipient.ContactOf(after.TrackingCode), values)));
        }

        // Followers hear of every status change, in one outbox row that fans out to each of them later. The question of
        // ask-info is for the submitter; followers only read that information was asked.
        if (after.Status != before.Status)
        {
            var news = new Dictionary<string, string>
            {
                ["status"] = after.Status.ToWireName(),
                ["statusUrl"] = values["statusUrl"],
                ["publicMessage"] = action == "ask-info" ? "" : entry.PublicMessage ?? "",
            };
            effects.Add(Following.FollowerNews.For(new Following.FollowersToNotify(id, after.TrackingCode, Following.FollowerNews.StatusChanged, news)));
        }

        if (action == "reassign" && after.OwnerId is { } newOwner && newOwner != before.OwnerId)
        {
            effects.Add(SideEffect.Notify(new NotificationRequested(id + "-owner", "initiative-assigned", Recipient.Official(newOwner), values)));
        }

        return effects;
    }

    private static LifecycleCommand CommandFor(string action, Request r) => action switch
    {
        "start-review" => (LifecycleCommand)new StartReview(r.Message),
        "ask-info" => new AskForInformation(r.Question ?? ""),
        "accept" => new AcceptInitiative(r.Message ?? r.Reason),
        "reject" => new RejectInitiative(r.Reason ?? ""),
        "merge" => new MergeInitiative(r.Target ?? "", r.Reason ?? ""),
        "start-work" => new StartWork(r.Message),
        "complete" => new CompleteInitiative(r.Message),
        "reassign" => new ReassignInitiative(r.Team ?? "", string.IsNullOrWhiteSpace(r.OfficialId) ? null : r.OfficialId.Trim(), r.Reason ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    } with { InternalNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim() };

    private static string? NameOf(Type command) => command.Name switch
    {
        nameof(StartReview) => "start-review",
        nameof(AskForInformation) => "ask-info",
        nameof(AcceptInitiative) => "accept",
        nameof(RejectInitiative) => "reject",
        nameof(MergeInitiative) => "merge",
        nameof(StartWork) => "start-work",
        nameof(CompleteInitiative) => "complete",
        nameof(ReassignInitiative) => "reassign",
        _ => null,
    };

    private static string FieldOf(string action) => action switch
    {
        "ask-info" => "question",
        "reassign" or "reject" or "merge" => "reason",
        _ => "message",
    };

    // A team lead overrides owners only in their own team; on another team's case (seen through a shared
    // neighbourhood) they act as an ordinary official.
    internal static Actor ActorOf(PlatformUser user, string? caseTeam) =>
        user.IsIn(Roles.Admin) ? new Actor(ActorKind.Admin, user.Id)
        : user.IsIn(Roles.TeamLead) && caseTeam is not null && user.Teams.Contains(caseTeam) ? new Actor(ActorKind.TeamLead, user.Id)
        : new Actor(ActorKind.Official, user.Id);

    public const int MaxTextLength = 4000;

    private static string? TooLong(Request r) =>
        new[] { ("message", r.Message), ("reason", r.Reason), ("question", r.Question), ("note", r.Note), ("team", r.Team), ("officialId", r.OfficialId), ("target", r.Target), ("theme", r.Theme), ("version", r.Version) }
            .FirstOrDefault(f => f.Item2?.Length > MaxTextLength).Item1;

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The action cannot be carried out");

    private static IResult Conflict(InitiativeCase current, string message) =>
        TypedResults.Problem(message, statusCode: 409, title: "Not possible in the current state", extensions: Current(current));

    private static IResult Stale(InitiativeCase current) => TypedResults.Problem(
        "Someone else changed this case after you opened it. Here is its current state; check it and act again.",
        statusCode: StatusCodes.Status412PreconditionFailed, title: "The case has changed", extensions: Current(current));

    private static Dictionary<string, object?> Current(InitiativeCase c) => new()
    {
        ["current"] = new { status = c.Status.ToWireName(), c.OwnerId, c.TeamCode, version = c.Version },
    };
}
