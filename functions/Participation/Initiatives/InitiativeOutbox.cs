namespace Participation.App.Initiatives;

/// <summary>
/// The initiative's own kinds of side effect, carried out by <see cref="InitiativeStore"/> from the case partition's
/// <see cref="Outbox"/>: the index row that lists and inboxes read, and closing the resident's contact.
/// </summary>
public static class InitiativeEffects
{
    public const string CloseContact = "close-contact";
    public const string UpdateIndex = "index";

    /// <summary>One row per case, replaced by each change: whichever dispatch runs writes the current case.</summary>
    public static SideEffect Index { get; } = new(UpdateIndex, null, null) { Key = UpdateIndex };

    public static SideEffect ContactClosed(DateTimeOffset at) => new(CloseContact, null, at.ToString("O"));
}
