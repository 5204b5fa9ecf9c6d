using Participation.Hosting;

namespace Participation.Storage;

/// <summary>Every table and queue the app uses: tables declared by features, queues named by the function triggers and outputs.</summary>
public sealed class StorageLayout(IEnumerable<DeclaredTable> tables, IEnumerable<RegisteredFunction> functions)
{
    public IReadOnlyList<string> Tables { get; } = tables.Select(t => t.Name).Distinct().Order().ToList();

    public IReadOnlyList<string> Queues { get; } = functions
        .SelectMany(f => f.Outputs.Select(o => o.Queue).Concat(f.Trigger is QueueTrigger q ? [q.Queue, PoisonQueue.For(q.Queue)] : []))
        .Distinct()
        .Order()
        .ToList();
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
