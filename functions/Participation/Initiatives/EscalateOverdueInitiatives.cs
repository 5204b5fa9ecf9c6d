using Participation.App.Hosting;
using Participation.Initiatives.Deadlines;
using Participation.Municipality.Calendar;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;
using Participation.App.Routing;

namespace Participation.App.Initiatives;

/// <summary>
/// Timer function: reminds owners before a due date and escalates overdue cases to the team lead, then to the service
/// manager — each level once per deadline. The level is recorded on the case (ETag-guarded) before its e-mail is
/// queued in the same transaction, so two runs cannot both send it and a failure cannot lose it; the notification id makes a redelivered e-mail request harmless too.
/// </summary>
public sealed class EscalateOverdueInitiatives(
    InitiativeStore store,
    RoutingDirectory routing,
    ServiceLevels serviceLevels,
    EscalationPolicy policy,
    IOptions<PlatformOptions> platform,
    TimeProvider clock) : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new(nameof(EscalateOverdueInitiatives), "0 */10 * * * *");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        foreach (var listed in await store.ListCasesAsync(new InitiativeFilter(OpenOnly: true), cancellationToken))
        {
            if (listed.DueDate is not null && await store.FindAsync(listed.TrackingCode, cancellationToken) is { DueDate: { } due } initiative)
            {
                await EscalateAsync(initiative, due, configuration, cancellationToken);
            }
        }
    }

    private async Task EscalateAsync(InitiativeCase initiative, DateTimeOffset dueBy, Participation.Initiatives.Routing.RoutingConfiguration configuration, CancellationToken cancellationToken)
    {
        var level = serviceLevels.Find(ServiceLevels.Initiative, initiative.Status)?.Name ?? initiative.Status.ToWireName();
        var deadline = new Deadline(DutchTime.DateOf(dueBy).AddDays(-1), dueBy);
        var sent = initiative.EscalationsSent
            .Where(e => e.StartsWith(level + ":", StringComparison.Ordinal))
            .Select(e => Enum.TryParse<EscalationLevel>(e[(level.Length + 1)..], out var l) ? l : (EscalationLevel?)null)
            .OfType<EscalationLevel>()
            .ToList();
        var owed = policy.Owed(deadline, sent);
        if (owed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changed = initiative with { EscalationsSent = [.. initiative.EscalationsSent, .. owed.Select(o => $"{level}:{o.Level}")] };
        var note = string.Join("; ", owed.Select(o => $"{Describe(o.Level)} ({level}, due {dueBy:yyyy-MM-dd})"));
        var entry = new TimelineEntry(now, "escalated", initiative.Status, ActorKind.System, "system", null, note);
        var values = InitiativeMessages.Values(changed, platform.Value);
        var notices = new List<SideEffect>();
        foreach (var notice in owed)
        {
            var teamLead = configuration.Teams.FirstOrDefault(t => t.Code == changed.TeamCode)?.TeamLeadId;
            var recipient = notice.Recipient switch
            {
                EscalationRecipient.Owner => Recipient.Official(changed.OwnerId ?? teamLead ?? ""),
                EscalationRecipient.TeamLead => Recipient.Official(teamLead ?? changed.OwnerId ?? ""),
                _ => Recipient.ServiceManager,
            };
            values["level"] = notice.Level switch { EscalationLevel.Level1 => "1", EscalationLevel.Level2 => "2", _ => "0" };
            var kind = notice.Level == EscalationLevel.Reminder ? Notification.AboutInitiative.DueReminder : Notification.AboutInitiative.Escalation;
            notices.Add(SideEffect.Notify(new Notification.AboutInitiative(
                $"{changed.TrackingCode}-{level}-{notice.Level}", recipient, kind, new Dictionary<string, string>(values))));
        }

        // The level is recorded and its e-mails queued in one transaction: neither without the other.
        await store.SaveAsync(changed, entry, null, null, null, cancellationToken, effects: notices);
        // A conflict (false) means the case changed meanwhile: the next run decides again on the current state.
    }

    private static string Describe(EscalationLevel level) => level switch
    {
        EscalationLevel.Reminder => "Reminder to the owner",
        EscalationLevel.Level1 => "Escalated to the team lead (level 1)",
        _ => "Escalated to the service manager (level 2)",
    };
}
