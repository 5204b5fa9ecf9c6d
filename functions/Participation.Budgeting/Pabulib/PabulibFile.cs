using System.Globalization;

namespace Participation.Budgeting.Pabulib;

/// <summary>
/// A pabulib .pb file as written: META key/values in file order, and PROJECTS and VOTES as rows keyed by column.
/// See pabulib.org/format. <see cref="ToElection"/> turns it into something a rule can count.
/// </summary>
public sealed record PabulibFile(
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    IReadOnlyList<string> ProjectColumns,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Projects,
    IReadOnlyList<string> VoteColumns,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Votes)
{
    public string? MetaValue(string key) =>
        Meta.FirstOrDefault(entry => string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The rule the official outcome was computed with, e.g. "greedy" or "equalshares/add1".</summary>
    public string? Rule => MetaValue("rule");

    public long Budget => ParseWhole(MetaValue("budget") ?? throw new FormatException("META has no budget."), "budget");

    public VoteType VoteType => VoteTypes.FromPabulib(MetaValue("vote_type") ?? "approval");

    public int? MinLength => ParseOptional("min_length");

    public int? MaxLength => ParseOptional("max_length");

    public string Currency => MetaValue("currency") ?? "EUR";

    /// <summary>Projects marked <c>selected</c> = 1, in file order; empty when the file has no such column.</summary>
    public IReadOnlyList<string> Selected =>
        Projects.Where(row => row.TryGetValue("selected", out var value) && IsOne(value))
            .Select(row => row["project_id"])
            .ToArray();

    public bool HasSelected => ProjectColumns.Contains("selected", StringComparer.OrdinalIgnoreCase);

    public Election ToElection()
    {
        var voteType = VoteType;
        var projects = Projects.Select(row => new Project(
            row["project_id"],
            ParseWhole(row["cost"], "cost"),
            row.GetValueOrDefault("name") ?? row["project_id"]));
        var ballots = Votes.Select(row => ToBallot(row, voteType));
        return Election.Create(Budget, voteType, projects, ballots, currency: Currency);
    }

    private static Ballot ToBallot(IReadOnlyDictionary<string, string> row, VoteType voteType)
    {
        var chosen = Split(row.GetValueOrDefault("vote") ?? "");
        return voteType switch
        {
            VoteType.Cumulative => Ballot.Cumulative(chosen.Zip(
                Split(row.GetValueOrDefault("points") ?? throw new FormatException("A cumulative vote has no points."))
                    .Select(point => ParseWhole(point, "points")),
                (project, points) => new KeyValuePair<string, long>(project, points))),
            VoteType.Ordinal => Ballot.Ranking(chosen),
            _ => Ballot.Approval(chosen),
        };
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private int? ParseOptional(string key) =>
        MetaValue(key) is { Length: > 0 } value ? (int)ParseWhole(value, key) : null;

    private static bool IsOne(string value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == 1;

    internal static long ParseWhole(string value, string what)
    {
        if (!decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number))
        {
            throw new FormatException($"'{value}' is not a whole number for {what}.");
        }
        if (number is > long.MaxValue or < long.MinValue)
        {
            throw new FormatException($"'{value}' is too large a number for {what}.");
        }
        return (long)number;
    }
}
