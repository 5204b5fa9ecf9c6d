using Participation.Bot.Topics;

namespace Participation.Bot.Tests.Topics;

public sealed class SpellingAndLanguageTests
{
    private static readonly SpellingCorrector Corrector = new(["identiteitskaart verhuizing"], ["passport", "paspoort"]);

    [Theory]
    [InlineData("mijn pasport", "mijn paspoort")]
    [InlineData("identiteitkaart kwijt", "identiteitskaart kwijt")]
    [InlineData("verhuising", "verhuizing")]
    [InlineData("passpot", "passport")]
    [InlineData("fiets", "fiets")]
    public void Repairs_typos_of_known_words_only(string text, string expected) => Assert.Equal(expected, Corrector.Correct(text));

    [Theory]
    [InlineData("wat kost een paspoort", null, "nl")]
    [InlineData("how much is a passport", "nl-NL", "en")]
    [InlineData("BI-2024-0173", "en-US", "en")]
    [InlineData("ok", null, "nl")]
    public void Detects_Dutch_or_English(string text, string? fallback, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, fallback));
}
