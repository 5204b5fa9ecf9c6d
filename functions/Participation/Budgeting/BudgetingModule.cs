using Participation.App.Audit;
using Participation.App.Hosting;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

public static class BudgetingModule
{
    /// <summary>Buurtbudgetten: budgets and projects, frozen rules, voting codes, one ballot per voter, paper ballots, results.</summary>
    public static WebApplicationBuilder AddBudgeting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTable(BudgetStore.Table).AddTable(BallotBox.Table);
        services.AddAuditedTable(BudgetStore.Table);
        services.AddOptions<TallyOptions>().BindConfiguration(TallyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BudgetStore>();
        services.AddOutbox<BudgetStore>(store => store.Outbox);
        services.AddSingleton<BallotBox>();
        services.AddSingleton<PaperBallotBatches>();
        services.AddSingleton<BudgetServices>();
        services.AddTimerFunction<AdvanceBudgetPhases>();
        return builder;
    }
}
