namespace Participation.App.Notifications;

/// <summary>
/// How another module has an e-mail sent: it says which <see cref="Notification"/>, never a queue or a template name.
/// Where the e-mail follows from a stored change, the module stores <see cref="Effect"/> in the same transaction as the
/// change (the outbox), so the e-mail cannot be lost once the change is stored; otherwise it calls <see cref="SendAsync"/>.
/// </summary>
public interface INotifier
{
    /// <summary>Queues the e-mail now.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>The e-mail as an outbox side effect, for the transaction of the change that causes it.</summary>
    SideEffect Effect(Notification notification);
}

/// <summary>Puts notifications on the queue that <see cref="SendNotification"/> reads.</summary>
public sealed class QueuedNotifier(QueueSender queue) : INotifier
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
        queue.SendAsync(SendNotification.Queue, notification.Request(), cancellationToken);

    public SideEffect Effect(Notification notification) => SideEffect.Notify(notification);
}

/// <summary>The outbox side effect of a notification, for static code that decides a change and its e-mails together.</summary>
public static class NotificationSideEffects
{
    extension(SideEffect)
    {
        public static SideEffect Notify(Notification notification) => SideEffect.Enqueue(SendNotification.Queue, notification.Request());
    }
}
