namespace Participation.App.Notifications;

/// <summary>
/// Fills in, at the moment of sending, text that must not travel in a queue message (what a resident wrote): the
/// message carries an id, its owner reads the text from its store. Poison queues then hold ids, never someone's words.
/// </summary>
public interface INotificationContent
{
    Task AddAsync(NotificationRequested message, IDictionary<string, string> values, CancellationToken cancellationToken);
}
