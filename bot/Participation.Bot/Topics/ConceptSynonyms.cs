namespace Participation.Bot.Topics;

/// <summary>
/// Words and phrases that mean the same thing to a resident, in Dutch and English, mapped to one concept token.
/// Stemmers do not link "verhuisd" to "verhuizing", nor "paspoort" to "passport"; these concepts do, in both
/// analyzers, so a question matches articles in either language. Phrases are written as people type them;
/// the analyzers stem them the same way they stem questions.
/// </summary>
internal static class ConceptSynonyms
{
    /// <summary>Concepts that name what a question is about; their absence next to an unrelated service means out of scope.</summary>
    public static readonly IReadOnlySet<string> Subjects = new HashSet<string>
    {
        "cpassport", "cidcard", "cmove", "cinitiative", "cbudget", "cproof", "cemigrate", "cphoto",
    };

    /// <summary>
    /// Concepts that name one of the bot's own products (a document, a move, an initiative, the budget). A question that names
    /// another product (<c>coutside</c>) and none of these is about that other product, whatever else it shares with ours.
    /// </summary>
    public static readonly IReadOnlySet<string> OwnProducts = new HashSet<string>
    {
        "cpassport", "cidcard", "cmove", "cemigrate", "carrive", "cproof", "cinitiative", "cbudget",
    };

    public const string OtherProduct = "coutside";

    public static IReadOnlyDictionary<string, string[]> Map { get; } = new Dictionary<string, string[]>
    {
        ["cpassport"] = ["paspoort", "paspoorten", "pas", "reisdocument", "reisdocumenten", "reispas", "passport", "passports", "travel document"],
        ["cidcard"] = ["id", "idkaart", "id kaart", "id-kaart", "identiteitskaart", "identiteitskaarten", "identiteitsbewijs", "legitimatie",
            "identity card", "id card", "identification", "identity document"],
        ["cmove"] = ["verhuizen", "verhuizing", "verhuisd", "verhuis", "verhuist", "verhuisden", "nieuw adres", "nieuwe adres", "adreswijziging",
            "adres wijzigen", "adres doorgeven", "ander adres", "nieuwe woning", "nieuw huis", "nieuwe huis", "nieuw appartement", "sleutel", "sleutels",
            "move", "moving", "moved", "relocate", "relocating", "new address", "change of address", "address change", "new flat", "new home", "new house",
            "new apartment", "keys", "key", "change my address", "change address", "update my address", "adres veranderen", "adres aanpassen"],
        ["cchild"] = ["pasgeboren", "newborn", "tweeling", "kleindochter", "kleinzoon", "ex", "gezag", "toestemming", "consent", "permission", "other parent", "andere ouder", "beide ouders", "both parents", "kind", "kinderen", "kindje", "zoon", "zoontje", "dochter", "dochtertje", "baby", "minderjarig", "minderjarige", "tiener",
            "child", "children", "kid", "kids", "son", "daughter", "minor", "toddler", "teenager", "year old", "jarige"],
        ["cpartner"] = ["schoonmoeder", "schoonvader", "moeder", "vader", "broer", "zus", "opa", "oma", "kleinkind", "roommate", "mother in law", "mother", "father", "brother", "sister", "parents", "ouders", "partner", "vriend", "vriendin", "man", "vrouw", "echtgenoot", "echtgenote", "gezin", "huisgenoot", "huisgenoten", "gezinsleden",
            "samenwonen", "girlfriend", "boyfriend", "husband", "wife", "spouse", "family", "household", "housemate", "housemates", "moves in"],
        ["clost"] = ["kwijt", "verloren", "vermist", "vermissing", "gestolen", "gejat", "gepikt", "diefstal", "zoek", "zoekgeraakt", "beroofd", "inbraak",
            "lost", "lose", "missing", "stolen", "theft", "robbed", "gone", "cannot find", "can't find", "cant find", "pickpocketed", "broke into", "burgled"],
        ["ccost"] = ["kosten", "kost", "prijs", "tarief", "leges", "betalen", "bedrag", "cost", "costs", "price", "fee", "fees", "charge", "how much", "pay",
            "prijsverschil", "duurder", "goedkoper", "price difference", "cheaper", "more expensive"],
        ["cduration"] = ["hoe lang", "hoelang", "hoeveel dagen", "werkdagen", "levertijd", "doorlooptijd", "op tijd", "sneller", "voorrang", "how long till", "how long until", "how many days", "in time", "faster", "fast track", "wait", "wachten", "hoe lang duurt", "duurt", "klaar", "wachttijd", "levertijd", "hoe snel", "wanneer klaar", "how long does", "how long will",
            "ready", "waiting time", "processing time", "how quickly", "how fast"],
        ["curgent"] = ["morgen", "overmorgen", "volgende week", "deze week", "tomorrow", "next week", "this week", "by friday", "spoed", "spoedaanvraag", "spoedprocedure", "haast", "dringend", "met spoed", "snel", "urgent", "urgently", "express", "asap",
            "rush", "emergency", "quickly"],
        ["cpickup"] = ["afhalen", "halen", "ophaal", "klaar ligt", "klaarliggen", "ligt klaar", "is ready", "delivered", "bezorgd", "thuisbezorgd", "ophalen", "afhalen", "op te halen", "klaarligt", "klaar ligt", "collect", "collecting", "pick up", "picking up", "pickup", "fetch",
            "come and get", "come get", "pick it up", "komen halen", "kom halen", "sms", "got a text", "text message"],
        ["cvalid"] = ["verloop", "geldigheidsduur", "houdbaarheid", "geldig", "geldigheid", "verlopen", "verloopt", "vervallen", "vervalt", "vervaldatum", "valid", "validity", "expired", "expire",
            "expires", "expiry", "out of date"],
        ["cphoto"] = ["pasfoto", "pasfoto's", "foto", "fotos", "selfie", "fotograaf", "fotohokje", "photo", "photos", "picture", "photograph",
            "photo booth"],
        ["cabroad"] = ["buitenland", "buitenlandse", "ambassade", "consulaat", "overzee", "abroad", "embassy", "consulate", "overseas", "foreign",
            "niet ingezetene", "niet-ingezetene", "niet-ingezetenen", "niet ingezetenen", "non resident", "non-resident", "non residents",
            "non-residents"],
        ["cemigrate"] = ["emigreer", "uitschrijving", "afmelding", "leave", "leaving the country", "moving abroad", "move abroad", "naar het buitenland", "in het buitenland wonen", "terug naar mijn land", "home country", "emigreren", "emigratie", "emigreer", "uitschrijven", "afmelden", "afschrijven", "vertrekken", "vertrek", "definitief weg",
            "emigrate", "emigrating", "emigration", "deregister", "deregistration", "unregister", "leaving", "for good", "leave the netherlands"],
        ["carrive"] = ["eerste keer", "voor het eerst", "vestiging", "remigratie", "arbeidsmigrant", "expat", "international student", "verblijfsvergunning gekregen", "residence permit now", "coming from", "come from", "komen wonen", "terugkomen", "terugkeren", "terug naar nederland", "kom terug", "keren terug", "vanuit het buitenland", "uit het buitenland",
            "eerste inschrijving", "immigratie", "naar nederland", "moved here", "coming back", "returning", "arrive", "arrived", "just arrived",
            "from abroad", "to the netherlands", "immigration", "first registration", "bsn", "burgerservicenummer", "citizen service number"],
        ["cregister"] = ["inschrijven", "inschrijving", "ingeschreven", "schrijf", "aanmelden", "register", "registration", "registered", "sign up"],
        ["cproof"] = ["bewijs", "proof", "aantonen", "show where i live", "check", "controleren", "checken", "staat het", "showing", "mijnoverheid", "adreshistorie", "uittreksel", "brp", "gba", "bewijs van inschrijving", "bewijs van adres", "adresbewijs", "verwerkt", "extract", "proof of address",
            "proof of registration", "proof of residence", "certificate of residence", "processed"],
        ["capply"] = ["aanvragen", "aanvraag", "vernieuwen", "verlengen", "nieuwe aanvragen", "apply", "application", "renew", "renewal", "replace"],
        ["cappointment"] = ["afspraak", "langskomen", "balie", "loket", "appointment", "in person", "desk", "come in"],
        ["cinitiative"] = ["volgcode", "tracking code", "indienen", "ingediend", "submit", "submitted", "steunen", "steunbetuiging", "supporters", "buurtproject", "speeltuin", "moestuin", "bankjes", "playground", "community garden", "initiatief", "initiatieven", "buurtinitiatief", "bewonersinitiatief", "burgerinitiatief", "idee", "ideeen", "voorstel",
            "initiative", "initiatives", "idea", "ideas", "proposal", "community project"],
        ["cbudget"] = ["projecten", "project", "stembewijs", "gestemd", "begroting", "wijkbegroting", "participatiebegroting", "buurtgeld", "voted", "results", "winning", "won", "gewonnen", "buurtbudget", "buurtbegroting", "wijkbudget", "burgerbegroting", "stemmen", "stem", "stemcode", "uitslag", "budget",
            "neighbourhood budget", "neighborhood budget", "vote", "voting", "ballot", "cast my vote", "voting code"],
        // Living in or going to another country; the country names residents mention most, in Dutch and English.
        ["ccountry"] = ["belgie", "belgium", "duitsland", "germany", "frankrijk", "france", "spanje", "spain", "portugal", "italie", "italy",
            "griekenland", "greece", "turkije", "turkey", "marokko", "morocco", "polen", "poland", "roemenie", "romania", "bulgarije", "bulgaria",
            "engeland", "england", "verenigd koninkrijk", "united kingdom", "uk", "ierland", "ireland", "zweden", "sweden", "noorwegen", "norway",
            "denemarken", "denmark", "zwitserland", "switzerland", "oostenrijk", "austria", "amerika", "america", "verenigde staten", "united states",
            "usa", "canada", "australie", "australia", "nieuw-zeeland", "nieuw zeeland", "new zealand", "suriname", "curacao", "aruba", "indonesie",
            "indonesia", "india", "china", "japan", "brazilie", "brazil", "zuid-afrika", "south africa", "thailand", "dubai", "egypte", "egypt"],
        ["cdigid"] = ["digid", "online", "internet", "website"],
        ["coutside"] = ["afvalpas", "milieustraat", "gft", "oud papier", "toeslag", "toeslagen", "zorgtoeslag", "kinderbijslag", "kinderopvangtoeslag",
            "belastingaangifte", "belastingdienst", "ozb", "kwijtschelding", "toeristenbelasting", "afvalstoffenheffing", "naturalisatie",
            "nederlander worden", "nationaliteit", "inburgering", "verblijfsvergunning verlengen", "visum", "visa", "ind", "vog",
            "verklaring omtrent gedrag", "certificate of conduct", "erfpacht", "ground lease", "kapvergunning", "kappen", "dakkapel", "uitbouw",
            "schuur", "bestemmingsplan", "geboorteaangifte", "geboorte", "overleden", "overlijdensakte", "huwelijksakte", "geboorteakte",
            "partnerschap", "ondertrouw", "stempas", "verkiezingen", "elections", "polling card", "politie", "police", "cjib", "schulden", "debts",
            "scootmobiel", "traplift", "thuiszorg", "mantelzorg", "huishoudelijke hulp", "home care", "wheelchair", "sociale huurwoning",
            "social housing", "huurbaas", "landlord", "woningnet", "urgentieverklaring", "evenementenvergunning", "terrasvergunning", "kvk",
            "bedrijf starten", "company", "marktkraam", "ov chipkaart", "ehic", "esta", "reisadvies", "travel advice", "vlucht geannuleerd",
            "studiefinanciering", "duo", "student finance", "werk zoeken", "looking for a job", "zwembad", "swimming pool", "bibliotheek",
            "library", "burgemeester", "mayor", "gedicht", "poem", "ratten", "rats", "pothole", "gat in de weg", "stoeptegels", "fietswrak",
            "parkeerboete", "parking fine", "bezoekersparkeren", "visitor parking", "gehandicaptenparkeerkaart", "kliko", "grofvuil",
            "bulky waste", "driving licence", "rijbewijs", "digid werkt niet", "digid wachtwoord", "activeringscode", "naturalisation",
            "naturalization", "dutch citizen", "citizenship", "name change", "naam wijzigen", "naam laten wijzigen", "skip", "verhuiswagen",
            "moving van", "ontheffing", "afval", "vuilnis", "vuilniszak", "vuilniswagen", "kliko", "container", "grofvuil", "glasbak", "parkeren", "parkeervergunning",
            "rijbewijs", "belasting", "belastingen", "woz", "aanslag", "uitkering", "bijstand", "bouwvergunning", "omgevingsvergunning", "vergunning",
            "huurtoeslag", "wmo", "trouwen", "huwelijk", "geboorteaangifte", "overlijden", "begrafenis", "hondenbelasting", "subsidie",
            "lantaarnpaal", "straatverlichting", "geluidsoverlast", "overlast", "waste", "rubbish", "garbage", "bin", "bins", "bulky waste",
            "recycling", "parking", "parking permit", "driving licence", "driving license", "driver's license", "drivers license", "tax", "taxes",
            "council tax", "dog tax", "benefits", "welfare", "permit", "building permit", "allowance", "marriage", "wedding", "funeral", "street light",
            "noise", "weather",
            // Other products whose names contain ours ("pet passport", "bankpas", "stadspas"): as phrases they take the place of
            // the passport, card or moving words inside them, so "pet passport lost" carries no passport concept.
            "pet passport", "dog passport", "cat passport", "passport for my dog", "passport for my cat", "dierenpaspoort",
            "huisdierenpaspoort", "hondenpaspoort", "kattenpaspoort", "bankpas", "pinpas", "bank card", "debit card", "credit card",
            "zorgpas", "health insurance card", "insurance card", "stadspas", "city pass", "ooievaarspas", "afvalpas", "waste pass",
            "stempas", "polling card", "verblijfspas", "residence card", "ov chipkaart", "ov-chipkaart", "public transport card",
            "travel card", "postnl", "verhuisservice", "post doorsturen", "forward my post", "forward my mail", "forward my letters",
            "energiecontract", "energy contract", "internet subscription", "verzekering", "insurance", "mvv", "grafrechten", "graf",
            "grave", "uitvaart", "echtscheiding", "scheiden", "divorce", "stolen bike", "fiets gestolen", "removal company",
            "verhuisbedrijf", "verhuisdozen", "moving boxes", "rain", "regen", "joke", "grap", "dierenarts", "chip", "pet", "pets", "huisdier",
            "huisdieren", "klacht", "klachten", "complaint", "complain", "vuilnisophaal", "afvalinzameling", "huisvuil",
            // Other bodies' products and the bodies themselves (SVB, UWV, CAK, RDW, Belastingdienst): a move or an emigration
            // is often only the occasion of the question ("krijg ik mijn AOW in Spanje?").
            "aow", "svb", "state pension", "pensioenfonds", "pension fund", "uwv", "ww uitkering", "ww-uitkering", "wia", "unemployment",
            "unemployment benefit", "cak", "eigen bijdrage", "rdw", "kenteken", "number plate", "licence plate", "license plate",
            "inkomstenbelasting", "income tax", "tax return", "tax office", "kinderopvang", "childcare", "energieleverancier",
            "energy supplier", "bewonersvergunning", "parkeerkaart", "invalidenparkeerkaart", "disabled parking", "rioolheffing",
            "waterschapsbelasting", "dual nationality", "dubbele nationaliteit", "kamer van koophandel", "chamber of commerce",
            "verblijfsdocument", "residence document", "koffer", "suitcase", "luggage", "bagage", "museumkaart", "museum card",
            "studentenkaart", "studentenpas", "student card", "vispas", "fishing licence", "apk", "werkvergunning", "work permit",
            "paspoort voor mijn hond", "paspoort voor de hond", "paspoort voor hond", "paspoort voor mijn kat", "paspoort voor de kat",
            "paspoort voor kat", "hond", "honden", "hondje", "kat", "katten", "poes", "kitten", "puppy", "dog", "dogs", "cat", "cats"],
    };
}
