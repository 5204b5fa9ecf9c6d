namespace Participation.App.Initiatives;

/// <summary>
/// What an official does with a case, one record per action with the fields that action reads. Each names the version
/// of the case it was based on (<see cref="ActOnCase"/> refuses it when the case changed since) and may carry an
/// internal note for the timeline.
/// </summary>
public abstract record CaseAction(string? Version)
{
    /// <summary>Table Storage refuses a property over 32K characters with a 500; a case's text is a letter, not a file.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The action's name in the API's route and on the case page's forms.</summary>
    public abstract string Name { get; }

    /// <summary>An internal note that goes with the action's timeline entry (officials read it, residents do not).</summary>
    public string? Note { get; init; }

    public sealed record StartReview(string? Version, string? Message) : CaseAction(Version) { public override string Name => "start-review"; }

    public sealed record AskForInformation(string? Version, string? Question) : CaseAction(Version) { public override string Name => "ask-info"; }

    public sealed record Accept(string? Version, string? Motivation) : CaseAction(Version) { public override string Name => "accept"; }

    public sealed record Reject(string? Version, string? Reason) : CaseAction(Version) { public override string Name => "reject"; }

    public sealed record Merge(string? Version, string? Target, string? Reason) : CaseAction(Version) { public override string Name => "merge"; }

    public sealed record StartWork(string? Version, string? Message) : CaseAction(Version) { public override string Name => "start-work"; }

    public sealed record Complete(string? Version, string? Message) : CaseAction(Version) { public override string Name => "complete"; }

    public sealed record Reassign(string? Version, string? Team, string? OfficialId, string? Reason) : CaseAction(Version) { public override string Name => "reassign"; }

    public sealed record CorrectTheme(string? Version, string? Theme, string? Reason) : CaseAction(Version) { public override string Name => "correct-theme"; }

    /// <summary>An internal note on its own; its text is <see cref="CaseAction.Note"/>.</summary>
    public sealed record AddNote(string? Version) : CaseAction(Version) { public override string Name => "note"; }

    public static readonly IReadOnlyList<string> Names =
        ["start-review", "ask-info", "accept", "reject", "merge", "start-work", "complete", "reassign", "correct-theme", "note"];

    /// <summary>The body of <c>POST /api/cases/{code}/{action}</c> and of the case page's forms: one shape, each action reads its fields.</summary>
    public sealed record Body(
        string? Version, string? Message, string? Reason, string? Question, string? Team, string? OfficialId, string? Target, string? Theme, string? Note);

    /// <summary>The action named <paramref name="name"/> with its fields from <paramref name="body"/>; refused when unknown or a text is too long.</summary>
    public static Outcome<CaseAction> From(string name, Body body)
    {
        if (!Names.Contains(name))
        {
            return CaseRefusals.UnknownAction.Format(string.Join(", ", Names));
        }

        if (TooLong(body) is { } tooLong)
        {
            return tooLong;
        }

        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        CaseAction action = name switch
        {
            "start-review" => new StartReview(body.Version, body.Message),
            "ask-info" => new AskForInformation(body.Version, body.Question),
            "accept" => new Accept(body.Version, body.Message ?? body.Reason),
            "reject" => new Reject(body.Version, body.Reason),
            "merge" => new Merge(body.Version, body.Target, body.Reason),
            "start-work" => new StartWork(body.Version, body.Message),
            "complete" => new Complete(body.Version, body.Message),
            "reassign" => new Reassign(body.Version, body.Team, body.OfficialId, body.Reason),
            "correct-theme" => new CorrectTheme(body.Version, body.Theme, body.Reason),
            _ => new AddNote(body.Version) { Note = body.Note },
        };
        return action is AddNote ? action : action with { Note = note };
    }

    private static Refusal? TooLong(Body body) =>
        new (Refusal Refusal, string? Value)[]
        {
            (CaseRefusals.MessageTooLong, body.Message), (CaseRefusals.ReasonTooLong, body.Reason), (CaseRefusals.QuestionTooLong, body.Question),
            (CaseRefusals.NoteTooLong, body.Note), (CaseRefusals.ChoiceTooLong.For("team"), body.Team),
            (CaseRefusals.ChoiceTooLong.For("officialId"), body.OfficialId), (CaseRefusals.ChoiceTooLong.For("target"), body.Target),
            (CaseRefusals.ChoiceTooLong.For("theme"), body.Theme), (CaseRefusals.ChoiceTooLong.For("version"), body.Version),
        }.FirstOrDefault(field => field.Value?.Length > MaxTextLength).Refusal;
}
