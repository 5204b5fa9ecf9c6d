using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Participation.Bot.Hosting.Connector;

/// <summary>
/// Turns that outlive their HTTP request: Bot Connector gets its 200 within the reply budget and the turn finishes
/// here. Shutdown waits for them (until the host's shutdown timeout), so a deploy does not cut a reply in half.
/// </summary>
public sealed class BackgroundTurns(ILogger<BackgroundTurns> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> running = new();
    private readonly CancellationTokenSource stopping = new();

    public Task Run(string conversationKey, Func<CancellationToken, Task> turn)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await turn(stopping.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                logger.TurnFailed(exception, conversationKey);
            }
        });
        running.TryAdd(task, true);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(stopping.Cancel);
        await Task.WhenAll(running.Keys);
        stopping.Dispose();
    }
}
