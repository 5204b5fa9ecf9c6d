using Participation.App.Audit;

namespace Participation.App.Routing;

public static class RoutingModule
{
    /// <summary>Where initiatives go: neighbourhoods, themes, teams, officials and rules, edited by administrators.</summary>
    public static WebApplicationBuilder AddInitiativeRouting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTable(RoutingDirectory.Table);
        services.AddAuditedTable(RoutingDirectory.Table);
        services.AddSingleton<RoutingDirectory>();
        services.AddScoped<ReplaceRoutingConfiguration>();
        return builder;
    }
}
