namespace Participation.App.Notifications;

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

/// <summary>
/// One e-mail ready to send: plain text only, so nothing a resident typed can become markup. <paramref name="Headers"/>
/// are extra mail headers (List-Unsubscribe for followers' mail).
/// </summary>
public sealed record Email(string To, string Subject, string Body, string NotificationId, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>
    /// RFC 8058 one-click unsubscribe: mail clients show an "unsubscribe" button and POST
    /// <c>List-Unsubscribe=One-Click</c> to the URL, which unsubscribes without a page in between.
    /// </summary>
    public static IReadOnlyDictionary<string, string> UnsubscribeHeaders(string url) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{url}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
