using Cronos;

namespace Participation.Hosting;

/// <summary>Standalone stand-in for the Functions host's timer trigger: runs a timer function on its NCRONTAB schedule (UTC).</summary>
public sealed class TimerScheduler(RegisteredFunction function, FunctionInvoker invoker, TimeProvider clock, ILogger<TimerScheduler> logger) : BackgroundService
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
                await invoker.InvokeTimerAsync(function, new TimerInfo(next.Value, IsPastDue: clock.GetUtcNow() - next.Value > TimeSpan.FromMinutes(1)), stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TimerFailed(exception, function.Trigger.Name, schedule.GetNextOccurrence(clock.GetUtcNow(), TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue);
            }
        }
    }
}
