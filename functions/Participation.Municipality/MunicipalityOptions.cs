using System.ComponentModel.DataAnnotations;

namespace Participation.Municipality;

/// <summary>
/// Facts that differ per municipality (section <c>Municipality</c>): who the platform is and whom it tells, for pages, e-mails
/// and the chatbot. The defaults describe a demo municipality; every fee and time is shown to residents together with
/// <see cref="FactsLastChecked"/>.
/// </summary>
public sealed class MunicipalityOptions
{
    public const string Section = "Municipality";

    [Required] public string Name { get; set; } = "Gemeente Voorbeeldstad";
    [Required, EmailAddress] public string CouncilClerkEmail { get; set; } = "griffie@voorbeeldstad.example.org";
    [Required, EmailAddress] public string ServiceManagerEmail { get; set; } = "dienstverlening@voorbeeldstad.example.org";
    [Required] public string Website { get; set; } = "https://www.voorbeeldstad.nl";
    [Required] public string Phone { get; set; } = "14 0123";
    [Required] public string AppointmentUrl { get; set; } = "https://www.voorbeeldstad.nl/afspraak";
    [Required] public string MoveReportUrl { get; set; } = "https://www.voorbeeldstad.nl/verhuizen";
    [Required] public string ExtractUrl { get; set; } = "https://www.voorbeeldstad.nl/uittreksel";
    [Required] public string ParticipationUrl { get; set; } = "https://doemee.voorbeeldstad.nl";

    public string OpeningHoursNl { get; set; } = "maandag t/m vrijdag 9.00–17.00 uur";
    public string OpeningHoursEn { get; set; } = "Monday to Friday 9:00–17:00";

    public decimal PassportFeeAdult { get; set; } = 84.85m;
    public decimal PassportFeeMinor { get; set; } = 63.20m;
    public decimal IdCardFeeAdult { get; set; } = 77.40m;
    public decimal IdCardFeeMinor { get; set; } = 47.45m;
    public decimal ExpressFee { get; set; } = 58.10m;
    public decimal ExtractFee { get; set; } = 17.40m;

    /// <summary>Latest time of day an urgent application is ready the next working day.</summary>
    public string ExpressCutoff { get; set; } = "12:00";

    public bool PickupNeedsAppointment { get; set; } = true;

    public string BudgetResultsNl { get; set; } = "de uitslag volgt binnen twee weken na het sluiten";
    public string BudgetResultsEn { get; set; } = "results follow within two weeks of closing";

    /// <summary>The day a person last compared the fees and times above with the municipality's own pages.</summary>
    public DateOnly FactsLastChecked { get; set; } = new(2026, 11, 1);
}
