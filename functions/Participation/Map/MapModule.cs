using Participation.Initiatives.Geography;

namespace Participation.App.Map;

public static class MapModule
{
    /// <summary>Location and map: the municipality's bounds and neighbourhood polygons, checked at submission and drawn on the site.</summary>
    public static WebApplicationBuilder AddInitiativeMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MapOptions>, ValidateMapOptions>();
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<MapOptions>>().Value.ToMap());
        return builder;
    }
}
