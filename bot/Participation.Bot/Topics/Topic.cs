namespace Participation.Bot.Topics;

/// <summary>The topic ids of bot-topics.md; every reply reports exactly one of them.</summary>
public static class Topic
{
    public const string IdApply = "id.apply";
    public const string IdCost = "id.cost";
    public const string IdDuration = "id.duration";
    public const string IdPickup = "id.pickup";
    public const string IdChild = "id.child";
    public const string IdLost = "id.lost";
    public const string IdValidity = "id.validity";
    public const string IdPhoto = "id.photo";
    public const string IdAbroad = "id.abroad";
    public const string MoveReport = "move.report";
    public const string MoveFamily = "move.family";
    public const string MoveFromAbroad = "move.from-abroad";
    public const string MoveEmigrate = "move.emigrate";
    public const string MoveProof = "move.proof";
    public const string ParticipationInitiative = "participation.initiative";
    public const string ParticipationBudget = "participation.budget";
    public const string Handoff = "handoff";
    public const string Smalltalk = "smalltalk";
    public const string OutOfScope = "out-of-scope";

    public static IReadOnlyList<string> All { get; } =
    [
        IdApply, IdCost, IdDuration, IdPickup, IdChild, IdLost, IdValidity, IdPhoto, IdAbroad,
        MoveReport, MoveFamily, MoveFromAbroad, MoveEmigrate, MoveProof,
        ParticipationInitiative, ParticipationBudget, Handoff, Smalltalk, OutOfScope,
    ];

    /// <summary>Topics answered from an article (as opposed to conversation topics).</summary>
    public static bool IsAnswerable(string topic) => topic is not (Handoff or Smalltalk or OutOfScope);

    /// <summary>"id", "move" or "participation": follow-up questions stay within a family.</summary>
    public static string Family(string topic) => topic.Split('.')[0];
}
