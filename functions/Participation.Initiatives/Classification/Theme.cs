namespace Participation.Initiatives.Classification;

/// <summary>A theme residents file initiatives under; <see cref="Code"/> is the stable key ("groen"), <see cref="Name"/> what people read.</summary>
public sealed record Theme(string Code, string Name);
