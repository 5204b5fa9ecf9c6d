using Participation.App.Audit;
using Participation.App.Hosting;
using Participation.App.Web;
using Participation.Realisation;

namespace Participation.App.Realisation;

public static class RealisationModule
{
    /// <summary>Realisation: what accepted initiatives and funded projects became — milestones, slipping, updates, the council's figures.</summary>
    public static WebApplicationBuilder AddRealisation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTable(RealisationStore.Table);
        services.AddAuditedTable(RealisationStore.Table);
        services.AddSingleton<RealisationStore>();
        services.AddSingleton<Slipping>();
        services.AddScoped<ChangeRealisation>();
        services.AddQueueFunction<RealiseAcceptedInitiative, InitiativeAccepted>();
        services.AddQueueFunction<RealiseFundedProjects, BudgetResultsPublished>();
        services.AddTimerFunction<SendSlippedMilestonesDigest>();
        services.AddSingleton(new WebNavigationItem("/wat-is-er-gedaan", "Wat is er gedaan?", "What was done?", null));
        services.AddSingleton(new WebNavigationItem("/uitvoering", "Uitvoering", "Realisation", Policies.Realisation));
        return builder;
    }
}
