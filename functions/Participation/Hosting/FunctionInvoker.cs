using System.Diagnostics;

namespace Participation.App.Hosting;

/// <summary>
/// Runs one invocation of a queue or timer function, whoever delivered it (the Functions host or our standalone
/// listener): a DI scope, the trace continued from the message, a log scope with the correlation id, and the outputs collected.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes, IEnumerable<RegisteredFunction> functions, ILogger<FunctionInvoker> logger)
{
    public static readonly ActivitySource ActivitySource = new("Participation.Functions");
    private readonly Dictionary<string, RegisteredFunction> byName = functions.ToDictionary(f => f.Trigger.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<RegisteredFunction> Functions => byName.Values;

    public RegisteredFunction? Find(string name) => byName.GetValueOrDefault(name);

    public Task<FunctionOutputs> InvokeQueueAsync(RegisteredFunction function, QueueEnvelope envelope, QueueMetadata metadata, CancellationToken cancellationToken) =>
        InvokeAsync(function, new QueueCall(envelope.Body, metadata), envelope.CorrelationId, envelope.TraceParent, cancellationToken);

    public Task<FunctionOutputs> InvokeTimerAsync(RegisteredFunction function, TimerInfo timer, CancellationToken cancellationToken) =>
        InvokeAsync(function, new TimerCall(timer), Correlation.NewId(), null, cancellationToken);

    private async Task<FunctionOutputs> InvokeAsync(RegisteredFunction function, FunctionCall call, string correlationId, string? traceParent, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity(function.Trigger.Name, ActivityKind.Consumer, parent);
        Correlation.Set(activity, correlationId);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId, ["FunctionName"] = function.Trigger.Name });

        await using var scope = scopes.CreateAsyncScope();
        var outputs = scope.ServiceProvider.GetRequiredService<FunctionOutputs>();
        outputs.Declare(function.Outputs);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await function.Invoke(scope.ServiceProvider, call, cancellationToken);
            logger.FunctionSucceeded(function.Trigger.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return outputs;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            logger.FunctionFailed(exception, function.Trigger.Name);
            throw;
        }
    }
}
