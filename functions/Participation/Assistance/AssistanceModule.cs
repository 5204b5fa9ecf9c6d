using Participation.AzureOpenAI;
using Participation.Initiatives.Classification;

namespace Participation.App.Assistance;

public static class AssistanceModule
{
    /// <summary>
    /// Theme classification by the platform's one language model (<see cref="AzureOpenAIModule"/>, shared with the bot's answer
    /// phrasing) where one is configured, by keywords otherwise.
    /// </summary>
    public static WebApplicationBuilder AddAssistance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAzureOpenAI();
        services.AddSingleton<KeywordThemeClassifier>();
        services.AddSingleton<IThemeClassifier>(provider =>
        {
            var keywords = provider.GetRequiredService<KeywordThemeClassifier>();
            return provider.GetRequiredService<LanguageModel>().Chat is { } chat
                ? new ChatThemeClassifier(chat, keywords, provider.GetRequiredService<ILogger<ChatThemeClassifier>>())
                : keywords;
        });
        return builder;
    }
}
