namespace Participation.Budgeting.Pabulib;

/// <summary>
/// How large a .pb file from a stranger may be, in the terms of what it holds: a file within these is counted,
/// one beyond them is refused before the count starts (<see cref="PabulibLimitExceeded"/>). The defaults hold every
/// published pabulib election with room to spare.
/// </summary>
public sealed record PabulibLimits
{
    public int MaxProjects { get; init; } = 5_000;

    public int MaxVoters { get; init; } = 2_000_000;

    public int MaxColumns { get; init; } = 64;

    /// <summary>Bytes in one field; a vote listing every project of a large city stays far below it.</summary>
    public int MaxFieldLength { get; init; } = 65_536;

    /// <summary>
    /// Budget and costs (10^15): beyond any municipality's budget, and small enough that the costs of every project
    /// together (at most <see cref="MaxProjects"/> × this) still fit in a long.
    /// </summary>
    public long MaxMoney { get; init; } = 1_000_000_000_000_000;

    /// <summary>Points one voter gives one project.</summary>
    public long MaxPoints { get; init; } = 1_000_000;

    public static PabulibLimits Default { get; } = new();
}

/// <summary>A well-formed file that is larger than <see cref="PabulibLimits"/> allow.</summary>
public sealed class PabulibLimitExceeded(string limit, string message) : Exception(message)
{
    /// <summary>Which limit: projects, voters, columns, field_length, money or points.</summary>
    public string Limit { get; } = limit;
}
