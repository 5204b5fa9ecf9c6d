namespace Participation.Budgeting.Ballots;

/// <summary>
/// What a valid ballot looks like in one election. Checks are pure: the same ballot and projects always give the
/// same answer, so the HTTP layer can turn an error into a 400 before anything is stored.
/// </summary>
public abstract record BallotRule
{
    /// <summary>The rule's name, as reported in <see cref="BallotError.Rule"/>.</summary>
    public abstract string Name { get; }

    /// <summary>Null when the ballot is valid.</summary>
    public BallotError? Check(Ballot ballot, IEnumerable<Project> projects)
    {
        var known = projects.ToDictionary(project => project.Id, StringComparer.Ordinal);
        foreach (var id in ballot.Projects)
        {
            if (!known.ContainsKey(id))
            {
                return Error("unknown_project",
                    $"The ballot names project '{id}', which is not on this ballot paper.",
                    $"De stem noemt plan '{id}', dat niet op dit stembiljet staat.");
            }
        }
        return CheckRule(ballot, known);
    }

    protected abstract BallotError? CheckRule(Ballot ballot, IReadOnlyDictionary<string, Project> projects);

    protected BallotError Error(string code, string english, string dutch) => new(Name, $"{Name}.{code}", english, dutch);

    protected BallotError? CheckCount(int count, int minProjects, int? maxProjects)
    {
        if (count < minProjects)
        {
            return Error("min_projects",
                $"Choose at least {minProjects} project{(minProjects == 1 ? "" : "s")}; this ballot has {count}.",
                $"Kies minstens {minProjects} {(minProjects == 1 ? "plan" : "plannen")}; deze stem heeft er {count}.");
        }
        if (count > maxProjects)
        {
            return Error("max_projects",
                $"Choose at most {maxProjects} project{(maxProjects == 1 ? "" : "s")}; this ballot has {count}.",
                $"Kies hoogstens {maxProjects} {(maxProjects == 1 ? "plan" : "plannen")}; deze stem heeft er {count}.");
        }
        return null;
    }

    protected BallotError? NoPoints(Ballot ballot) =>
        ballot.Points is null
            ? null
            : Error("no_points", "This ballot paper asks for choices, not points.", "Op dit stembiljet kiest u plannen, zonder punten.");
}
