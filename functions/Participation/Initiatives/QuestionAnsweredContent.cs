using Participation.App.Notifications;

namespace Participation.App.Initiatives;

/// <summary>
/// The official who asked a question gets the resident's answer in their e-mail. The answer is what a resident wrote, so
/// it does not travel in the queue message: the message names the moment of the reply, and the text is read from the
/// case's timeline when the mail is sent.
/// </summary>
public sealed class QuestionAnsweredContent(InitiativeStore store) : INotificationContent
{
    public const string Template = Notification.AboutInitiative.QuestionAnswered;

    public async Task AddAsync(NotificationRequested message, IDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (message.Template != Template || !values.TryGetValue("trackingCode", out var code)
            || !values.TryGetValue("repliedAt", out var ticks) || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var repliedAt))
        {
            return;
        }

        var timeline = (await store.TimelineAsync(code, cancellationToken)).OrderBy(e => e.At).ToList();
        var reply = timeline.FirstOrDefault(e => e.Event == "resident-replied" && e.At.UtcTicks == repliedAt);
        if (reply is null)
        {
            return;
        }

        values["answer"] = reply.InternalNote ?? "";
        values["question"] = timeline.LastOrDefault(e => e.Event == "information-requested" && e.At <= reply.At)?.PublicMessage ?? "";
    }
}
