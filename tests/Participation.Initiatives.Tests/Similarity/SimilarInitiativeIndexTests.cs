using Participation.Initiatives.Similarity;
using Xunit.Abstractions;

namespace Participation.Initiatives.Tests.Similarity;

public sealed class SimilarInitiativeIndexTests(ITestOutputHelper output) : IDisposable
{
    private static readonly IndexedInitiative[] Existing =
    [
        new("i-1", "oosterpark", "Bomen planten Lindenstraat", "Bewoners willen bomen in de Lindenstraat, de straat is erg stenig."),
        new("i-2", "oosterpark", "Speeltuin opknappen", "De schommel en de glijbaan in de speeltuin aan de Lindenstraat zijn kapot."),
        new("i-3", "oosterpark", "Drempel in de Beukenlaan", "Auto's rijden te hard door de Beukenlaan."),
        new("i-4", "zuidwijk", "Meer bomen in de Lindenstraat", "Ook in Zuidwijk is er een Lindenstraat zonder bomen."),
        new("i-5", "oosterpark", "Trees for Linden Street", "Please plant more trees in the Lindenstraat, it is too hot in summer."),
        new("i-6", "oosterpark", "Buurtfeest in het park", "Een zomerfeest voor de hele buurt met muziek en eten."),
    ];

    private readonly SimilarInitiativeIndex index = new(Existing);

    [Fact]
    public void Finds_the_same_proposal_in_other_words_but_not_a_playground()
    {
        var similar = index.FindSimilar("oosterpark", "Meer bomen in de Lindenstraat", "Wij willen graag bomen in onze straat.");
        Log(similar);

        Assert.Equal("i-1", similar[0].Id);
        Assert.Equal("Bomen planten Lindenstraat", similar[0].Title);
        Assert.DoesNotContain(similar, s => s.Id == "i-2");
        Assert.DoesNotContain(similar, s => s.Id == "i-3");
        Assert.All(similar, s => Assert.InRange(s.Score, SimilarInitiativeIndex.DefaultThreshold, 1));
    }

    [Fact]
    public void A_title_alone_is_enough()
    {
        var similar = index.FindSimilar("oosterpark", "Meer bomen in de Lindenstraat", "");
        var unfiltered = index.FindSimilar("oosterpark", "Meer bomen in de Lindenstraat", "", max: 10, threshold: 0);
        Log(unfiltered);

        Assert.Contains(similar, s => s.Id == "i-1");
        Assert.DoesNotContain(similar, s => s.Id == "i-2");
        Assert.True(unfiltered.Single(s => s.Id == "i-1").Score > 2 * (unfiltered.SingleOrDefault(s => s.Id == "i-2")?.Score ?? 0));
    }

    [Fact]
    public void Only_searches_the_same_neighbourhood()
    {
        var similar = index.FindSimilar("oosterpark", "Meer bomen in de Lindenstraat", "Ook in Zuidwijk is er een Lindenstraat zonder bomen.");

        Assert.DoesNotContain(similar, s => s.Id == "i-4");
        Assert.Equal("i-4", Assert.Single(index.FindSimilar("zuidwijk", "Bomen Lindenstraat", "")).Id);
    }

    [Fact]
    public void English_and_dutch_texts_about_the_same_street_meet()
    {
        var similar = index.FindSimilar("oosterpark", "Plant trees", "More trees in the Lindenstraat please.");
        Log(similar);

        Assert.Equal("i-5", similar[0].Id);
    }

    [Fact]
    public void Scores_are_ordered_bounded_and_an_identical_text_scores_one()
    {
        var identical = index.FindSimilar("oosterpark", Existing[0].Title, Existing[0].Description, max: 10, threshold: 0);

        Assert.Equal("i-1", identical[0].Id);
        Assert.Equal(1.0, identical[0].Score, precision: 3);
        Assert.Equal(identical.OrderByDescending(s => s.Score).Select(s => s.Id), identical.Select(s => s.Id));
    }

    [Fact]
    public void Excludes_the_initiative_itself_and_respects_max()
    {
        var similar = index.FindSimilar("oosterpark", Existing[0].Title, Existing[0].Description, max: 1, threshold: 0, excludeId: "i-1");

        Assert.Single(similar);
        Assert.NotEqual("i-1", similar[0].Id);
    }

    [Fact]
    public void Unrelated_or_empty_text_finds_nothing()
    {
        Assert.Empty(index.FindSimilar("oosterpark", "Wachttijd paspoort", "Het loket is te vaak dicht."));
        Assert.Empty(index.FindSimilar("oosterpark", "", ""));
        Assert.Empty(index.FindSimilar("westhaven", "Bomen", "Bomen"));
        using var empty = new SimilarInitiativeIndex([]);
        Assert.Empty(empty.FindSimilar("oosterpark", "Bomen", "Bomen"));
    }

    [Fact]
    public void A_very_long_description_does_not_break_the_query()
    {
        var words = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"woord{i}"));

        var similar = index.FindSimilar("oosterpark", "Bomen Lindenstraat", words, threshold: 0);

        Assert.NotNull(similar);
    }

    private void Log(IEnumerable<SimilarInitiative> similar)
    {
        foreach (var s in similar)
        {
            output.WriteLine($"{s.Id} {s.Score:0.000} {s.Title}");
        }
    }

    public void Dispose() => index.Dispose();
}
