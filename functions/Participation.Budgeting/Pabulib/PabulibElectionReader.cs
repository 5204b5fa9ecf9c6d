using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Participation.Budgeting.Pabulib;

/// <summary>
/// Reads a .pb file from a stream straight into an <see cref="Election"/>, for counting a stranger's file: the bytes
/// are read in chunks and split where they lie (no string per field, no dictionary per row), only the columns a count
/// needs are decoded, votes name projects by index (looked up by their bytes), identical ballots are grouped as
/// they arrive into <see cref="IndexedBallots"/>, and every <see cref="PabulibLimits"/> is checked
/// while reading, so an oversized file is refused before it costs memory. Same format rules as
/// <see cref="PabulibReader"/>: ';'-separated, quotes open a field only at its start, a doubled quote is one quote.
/// </summary>
public sealed class PabulibElectionReader
{
    private const int ChunkSize = 64 * 1024;

    private readonly Stream stream;
    private readonly PabulibLimits limits;
    private byte[] buffer = new byte[ChunkSize];
    private int position;
    private int end;
    private bool endOfStream;
    private readonly List<Field> fields = [];

    // Parsed state.
    private readonly List<KeyValuePair<string, string>> meta = [];
    private readonly List<Project> projects = [];
    private readonly Dictionary<string, int> projectIndex = new(StringComparer.Ordinal);
    private ProjectIdTable? projectIds;
    private BallotGrouping? grouping;
    private readonly List<int> scratch = [];
    private readonly List<(int Project, long Points)> pairs = [];
    private readonly List<int> mergedProjects = [];
    private readonly List<long> mergedPoints = [];
    private int[] seen = [];
    private int seenStamp;
    private long voters;
    private VoteType? voteType;

    private PabulibElectionReader(Stream stream, PabulibLimits limits)
    {
        this.stream = stream;
        this.limits = limits;
    }

    public static async Task<Election> ReadAsync(Stream stream, PabulibLimits limits, CancellationToken cancellationToken) =>
        await new PabulibElectionReader(stream, limits).ReadAsync(cancellationToken);

    public static Election Read(Stream stream, PabulibLimits limits) =>
        new PabulibElectionReader(stream, limits).ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    private async Task<Election> ReadAsync(CancellationToken cancellationToken)
    {
        string? section = null;
        int[]? columns = null; // for PROJECTS: id, cost, name; for VOTES: vote, points
        var first = true;
        while (await NextRecordAsync(cancellationToken))
        {
            if (first)
            {
                first = false;
                if (fields.Count > 0 && Raw(fields[0]).StartsWith("\uFEFF"u8))
                {
                    fields[0] = fields[0] with { Start = fields[0].Start + 3, Length = fields[0].Length - 3 };
                }
            }
            if (fields.Count == 1)
            {
                var only = Trimmed(fields[0]);
                if (only.IsEmpty)
                {
                    continue;
                }
                if (SectionName(only) is { } name)
                {
                    section = name;
                    columns = null;
                    if (section == "VOTES")
                    {
                        voteType = VoteTypes.FromPabulib(Meta("vote_type") ?? "approval");
                        grouping ??= new BallotGrouping(withPoints: voteType == VoteType.Cumulative);
                    }
                    continue;
                }
            }
            if (section is null)
            {
                throw new FormatException("A .pb file starts with a META section.");
            }
            if (fields.Count > limits.MaxColumns)
            {
                throw new PabulibLimitExceeded("columns", $"A row has more than {limits.MaxColumns} columns.");
            }
            if (columns is null)
            {
                columns = section switch
                {
                    "PROJECTS" => [Column("project_id", required: true), Column("cost", required: true), Column("name", required: false)],
                    "VOTES" => [Column("vote", required: false), Column("points", required: false)],
                    _ => [],
                };
                continue;
            }
            switch (section)
            {
                case "META":
                    var value = fields.Count > 1
                        ? string.Join(';', fields.Skip(1).Select(Text))
                        : "";
                    meta.Add(new(Text(fields[0]).Trim(), value.Trim()));
                    break;
                case "PROJECTS":
                    AddProject(columns);
                    break;
                case "VOTES":
                    AddVote(columns);
                    break;
            }
        }

        var budget = ParseWhole(Meta("budget") ?? throw new FormatException("META has no budget."), "budget", limits.MaxMoney);
        var type = voteType ?? VoteTypes.FromPabulib(Meta("vote_type") ?? "approval");
        var ballots = (grouping ?? new BallotGrouping(withPoints: false)).ToIndexed();
        return Election.FromIndexed(budget, type, projects, ballots, Meta("currency") ?? "EUR");
    }

    private void AddProject(int[] columns)
    {
        if (projects.Count == limits.MaxProjects)
        {
            throw new PabulibLimitExceeded("projects", $"The file has more than {limits.MaxProjects:N0} projects.");
        }
        var id = TextAt(columns[0]).Trim();
        if (id.Length == 0)
        {
            throw new FormatException("A project has no project_id.");
        }
        var cost = ParseWhole(TextAt(columns[1]), "cost", limits.MaxMoney);
        var name = columns[2] >= 0 && columns[2] < fields.Count ? Text(fields[columns[2]]).Trim() : id;
        if (!projectIndex.TryAdd(id, projects.Count))
        {
            throw new FormatException($"Project '{id}' appears twice.");
        }
        projects.Add(new Project(id, cost, name));
    }

    private void AddVote(int[] columns)
    {
        if (voters == limits.MaxVoters)
        {
            throw new PabulibLimitExceeded("voters", $"The file has more than {limits.MaxVoters:N0} votes.");
        }
        voters++;
        scratch.Clear();
        var vote = columns[0] >= 0 && columns[0] < fields.Count ? Unquoted(fields[columns[0]]) : [];
        var start = 0;
        for (var i = 0; i <= vote.Length; i++)
        {
            if (i < vote.Length && vote[i] != ',')
            {
                continue;
            }
            var item = vote[start..i];
            start = i + 1;
            if (!item.IsEmpty && (item[0] is (byte)' ' or (byte)'\t' || item[^1] is (byte)' ' or (byte)'\t'))
            {
                item = item.Trim(" \t"u8);
            }
            if (!item.IsEmpty)
            {
                scratch.Add(ProjectOf(item));
            }
        }

        switch (voteType)
        {
            case VoteType.Cumulative:
                MergePoints(columns[1] >= 0 && columns[1] < fields.Count
                    ? Unquoted(fields[columns[1]])
                    : throw new FormatException("A cumulative vote has no points."));
                grouping!.Add(CollectionsMarshal.AsSpan(mergedProjects), CollectionsMarshal.AsSpan(mergedPoints));
                break;
            case VoteType.Ordinal:
                var ranking = CollectionsMarshal.AsSpan(scratch);
                if (seen.Length < projects.Count)
                {
                    seen = new int[projects.Count];
                }
                seenStamp++;
                foreach (var project in ranking)
                {
                    if (seen[project] == seenStamp)
                    {
                        throw new FormatException("A ranking names each project once.");
                    }
                    seen[project] = seenStamp;
                }
                grouping!.Add(ranking, []);
                break;
            default:
                // An approval is a set: sorted, each project once.
                var approved = CollectionsMarshal.AsSpan(scratch);
                approved.Sort();
                var distinct = approved.IsEmpty ? 0 : 1;
                for (var k = 1; k < approved.Length; k++)
                {
                    if (approved[k] != approved[distinct - 1])
                    {
                        approved[distinct++] = approved[k];
                    }
                }
                grouping!.Add(approved[..distinct], []);
                break;
        }
    }

    /// <summary>
    /// Points summed per project and ordered by project, into <see cref="mergedProjects"/> and
    /// <see cref="mergedPoints"/>: one form per meaning. The projects are in <see cref="scratch"/>, parallel to the points.
    /// </summary>
    private void MergePoints(ReadOnlySpan<byte> points)
    {
        pairs.Clear();
        var i = 0;
        while (!points.IsEmpty && i < scratch.Count)
        {
            var comma = points.IndexOf((byte)',');
            var item = (comma < 0 ? points : points[..comma]).Trim(" \t"u8);
            points = comma < 0 ? [] : points[(comma + 1)..];
            if (item.IsEmpty)
            {
                continue;
            }
            var value = long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain <= limits.MaxPoints
                ? plain
                : ParseWhole(Encoding.UTF8.GetString(item), "points", limits.MaxPoints);
            pairs.Add((scratch[i], value));
            i++;
        }
        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort((x, y) => x.Project.CompareTo(y.Project));
        mergedProjects.Clear();
        mergedPoints.Clear();
        foreach (var (project, value) in span)
        {
            if (mergedProjects.Count > 0 && mergedProjects[^1] == project)
            {
                mergedPoints[^1] += value;
                if (mergedPoints[^1] > limits.MaxPoints)
                {
                    throw new PabulibLimitExceeded("points", $"A voter gives more than {limits.MaxPoints:N0} points to one project.");
                }
                continue;
            }
            mergedProjects.Add(project);
            mergedPoints.Add(value);
        }
    }

    /// <summary>The index of the project a vote names, by its bytes: no string per vote.</summary>
    private int ProjectOf(ReadOnlySpan<byte> id)
    {
        if (projectIds is null || projectIds.Count != projects.Count)
        {
            projectIds = new ProjectIdTable(projects);
        }
        if (projectIds.TryFind(id, out var project))
        {
            return project;
        }
        Span<char> chars = stackalloc char[256];
        if ((!projectIds.Complete || ProjectIdTable.Key(id) is null) && id.Length <= chars.Length && Encoding.UTF8.TryGetChars(id, chars, out var length)
            && projectIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..length], out project))
        {
            return project;
        }
        throw new FormatException($"A ballot names unknown project '{Truncate(Encoding.UTF8.GetString(id))}'.");
    }

    private int Column(string name, bool required)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (Encoding.UTF8.GetString(Trimmed(fields[i])).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return required ? throw new FormatException($"The PROJECTS section has no {name} column.") : -1;
    }

    private string? Meta(string key) =>
        meta.FirstOrDefault(entry => string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? SectionName(ReadOnlySpan<byte> field) =>
        Ascii.EqualsIgnoreCase(field, "META"u8) ? "META"
        : Ascii.EqualsIgnoreCase(field, "PROJECTS"u8) ? "PROJECTS"
        : Ascii.EqualsIgnoreCase(field, "VOTES"u8) ? "VOTES"
        : null;

    private string TextAt(int column) => column < fields.Count ? Text(fields[column]) : "";

    private string Text(Field field) => Encoding.UTF8.GetString(Unquoted(field));

    private ReadOnlySpan<byte> Raw(Field field) => buffer.AsSpan(field.Start, field.Length);

    private ReadOnlySpan<byte> Trimmed(Field field) => Unquoted(field).Trim(" \t"u8);

    /// <summary>The field's content: a quoted field's doubled quotes are undoubled in place the first time.</summary>
    private ReadOnlySpan<byte> Unquoted(Field field)
    {
        if (!field.Quoted)
        {
            return Raw(field);
        }
        var span = buffer.AsSpan(field.Start, field.Length);
        if (span.IndexOf("\"\""u8) < 0)
        {
            return span;
        }
        var write = 0;
        for (var read = 0; read < span.Length; read++)
        {
            span[write++] = span[read];
            if (span[read] == '"')
            {
                read++;
            }
        }
        var index = fields.IndexOf(field);
        fields[index] = field with { Length = write, Quoted = false };
        return span[..write];
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;

    internal static long ParseWhole(string value, string what, long max)
    {
        var text = value.Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var @decimal)
                || @decimal != decimal.Truncate(@decimal))
            {
                // Beyond decimal's range too: a number, but far too large to be money or points.
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate)
                    && Math.Abs(approximate) > max)
                {
                    throw new PabulibLimitExceeded(what == "points" ? "points" : "money", $"The {what} {Truncate(text)} is larger than {max:N0}.");
                }
                throw new FormatException($"'{Truncate(text)}' is not a whole number for {what}.");
            }
            if (Math.Abs(@decimal) > max)
            {
                throw new PabulibLimitExceeded(what == "points" ? "points" : "money", $"The {what} {Truncate(text)} is larger than {max:N0}.");
            }
            number = (long)@decimal;
        }
        if (number < 0)
        {
            throw new FormatException($"The {what} {number} is negative.");
        }
        if (number > max)
        {
            throw new PabulibLimitExceeded(what == "points" ? "points" : "money", $"The {what} {number:N0} is larger than {max:N0}.");
        }
        return number;
    }

    /// <summary>
    /// Splits the next record into <see cref="fields"/>, reading more of the stream when the record runs past what is
    /// buffered (a quoted field may hold line breaks). False at the end of the stream.
    /// </summary>
    private async ValueTask<bool> NextRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = TrySplit(out var next);
            if (outcome == Split.Record)
            {
                position = next;
                return true;
            }
            if (endOfStream)
            {
                if (position >= end)
                {
                    return false;
                }
                // The last record has no line break after it.
                if (outcome == Split.NeedMore && TrySplitLast(out next))
                {
                    position = next;
                    return true;
                }
                throw new FormatException("The file ends inside a quoted field.");
            }
            await FillAsync(cancellationToken);
        }
    }

    private enum Split { Record, NeedMore }

    private Split TrySplit(out int next)
    {
        fields.Clear();
        var span = buffer.AsSpan(0, end);
        var i = position;
        while (true)
        {
            if (i >= end)
            {
                next = 0;
                return Split.NeedMore;
            }
            int start, length, after;
            var quoted = span[i] == '"';
            if (quoted)
            {
                start = i + 1;
                var j = start;
                while (true)
                {
                    var k = span[j..].IndexOf((byte)'"');
                    if (k < 0 || j + k + 1 >= end)
                    {
                        next = 0;
                        return Split.NeedMore;
                    }
                    j += k;
                    if (span[j + 1] == '"')
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                length = j - start;
                after = j + 1;
                if (span[after] is not ((byte)';' or (byte)'\n' or (byte)'\r'))
                {
                    throw new FormatException("Text follows a closing quote in the same field.");
                }
            }
            else
            {
                start = i;
                var k = span[i..].IndexOfAny(";\n\r"u8);
                if (k < 0)
                {
                    CheckFieldLength(end - start);
                    next = 0;
                    return Split.NeedMore;
                }
                length = k;
                after = i + k;
            }
            CheckFieldLength(length);
            fields.Add(new Field(start, length, quoted));
            if (fields.Count > limits.MaxColumns + 1)
            {
                throw new PabulibLimitExceeded("columns", $"A row has more than {limits.MaxColumns} columns.");
            }
            if (span[after] == ';')
            {
                i = after + 1;
                continue;
            }
            if (span[after] == '\r')
            {
                if (after + 1 >= end && !endOfStream)
                {
                    next = 0;
                    return Split.NeedMore;
                }
                if (after + 1 < end && span[after + 1] == '\n')
                {
                    after++;
                }
            }
            next = after + 1;
            return Split.Record;
        }
    }

    /// <summary>At the end of the stream: what remains is one record without a line break.</summary>
    private bool TrySplitLast(out int next)
    {
        var ending = "\n"u8;
        EnsureCapacity(end + 1);
        ending.CopyTo(buffer.AsSpan(end));
        end++;
        var outcome = TrySplit(out next);
        return outcome == Split.Record;
    }

    private void CheckFieldLength(int length)
    {
        if (length > limits.MaxFieldLength)
        {
            throw new PabulibLimitExceeded("field_length", $"A field is longer than {limits.MaxFieldLength:N0} bytes.");
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // Keep the unfinished record, move it to the front, and grow only when one record fills the buffer.
        if (position > 0)
        {
            Buffer.BlockCopy(buffer, position, buffer, 0, end - position);
            end -= position;
            position = 0;
        }
        EnsureCapacity(end + ChunkSize);
        var read = await stream.ReadAsync(buffer.AsMemory(end, buffer.Length - end), cancellationToken);
        if (read == 0)
        {
            endOfStream = true;
        }
        end += read;
    }

    private void EnsureCapacity(int size)
    {
        if (size > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
        }
    }

    private readonly record struct Field(int Start, int Length, bool Quoted);
}
