namespace Participation.Budgeting.Rules;

/// <summary>
/// One project chosen. For equal shares the price fields say who paid: rich supporters paid
/// <see cref="PricePerVote"/> per vote (per supporter for approval ballots), the
/// <see cref="SupportersPayingAll"/> others paid everything they had left.
/// </summary>
public sealed record SelectionRound(
    int Number,
    string ProjectId,
    SelectionStep Step,
    long Cost,
    long Votes,
    long Supporters,
    long BudgetLeftBefore,
    Rational? PricePerVote = null,
    Rational? HighestPayment = null,
    long SupportersPayingAll = 0,
    Rational? SupportersMoneyBefore = null);
