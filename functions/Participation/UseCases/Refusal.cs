namespace Participation.App.UseCases;

/// <summary>
/// Why a use case said no: a stable code (the contract clients and translations key on), the HTTP status the API
/// answers with, the text in English (the API's language) and Dutch (the site's), and the request field it concerns
/// when it concerns one. Each capability keeps its refusals in one catalogue class of static fields, so a changed
/// limit changes both languages in the same line.
/// </summary>
public sealed record Refusal(string Code, int Status, string English, string Dutch, string? Field = null, string? Title = null)
{
    public string In(bool english) => english ? English : Dutch;

    /// <summary>The same refusal with a field named, for a catalogue entry that several fields share.</summary>
    public Refusal For(string field) => this with { Field = field };

    /// <summary>
    /// The same refusal naming what was given: the catalogue's texts are composite formats ("'{0}' is not a known theme"),
    /// filled with the same values in both languages.
    /// </summary>
    public Refusal Format(params object?[] values) => this with
    {
        English = string.Format(CultureInfo.InvariantCulture, English, values),
        Dutch = string.Format(CultureInfo.InvariantCulture, Dutch, values),
    };

    /// <summary>What a client needs besides the text (the current state after a conflict), answered as problem+json members.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
