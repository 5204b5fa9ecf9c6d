using Cronos;

namespace Participation.App.Hosting;

/// <summary>
/// Standalone stand-in for the Functions host's timer trigger: runs a timer function on its NCRONTAB schedule (UTC) and,
/// as the host does with a timer's output bindings, sends what it emitted.
/// </summary>
public sealed class TimerScheduler(RegisteredFunction function, FunctionInvoker invoker, QueueSender sender, TimeProvider clock, ILogger<TimerScheduler> logger) : BackgroundService
{
    private readonly CronExpression schedule = FunctionCatalogue.ParseSchedule(((TimerTrigger)function.Trigger).Schedule);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, clock, stoppingToken);
            try
            {
                var outputs = await invoker.InvokeTimerAsync(function, new TimerInfo(next.Value, IsPastDue: clock.GetUtcNow() - next.Value > TimeSpan.FromMinutes(1)), stoppingToken);
                await SendAsync(outputs, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TimerFailed(exception, function.Trigger.Name, schedule.GetNextOccurrence(clock.GetUtcNow(), TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue);
            }
        }
    }

    private async Task SendAsync(FunctionOutputs outputs, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (queue, message) in outputs.ByQueue())
            {
                await sender.SendEnvelopeAsync(queue, message, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Timer functions find their work from stored state, so the next run emits what is still owed.
            logger.TimerOutputsNotSent(exception, function.Trigger.Name);
        }
    }
}
