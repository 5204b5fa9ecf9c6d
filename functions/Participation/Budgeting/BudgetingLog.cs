using Participation.Budgeting;

namespace Participation.App.Budgeting;

internal static partial class BudgetingLog
{
    [LoggerMessage(LogLevel.Information, "Budget {BudgetId} moved from {From} to {To} on schedule")]
    public static partial void PhaseMoved(this ILogger logger, string budgetId, string from, string to);

    [LoggerMessage(LogLevel.Warning, "Budget {BudgetId} is due to enter {Phase} but has no projects; it stays where it is")]
    public static partial void NotReady(this ILogger logger, string budgetId, string phase);

    [LoggerMessage(LogLevel.Information, "Budget {BudgetId}: {Count} voting codes generated")]
    public static partial void CodesGenerated(this ILogger logger, string budgetId, int count);
}
