namespace Participation.Budgeting.Ballots;

/// <summary>
/// Why a ballot was refused: the ballot rule it broke (<c>approval</c>, <c>knapsack</c>, <c>cumulative</c>), a stable
/// code for clients, and the reason in English and Dutch for the resident.
/// </summary>
public sealed record BallotError(string Rule, string Code, string English, string Dutch);
