using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Knowledge;

/// <summary>
/// Where residents go with questions the bot does not answer (section <c>Referrals</c>): one entry per out-of-scope subject
/// of the training set. A municipality overrides an entry with <c>Referrals__Subjects__parking__Url</c> and the like;
/// a subject without an entry gets the municipality's general contact details.
/// </summary>
public sealed class ReferralOptions : IValidatableObject
{
    public const string Section = "Referrals";

    public Dictionary<string, Referral> Subjects { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parking"] = Municipal("parkeren", "parking", "https://www.voorbeeldstad.nl/parkeren"),
        ["waste"] = Municipal("afval en grofvuil", "waste and bulky waste", "https://www.voorbeeldstad.nl/afval"),
        ["driving"] = Municipal("het rijbewijs", "driving licences", "https://www.voorbeeldstad.nl/rijbewijs"),
        ["benefits-tax"] = new() { SubjectNl = "toeslagen en inkomstenbelasting", SubjectEn = "allowances and income tax", PlaceNl = "de Belastingdienst", PlaceEn = "the Tax and Customs Administration", Url = "https://www.belastingdienst.nl", Phone = "0800 0543" },
        ["municipal-tax"] = Municipal("gemeentelijke belastingen en de WOZ", "municipal taxes and the WOZ value", "https://www.voorbeeldstad.nl/belastingen"),
        ["brp-other"] = Municipal("akten en wijzigingen in de basisregistratie", "certificates and changes in the personal records database", "https://www.voorbeeldstad.nl/burgerzaken"),
        ["marriage"] = Municipal("trouwen en partnerschap", "marriage and registered partnership", "https://www.voorbeeldstad.nl/trouwen"),
        ["naturalisation"] = new() { SubjectNl = "naturalisatie", SubjectEn = "naturalisation", PlaceNl = "de IND", PlaceEn = "the Immigration and Naturalisation Service (IND)", Url = "https://ind.nl/nl/nederlander-worden", Phone = "088 043 0430" },
        ["immigration"] = new() { SubjectNl = "verblijfsvergunningen en visa", SubjectEn = "residence permits and visas", PlaceNl = "de IND", PlaceEn = "the Immigration and Naturalisation Service (IND)", Url = "https://ind.nl", Phone = "088 043 0430" },
        ["social-support"] = Municipal("werk, inkomen en zorg (Wmo)", "work, income and care (Wmo)", "https://www.voorbeeldstad.nl/zorg-en-inkomen"),
        ["building"] = new() { SubjectNl = "vergunningen voor bouwen en kappen", SubjectEn = "building and tree-felling permits", PlaceNl = "het Omgevingsloket", PlaceEn = "the Omgevingsloket", Url = "https://omgevingswet.overheid.nl" },
        ["birth-death"] = Municipal("geboorte en overlijden", "births and deaths", "https://www.voorbeeldstad.nl/geboorte-en-overlijden"),
        ["vog"] = new() { SubjectNl = "de verklaring omtrent gedrag (VOG)", SubjectEn = "the certificate of conduct (VOG)", PlaceNl = "Justis", PlaceEn = "Justis", Url = "https://www.justis.nl/producten/verklaring-omtrent-het-gedrag" },
        ["digid"] = new() { SubjectNl = "DigiD", SubjectEn = "DigiD", PlaceNl = "de DigiD-helpdesk", PlaceEn = "the DigiD helpdesk", Url = "https://www.digid.nl", Phone = "088 123 6555" },
        ["leasehold"] = Municipal("erfpacht", "ground lease", "https://www.voorbeeldstad.nl/erfpacht"),
        ["public-space"] = Municipal("meldingen over de openbare ruimte", "reports about streets and public space", "https://www.voorbeeldstad.nl/melding"),
        ["events-business"] = Municipal("vergunningen voor evenementen en ondernemers", "permits for events and businesses", "https://www.voorbeeldstad.nl/ondernemen"),
        ["housing"] = Municipal("wonen en huisvesting", "housing", "https://www.voorbeeldstad.nl/wonen"),
        ["elections"] = Municipal("verkiezingen", "elections", "https://www.voorbeeldstad.nl/verkiezingen"),
        ["police-justice"] = new() { SubjectNl = "aangifte en boetes", SubjectEn = "police reports and fines", PlaceNl = "de politie", PlaceEn = "the police", Url = "https://www.politie.nl", Phone = "0900 8844" },
        ["transport-travel"] = new() { SubjectNl = "reizen en reisadvies", SubjectEn = "travel and travel advice", PlaceNl = "Nederland Wereldwijd", PlaceEn = "Netherlands Worldwide", Url = "https://www.nederlandwereldwijd.nl" },
        ["education-work"] = Municipal("onderwijs en werk", "education and work", "https://www.voorbeeldstad.nl/werk-en-onderwijs"),
        ["pets"] = new() { SubjectNl = "reizen met huisdieren en het dierenpaspoort", SubjectEn = "travelling with pets and pet passports", PlaceNl = "uw dierenarts en de NVWA", PlaceEn = "your vet and the NVWA", Url = "https://www.nvwa.nl" },
        ["mail-forwarding"] = new() { SubjectNl = "post doorsturen naar uw nieuwe adres", SubjectEn = "forwarding your post to your new address", PlaceNl = "PostNL", PlaceEn = "PostNL", Url = "https://www.postnl.nl" },
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Subjects.Where(s => string.IsNullOrWhiteSpace(s.Value.SubjectNl) || string.IsNullOrWhiteSpace(s.Value.SubjectEn)
                || !Uri.TryCreate(s.Value.Url, UriKind.Absolute, out _))
            .Select(s => new ValidationResult($"Referral '{s.Key}' needs SubjectNl, SubjectEn and an absolute Url.", [nameof(Subjects)]));

    private static Referral Municipal(string subjectNl, string subjectEn, string url) => new() { SubjectNl = subjectNl, SubjectEn = subjectEn, Url = url };
}

/// <summary>One place to go; without a place or phone, the municipality itself (its name and phone number) is meant.</summary>
public sealed class Referral
{
    [Required] public string SubjectNl { get; set; } = "";
    [Required] public string SubjectEn { get; set; } = "";
    public string? PlaceNl { get; set; }
    public string? PlaceEn { get; set; }
    [Required] public string Url { get; set; } = "";
    public string? Phone { get; set; }
}
