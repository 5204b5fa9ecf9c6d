using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Participation.Bot.Dialogue;
using Participation.Bot.Handoff;
using Participation.Bot.Initiatives;
using Participation.Bot.Phrasing;
using Participation.Bot.Topics;
using Participation.Bot.Topics.Learning;
using Participation.Municipality;

namespace Participation.Bot;

/// <summary>Registers the chatbot's brain and protocol pieces; the host adds transport, storage and the agent console.</summary>
public static class BotModule
{
    public const string ConnectorHttpClient = "Participation.Bot.Connector";

    /// <summary>The ActivitySource of the language-model calls; a host adds it to its tracing to see them.</summary>
    public const string AiTelemetrySource = "Participation.Bot.AI";

    public static IHostApplicationBuilder AddParticipationBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddParticipationBot(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddParticipationBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMunicipalityOptions();
        services.AddOptions<ReferralOptions>().Bind(configuration.GetSection(ReferralOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotConnectorOptions>().Bind(configuration.GetSection(BotConnectorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<KnowledgeBase>();
        services.TryAddSingleton<TopicIndex>();
        // Trained at start from the embedded set; the evaluation registers models trained on part of it.
        services.TryAddSingleton(_ => QuestionModels.Embedded);
        services.TryAddSingleton<TopicClassifier>();
        services.TryAddSingleton<TurnEngine>();
        services.TryAddSingleton<TrainAtStart>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TrainAtStart>(sp => sp.GetRequiredService<TrainAtStart>()));
        services.TryAddSingleton<IAgentAvailability, OfficeHours>();
        services.TryAddSingleton<IInitiativeStatusLookup, NoInitiativeStatusLookup>();
        services.AddAnswerPhrasing();

        services.AddHttpClient(ConnectorHttpClient);
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value.OpenIdMetadataUrl,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient)) { RequireHttps = true }));
        services.TryAddSingleton<ChannelTokenValidator>();
        // One client for the app's lifetime: it caches the bot's access token until shortly before it expires.
        services.TryAddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient),
            sp.GetRequiredService<IOptions<BotConnectorOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
