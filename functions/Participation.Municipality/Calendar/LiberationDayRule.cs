namespace Participation.Municipality.Calendar;

public enum LiberationDayRule
{
    /// <summary>5 May every year, as the Algemene termijnenwet counts it for legal deadlines.</summary>
    EveryYear,

    /// <summary>Only in lustrum years (2025, 2030, …), as many collective agreements give it off.</summary>
    EveryFifthYear,

    /// <summary>Not a day off (offices open).</summary>
    Never,
}
