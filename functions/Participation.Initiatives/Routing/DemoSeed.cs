using Participation.Initiatives.Classification;

namespace Participation.Initiatives.Routing;

/// <summary>
/// A small, coherent municipality for demos and local runs: five neighbourhoods, six themes, three teams plus the
/// front-office pool, and nine officials (fictional names, example.org addresses).
/// </summary>
public static class DemoSeed
{
    public static IReadOnlyList<Neighbourhood> Neighbourhoods { get; } =
    [
        new("binnenstad", "Binnenstad"),
        new("noorderkwartier", "Noorderkwartier"),
        new("oosterpark", "Oosterpark"),
        new("zuidwijk", "Zuidwijk"),
        new("westhaven", "Westhaven"),
    ];

    public static IReadOnlyList<Theme> Themes { get; } =
    [
        new("groen", "Groen en natuur", "Green spaces and nature"),
        new("verkeer", "Verkeer en parkeren", "Traffic and parking"),
        new("spelen", "Spelen en sport", "Play and sport"),
        new("veiligheid", "Veiligheid", "Safety"),
        new("afval", "Afval en schoon", "Waste and cleanliness"),
        new("ontmoeting", "Ontmoeting en cultuur", "Community and culture"),
    ];

    public static IReadOnlyList<Team> Teams { get; } =
    [
        new("groen-oost", "Groen Oost", TeamLeadId: "fatima.bakker"),
        new("gebied-noordoost", "Gebiedsteam Noord-Oost", TeamLeadId: "sanne.visser"),
        new("gebied-zuidwest", "Gebiedsteam Zuid-West", TeamLeadId: "jeroen.meijer"),
        new("frontoffice", "Frontoffice", TeamLeadId: "eva.mulder"),
    ];

    public static IReadOnlyList<Official> Officials { get; } =
    [
        new("anouk.devries", "Anouk de Vries", "anouk.devries@example.org", ["groen-oost"], ["oosterpark", "noorderkwartier"]),
        new("bram.jansen", "Bram Jansen", "bram.jansen@example.org", ["groen-oost"], ["noorderkwartier", "oosterpark"]),
        new("fatima.bakker", "Fatima Bakker", "fatima.bakker@example.org", ["groen-oost"], ["oosterpark", "noorderkwartier"]),
        new("sanne.visser", "Sanne Visser", "sanne.visser@example.org", ["gebied-noordoost"], ["oosterpark"]),
        new("mohamed.elamrani", "Mohamed el Amrani", "mohamed.elamrani@example.org", ["gebied-noordoost"], ["noorderkwartier"]),
        new("lotte.smit", "Lotte Smit", "lotte.smit@example.org", ["gebied-zuidwest"], ["binnenstad", "westhaven"]),
        new("jeroen.meijer", "Jeroen Meijer", "jeroen.meijer@example.org", ["gebied-zuidwest"], ["zuidwijk", "binnenstad"]),
        new("eva.mulder", "Eva Mulder", "eva.mulder@example.org", ["frontoffice"], []),
        new("thijs.bos", "Thijs Bos", "thijs.bos@example.org", ["frontoffice"], []),
    ];

    /// <summary>Anouk is on leave in November 2026, so Oosterpark × groen goes to her deputy Bram then.</summary>
    public static IReadOnlyList<Absence> Absences { get; } =
    [
        new("anouk.devries", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
    ];

    public static IReadOnlyList<RoutingRule> Rules { get; } =
    [
        new("oosterpark", "groen", "groen-oost", "anouk.devries", "bram.jansen"),
        new("noorderkwartier", "groen", "groen-oost", "bram.jansen", "anouk.devries"),
        new("oosterpark", null, "gebied-noordoost", "sanne.visser", "mohamed.elamrani"),
        new("noorderkwartier", null, "gebied-noordoost", "mohamed.elamrani", "sanne.visser"),
        new("binnenstad", null, "gebied-zuidwest", "lotte.smit", "jeroen.meijer"),
        new("westhaven", null, "gebied-zuidwest", "lotte.smit", "jeroen.meijer"),
        new("zuidwijk", null, "gebied-zuidwest", "jeroen.meijer", "lotte.smit"),
    ];

    public static RoutingConfiguration Configuration { get; } =
        new(Neighbourhoods, Themes, Teams, Officials, Absences, Rules, FrontOfficeTeam: "frontoffice");
}
