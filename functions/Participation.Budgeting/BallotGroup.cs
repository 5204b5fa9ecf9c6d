namespace Participation.Budgeting;

/// <summary>Identical ballots counted once: real elections have many, and rules run per group, not per voter.</summary>
public sealed record BallotGroup(Ballot Ballot, long Count);
