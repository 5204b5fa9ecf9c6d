using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Privacy;

/// <summary>
/// Timer function (AVG retention): contact details of cases closed longer ago than the retention period are deleted,
/// and so are the mail throttle's hourly counts once their hour has passed.
/// </summary>
public sealed class RemoveExpiredContacts(
    ContactStore contacts, RecipientThrottle throttle, IOptions<InitiativesOptions> options, TimeProvider clock, ILogger<RemoveExpiredContacts> logger) : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new(nameof(RemoveExpiredContacts), "0 15 3 * * *");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var removed = await contacts.DeleteClosedBeforeAsync(clock.GetUtcNow().AddDays(-options.Value.ContactRetentionDays), cancellationToken);
        logger.ContactsRemoved(removed, options.Value.ContactRetentionDays);
        await throttle.RemoveHoursBeforeAsync(clock.GetUtcNow().AddHours(-2), cancellationToken);
    }
}

internal static partial class PrivacyLog
{
    [LoggerMessage(LogLevel.Information, "Retention removed {Count} contact records of cases closed more than {Days} days ago")]
    public static partial void ContactsRemoved(this ILogger logger, int count, int days);

    [LoggerMessage(LogLevel.Information, "Retention removed {Conversations} chat conversations and {Questions} chat questions")]
    public static partial void ConversationsRemoved(this ILogger logger, int conversations, int questions);
}
