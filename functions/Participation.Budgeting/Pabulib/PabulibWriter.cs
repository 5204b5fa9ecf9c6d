using System.Globalization;
using System.Text;
using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Pabulib;

/// <summary>Writes .pb files, and builds the file a municipality publishes after counting.</summary>
public static class PabulibWriter
{
    public static void Write(PabulibFile file, TextWriter writer)
    {
        writer.Write("META\n");
        WriteRow(writer, ["key", "value"]);
        foreach (var (key, value) in file.Meta)
        {
            WriteRow(writer, [key, value]);
        }
        writer.Write("PROJECTS\n");
        WriteTable(writer, file.ProjectColumns, file.Projects);
        writer.Write("VOTES\n");
        WriteTable(writer, file.VoteColumns, file.Votes);
    }

    public static string Write(PabulibFile file)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(file, text);
        return text.ToString();
    }

    /// <summary>
    /// The published record of an election: its projects with votes and the <c>selected</c> column, and every ballot.
    /// Voter ids are replaced by sequential numbers on purpose, and ballots are listed by group rather than in the order
    /// they arrived, so an export cannot reveal who voted or when; it holds what was voted, never by whom.
    /// </summary>
    public static PabulibFile Export(
        Election election,
        Allocation? allocation,
        IEnumerable<KeyValuePair<string, string>>? meta = null)
    {
        var entries = new List<KeyValuePair<string, string>>(meta ?? []);
        void Set(string key, string value)
        {
            entries.RemoveAll(entry => string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase));
            entries.Add(new(key, value));
        }
        Set("num_projects", election.Projects.Count.ToString(CultureInfo.InvariantCulture));
        Set("num_votes", election.VoterCount.ToString(CultureInfo.InvariantCulture));
        Set("budget", election.Budget.ToString(CultureInfo.InvariantCulture));
        Set("vote_type", election.VoteType.ToPabulib());
        Set("currency", election.Currency);
        if (allocation is not null)
        {
            Set("rule", allocation.Rule);
        }

        var votes = BallotProfileVotes(election);
        var projectColumns = new List<string> { "project_id", "cost", "votes", "name" };
        if (allocation is not null)
        {
            projectColumns.Add("selected");
        }
        var projects = election.Projects.Select(project =>
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["project_id"] = project.Id,
                ["cost"] = project.Cost.ToString(CultureInfo.InvariantCulture),
                ["votes"] = votes[project.Id].ToString(CultureInfo.InvariantCulture),
                ["name"] = project.Name,
            };
            if (allocation is not null)
            {
                row["selected"] = allocation.IsSelected(project.Id) ? "1" : "0";
            }
            return (IReadOnlyDictionary<string, string>)row;
        }).ToArray();

        var voteColumns = election.VoteType == VoteType.Cumulative
            ? new[] { "voter_id", "vote", "points" }
            : new[] { "voter_id", "vote" };
        var ballots = new List<IReadOnlyDictionary<string, string>>();
        foreach (var group in election.Ballots)
        {
            var vote = string.Join(',', group.Ballot.Projects);
            var points = group.Ballot.Points is { } values
                ? string.Join(',', values.Select(value => value.ToString(CultureInfo.InvariantCulture)))
                : null;
            for (var i = 0; i < group.Count; i++)
            {
                var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["voter_id"] = (ballots.Count + 1).ToString(CultureInfo.InvariantCulture),
                    ["vote"] = vote,
                };
                if (points is not null)
                {
                    row["points"] = points;
                }
                ballots.Add(row);
            }
        }
        return new PabulibFile(entries, projectColumns, projects, voteColumns, ballots);
    }

    private static Dictionary<string, long> BallotProfileVotes(Election election) =>
        new(election.Profile.Votes(), StringComparer.Ordinal);

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        WriteRow(writer, columns);
        foreach (var row in rows)
        {
            WriteRow(writer, columns.Select(column => row.GetValueOrDefault(column) ?? "").ToArray());
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(';');
            }
            var field = fields[i];
            if (field.Contains(';') || field.Contains('\n') || field.Contains('\r') || field.StartsWith('"'))
            {
                line.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }
        writer.Write(line.Append('\n').ToString());
    }
}
