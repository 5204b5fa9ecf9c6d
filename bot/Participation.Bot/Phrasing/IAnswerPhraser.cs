using System.Globalization;

namespace Participation.Bot.Phrasing;

/// <summary>Turns a retrieved article into the bot's answer to one question. Every answer names its source.</summary>
public interface IAnswerPhraser
{
    Task<string> PhraseAsync(string question, RenderedArticle article, CancellationToken cancellationToken);
}

/// <summary>Answers with the article itself: the default, and the fallback whenever a language model is not used.</summary>
public sealed class ArticlePhraser : IAnswerPhraser
{
    public Task<string> PhraseAsync(string question, RenderedArticle article, CancellationToken cancellationToken) =>
        Task.FromResult($"{article.Body}\n\n{SourceLine(article)}");

    public static string SourceLine(RenderedArticle article)
    {
        var dutch = article.Language == "nl";
        var checkedOn = article.LastChecked.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(dutch ? "nl-NL" : "en-GB"));
        return dutch
            ? $"Bron: [{article.Title}]({article.Source}) (gecontroleerd op {checkedOn})"
            : $"Source: [{article.Title}]({article.Source}) (checked on {checkedOn})";
    }
}
