namespace Participation.Budgeting.Rules;

/// <summary>
/// How the supporters of a project funded by equal shares paid for it: supporters with enough money left paid
/// <see cref="PricePerVote"/> per vote (per supporter for approval ballots); <see cref="SupportersPayingAll"/> others
/// paid everything they had left. Together they had <see cref="SupportersMoneyBefore"/> just before.
/// </summary>
public sealed record EqualSharesPayment(
    string ProjectId,
    Rational PricePerVote,
    Rational HighestPayment,
    long SupportersPayingAll,
    Rational SupportersMoneyBefore);
