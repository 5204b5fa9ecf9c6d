using Microsoft.Extensions.DependencyInjection;

namespace Participation.AzureOpenAI;

public static class AzureOpenAIModule
{
    /// <summary>
    /// Registers <see cref="LanguageModel"/> and binds <see cref="AzureOpenAIOptions"/>. The bot and the host both ask for it;
    /// whichever asks first binds the section, so it is bound once.
    /// </summary>
    public static IServiceCollection AddAzureOpenAI(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(LanguageModel)))
        {
            return services;
        }

        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LanguageModel>();
        return services;
    }
}
