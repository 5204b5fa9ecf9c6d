using System.Numerics;
using System.Runtime.InteropServices;

namespace Participation.Budgeting.Pabulib;

/// <summary>
/// Finds a project's index from the bytes of its id as a vote names it, for ids of up to seven bytes (pabulib ids are
/// usually a few digits): the id packed into one number, looked up in an open-addressing table. The table's hash is
/// seeded at random and the table is built again with another seed if the file's ids happen to crowd it, so no file
/// can make a lookup walk more than <see cref="MaxProbes"/> slots. Longer ids are not in it: for them
/// <see cref="TryFind"/> is false and the caller looks them up as text.
/// </summary>
internal sealed class ProjectIdTable
{
    private const int MaxProbes = 16;

    private readonly ulong[] keys;
    private readonly int[] indexes;
    private readonly int shift;
    private ulong seed;

    public ProjectIdTable(IReadOnlyList<Project> projects)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, projects.Count * 4));
        keys = new ulong[size];
        indexes = new int[size];
        shift = 64 - BitOperations.Log2((uint)size);
        Count = projects.Count;
        for (var attempt = 0; attempt < 8 && !Complete; attempt++)
        {
            Array.Clear(keys);
            Complete = TryBuild(projects);
        }
    }

    /// <summary>False in the (vanishingly unlikely) case that no seed spread the ids well: then the table is not used.</summary>
    public bool Complete { get; }

    /// <summary>How many projects the table was built for.</summary>
    public int Count { get; }

    public bool TryFind(ReadOnlySpan<byte> id, out int project)
    {
        project = -1;
        if (!Complete || Key(id) is not { } key)
        {
            return false;
        }
        var mask = keys.Length - 1;
        for (var slot = Slot(key); keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (keys[slot] == key)
            {
                project = indexes[slot];
                return true;
            }
        }
        return false;
    }

    /// <summary>The id's bytes and its length in one number, or null for an id too long to pack (or a big-endian machine).</summary>
    public static ulong? Key(ReadOnlySpan<byte> id)
    {
        if (id.Length is 0 or > 7 || !BitConverter.IsLittleEndian)
        {
            return null;
        }
        ulong key = 0;
        id.CopyTo(MemoryMarshal.AsBytes(new Span<ulong>(ref key)));
        return key | (ulong)id.Length << 56;
    }

    private int Slot(ulong key) => (int)(((key ^ seed) * 0x9E3779B97F4A7C15UL) >> shift);

    private bool TryBuild(IReadOnlyList<Project> projects)
    {
        seed = (ulong)Random.Shared.NextInt64();
        var mask = keys.Length - 1;
        for (var p = 0; p < projects.Count; p++)
        {
            if (Key(System.Text.Encoding.UTF8.GetBytes(projects[p].Id)) is not { } key)
            {
                continue;
            }
            var slot = Slot(key);
            for (var probes = 0; keys[slot] != 0; probes++)
            {
                if (probes == MaxProbes)
                {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            indexes[slot] = p;
        }
        return true;
    }
}
