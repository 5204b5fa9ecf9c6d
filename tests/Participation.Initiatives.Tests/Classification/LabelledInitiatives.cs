namespace Participation.Initiatives.Tests.Classification;

/// <summary>
/// Initiative texts as residents write them, each with the theme a front-office colleague would pick (null: none fits).
/// Written before the keyword list was tuned; kept as the measurement set, so do not add texts just to make them pass.
/// </summary>
internal static class LabelledInitiatives
{
    public static IReadOnlyList<(string Title, string Description, string? Theme)> All { get; } =
    [
        ("Meer bomen in de Lindenstraat", "De straat is heel stenig en in de zomer bloedheet. Wij willen graag een paar bomen en geveltuintjes.", "groen"),
        ("Geveltuintjes voor de Vlierstraat", "Bewoners willen tegels eruit en plantjes erin langs de gevels.", "groen"),
        ("Bloemenweide op het grasveld", "Het grasveld achter de flat wordt alleen gemaaid. Laten we er wilde bloemen inzaaien voor bijen en vlinders.", "groen"),
        ("Plant trees along the canal", "The canal side has no shade at all. We would like the municipality to plant trees and some shrubs.", "groen"),
        ("Community garden on the empty lot", "Turn the empty lot into a vegetable garden that neighbours look after together.", "groen"),
        ("Tegelwippen op het schoolplein", "Ouders willen samen met de kinderen tegels vervangen door groen.", "groen"),
        ("Snelheidsdrempel in de Beukenlaan", "Auto's rijden hier veel te hard, terwijl er veel kinderen oversteken naar school.", "verkeer"),
        ("Parkeerplaatsen voor bewoners", "Er is 's avonds nergens plek om te parkeren door bezoekers van het stadion.", "verkeer"),
        ("Zebrapad bij de basisschool", "Kinderen moeten de drukke weg oversteken zonder zebrapad.", "verkeer"),
        ("Speed bumps on Church Road", "Cars are speeding through our street every morning. Please add speed bumps.", "verkeer"),
        ("Safe cycling route to the station", "The bike lane stops halfway and cyclists have to merge with lorries.", "verkeer"),
        ("Fietsenrekken bij het winkelcentrum", "Fietsen staan overal op de stoep omdat er te weinig fietsenrekken zijn.", "verkeer"),
        ("Laadpalen in de Zuidwijk", "Steeds meer buren rijden elektrisch maar er zijn geen laadpalen in de buurt.", "verkeer"),
        ("Sluipverkeer door de Kerkstraat", "Vrachtwagens gebruiken onze woonstraat als doorgaande route.", "verkeer"),
        ("Speeltuin opknappen", "De schommel is kapot en de glijbaan is roestig. De speeltuin moet opgeknapt worden.", "spelen"),
        ("Nieuw trapveldje", "De jongeren in de buurt hebben geen plek om te voetballen. Een trapveldje met doeltjes zou mooi zijn.", "spelen"),
        ("Playground for toddlers", "There is no safe play area for small children. We propose a sandpit and a small slide.", "spelen"),
        ("Skatepark in Westhaven", "Young people would love a skatepark near the harbour.", "spelen"),
        ("Beweegtuin voor alle leeftijden", "Fitnesstoestellen in het park zodat jong en oud kan bewegen.", "spelen"),
        ("Basketbalveld bij de flats", "Het oude basketbalveld is verdwenen. Graag een nieuw veld met twee baskets.", "spelen"),
        ("Tafeltennistafel in het plantsoen", "Een pingpongtafel waar kinderen en volwassenen samen kunnen spelen.", "spelen"),
        ("Betere straatverlichting in het park", "Het pad door het park is 's avonds aardedonker en voelt onveilig.", "veiligheid"),
        ("Lantaarnpaal kapot bij de brug", "Al maanden brandt de lantaarn bij de brug niet. Vooral vrouwen voelen zich onveilig.", "veiligheid"),
        ("Unsafe underpass", "The underpass near the station is dark and people feel unsafe walking there at night.", "veiligheid"),
        ("Buurtpreventie-app starten", "Na een reeks inbraken willen we een buurtpreventiegroep opzetten met de wijkagent.", "veiligheid"),
        ("AED in de Noorderstraat", "De dichtstbijzijnde AED is te ver weg. Wij willen er een aan de gevel van het buurthuis.", "veiligheid"),
        ("Overlast hangjongeren bij het winkelcentrum", "Elke avond is er overlast, lawaai en intimidatie.", "veiligheid"),
        ("Meer afvalbakken langs de kade", "Zwerfvuil waait het water in. Er zijn veel te weinig prullenbakken.", "afval"),
        ("Ondergrondse container is altijd vol", "De container aan het plein zit vaak vol en mensen zetten zakken ernaast.", "afval"),
        ("Litter picking day", "We want to organise a monthly clean-up of the park and need grabbers and bin bags.", "afval"),
        ("Hondenpoep op het grasveld", "Kinderen spelen tussen de hondenpoep. Graag een hondenuitlaatplek en poepzakjes.", "afval"),
        ("Graffiti verwijderen van de tunnel", "De tunnel zit vol graffiti en ziet er verwaarloosd uit.", "afval"),
        ("Buurtfeest op de Pleinweg", "Wij willen in september een straatfeest organiseren met muziek en een barbecue.", "ontmoeting"),
        ("Buurthuis langer open", "Het buurthuis is alleen doordeweeks open. Ouderen zitten in het weekend eenzaam thuis.", "ontmoeting"),
        ("Bankjes bij de vijver", "Er zijn geen bankjes om even te zitten en een praatje te maken.", "ontmoeting"),
        ("Summer music festival in the park", "A free festival where neighbours meet, with local bands and food stalls.", "ontmoeting"),
        ("Weekly coffee morning for elderly residents", "Many older neighbours are lonely. A coffee morning in the library would help.", "ontmoeting"),
        ("Muurschildering op de blinde gevel", "Een kunstenaar uit de wijk wil samen met bewoners een muurschildering maken.", "ontmoeting"),
        ("Wifi in de bibliotheek", "Graag snellere wifi.", "ontmoeting"),
        ("Kortere wachttijd bij het loket", "Voor een paspoort moet je weken wachten op een afspraak.", null),
        ("Lower council tax for pensioners", "The tax is too high for people on a small pension.", null),
        ("Digitale nieuwsbrief van de gemeente", "Ik wil graag per e-mail op de hoogte blijven van besluiten.", null),
    ];
}
