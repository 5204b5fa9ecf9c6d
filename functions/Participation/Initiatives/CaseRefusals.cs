using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>Why an official's action on a case is refused, with a stable code and the text in English and Dutch.</summary>
public static class CaseRefusals
{
    /// <summary>The title of an action's validation problem.</summary>
    public const string ActionTitle = "The action cannot be carried out";

    /// <summary>{0}: the actions there are.</summary>
    public static readonly Refusal UnknownAction = Invalid("case.action_unknown", "action",
        "Unknown action; one of: {0}.", "Onbekende actie; kies uit: {0}.");

    public static readonly Refusal MessageTooLong = Invalid("case.message_too_long", "message",
        $"The message may be at most {CaseAction.MaxTextLength} characters.", $"Het bericht mag hoogstens {CaseAction.MaxTextLength} tekens lang zijn.");

    public static readonly Refusal ReasonTooLong = Invalid("case.reason_too_long", "reason",
        $"The reason may be at most {CaseAction.MaxTextLength} characters.", $"De motivering mag hoogstens {CaseAction.MaxTextLength} tekens lang zijn.");

    public static readonly Refusal QuestionTooLong = Invalid("case.question_too_long", "question",
        $"The question may be at most {CaseAction.MaxTextLength} characters.", $"De vraag mag hoogstens {CaseAction.MaxTextLength} tekens lang zijn.");

    public static readonly Refusal NoteTooLong = Invalid("case.note_too_long", "note",
        $"The note may be at most {CaseAction.MaxTextLength} characters.", $"De notitie mag hoogstens {CaseAction.MaxTextLength} tekens lang zijn.");

    /// <summary>For the fields a form fills from a list (team, official, target, theme, version); name the field with <see cref="Refusal.For"/>.</summary>
    public static readonly Refusal ChoiceTooLong = Invalid("case.choice_too_long", "",
        $"The value may be at most {CaseAction.MaxTextLength} characters.", $"De waarde mag hoogstens {CaseAction.MaxTextLength} tekens lang zijn.");

    public static readonly Refusal VersionMissing = Invalid("case.version_missing", "version",
        "Name the version of the case you acted on (the 'version' of GET /api/cases/{code}, or an If-Match header).",
        "Vermeld de versie van de zaak waarop u handelde (de 'version' van GET /api/cases/{code}, of een If-Match-header).");

    public static readonly Refusal NoteEmpty = Invalid("case.note_empty", "note", "The note is empty.", "De notitie is leeg.");

    public static readonly Refusal ThemeUnknown = Invalid("case.theme_unknown", "theme", "Choose a known theme.", "Kies een thema uit de lijst.");

    public static readonly Refusal TeamUnknown = Invalid("case.team_unknown", "team", "Choose a known team.", "Kies een team uit de lijst.");

    public static readonly Refusal OfficialUnknown = Invalid("case.official_unknown", "officialId", "Choose a known official.", "Kies een medewerker uit de lijst.");

    public static readonly Refusal OfficialNotInTeam = Invalid("case.official_not_in_team", "officialId",
        "Choose an official of the chosen team.", "Kies een medewerker van het gekozen team, of laat het team kiezen.");

    public static readonly Refusal MergeTargetUnknown = Invalid("case.merge_target_unknown", "target",
        "Merge into an existing initiative: give its tracking code.", "Geef de volgcode van een bestaand initiatief om mee samen te voegen.");

    /// <summary>The case page's decision form: neither accept nor reject was chosen.</summary>
    public static readonly Refusal DecisionMissing = Invalid("case.decision_missing", "decision", "Choose accept or reject.", "Kies goedkeuren of afwijzen.");

    /// <summary>The case page's decision form: the motivation is the resident's answer, whichever way it goes.</summary>
    public static readonly Refusal DecisionReasonMissing = Invalid("case.decision_reason_missing", "reason",
        "A decision needs a reason; the resident reads it.", "Geef een motivering; de inwoner leest die bij het besluit.");

    public static readonly Refusal ReassignTeamMissing = Invalid("case.reassign_team_missing", "reason",
        "Reassigning needs the team it goes to.", "Kies het team dat de zaak overneemt.");

    public static readonly Refusal ReassignReasonMissing = Invalid("case.reassign_reason_missing", "reason",
        "Reassigning needs a reason.", "Geef een reden voor de overdracht.");

    public static readonly Refusal ReassignUnchanged = Invalid("case.reassign_unchanged", "reason",
        "The initiative is already with this team and owner.", "De zaak ligt al bij dit team en deze behandelaar.");

    public static readonly Refusal QuestionMissing = Invalid("case.question_missing", "question",
        "Asking for information needs the question the resident should answer.", "Schrijf de vraag die de indiener moet beantwoorden.");

    public static readonly Refusal RejectReasonMissing = Invalid("case.reject_reason_missing", "reason",
        "Rejecting needs a reason; it is shown publicly.", "Geef een motivering; de inwoner en het publiek zien die.");

    public static readonly Refusal MergeTargetMissing = Invalid("case.merge_target_missing", "reason",
        "Merging needs the initiative it is merged into.", "Geef de volgcode van het initiatief om mee samen te voegen.");

    public static readonly Refusal MergeIntoItself = Invalid("case.merge_into_itself", "reason",
        "An initiative cannot be merged into itself.", "Een initiatief kan niet met zichzelf worden samengevoegd.");

    public static readonly Refusal MergeReasonMissing = Invalid("case.merge_reason_missing", "reason",
        "Merging needs a reason; it is shown publicly.", "Geef een motivering; de inwoner en het publiek zien die.");

    /// <summary>A detail the lifecycle asks for that has no entry of its own here; the English is the lifecycle's.</summary>
    public static readonly Refusal DetailMissing = Invalid("case.detail_missing", "message",
        "The action misses a detail it needs.", "Bij deze actie ontbreekt een gegeven.");

    public static readonly Refusal NotYours = new("case.not_yours", StatusCodes.Status403Forbidden,
        "Only the case's official, the team lead or an administrator may do this.",
        "Dit mag alleen de behandelaar van de zaak, de teamleider of een beheerder.", Title: "Not yours to do");

    public static readonly Refusal NotPossibleNow = new("case.not_possible_now", StatusCodes.Status409Conflict,
        "That is not possible in the case's current status; its current state is shown below.",
        "Dat kan niet in de huidige status van de zaak; hieronder staat de huidige stand.", Title: "Not possible in the current state");

    public static readonly Refusal ClosedKeepsTheme = new("case.closed_keeps_theme", StatusCodes.Status409Conflict,
        "A closed case keeps its theme.", "Een afgesloten zaak houdt haar thema.", Title: "Not possible in the current state");

    public static readonly Refusal Stale = new("case.stale", StatusCodes.Status412PreconditionFailed,
        "Someone else changed this case after you opened it. Here is its current state; check it and act again.",
        "Iemand anders heeft deze zaak gewijzigd nadat u hem opende. Hieronder staat de huidige stand; controleer die en probeer het opnieuw.",
        Title: "The case has changed");

    // The lifecycle (a library that knows no languages) names the detail a command misses; these are the catalogue's
    // entries for the details an official's action can miss. CaseRefusalsTests drives every case command through it.
    private static readonly Dictionary<MissingDetail, Refusal> LifecycleDetails = new()
    {
        [MissingDetail.ReassignTeam] = ReassignTeamMissing,
        [MissingDetail.ReassignReason] = ReassignReasonMissing,
        [MissingDetail.ReassignUnchanged] = ReassignUnchanged,
        [MissingDetail.Question] = QuestionMissing,
        [MissingDetail.RejectReason] = RejectReasonMissing,
        [MissingDetail.MergeTarget] = MergeTargetMissing,
        [MissingDetail.MergeIntoItself] = MergeIntoItself,
        [MissingDetail.MergeReason] = MergeReasonMissing,
    };

    /// <summary>The catalogue's refusal for what the lifecycle refused, about <paramref name="field"/> of the action.</summary>
    public static Refusal ForMissingDetail(LifecycleRefusal refusal, string field) =>
        (refusal.Detail is { } detail && LifecycleDetails.TryGetValue(detail, out var known) ? known : DetailMissing with { English = refusal.Message }).For(field);

    private static Refusal Invalid(string code, string field, string english, string dutch) =>
        new(code, StatusCodes.Status400BadRequest, english, dutch, field, ActionTitle);
}
