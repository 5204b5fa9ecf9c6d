using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.Budgeting;

/// <summary>Why a budget use case refused: an HTTP status, a stable code, and the reason in English and Dutch.</summary>
public sealed record BudgetRefusal(int Status, string Code, string Title, string English, string Dutch)
{
    public ProblemHttpResult ToProblem() => BudgetAccess.Refuse(Status, Code, Title, English, Dutch);
}
