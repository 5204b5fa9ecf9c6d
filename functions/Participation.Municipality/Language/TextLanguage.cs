namespace Participation.Municipality.Language;

/// <summary>The two languages residents write to the municipality in.</summary>
public enum TextLanguage
{
    Dutch,
    English,
}
