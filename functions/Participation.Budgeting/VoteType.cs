namespace Participation.Budgeting;

/// <summary>How residents express their preferences; named as pabulib's <c>vote_type</c>.</summary>
public enum VoteType
{
    Approval,
    ChooseOne,
    Cumulative,
    Ordinal,
}

public static class VoteTypes
{
    public static string ToPabulib(this VoteType voteType) => voteType switch
    {
        VoteType.Approval => "approval",
        VoteType.ChooseOne => "choose-1",
        VoteType.Cumulative => "cumulative",
        VoteType.Ordinal => "ordinal",
        _ => throw new ArgumentOutOfRangeException(nameof(voteType)),
    };

    public static VoteType FromPabulib(string value) => value.Trim().ToLowerInvariant() switch
    {
        "approval" => VoteType.Approval,
        "choose-1" => VoteType.ChooseOne,
        "cumulative" => VoteType.Cumulative,
        "scoring" => VoteType.Cumulative,
        "ordinal" => VoteType.Ordinal,
        _ => throw new FormatException($"Unknown vote_type '{value}'."),
    };
}
