using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Participation.Bot.Dialogue;

namespace Participation.Bot.Topics.Learning;

/// <summary>
/// Trains the question models and builds the article index while the app starts, on a background thread, so the first
/// resident does not wait seconds for them. Start-up itself is not held up: a message that arrives before training is done
/// waits only for the rest of it (the models are built once, behind a lazy singleton).
/// </summary>
public sealed partial class TrainAtStart(IServiceProvider services, ILogger<TrainAtStart> logger) : IHostedService
{
    private Task? training;

    /// <summary>Completes when the models are trained and the engine is composed; for tests and the readiness of the host.</summary>
    public Task Ready => training ?? Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        training = Task.Run(() =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                services.GetRequiredService<TurnEngine>();
                // One reading loads the analyzers and spelling lists on the way as well.
                services.GetRequiredService<TopicClassifier>().Classify("hallo", new DialogueContext(null, null, null));
                Trained(logger, (long)started.Elapsed.TotalMilliseconds);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The first message will build them again and report the error where it matters.
                TrainingFailed(logger, exception);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Bot models trained and index built at start in {Milliseconds} ms")]
    private static partial void Trained(ILogger logger, long milliseconds);

    [LoggerMessage(LogLevel.Error, "Training the bot models at start failed")]
    private static partial void TrainingFailed(ILogger logger, Exception exception);
}
