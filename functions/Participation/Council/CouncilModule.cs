using System.Text;
using Participation.App.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Council;

/// <summary>The council's read-only view: the dashboard page (Web/Council) and its figures as JSON and CSV.</summary>
public static class CouncilModule
{
    public static WebApplicationBuilder AddCouncil(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BudgetFigures>();
        builder.Services.AddSingleton<RealisationFiguresQuery>();
        builder.Services.AddSingleton<CouncilDashboard>();
        builder.Services.AddSingleton<CouncilAgenda>();
        return builder;
    }

    public static WebApplication MapCouncilApi(this WebApplication app)
    {
        var council = app.MapGroup("/api/council").WithTags("Council").RequireAuthorization(Policies.Council);
        council.MapGet("/dashboard", GetDashboardAsync).WithName("CouncilDashboard")
            .WithSummary("The dashboard's figures for the last N days (default 90) against the N days before; aggregates only");
        council.MapGet("/dashboard.csv", GetDashboardCsvAsync).WithName("CouncilDashboardCsv")
            .WithSummary("The same figures as CSV (section, key, name, current, previous); budget rows hold the state now in current");
        council.MapGet("/dashboard-excel.csv", GetDashboardSpreadsheetAsync).WithName("CouncilDashboardSpreadsheet")
            .WithSummary("The same figures for Dutch Excel: semicolons, UTF-8 BOM, Dutch headers, values as people read them (12,5%; 3,2 dagen)");
        return app;
    }

    public static async Task<Results<Ok<CouncilDashboard.Result>, ValidationProblem>> GetDashboardAsync(
        int? days, CouncilDashboard dashboard, CancellationToken cancellationToken) =>
        Days(days) is not { } valid
            ? InvalidDays()
            : TypedResults.Ok(await dashboard.ComputeAsync(valid, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetDashboardCsvAsync(
        int? days, CouncilDashboard dashboard, CancellationToken cancellationToken)
    {
        if (Days(days) is not { } valid)
        {
            return InvalidDays();
        }

        var result = await dashboard.ComputeAsync(valid, cancellationToken);
        var rows = new List<CsvCell[]>();
        void Row(string section, string key, string name, double? current, double? previous) =>
            rows.Add([section, key, name, Number(current), Number(previous)]);

        foreach (var figure in result.Figures) Row("figure", figure.Key, figure.Unit, figure.Current, figure.Previous);
        foreach (var count in result.ByNeighbourhood) Row("neighbourhood", count.Code, count.Name, count.Current, count.Previous);
        foreach (var count in result.ByTheme) Row("theme", count.Code, count.Name, count.Current, count.Previous);
        foreach (var count in result.ByStatus) Row("status", count.Code, count.Name, count.Current, count.Previous);
        // Budgets are the state now, not per period: "current" holds the figure and "previous" stays empty.
        foreach (var t in result.Budgets.Turnout)
        {
            Row("budget-ballots", t.BudgetId, t.NeighbourhoodName, t.Ballots, null);
            Row("budget-eligible", t.BudgetId, t.NeighbourhoodName, t.Eligible, null);
            Row("budget-turnout", t.BudgetId, t.NeighbourhoodName, t.Share, null);
        }

        foreach (var outcome in result.Budgets.Outcomes)
        {
            Row("budget-cost", outcome.BudgetId, outcome.Title, outcome.Cost, null);
            Row("budget-leftover", outcome.BudgetId, outcome.Title, outcome.Leftover, null);
            foreach (var project in outcome.Funded) Row("budget-funded", $"{outcome.BudgetId}/{project.Id}", project.Title, project.Votes, null);
        }

        // Realisation is the state now as well: items per kind and status, realised share, money, slipped milestones.
        var realisation = result.Realisation;
        foreach (var c in realisation.ByStatusAndKind) Row("realisation-items", $"{c.Kind}/{c.Status}", c.Status, c.Items, null);
        foreach (var n in realisation.ByNeighbourhood) Row("realisation-realised-neighbourhood", n.Code, $"{n.Realised}/{n.Items}", n.RealisedShare, null);
        foreach (var b in realisation.ByBudget) Row("realisation-realised-budget", b.Code, $"{b.Realised}/{b.Items}", b.RealisedShare, null);
        Row("realisation-money", "planned", "euro", realisation.Totals.Planned, null);
        Row("realisation-money", "spent", "euro", realisation.Totals.Spent, null);
        foreach (var s in realisation.Slipping) Row("realisation-slipping", $"{s.ItemId}/{s.MilestoneId}", $"{s.MilestoneTitle} ({s.Planned:yyyy-MM-dd}, {s.Team})", s.DaysLate, null);

        var name = $"raadsdashboard-{result.Current.To:yyyy-MM-dd}-{valid}d.csv";
        var csv = CsvFile.Write(["section", "key", "name", "current", "previous"], rows, MachineLayout);
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", name);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetDashboardSpreadsheetAsync(
        int? days, CouncilDashboard dashboard, CancellationToken cancellationToken)
    {
        if (Days(days) is not { } valid)
        {
            return InvalidDays();
        }

        var result = await dashboard.ComputeAsync(valid, cancellationToken);
        return TypedResults.File(CouncilSpreadsheet.Write(result), "text/csv; charset=utf-8", CouncilSpreadsheet.FileName(result, valid));
    }

    public static int? Days(int? days) => days switch
    {
        null => CouncilDashboard.DefaultDays,
        >= 7 and <= 366 => days,
        _ => null,
    };

    private static ValidationProblem InvalidDays() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["A period is 7 to 366 days."] });

    /// <summary>Names and keys quoted, numbers bare and invariant: for programs.</summary>
    private static readonly CsvLayout MachineLayout = new(",", QuoteHeader: false, QuoteText: true);

    private static CsvCell Number(double? value) => CsvCell.Number(value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
}
