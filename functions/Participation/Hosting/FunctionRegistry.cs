using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Participation.Hosting;

/// <summary>A queue or timer function as registered in code: its trigger and how to call it.</summary>
public sealed record RegisteredFunction(FunctionTrigger Trigger, Func<IServiceProvider, FunctionCall, CancellationToken, Task> Invoke)
{
    public IReadOnlyList<QueueOutput> Outputs => Trigger switch
    {
        QueueTrigger q => q.Outputs,
        TimerTrigger t => t.Outputs,
        _ => [],
    };
}

/// <summary>The input of one invocation: a queue message with its metadata, or a timer tick.</summary>
public abstract record FunctionCall;
public sealed record QueueCall(JsonElement Body, QueueMetadata Metadata) : FunctionCall;
public sealed record TimerCall(TimerInfo Timer) : FunctionCall;

public static class FunctionRegistration
{
    /// <summary>Registers a queue-triggered function; its trigger declares the queue, the catalogue and listener follow.</summary>
    public static IServiceCollection AddQueueFunction<TFunction, TMessage>(this IServiceCollection services)
        where TFunction : class, IQueueFunction<TMessage>
    {
        services.TryAddScoped<TFunction>();
        services.AddSingleton(new RegisteredFunction(TFunction.Trigger, static async (provider, call, cancellationToken) =>
        {
            var queued = (QueueCall)call;
            var message = queued.Body.Deserialize<TMessage>(QueueEnvelope.Json)
                ?? throw new JsonException($"The message for {TFunction.Trigger.Name} is empty.");
            await provider.GetRequiredService<TFunction>().HandleAsync(message, queued.Metadata, cancellationToken);
        }));
        return services;
    }

    /// <summary>Registers a timer-triggered function on the schedule its trigger declares.</summary>
    public static IServiceCollection AddTimerFunction<TFunction>(this IServiceCollection services)
        where TFunction : class, ITimerFunction
    {
        services.TryAddScoped<TFunction>();
        services.AddSingleton(new RegisteredFunction(TFunction.Trigger, static (provider, call, cancellationToken) =>
            provider.GetRequiredService<TFunction>().RunAsync(((TimerCall)call).Timer, cancellationToken)));
        return services;
    }
}
