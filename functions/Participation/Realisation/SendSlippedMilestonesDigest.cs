using System.Text;
using Participation.App.Hosting;
using Participation.Municipality.Calendar;
using Participation.App.Notifications;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>
/// Timer function, Monday morning: e-mails the council clerk and the service manager the milestones that started
/// slipping in the past seven days and still slip — nothing when there are none. The week is the window, so each slip is
/// reported once without remembering anything; the notification id is per week, so a second run sends nothing again.
/// </summary>
public sealed class SendSlippedMilestonesDigest(
    RealisationStore store, Slipping slipping, FunctionOutputs outputs, IOptions<PlatformOptions> platform, TimeProvider clock,
    ILogger<SendSlippedMilestonesDigest> logger) : ITimerFunction
{
    public const string Notifications = "notifications";

    public static TimerTrigger Trigger { get; } = new(nameof(SendSlippedMilestonesDigest), "0 0 6 * * 1")
    {
        Outputs = [new QueueOutput(Notifications, SendNotification.Queue)],
    };

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var today = DutchTime.Today(clock);
        var from = today.AddDays(-7);
        var items = await store.ListAsync(null, null, cancellationToken);
        var slipped = slipping.NewlySlipping(items, from, today, today);
        logger.Digest(from, slipped.Count);
        if (slipped.Count == 0)
        {
            return;
        }

        var list = new StringBuilder();
        foreach (var s in slipped)
        {
            list.Append(CultureInfo.InvariantCulture, $"- {s.ItemTitle} ({s.Neighbourhood}): \"{s.MilestoneTitle}\", gepland {s.Planned:yyyy-MM-dd}, {s.DaysLate} werkdag(en) te laat, team {s.Team}\n");
        }

        var week = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var reader in new[] { Recipient.Council, Recipient.ServiceManager })
        {
            // An output binding, not the notifier: under the Functions host a timer's messages leave through its outputs.
            outputs.Add(Notifications, new Notification.SlippedMilestonesDigest(week, reader, slipped.Count.ToString(CultureInfo.InvariantCulture), week,
                today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), list.ToString(), $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/raad").Request());
        }
    }
}
