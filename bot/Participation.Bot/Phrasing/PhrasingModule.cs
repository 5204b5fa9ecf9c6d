using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Participation.AzureOpenAI;

namespace Participation.Bot.Phrasing;

internal static class PhrasingModule
{
    public static IServiceCollection AddAnswerPhrasing(this IServiceCollection services)
    {
        services.AddAzureOpenAI();
        services.TryAddSingleton<ArticlePhraser>();
        // Without a model the bot answers with the articles themselves. Every model call becomes a span (gen_ai.* attributes,
        // tokens used) under the host's trace of the resident's message; prompts and answers stay out of the trace, since
        // residents' questions can hold personal data.
        services.TryAddSingleton<IAnswerPhraser>(sp => sp.GetRequiredService<LanguageModel>().Chat is { } chat
            ? ActivatorUtilities.CreateInstance<ChatClientPhraser>(sp, chat.AsBuilder()
                .UseOpenTelemetry(sp.GetService<ILoggerFactory>(), BotModule.AiTelemetrySource, client => client.EnableSensitiveData = false)
                .Build(sp))
            : sp.GetRequiredService<ArticlePhraser>());
        return services;
    }
}
