namespace Participation.Bot.Knowledge;

/// <summary>One article of the knowledge base: one topic in one language, with where its facts come from.</summary>
public sealed record KnowledgeArticle(
    string Topic,
    string Language,
    string Title,
    string Source,
    DateOnly LastChecked,
    IReadOnlyList<string> Keywords,
    string Body);
