namespace Participation.Initiatives.Classification;

/// <summary>
/// Chooses the theme whose keywords occur most in title and description (a word in the title counts double),
/// deterministically and with the words it found as the explanation. Nothing found means no theme: the front office decides.
/// </summary>
public sealed class KeywordThemeClassifier : IThemeClassifier
{
    private const int TitleWeight = 2;
    private const int DescriptionWeight = 1;
    private const int MinimumCompoundPart = 4;

    private readonly IReadOnlyList<Keyword> keywords;

    public KeywordThemeClassifier()
        : this(ThemeKeywords.ByTheme)
    {
    }

    /// <param name="keywordsByTheme">Theme code → keywords, in the notation of <see cref="ThemeKeywords"/>.</param>
    public KeywordThemeClassifier(IReadOnlyDictionary<string, string[]> keywordsByTheme)
    {
        keywords = keywordsByTheme
            .SelectMany(theme => theme.Value.Select(spec => Keyword.Parse(theme.Key, spec)))
            .Where(keyword => keyword.Stems.Count > 0)
            .ToList();
    }

    public Task<ThemeClassification> ClassifyAsync(string title, string description, IReadOnlyList<Theme> themes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Classify(title, description, themes));
    }

    public ThemeClassification Classify(string title, string description, IReadOnlyList<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var offered = themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var titleWords = Stems(title);
        var descriptionWords = Stems(description);

        // Each keyword counts once, in the place it weighs most, so a long description repeating one word does not outvote the title.
        var hits = new Dictionary<string, List<Hit>>(StringComparer.Ordinal);
        foreach (var keyword in keywords.Where(k => offered.Contains(k.ThemeCode)))
        {
            var found = keyword.FindIn(titleWords) is { } inTitle
                ? new Hit(inTitle, TitleWeight)
                : keyword.FindIn(descriptionWords) is { } inDescription
                    ? new Hit(inDescription, DescriptionWeight)
                    : null;
            if (found is null)
            {
                continue;
            }

            var themeHits = hits.TryGetValue(keyword.ThemeCode, out var list) ? list : hits[keyword.ThemeCode] = [];
            // Two keywords can match the same text ("boom" and "bomen" spelled alike after stemming): count the text once.
            if (!themeHits.Any(h => h.Text == found.Text))
            {
                themeHits.Add(found);
            }
        }

        if (hits.Count == 0)
        {
            return ThemeClassification.None("No theme keywords found; the front office chooses the theme.");
        }

        var order = themes.Select((t, i) => (t.Code, i)).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var ranking = hits
            .Select(pair => (Code: pair.Key, Hits: pair.Value, Score: pair.Value.Sum(h => h.Weight), TitleHits: pair.Value.Count(h => h.Weight == TitleWeight)))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.TitleHits)
            .ThenBy(r => order[r.Code])
            .ToList();

        var best = ranking[0];
        var runnerUp = ranking.Count > 1 ? ranking[1].Score : 0;
        // Share of the evidence for the winner, damped when that evidence is a single word.
        var confidence = Math.Round((double)best.Score / (best.Score + runnerUp) * (1 - Math.Pow(0.5, best.Score)), 2);

        var name = themes.First(t => t.Code == best.Code).Name;
        var explanation = $"{name} ({best.Code}), keywords: {Describe(best.Hits)}";
        if (ranking.Count > 1)
        {
            explanation += "; also " + string.Join("; ", ranking.Skip(1).Select(r => $"{r.Code}: {Describe(r.Hits)}"));
        }

        if (runnerUp == best.Score)
        {
            explanation += "; tie broken by title words, then theme order";
        }

        return new ThemeClassification(best.Code, confidence, explanation + ".");
    }

    private static string Describe(List<Hit> hits) =>
        string.Join(", ", hits.OrderByDescending(h => h.Weight).Select(h => h.Weight == TitleWeight ? h.Text + " (title)" : h.Text));

    private static IReadOnlyList<(string Word, string Stem)> Stems(string? text) =>
        KeywordStemmer.Words(text ?? string.Empty).Select(w => (w, KeywordStemmer.Stem(w))).ToList();

    private sealed record Hit(string Text, int Weight);

    private sealed record Keyword(string ThemeCode, IReadOnlyList<string> Stems, bool WholeWordOnly)
    {
        public static Keyword Parse(string themeCode, string spec)
        {
            var whole = spec.StartsWith('=');
            var stems = KeywordStemmer.Words(whole ? spec[1..] : spec).Select(KeywordStemmer.Stem).ToList();
            return new Keyword(themeCode, stems, whole);
        }

        /// <summary>The words of the text this keyword matched, as written there; null when absent.</summary>
        public string? FindIn(IReadOnlyList<(string Word, string Stem)> words)
        {
            for (var i = 0; i + Stems.Count <= words.Count; i++)
            {
                if (Stems.Count == 1 ? Matches(words[i].Stem, Stems[0]) : Enumerable.Range(0, Stems.Count).All(j => words[i + j].Stem == Stems[j]))
                {
                    return string.Join(' ', words.Skip(i).Take(Stems.Count).Select(w => w.Word));
                }
            }

            return null;
        }

        private bool Matches(string stem, string keyword) =>
            stem == keyword
            || (!WholeWordOnly && keyword.Length >= MinimumCompoundPart && stem.Length > keyword.Length
                && (stem.StartsWith(keyword, StringComparison.Ordinal) || stem.EndsWith(keyword, StringComparison.Ordinal)));
    }
}
