using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Participation.Bot.Hosting.Connector;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.DirectLine;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Hosting.Outcomes;

namespace Participation.Bot.Hosting;

/// <summary>
/// The bot as a web app serves it: /api/messages for Azure Bot Service, a built-in Direct Line channel, conversation
/// state and transcripts in Table Storage, the live-chat queue and the agent console's API.
/// </summary>
public static class BotHostingModule
{
    /// <summary>
    /// Registers the bot (brain included: <c>AddParticipationBot</c>) and its hosting. Needs a
    /// <c>TableServiceClient</c> in DI. Register <see cref="IBotCaseRegistrar"/> (and optionally
    /// <see cref="IBotFeedbackSink"/>) before or after; the host's registrations win.
    /// </summary>
    public static IServiceCollection AddBotHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddParticipationBot(configuration);
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HandoffQueueOptions>().Bind(configuration.GetSection(HandoffQueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotStorageOptions>().Bind(configuration.GetSection(BotStorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<BotTables>();
        services.TryAddSingleton<ConversationStore>();
        services.TryAddSingleton<ConversationTurns>();
        services.TryAddSingleton<ConversationOutcomes>();
        services.TryAddSingleton<BotStatisticsQuery>();
        services.TryAddSingleton<HandoffQueue>();
        services.TryAddSingleton<EngineEvents>();
        services.TryAddSingleton<ResidentTurns>();
        services.TryAddSingleton<DirectLineTokens>();
        services.TryAddSingleton<IBotCaseRegistrar, MissingCaseRegistrar>();
        services.TryAddSingleton<IBotFeedbackSink, TableFeedbackSink>();
        services.TryAddSingleton<BackgroundTurns>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BackgroundTurns>());
        return services;
    }

    /// <summary>Maps /api/messages, /v3/directline/… and /api/agent/handoffs/….</summary>
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app, bool isDevelopment)
    {
        app.MapBotMessagesApi(isDevelopment);
        app.MapDirectLineApi(isDevelopment);
        app.MapAgentApi();
        return app;
    }
}
