namespace Participation.Initiatives.Classification;

/// <summary>
/// Dutch and English words that point to a theme. Words are compared after <see cref="KeywordStemmer"/>; a word of four or more
/// letters also matches at the start or end of a Dutch compound ("verkeersdrempel" holds "drempel"). A leading '=' asks for
/// the whole word only, where a compound would mislead ("park" is in "parkeren"). Phrases match consecutive words.
/// </summary>
internal static class ThemeKeywords
{
    public static IReadOnlyDictionary<string, string[]> ByTheme { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["groen"] =
        [
            "boom", "bomen", "boompje", "boomspiegel", "=tree", "groen", "groene", "groenstrook", "vergroenen", "vergroening",
            "plant", "planten", "beplanting", "plantsoen", "bloem", "bloemen", "bloembak", "geveltuin", "=tuin", "moestuin",
            "=gras", "grasveld", "=park", "stadspark", "=natuur", "natuurgebied", "nature", "=green", "greenery", "garden", "flower", "wildflower",
            "struik", "=heg", "hedge", "=bush", "shrub", "insect", "vlinder", "butterfly", "=bee", "bijen", "biodiversiteit",
            "biodiversity", "=egel", "hedgehog", "nestkast", "tegelwippen", "tegels eruit", "ontstenen", "=wadi", "vijver", "pond",
        ],
        ["verkeer"] =
        [
            "verkeer", "traffic", "parkeren", "parkeer", "parking", "=car", "=auto", "autos", "drempel", "speed bump",
            "snelheid", "=speed", "speeding", "hard rijden", "te hard", "racen", "=fiets", "fietspad", "fietsenrek", "fietsstraat",
            "=bike", "bicycle", "=cycle", "cycling", "cyclist", "zebrapad", "oversteek", "oversteekplaats", "crossing", "zebra crossing",
            "kruispunt", "intersection", "junction", "stoep", "trottoir", "sidewalk", "pavement", "bushalte", "bus stop",
            "laadpaal", "charging point", "vrachtwagen", "=truck", "lorry", "sluipverkeer", "rat run", "eenrichting", "one-way",
            "verkeersbord", "schoolzone", "school zone", "30 km", "km/h", "wegdek", "=road", "=lane", "rijbaan",
        ],
        ["spelen"] =
        [
            "speeltuin", "speelplaats", "speelveld", "speelplek", "speeltoestel", "=spelen", "=speel", "playground", "play area",
            "schommel", "glijbaan", "klimrek", "wipwap", "zandbak", "=swing", "=slide", "sandpit", "sandbox", "climbing frame",
            "trapveld", "voetbal", "voetbalveld", "football", "soccer", "basketbal", "basketball", "=sport", "sportveld", "sportplek",
            "skate", "skatebaan", "skatepark", "pannakooi", "fitness", "calisthenics", "beweegtuin", "tafeltennis", "table tennis",
            "pingpong", "tennis", "jeu de boules", "petanque", "outdoor gym", "goals", "doeltjes",
        ],
        ["veiligheid"] =
        [
            "veiligheid", "veilig", "onveilig", "unsafe", "safety", "=safe", "verlichting", "lantaarn", "lantaarnpaal",
            "straatverlichting", "straatlantaarn", "=licht", "lighting", "streetlight", "street light", "=lamp", "donker", "=dark",
            "inbraak", "inbreken", "burglary", "break-in", "overlast", "nuisance", "hangjongeren", "=camera", "cameratoezicht", "cctv",
            "buurtpreventie", "buurtwacht", "neighbourhood watch", "crime", "criminaliteit", "=drugs", "=dealen", "vandalisme",
            "vandalism", "=aed", "reanimatie", "intimidatie", "harassment",
        ],
        ["afval"] =
        [
            "afval", "zwerfvuil", "zwerfafval", "litter", "littering", "=vuil", "vuilnis", "rommel", "container", "ondergrondse",
            "prullenbak", "afvalbak", "vuilnisbak", "=bin", "=bins", "rubbish", "trash", "garbage", "=waste", "grofvuil", "dumping",
            "fly-tipping", "hondenpoep", "=poep", "dog poo", "dog mess", "=schoon", "schoonmaak", "opruimen", "opschonen",
            "clean-up", "cleanup", "=clean", "=cleaning", "glasbak", "recycling", "recyclen", "plastic", "graffiti", "peuken", "cigarette butts",
            "afvalbakken", "vegen",
        ],
        ["ontmoeting"] =
        [
            "buurthuis", "buurtcentrum", "ontmoeting", "ontmoeten", "ontmoetingsplek", "feest", "buurtfeest", "straatfeest",
            "burendag", "community", "community centre", "meeting place", "get-together", "festival", "cultuur", "culture",
            "cultureel", "kunst", "=art", "artwork", "mural", "muurschildering", "muziek", "music", "concert", "optreden",
            "bankje", "=bank", "=bench", "benches", "picknick", "picnic", "barbecue", "=bbq", "koffie", "coffee", "buurtkamer",
            "eenzaamheid", "eenzaam", "loneliness", "lonely", "elderly", "senioren", "activiteit", "activiteiten",
            "workshop", "bibliotheek", "library", "=markt", "market", "buurtmarkt", "theater", "theatre", "=film", "kookavond",
            "samenkomen", "neighbours meet", "buurtbewoners ontmoeten",
        ],
    };
}
