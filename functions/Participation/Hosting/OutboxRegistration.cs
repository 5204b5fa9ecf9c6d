namespace Participation.App.Hosting;

public static class OutboxRegistration
{
    /// <summary>Registers a store's outbox with the shared dispatcher and sweep.</summary>
    public static IServiceCollection AddOutbox<TOwner>(this IServiceCollection services, Func<TOwner, Outbox> outbox) where TOwner : notnull
    {
        services.AddSingleton(provider => outbox(provider.GetRequiredService<TOwner>()));
        return services.AddQueueFunction<DispatchOutbox, OutboxPending>().AddTimerFunction<SweepOutboxes>();
    }
}
