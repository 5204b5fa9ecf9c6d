using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Participation.Bot.Phrasing;

internal static class PhrasingModule
{
    public static IServiceCollection AddAnswerPhrasing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotAIOptions>().Bind(configuration.GetSection(BotAIOptions.Section));
        services.TryAddSingleton<ArticlePhraser>();
        var ai = configuration.GetSection(BotAIOptions.Section).Get<BotAIOptions>() ?? new BotAIOptions();
        if (!ai.IsConfigured)
        {
            services.TryAddSingleton<IAnswerPhraser>(sp => sp.GetRequiredService<ArticlePhraser>());
            return services;
        }

        // The model provider stays swappable: a host that registers its own IChatClient keeps it.
        services.TryAddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<BotAIOptions>>().Value));
        // Every model call becomes a span (gen_ai.* attributes, tokens used) under the host's trace of the resident's message;
        // prompts and answers stay out of the trace, since residents' questions can hold personal data.
        services.TryAddSingleton<IAnswerPhraser>(sp => ActivatorUtilities.CreateInstance<ChatClientPhraser>(sp,
            sp.GetRequiredService<IChatClient>().AsBuilder()
                .UseOpenTelemetry(sp.GetService<ILoggerFactory>(), BotModule.AiTelemetrySource, client => client.EnableSensitiveData = false)
                .Build(sp)));
        return services;
    }

    public static IChatClient CreateChatClient(BotAIOptions options)
    {
        var client = new OpenAIClient(
            new ApiKeyCredential(options.ApiKey.Length > 0 ? options.ApiKey : "unset"),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint),
                RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
                NetworkTimeout = options.Timeout,
            });
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }
}
