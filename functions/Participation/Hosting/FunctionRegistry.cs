using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Participation.App.Hosting;

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
    /// <summary>
    /// Registers a queue-triggered function; its trigger declares the queue, the catalogue and listener follow. Registering
    /// it again does nothing, so a function is listed (and run) once.
    /// </summary>
    public static IServiceCollection AddQueueFunction<TFunction, TMessage>(this IServiceCollection services)
        where TFunction : class, IQueueFunction<TMessage>
    {
        if (IsRegistered(services, TFunction.Trigger))
        {
            return services;
        }

        services.TryAddScoped<TFunction>();
        return services.Register(new RegisteredFunction(TFunction.Trigger, static async (provider, call, cancellationToken) =>
        {
            var queued = (QueueCall)call;
            var message = queued.Body.Deserialize<TMessage>(QueueEnvelope.Json)
                ?? throw new JsonException($"The message for {TFunction.Trigger.Name} is empty.");
            await provider.GetRequiredService<TFunction>().HandleAsync(message, queued.Metadata, cancellationToken);
        }));
    }

    /// <summary>Registers a timer-triggered function on the schedule its trigger declares; registering it again does nothing.</summary>
    public static IServiceCollection AddTimerFunction<TFunction>(this IServiceCollection services)
        where TFunction : class, ITimerFunction
    {
        if (IsRegistered(services, TFunction.Trigger))
        {
            return services;
        }

        services.TryAddScoped<TFunction>();
        return services.Register(new RegisteredFunction(TFunction.Trigger, static (provider, call, cancellationToken) =>
            provider.GetRequiredService<TFunction>().RunAsync(((TimerCall)call).Timer, cancellationToken)));
    }

    /// <summary>The function, and the queues it reads (with its poison queue) and writes, to be created at start.</summary>
    private static IServiceCollection Register(this IServiceCollection services, RegisteredFunction function)
    {
        services.AddSingleton(function);
        if (function.Trigger is QueueTrigger queue)
        {
            services.AddQueue(queue.Queue).AddQueue(PoisonQueue.For(queue.Queue));
        }

        foreach (var output in function.Outputs)
        {
            services.AddQueue(output.Queue);
        }

        return services;
    }

    // The same trigger (the function's own static one), not just the same name: two functions sharing a name stay an error.
    private static bool IsRegistered(IServiceCollection services, FunctionTrigger trigger) =>
        services.Any(s => s.ImplementationInstance is RegisteredFunction registered && registered.Trigger == trigger);
}
