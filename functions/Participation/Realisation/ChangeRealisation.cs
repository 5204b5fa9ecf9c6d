using System.Diagnostics.CodeAnalysis;
using Participation.Municipality.Calendar;
using Participation.App.Notifications;
using UseCaseRefusal = Participation.App.UseCases.Refusal;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>
/// The item as saved with what happened, or why nothing was saved (<see cref="RealisationRefusals"/>); <see cref="Current"/> is
/// the item as it is now when the action was refused on its state, so the caller can show it.
/// </summary>
public sealed record ActionOutcome(RealisationItem? Item, RealisationEvent? Event, PublicUpdate? Update, UseCaseRefusal? Refusal, RealisationItem? Current = null)
{
    [MemberNotNullWhen(true, nameof(Item), nameof(Event))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static ActionOutcome Refused(UseCaseRefusal refusal, RealisationItem? current = null) => new(null, null, null, refusal, current);
}

/// <summary>Who may change an item: officials and team leads of its responsible team, and admins.</summary>
public static class RealisationAccess
{
    public static bool MayChange(PlatformUser user, RealisationItem item) =>
        user.IsIn(Roles.Admin) || ((user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead)) && user.Teams.Contains(item.Team));
}

/// <summary>
/// What the responsible team does with an item: add, complete and replan milestones, post public updates, move the status,
/// record money spent. Each action names the version it was based on: when two officials act at once, the second is
/// refused as stale with the current item instead of overwriting the first. Every change is audited in the same transaction.
/// </summary>
public sealed class ChangeRealisation(RealisationStore store, QueueSender queue, INotifier notifier, IOptions<PlatformOptions> platform, TimeProvider clock, ILogger<ChangeRealisation> logger)
{
    public Task<ActionOutcome> AddMilestoneAsync(string id, string? version, PlatformUser user, string? title, string? planned, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, _, _) => RealisationChanges.AddMilestone(item, title, planned), cancellationToken);

    public Task<ActionOutcome> CompleteMilestoneAsync(string id, string milestoneId, string? version, PlatformUser user, string? date, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, today, _) => RealisationChanges.CompleteMilestone(item, milestoneId, date, today), cancellationToken);

    public Task<ActionOutcome> ReplanMilestoneAsync(string id, string milestoneId, string? version, PlatformUser user, string? planned, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, _, now) => RealisationChanges.ReplanMilestone(item, milestoneId, planned, reason, now), cancellationToken);

    public Task<ActionOutcome> AddUpdateAsync(string id, string? version, PlatformUser user, string? text, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, _, _) => RealisationChanges.AddUpdate(item, text), cancellationToken, text);

    public Task<ActionOutcome> ChangeStatusAsync(string id, string? version, PlatformUser user, string? status, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, _, now) => RealisationChanges.ChangeStatus(item, status, reason, now), cancellationToken);

    public Task<ActionOutcome> RecordSpentAsync(string id, string? version, PlatformUser user, long? amount, CancellationToken cancellationToken) =>
        ActAsync(id, version, user, (item, _, _) => RealisationChanges.RecordSpent(item, amount), cancellationToken);

    private async Task<ActionOutcome> ActAsync(
        string id, string? version, PlatformUser user, Func<RealisationItem, DateOnly, DateTimeOffset, RealisationOutcome> change,
        CancellationToken cancellationToken, string? updateText = null)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } item)
        {
            return ActionOutcome.Refused(RealisationRefusals.ItemNotFound(id));
        }

        if (!RealisationAccess.MayChange(user, item))
        {
            return ActionOutcome.Refused(RealisationRefusals.NotResponsible(item.Team));
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            return ActionOutcome.Refused(RealisationRefusals.VersionMissing);
        }

        if (version != item.Version)
        {
            return Stale(item);
        }

        var now = clock.GetUtcNow();
        var outcome = change(item, DutchTime.Today(clock), now);
        if (!outcome.Succeeded)
        {
            return ActionOutcome.Refused(RealisationRefusals.Of(outcome.Refusal), item);
        }

        var update = updateText is null ? null : new PublicUpdate($"{now.UtcTicks:D19}-{Guid.NewGuid():N}", item.Id, updateText.Trim(), now);
        if (!await store.SaveAsync(outcome.Item, update, user, outcome.Event.Action, RealisationStore.Summary(item), now, cancellationToken))
        {
            return Stale(await store.FindAsync(id, cancellationToken) ?? item);
        }

        logger.Changed(item.Id, outcome.Event.Action, user.PrimaryRole);
        var saved = await store.FindAsync(id, cancellationToken) ?? outcome.Item;
        if (outcome.Event.NotifiesResidents)
        {
            await NotifyAsync(saved, outcome.Event, cancellationToken);
        }

        if (FollowerNewsOf(saved, outcome.Event, update) is { } news)
        {
            await queue.SendAsync(Following.NotifyFollowers.Queue, news, cancellationToken);
        }

        return new ActionOutcome(saved, outcome.Event, update, null);
    }

    /// <summary>Followers of an initiative hear when a milestone is done and when the team posts a public update.</summary>
    private Following.FollowersToNotify? FollowerNewsOf(RealisationItem item, RealisationEvent change, PublicUpdate? update)
    {
        if (item.Kind != ItemKind.Initiative || (change.Action != "realisation.milestone-done" && update is null))
        {
            return null;
        }

        var values = new Dictionary<string, string>
        {
            ["statusUrl"] = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/initiatieven/{item.SourceId}",
            ["realisationUrl"] = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/wat-is-er-gedaan/{Uri.EscapeDataString(item.Id)}",
            ["milestone"] = item.Milestones.FirstOrDefault(m => m.Id == change.MilestoneId)?.Title ?? "",
            ["progress"] = $"{item.Progress.Done}/{item.Progress.Total}",
            ["publicMessage"] = update?.Text ?? "",
        };
        return update is not null
            ? new(update.Id, item.SourceId, Following.FollowerNews.Message, values)
            : new(string.Create(CultureInfo.InvariantCulture, $"{item.Id}-{change.Action}-{change.MilestoneId}"), item.SourceId, Following.FollowerNews.MilestoneDone, values);
    }

    /// <summary>
    /// The resident who submitted an accepted initiative hears when a milestone is done and when the work is done or
    /// stopped. Budget projects have no submitter whose address the platform keeps. The id is per event, so a repeat sends once.
    /// </summary>
    private async Task NotifyAsync(RealisationItem item, RealisationEvent change, CancellationToken cancellationToken)
    {
        if (item.Kind != ItemKind.Initiative)
        {
            return;
        }

        var milestone = item.Milestones.FirstOrDefault(m => m.Id == change.MilestoneId);
        var notificationId = string.Create(CultureInfo.InvariantCulture, $"{item.Id}-{change.Action}-{change.MilestoneId ?? item.Status.ToWireName()}");
        await notifier.SendAsync(new Notification.RealisationProgress(notificationId, item.SourceId, item.Title, milestone?.Title, item.Status.ToWireName(),
            item.StopReason, $"{item.Progress.Done}/{item.Progress.Total}",
            $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/wat-is-er-gedaan/{Uri.EscapeDataString(item.Id)}"), cancellationToken);
    }

    private static ActionOutcome Stale(RealisationItem current) => ActionOutcome.Refused(RealisationRefusals.Stale, current);
}
