namespace Participation.Budgeting;

/// <summary>
/// One resident's ballot. Approval ballots are sets, so their projects are kept sorted; rankings keep their order;
/// cumulative ballots carry the points given to each project. Two ballots that mean the same are equal,
/// which is what lets an election count identical ballots once with a multiplicity.
/// </summary>
public sealed record Ballot
{
    private Ballot(IReadOnlyList<string> projects, IReadOnlyList<long>? points)
    {
        Projects = projects;
        Points = points;
    }

    /// <summary>Approved projects (sorted), ranked projects (best first), or projects given points.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>Points per project, parallel to <see cref="Projects"/>; only for cumulative ballots.</summary>
    public IReadOnlyList<long>? Points { get; }

    public static Ballot Approval(IEnumerable<string> projects) =>
        new(projects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), null);

    public static Ballot Ranking(IEnumerable<string> ranking)
    {
        var ranked = ranking.ToArray();
        if (ranked.Distinct(StringComparer.Ordinal).Count() != ranked.Length)
        {
            throw new ArgumentException("A ranking names each project once.", nameof(ranking));
        }
        return new(ranked, null);
    }

    public static Ballot Cumulative(IEnumerable<KeyValuePair<string, long>> points)
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (project, value) in points)
        {
            merged[project] = merged.GetValueOrDefault(project) + value;
        }
        return new(merged.Keys.ToArray(), merged.Values.ToArray());
    }

    public bool Equals(Ballot? other) =>
        other is not null
        && Projects.SequenceEqual(other.Projects, StringComparer.Ordinal)
        && (Points is null ? other.Points is null : other.Points is not null && Points.SequenceEqual(other.Points));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var project in Projects)
        {
            hash.Add(project, StringComparer.Ordinal);
        }
        foreach (var value in Points ?? [])
        {
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}
