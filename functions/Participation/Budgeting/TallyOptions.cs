using System.ComponentModel.DataAnnotations;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// What the public tally tool (<c>POST /api/pb/tally</c>) takes on for a stranger: how much counting one request may
/// cost and how large a file may be in projects, voters, columns and field length. The platform's own budgets are
/// counted without these bounds. In Azure: <c>Tally__MaxCountingTime</c>, <c>Tally__MaxVoters</c>, …
/// </summary>
public sealed class TallyOptions
{
    public const string Section = "Tally";

    /// <summary>Counting time per request (wall clock); beyond it the answer is 422 and the count stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxCountingTime { get; set; } = TimeSpan.FromSeconds(2);

    // Up to 9,000 projects of at most 10^15 each add up to less than long.MaxValue.
    [Range(1, 9_000)]
    public int MaxProjects { get; set; } = PabulibLimits.Default.MaxProjects;

    [Range(1, 10_000_000)]
    public int MaxVoters { get; set; } = PabulibLimits.Default.MaxVoters;

    [Range(2, 1_000)]
    public int MaxColumns { get; set; } = PabulibLimits.Default.MaxColumns;

    [Range(16, 1_048_576)]
    public int MaxFieldLength { get; set; } = PabulibLimits.Default.MaxFieldLength;

    public PabulibLimits Limits => new()
    {
        MaxProjects = MaxProjects,
        MaxVoters = MaxVoters,
        MaxColumns = MaxColumns,
        MaxFieldLength = MaxFieldLength,
    };
}
