using Participation.App.Audit;
using Participation.App.Hosting;
using Participation.Initiatives.Deadlines;
using Participation.Municipality.Calendar;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Initiatives;

public static class InitiativesModule
{
    /// <summary>Buurtinitiatieven: submission, support, routing to the back office, deadlines and escalation, decisions.</summary>
    public static WebApplicationBuilder AddInitiatives(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InitiativesOptions>().BindConfiguration(InitiativesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(InitiativeStore.Table).AddTable(InitiativeStore.IndexTable);
        services.AddAuditedTable(InitiativeStore.Table);
        services.AddSingleton<InitiativeStore>();
        services.AddSingleton<InitiativeLifecycle>();
        services.AddSingleton<SupportCounter>();
        services.AddScoped<SubmitInitiative>();
        services.AddScoped<ListInitiatives>();
        services.AddScoped<TrackInitiative>();
        services.AddScoped<SupportInitiative>();
        services.AddScoped<ReplyToInitiative>();
        services.AddScoped<CaseInbox>();
        services.AddScoped<CaseDetail>();
        services.AddScoped<ActOnCase>();
        services.AddSingleton<SimilarInitiativeFinder>();
        services.AddSingleton<INotificationContent, QuestionAnsweredContent>();
        services.AddSingleton(new HolidayOptions());
        services.AddSingleton<DutchHolidays>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton(provider => new ServiceLevels(ServiceLevels.Defaults, provider.GetRequiredService<WorkingCalendar>()));
        services.AddSingleton(new EscalationOptions());
        services.AddSingleton<EscalationPolicy>();
        services.AddQueueFunction<RouteSubmittedInitiative, InitiativeSubmitted>();
        services.AddTimerFunction<EscalateOverdueInitiatives>();
        services.AddTimerFunction<RescueStrandedSubmissions>();
        services.AddOutbox<InitiativeStore>(store => store.Outbox);
        services.AddTimerFunction<ReconcileInitiatives>();
        return builder;
    }
}
