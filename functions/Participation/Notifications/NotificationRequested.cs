namespace Participation.Notifications;

/// <summary>
/// A request to e-mail someone. The message names the recipient by reference, never by address: queues and poison
/// queues hold no personal data. <paramref name="NotificationId"/> is deterministic per event, so a redelivered
/// request (or the same event raised twice) sends one e-mail.
/// </summary>
public sealed record NotificationRequested(string NotificationId, string Template, Recipient To, IReadOnlyDictionary<string, string> Values);

/// <summary>Kinds: <c>official</c> (by official id), <c>contact</c> (the resident contact of a case, by tracking code), <c>council</c> (the griffie), <c>manager</c> (the service manager).</summary>
public sealed record Recipient(string Kind, string Id)
{
    public static Recipient Official(string officialId) => new("official", officialId);
    public static Recipient ContactOf(string subject) => new("contact", subject);
    public static Recipient Council { get; } = new("council", "griffie");
    /// <summary>Whoever manages the back office's service levels: the last escalation level.</summary>
    public static Recipient ServiceManager { get; } = new("manager", "service");
}

/// <summary>One e-mail ready to send: plain text only, so nothing a resident typed can become markup.</summary>
public sealed record Email(string To, string Subject, string Body, string NotificationId);
