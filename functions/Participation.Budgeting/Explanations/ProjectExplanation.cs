namespace Participation.Budgeting.Explanations;

/// <summary>Why a project was or was not funded, in plain English and Dutch.</summary>
public sealed record ProjectExplanation(string ProjectId, bool Funded, string English, string Dutch);
