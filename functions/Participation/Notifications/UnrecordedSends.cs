using System.Collections.Concurrent;

namespace Participation.App.Notifications;

/// <summary>
/// Notifications this instance mailed but could not yet mark as sent, because storage went away between the two. A later
/// delivery of the same notification (the retried message, or the outbox replaying it) records it instead of mailing
/// again, however long the outage lasted: the claim in storage would have aged and let a second e-mail out.
/// Kept in memory on purpose: it covers the outage an instance lives through; an instance that stops in that window
/// leaves only the aged claim, the at-least-once case the README describes.
/// </summary>
public sealed class UnrecordedSends(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> mailedAt = new(StringComparer.Ordinal);

    public bool Contains(string notificationId) => mailedAt.ContainsKey(notificationId);

    public void Add(string notificationId)
    {
        var now = clock.GetUtcNow();
        mailedAt[notificationId] = now;
        if (mailedAt.Count > PruneAbove)
        {
            foreach (var (id, at) in mailedAt)
            {
                if (now - at > KeptFor) mailedAt.TryRemove(id, out _);
            }
        }
    }

    public void Recorded(string notificationId) => mailedAt.TryRemove(notificationId, out _);
}
