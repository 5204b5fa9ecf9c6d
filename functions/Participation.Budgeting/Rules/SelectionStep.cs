namespace Participation.Budgeting.Rules;

public enum SelectionStep
{
    /// <summary>Chosen by vote count because it still fit.</summary>
    Greedy,

    /// <summary>Paid for by its supporters' equal shares.</summary>
    EqualShares,

    /// <summary>Chosen by vote count from what equal shares left over.</summary>
    Completion,

    /// <summary>Costs nothing and someone wanted it.</summary>
    FreeOfCost,
}
