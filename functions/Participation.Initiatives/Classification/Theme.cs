namespace Participation.Initiatives.Classification;

/// <summary>
/// A theme residents file initiatives under; <see cref="Code"/> is the stable key ("groen"), <see cref="Name"/> what people
/// read, and <see cref="EnglishName"/> what they read in English (a configuration without it shows the Dutch name).
/// </summary>
public sealed record Theme(string Code, string Name, string? EnglishName = null)
{
    public string NameIn(bool english) => english ? EnglishName ?? Name : Name;
}
