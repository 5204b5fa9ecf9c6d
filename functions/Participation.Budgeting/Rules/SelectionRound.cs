namespace Participation.Budgeting.Rules;

/// <summary>
/// One project chosen, with what was left of the whole budget just before. How its supporters paid under equal
/// shares is in <see cref="EqualSharesDetails.Payments"/>.
/// </summary>
public sealed record SelectionRound(
    int Number,
    string ProjectId,
    SelectionStep Step,
    long Cost,
    long Votes,
    long Supporters,
    long BudgetLeftBefore);
