using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Participation.Bot.Phrasing;

internal static class PhrasingModule
{
    public static IServiceCollection AddAnswerPhrasing(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ArticlePhraser>();
        services.TryAddSingleton<IAnswerPhraser>(sp => sp.GetRequiredService<ArticlePhraser>());
        return services;
    }
}
