using Microsoft.Extensions.DependencyInjection;

namespace Participation.Municipality;

public static class MunicipalityModule
{
    /// <summary>
    /// Binds <see cref="MunicipalityOptions"/>. The bot and the host's notifications both ask for it; whichever asks first binds
    /// the section, so it is bound and validated once.
    /// </summary>
    public static IServiceCollection AddMunicipalityOptions(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(MunicipalityOptionsBound)))
        {
            return services;
        }

        services.AddSingleton<MunicipalityOptionsBound>();
        services.AddOptions<MunicipalityOptions>().BindConfiguration(MunicipalityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Marks that the section is bound.</summary>
    private sealed class MunicipalityOptionsBound;
}
