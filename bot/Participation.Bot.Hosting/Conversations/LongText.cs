using Azure.Data.Tables;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>
/// A table string property holds at most 64 KiB (32K UTF-16 characters); a conversation state with its transcript or
/// an answer with cards can pass that, so long text is split over <c>Name</c>, <c>Name_1</c>, <c>Name_2</c> …
/// </summary>
internal static class LongText
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        var chunks = text.Chunk(ChunkLength).Select(c => new string(c)).DefaultIfEmpty("").ToList();
        entity[name] = chunks[0];
        for (var i = 1; i < chunks.Count; i++)
        {
            entity[$"{name}_{i}"] = chunks[i];
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var text = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString($"{name}_{i}") is { } next; i++)
        {
            text.Append(next);
        }

        return text.ToString();
    }
}
