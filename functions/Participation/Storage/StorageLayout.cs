namespace Participation.App.Storage;

/// <summary>Every table and queue the app uses: tables declared by features, queues declared by the functions that read or write them.</summary>
public sealed class StorageLayout(IEnumerable<DeclaredTable> tables, IEnumerable<DeclaredQueue> queues)
{
    public IReadOnlyList<string> Tables { get; } = tables.Select(t => t.Name).Distinct().Order().ToList();

    public IReadOnlyList<string> Queues { get; } = queues.Select(q => q.Name).Distinct().Order().ToList();
}

public static class PoisonQueue
{
    public const string Suffix = "-poison";

    public static string For(string queue) => queue + Suffix;
}

public static class TableNames
{
    /// <summary>Azure's rule: 3–63 alphanumeric characters, starting with a letter.</summary>
    public static void Validate(string table)
    {
        if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{table}' is not a valid table name.", nameof(table));
        }
    }
}
