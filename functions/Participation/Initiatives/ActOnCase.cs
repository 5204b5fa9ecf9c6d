using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.Notifications;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;
using Refusal = Participation.App.UseCases.Refusal;

namespace Participation.App.Initiatives;

/// <summary>
/// What officials do with a case: review, ask for information, decide with a reason, merge, start and complete the work,
/// reassign, correct the theme, add an internal note. Every action goes through one core — load the case the official
/// may see, check the version it was based on, decide the change, save it with its e-mails — so when two officials act
/// at once, the second is refused with the current state instead of overwriting the first.
/// </summary>
public sealed class ActOnCase(
    InitiativeStore store, RoutingDirectory routing, InitiativeLifecycle lifecycle, ServiceLevels serviceLevels, Pseudonyms pseudonyms,
    IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public sealed record Response(string TrackingCode, string Status, string Version);

    private sealed record Change(InitiativeCase Changed, TimelineEntry Entry);

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

    public async Task<Outcome<Response>> HandleAsync(string trackingCode, CaseAction action, PlatformUser user, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _)
            || await store.FindAsync(code.Value, cancellationToken) is not { } initiative
            || !CaseScope.CanSee(user, initiative.Neighbourhood, initiative.TeamCode))
        {
            return InitiativeRefusals.NotFound;
        }

        if (string.IsNullOrWhiteSpace(action.Version))
        {
            return CaseRefusals.VersionMissing;
        }

        if (action.Version != initiative.Version)
        {
            return Current(CaseRefusals.Stale, initiative);
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        var actor = ActorOf(user, initiative.TeamCode);
        var decided = action switch
        {
            CaseAction.AddNote note => AddNote(initiative, note, actor),
            CaseAction.CorrectTheme theme => CorrectTheme(initiative, theme, actor, configuration),
            _ => await DecideAsync(initiative, action, actor, configuration, cancellationToken),
        };
        if (!decided.Succeeded)
        {
            return Outcome<Response>.Refused(decided.Refusals);
        }

        var (changed, entry) = decided.Value!;
        // The e-mails and the closing of the contact are stored with the change (an outbox in the case's partition).
        var effects = Notifications(initiative, changed, entry, action.Name, pseudonyms, platform.Value);
        if (changed.Status.IsClosed() && !initiative.Status.IsClosed())
        {
            effects.Add(InitiativeEffects.ContactClosed(entry.At));
        }

        // An accepted initiative gets its realisation item; the request travels with the change, so it cannot be lost.
        if (changed.Status == InitiativeStatus.Accepted && initiative.Status != InitiativeStatus.Accepted)
        {
            effects.Add(RealisationIntake.InitiativeAccepted(changed.TrackingCode));
        }

        if (!await store.SaveAsync(changed, entry, user, $"case.{action.Name}", InitiativeStore.AuditSummary(initiative), cancellationToken, effects: effects))
        {
            return Current(CaseRefusals.Stale, await store.FindAsync(initiative.TrackingCode, cancellationToken) ?? initiative);
        }

        var saved = await store.FindAsync(changed.TrackingCode, cancellationToken) ?? changed;
        return new Response(saved.TrackingCode, saved.Status.ToWireName(), saved.Version);
    }

    private Outcome<Change> AddNote(InitiativeCase initiative, CaseAction.AddNote note, Actor actor) =>
        string.IsNullOrWhiteSpace(note.Note)
            ? CaseRefusals.NoteEmpty
            : new Change(initiative, new TimelineEntry(clock.GetUtcNow(), "note", initiative.Status, actor.Kind, actor.Id, null, note.Note.Trim()));

    private Outcome<Change> CorrectTheme(InitiativeCase initiative, CaseAction.CorrectTheme correction, Actor actor, RoutingConfiguration configuration)
    {
        if (configuration.Themes.All(t => t.Code != correction.Theme))
        {
            return CaseRefusals.ThemeUnknown;
        }

        if (initiative.Status.IsClosed())
        {
            return Current(CaseRefusals.ClosedKeepsTheme, initiative);
        }

        var reason = string.IsNullOrWhiteSpace(correction.Reason) ? null : correction.Reason.Trim();
        return new Change(
            initiative with { Theme = correction.Theme, ThemeSource = "official", ThemeExplanation = reason },
            new TimelineEntry(clock.GetUtcNow(), "theme-corrected", initiative.Status, actor.Kind, actor.Id, null, reason, Subject: correction.Theme));
    }

    /// <summary>The actions the lifecycle decides: checked against the routing configuration here, then decided there.</summary>
    private async Task<Outcome<Change>> DecideAsync(
        InitiativeCase initiative, CaseAction action, Actor actor, RoutingConfiguration configuration, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(action, configuration, cancellationToken);
        if (!command.Succeeded)
        {
            return Outcome<Change>.Refused(command.Refusals);
        }

        var outcome = lifecycle.Decide(initiative.State, command.Value!, actor);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.Reason switch
            {
                RefusalReason.MissingField => CaseRefusals.ForMissingDetail(outcome.Refusal, FieldOf(action)),
                RefusalReason.NotAllowed or RefusalReason.NotOwner => CaseRefusals.NotYours with { English = outcome.Refusal.Message },
                _ => Current(CaseRefusals.NotPossibleNow with { English = outcome.Refusal.Message }, initiative),
            };
        }

        var now = outcome.Entry.At;
        var due = serviceLevels.DueFor(ServiceLevels.Initiative, outcome.State.Status, now);
        return new Change(initiative.With(outcome.State) with
        {
            DueDate = outcome.State.Status == initiative.Status ? initiative.DueDate : due?.DueBy,
            FirstResponseAt = initiative.FirstResponseAt ?? (action is CaseAction.Reassign ? null : now),
            DecidedAt = initiative.DecidedAt ?? (action is CaseAction.Accept or CaseAction.Reject or CaseAction.Merge ? now : null),
            RoutingReason = command.Value is ReassignInitiative reassign ? reassign.Reason : initiative.RoutingReason,
        }, outcome.Entry);
    }

    private async Task<Outcome<LifecycleCommand>> CommandAsync(CaseAction action, RoutingConfiguration configuration, CancellationToken cancellationToken)
    {
        LifecycleCommand command;
        switch (action)
        {
            case CaseAction.Reassign reassign:
                var team = reassign.Team ?? "";
                var owner = string.IsNullOrWhiteSpace(reassign.OfficialId) ? null : reassign.OfficialId.Trim();
                if (configuration.Teams.All(t => t.Code != team)) return CaseRefusals.TeamUnknown;
                if (owner is not null && configuration.Officials.All(o => o.Id != owner)) return CaseRefusals.OfficialUnknown;
                // A case goes to a team; naming someone outside it would leave the team's lead blind to their own case.
                if (owner is not null && !configuration.Officials.First(o => o.Id == owner).Teams.Contains(team)) return CaseRefusals.OfficialNotInTeam;
                command = new ReassignInitiative(team, owner, reassign.Reason ?? "");
                break;
            case CaseAction.Merge merge:
                if (!TrackingCode.TryParse(merge.Target ?? "", out var target, out _) || await store.FindAsync(target.Value, cancellationToken) is null)
                    return CaseRefusals.MergeTargetUnknown;
                command = new MergeInitiative(target.Value, merge.Reason ?? "");
                break;
            case CaseAction.StartReview review:
                command = new StartReview(review.Message);
                break;
            case CaseAction.AskForInformation ask:
                command = new AskForInformation(ask.Question ?? "");
                break;
            case CaseAction.Accept accept:
                command = new AcceptInitiative(accept.Motivation);
                break;
            case CaseAction.Reject reject:
                command = new RejectInitiative(reject.Reason ?? "");
                break;
            case CaseAction.StartWork work:
                command = new StartWork(work.Message);
                break;
            case CaseAction.Complete complete:
                command = new CompleteInitiative(complete.Message);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Name, "Not a lifecycle action.");
        }

        return command with { InternalNote = action.Note };
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
            effects.Add(SideEffect.Notify(new Notification.AboutInitiative(id, Recipient.ContactOf(after.TrackingCode), Notification.AboutInitiative.InfoRequested, values)));
        }
        else if (after.Status != before.Status && entry.PublicMessage is not null)
        {
            values["publicMessage"] = entry.PublicMessage;
            effects.Add(SideEffect.Notify(new Notification.AboutInitiative(id, Recipient.ContactOf(after.TrackingCode), Notification.AboutInitiative.StatusChanged, values)));
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
            effects.Add(SideEffect.Notify(new Notification.AboutInitiative(id + "-owner", Recipient.Official(newOwner), Notification.AboutInitiative.Assigned, values)));
        }

        return effects;
    }

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

    private static string FieldOf(CaseAction action) => action switch
    {
        CaseAction.AskForInformation => "question",
        CaseAction.Reassign or CaseAction.Reject or CaseAction.Merge => "reason",
        _ => "message",
    };

    // A team lead overrides owners only in their own team; on another team's case (seen through a shared
    // neighbourhood) they act as an ordinary official.
    internal static Actor ActorOf(PlatformUser user, string? caseTeam) =>
        user.IsIn(Roles.Admin) ? new Actor(ActorKind.Admin, user.Id)
        : user.IsIn(Roles.TeamLead) && caseTeam is not null && user.Teams.Contains(caseTeam) ? new Actor(ActorKind.TeamLead, user.Id)
        : new Actor(ActorKind.Official, user.Id);

    /// <summary>The refusal with the case's current state, so the official sees what changed before acting again.</summary>
    private static Refusal Current(Refusal refusal, InitiativeCase current) => refusal with
    {
        Extensions = new Dictionary<string, object?>
        {
            ["current"] = new { status = current.Status.ToWireName(), current.OwnerId, current.TeamCode, version = current.Version },
        },
    };
}
