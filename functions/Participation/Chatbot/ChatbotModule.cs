using Participation.Bot.Hosting;
using Participation.Bot.Hosting.Events;
using Participation.App.Audit;
using Participation.App.Hosting;

namespace Participation.App.Chatbot;

public static class ChatbotModule
{
    /// <summary>The front office's chatbot: Bot Framework protocol, built-in Direct Line, live-chat handoff to agents.</summary>
    public static WebApplicationBuilder AddChatbot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBotHosting(builder.Configuration);
        foreach (var table in BotTables.Names)
        {
            services.AddTable(table);
        }

        services.AddTable(QuestionStore.Table);
        services.AddSingleton<QuestionStore>();
        services.AddOutbox<QuestionStore>(store => store.Outbox);
        services.AddSingleton<BotQuestionRegistrar>();
        services.AddSingleton<IBotCaseRegistrar>(provider => provider.GetRequiredService<BotQuestionRegistrar>());
        services.AddSingleton<Privacy.IChatRecords>(provider => provider.GetRequiredService<BotQuestionRegistrar>());
        services.AddSingleton<Notifications.INotificationContent>(provider => provider.GetRequiredService<BotQuestionRegistrar>());
        services.AddSingleton<Bot.Initiatives.IInitiativeStatusLookup, InitiativeStatusForBot>();
        services.AddTimerFunction<ExpireWaitingHandoffs>();
        services.AddTimerFunction<SweepBotEvents>();
        services.AddTable(AgentActionAudit.Table);
        services.AddAuditedTable(AgentActionAudit.Table);
        services.AddSingleton<Bot.Hosting.Handoff.IAgentAudit, AgentActionAudit>();
        return builder;
    }

    public static WebApplication MapChatbotApi(this WebApplication app)
    {
        app.MapBotApi(app.Environment.IsDevelopment());
        return app;
    }
}
