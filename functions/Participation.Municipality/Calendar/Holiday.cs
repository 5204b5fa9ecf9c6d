namespace Participation.Municipality.Calendar;

public sealed record Holiday(DateOnly Date, string Name);
