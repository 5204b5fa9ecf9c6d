using System.Runtime.InteropServices;

namespace Participation.Budgeting.Pabulib;

/// <summary>
/// Identical ballots counted once as a file is read, without an object per ballot: the distinct ballots lie end to
/// end in one array of project indexes (with their points beside them for cumulative ballots), found again through an
/// open-addressing table of their hashes. The hashes are seeded per process (<see cref="HashCode"/>), so a crafted
/// file cannot make every ballot land in one slot.
/// </summary>
internal sealed class BallotGrouping(bool withPoints)
{
    private int[] projects = new int[4096];
    private long[]? points = withPoints ? new long[4096] : null;
    private int used;
    private int[] starts = new int[1025];
    private long[] counts = new long[1024];
    private int[] hashes = new int[1024];
    private int groups;
    private int[] table = new int[2048]; // a group's index + 1; 0 is an empty slot

    /// <param name="ballotProjects">In the ballot's order of meaning: sorted for a set, ranked for a ranking.</param>
    /// <param name="ballotPoints">Parallel to the projects for a cumulative ballot, empty otherwise.</param>
    public void Add(ReadOnlySpan<int> ballotProjects, ReadOnlySpan<long> ballotPoints)
    {
        var hashing = new HashCode();
        hashing.AddBytes(MemoryMarshal.AsBytes(ballotProjects));
        hashing.AddBytes(MemoryMarshal.AsBytes(ballotPoints));
        var hash = hashing.ToHashCode();
        var mask = table.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                table[slot] = NewGroup(hash, ballotProjects, ballotPoints) + 1;
                if (groups * 2 > table.Length)
                {
                    Rehash();
                }
                return;
            }
            var group = entry - 1;
            if (hashes[group] == hash && Same(group, ballotProjects, ballotPoints))
            {
                counts[group]++;
                return;
            }
        }
    }

    public IndexedBallots ToIndexed() =>
        new(starts[..(groups + 1)], projects[..used], points?[..used], counts[..groups]);

    private bool Same(int group, ReadOnlySpan<int> ballotProjects, ReadOnlySpan<long> ballotPoints)
    {
        var start = starts[group];
        var length = starts[group + 1] - start;
        return projects.AsSpan(start, length).SequenceEqual(ballotProjects)
            && (points is null || points.AsSpan(start, length).SequenceEqual(ballotPoints));
    }

    private int NewGroup(int hash, ReadOnlySpan<int> ballotProjects, ReadOnlySpan<long> ballotPoints)
    {
        if (groups + 1 == counts.Length)
        {
            Array.Resize(ref counts, counts.Length * 2);
            Array.Resize(ref hashes, hashes.Length * 2);
            Array.Resize(ref starts, starts.Length * 2);
        }
        if (used + ballotProjects.Length > projects.Length)
        {
            var size = Math.Max(projects.Length * 2, used + ballotProjects.Length);
            Array.Resize(ref projects, size);
            if (points is not null)
            {
                Array.Resize(ref points, size);
            }
        }
        ballotProjects.CopyTo(projects.AsSpan(used));
        if (points is not null)
        {
            ballotPoints.CopyTo(points.AsSpan(used));
        }
        used += ballotProjects.Length;
        var group = groups++;
        hashes[group] = hash;
        counts[group] = 1;
        starts[groups] = used;
        return group;
    }

    private void Rehash()
    {
        table = new int[table.Length * 2];
        var mask = table.Length - 1;
        for (var group = 0; group < groups; group++)
        {
            var slot = hashes[group] & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = group + 1;
        }
    }
}
