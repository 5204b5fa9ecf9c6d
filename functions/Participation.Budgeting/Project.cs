namespace Participation.Budgeting;

/// <summary>A proposal residents can vote for. Cost is in whole currency units.</summary>
public sealed record Project(string Id, long Cost, string Name);
