namespace Participation.Initiatives.Classification;

/// <summary>
/// Suggests a theme for an initiative the resident filed without one. Implementations: <see cref="KeywordThemeClassifier"/>
/// (deterministic, explainable, offline) and a language-model one in the functions host.
/// </summary>
public interface IThemeClassifier
{
    /// <summary>Chooses among <paramref name="themes"/> only; returns <see cref="ThemeClassification.ThemeCode"/> null when unsure, so the front office decides.</summary>
    Task<ThemeClassification> ClassifyAsync(string title, string description, IReadOnlyList<Theme> themes, CancellationToken cancellationToken);
}

/// <param name="ThemeCode">The chosen theme, or null when nothing pointed to one.</param>
/// <param name="Confidence">0 to 1; comparable within one classifier, not across them.</param>
/// <param name="Explanation">How it was decided, for the official who checks it ("keywords: speeltuin, schommel").</param>
public sealed record ThemeClassification(string? ThemeCode, double Confidence, string Explanation)
{
    public static ThemeClassification None(string explanation) => new(null, 0, explanation);
}
