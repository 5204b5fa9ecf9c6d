using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Notifications;

namespace Participation.App.Following;

/// <summary>
/// One change that followers hear about: a status change, a public message from an official, a realisation milestone
/// done. <paramref name="ChangeId"/> is deterministic per change; <paramref name="Template"/> is one of the follower
/// templates; <paramref name="Values"/> hold the municipality's words and codes only, never an address.
/// </summary>
public sealed record FollowersToNotify(string ChangeId, string TrackingCode, string Template, IReadOnlyDictionary<string, string> Values);

/// <summary>How another module tells followers of a change: one outbox row (or message) per change, fanned out later.</summary>
public static class FollowerNews
{
    public const string StatusChanged = Notification.FollowerNews.StatusChanged;
    public const string Message = Notification.FollowerNews.Message;
    public const string MilestoneDone = Notification.FollowerNews.MilestoneDone;

    /// <summary>The side effect to store with the change in the case's outbox: the fan-out cannot be lost once the change is stored.</summary>
    public static SideEffect For(FollowersToNotify news) => SideEffect.Enqueue(NotifyFollowers.Queue, news);
}

/// <summary>
/// Queue function: fans one change out to the initiative's followers as one notification each, with the id
/// <c>{change}-follower-{follower}</c>. A redelivery queues the same ids again and <see cref="SendNotification"/> sends
/// each once, so a failure halfway through the list neither loses nor doubles a mail. Addresses are read only when each
/// mail is sent (a follower who unsubscribed meanwhile gets nothing).
/// </summary>
public sealed class NotifyFollowers(Followers followers, INotifier notifier) : IQueueFunction<FollowersToNotify>
{
    public const string Queue = "followers-to-notify";

    public static QueueTrigger Trigger { get; } = new(nameof(NotifyFollowers), Queue);

    public async Task HandleAsync(FollowersToNotify message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        foreach (var followerId in await followers.FollowerIdsAsync(message.TrackingCode, cancellationToken))
        {
            await notifier.SendAsync(new Notification.FollowerNews(message.ChangeId, message.TrackingCode, followerId,
                Followers.SubjectPrefix(message.TrackingCode) + followerId, message.Template, message.Values,
                followers.UnsubscribeUrl(message.TrackingCode, followerId)), cancellationToken);
        }
    }
}
