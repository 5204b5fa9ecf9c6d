using Participation.Identity;

namespace Participation.Budgeting;

public static class BudgetingApi
{
    public static WebApplication MapBudgetingApi(this WebApplication app)
    {
        var pb = app.MapGroup("/api/pb").WithTags("Participatory budgeting");
        pb.MapPost("/tally", TallyPabulibFile.HandleAsync)
            .WithName(nameof(TallyPabulibFile)).WithSummary("Recount a pabulib .pb election with greedy, mes or mes-complete")
            .Accepts<string>("text/plain", "application/octet-stream")
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Tally);
        return app;
    }
}
