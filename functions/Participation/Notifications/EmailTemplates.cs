using System.Text.RegularExpressions;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Notifications;

/// <summary>
/// The platform's e-mails in Dutch and English, plain text with <c>{placeholders}</c> filled from the request's values.
/// Anyone can type someone else's address into a form, so a mail to a resident's address never repeats what a resident
/// wrote (a title, a chat question): only codes, links and the municipality's own words. Officials' mails may.
/// </summary>
public static partial class EmailTemplates
{
    private sealed record Text(string Subject, string Body);

    private static readonly Dictionary<(string Template, string Locale), Text> Texts = new()
    {
        [("initiative-received", "nl")] = new("Uw initiatief is ontvangen ({trackingCode})",
            "Beste inwoner,\n\nBedankt voor uw buurtinitiatief. Het is geregistreerd onder code {trackingCode}.\n" +
            "Wij sturen het door naar de juiste medewerker. U kunt altijd zien waar uw initiatief is:\n{statusUrl}\n\n" +
            "Wilt u foto's bij uw initiatief zetten? Dat kan met deze persoonlijke link; deel hem niet met anderen:\n{photosUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("initiative-received", "en")] = new("Your initiative has been received ({trackingCode})",
            "Dear resident,\n\nThank you for your neighbourhood initiative. It is registered under code {trackingCode}.\n" +
            "We are passing it to the right official. You can always see where it is:\n{statusUrl}\n\n" +
            "Would you like to add photos to your initiative? Use this personal link; do not share it:\n{photosUrl}\n\nKind regards,\n{municipality}"),
        [("initiative-assigned", "nl")] = new("Nieuw buurtinitiatief {trackingCode}: {title}",
            "Er is een buurtinitiatief aan u toegewezen.\n\nTitel: {title}\nBuurt: {neighbourhood}\nThema: {theme}\nEerste reactie uiterlijk: {dueDate}\n" +
            "Toewijzing: {routingReason}\n\nOpen de zaak: {caseUrl}"),
        [("status-changed", "nl")] = new("Uw initiatief {trackingCode}: {status}",
            "Beste inwoner,\n\nEr is nieuws over uw initiatief {trackingCode}: {status}.\n{publicMessage}\n\nBekijk de tijdlijn: {statusUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("status-changed", "en")] = new("Your initiative {trackingCode}: {status}",
            "Dear resident,\n\nThere is news about your initiative {trackingCode}: {status}.\n{publicMessage}\n\nSee the timeline: {statusUrl}\n\nKind regards,\n{municipality}"),
        [("info-requested", "nl")] = new("Vraag over uw initiatief {trackingCode}",
            "Beste inwoner,\n\nOm uw initiatief {trackingCode} te beoordelen hebben wij een vraag:\n\n{question}\n\nU kunt antwoorden via: {replyUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("info-requested", "en")] = new("A question about your initiative {trackingCode}",
            "Dear resident,\n\nTo assess your initiative {trackingCode} we have a question:\n\n{question}\n\nYou can answer here: {replyUrl}\n\nKind regards,\n{municipality}"),
        [("due-reminder", "nl")] = new("Herinnering: {trackingCode} moet uiterlijk {dueDate} beantwoord zijn",
            "Het buurtinitiatief \"{title}\" ({trackingCode}) moet uiterlijk {dueDate} een reactie hebben.\n\nOpen de zaak: {caseUrl}"),
        [("escalation", "nl")] = new("Escalatie niveau {level}: {trackingCode} is over de termijn",
            "Het buurtinitiatief \"{title}\" ({trackingCode}) in {neighbourhood} is sinds {dueDate} over de termijn.\nEigenaar: {owner}\n\nOpen de zaak: {caseUrl}"),
        [("threshold-reached", "nl")] = new("Steundrempel bereikt: {title} ({trackingCode})",
            "Het buurtinitiatief \"{title}\" in {neighbourhood} heeft {supports} steunbetuigingen en staat nu op de agendalijst van de raad.\n\n{statusUrl}"),
        [("threshold-reached", "en")] = new("Support threshold reached: {title} ({trackingCode})",
            "The neighbourhood initiative \"{title}\" in {neighbourhood} has {supports} supporters and is now on the council's agenda list.\n\n{statusUrl}"),
        [("support-confirm", "nl")] = new("Bevestig uw steun voor buurtinitiatief {trackingCode}",
            "Beste inwoner,\n\nU wilt buurtinitiatief {trackingCode} steunen. Bevestig dat met deze link (24 uur geldig):\n{confirmUrl}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen.\n\n{municipality}"),
        [("support-confirm", "en")] = new("Confirm your support for neighbourhood initiative {trackingCode}",
            "Dear resident,\n\nYou want to support neighbourhood initiative {trackingCode}. Confirm with this link (valid 24 hours):\n{confirmUrl}\n\nDid not ask for this? Then there is nothing to do.\n\n{municipality}"),
        [("threshold-reached-resident", "nl")] = new("Steundrempel bereikt voor uw initiatief {trackingCode}",
            "Beste inwoner,\n\nUw buurtinitiatief {trackingCode} heeft {supports} steunbetuigingen en staat nu op de agendalijst van de raad.\n\n{statusUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("threshold-reached-resident", "en")] = new("Support threshold reached for your initiative {trackingCode}",
            "Dear resident,\n\nYour neighbourhood initiative {trackingCode} has {supports} supporters and is now on the council's agenda list.\n\n{statusUrl}\n\nKind regards,\n{municipality}"),
        [("question-received", "nl")] = new("Uw vraag is geregistreerd ({trackingCode})",
            "Beste inwoner,\n\nUw vraag aan de chatbot is geregistreerd onder code {trackingCode}.\n\nEen medewerker beantwoordt hem per e-mail.\n\nMet vriendelijke groet,\n{municipality}"),
        [("question-received", "en")] = new("Your question has been registered ({trackingCode})",
            "Dear resident,\n\nYour question to the chatbot is registered under code {trackingCode}.\n\nAn official will answer it by e-mail.\n\nKind regards,\n{municipality}"),
        [("question-registered", "nl")] = new("Vraag uit de chat {trackingCode}: {topic}",
            "Een inwoner heeft via de chatbot een vraag achtergelaten die per e-mail beantwoord moet worden.\n\nCode: {trackingCode}\nOnderwerp: {topic}\nVraag: {question}\n\nGesprek:\n{transcript}"),
        [("privacy-link", "nl")] = new("Uw gegevens bij {municipality}",
            "Beste inwoner,\n\nMet deze link (24 uur geldig) kunt u uw gegevens inzien of laten verwijderen:\n{privacyUrl}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen.\n\n{municipality}"),
        [("privacy-link", "en")] = new("Your data at {municipality}",
            "Dear resident,\n\nWith this link (valid 24 hours) you can see your data or have it deleted:\n{privacyUrl}\n\nDid not ask for this? Then there is nothing to do.\n\n{municipality}"),
        [("realisation-milestone-done", "nl")] = new("Uw initiatief \"{title}\": {milestone} is klaar",
            "Beste inwoner,\n\nEr is voortgang bij uw initiatief \"{title}\" ({trackingCode}): \"{milestone}\" is afgerond ({progress} mijlpalen klaar).\n\nBekijk wat er gedaan is: {realisationUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("realisation-milestone-done", "en")] = new("Your initiative \"{title}\": {milestone} is done",
            "Dear resident,\n\nThere is progress on your initiative \"{title}\" ({trackingCode}): \"{milestone}\" is done ({progress} milestones done).\n\nSee what was done: {realisationUrl}\n\nKind regards,\n{municipality}"),
        [("realisation-status-changed", "nl")] = new("Uw initiatief \"{title}\" is {status}",
            "Beste inwoner,\n\nDe uitvoering van uw initiatief \"{title}\" ({trackingCode}) is nu: {status}.\n{reason}\n\nBekijk wat er gedaan is: {realisationUrl}\n\nMet vriendelijke groet,\n{municipality}"),
        [("realisation-status-changed", "en")] = new("Your initiative \"{title}\" is {status}",
            "Dear resident,\n\nThe realisation of your initiative \"{title}\" ({trackingCode}) is now: {status}.\n{reason}\n\nSee what was done: {realisationUrl}\n\nKind regards,\n{municipality}"),
        [("follow-confirm", "nl")] = new("Bevestig dat u buurtinitiatief {trackingCode} wilt volgen",
            "Beste inwoner,\n\nU wilt per e-mail horen wat er gebeurt met buurtinitiatief {trackingCode}. Bevestig dat met deze link (24 uur geldig):\n{confirmUrl}\n\nHet initiatief: {statusUrl}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen; u krijgt dan geen e-mail meer over dit initiatief.\n\n{municipality}"),
        [("follow-confirm", "en")] = new("Confirm that you want to follow neighbourhood initiative {trackingCode}",
            "Dear resident,\n\nYou want to hear by e-mail what happens to neighbourhood initiative {trackingCode}. Confirm with this link (valid 24 hours):\n{confirmUrl}\n\nThe initiative: {statusUrl}\n\nDid not ask for this? Then there is nothing to do; you will get no more e-mail about this initiative.\n\n{municipality}"),
        [("follower-status-changed", "nl")] = new("Buurtinitiatief {trackingCode} is nu: {status}",
            "Beste inwoner,\n\nU volgt buurtinitiatief {trackingCode}. De status is nu: {status}.\n{publicMessage}\n\nBekijk de tijdlijn: {statusUrl}\n\nMet vriendelijke groet,\n{municipality}\n\nGeen berichten meer over dit initiatief? Afmelden: {unsubscribeUrl}"),
        [("follower-status-changed", "en")] = new("Neighbourhood initiative {trackingCode} is now: {status}",
            "Dear resident,\n\nYou follow neighbourhood initiative {trackingCode}. Its status is now: {status}.\n{publicMessage}\n\nSee the timeline: {statusUrl}\n\nKind regards,\n{municipality}\n\nNo more messages about this initiative? Unsubscribe: {unsubscribeUrl}"),
        [("follower-message", "nl")] = new("Nieuw bericht over buurtinitiatief {trackingCode}",
            "Beste inwoner,\n\nU volgt buurtinitiatief {trackingCode}. De gemeente schrijft:\n\n{publicMessage}\n\nBekijk wat er gedaan is: {realisationUrl}\n\nMet vriendelijke groet,\n{municipality}\n\nGeen berichten meer over dit initiatief? Afmelden: {unsubscribeUrl}"),
        [("follower-message", "en")] = new("New message about neighbourhood initiative {trackingCode}",
            "Dear resident,\n\nYou follow neighbourhood initiative {trackingCode}. The municipality writes:\n\n{publicMessage}\n\nSee what was done: {realisationUrl}\n\nKind regards,\n{municipality}\n\nNo more messages about this initiative? Unsubscribe: {unsubscribeUrl}"),
        [("follower-milestone-done", "nl")] = new("Buurtinitiatief {trackingCode}: mijlpaal klaar",
            "Beste inwoner,\n\nU volgt buurtinitiatief {trackingCode}. Mijlpaal \"{milestone}\" is afgerond ({progress} mijlpalen klaar).\n\nBekijk wat er gedaan is: {realisationUrl}\n\nMet vriendelijke groet,\n{municipality}\n\nGeen berichten meer over dit initiatief? Afmelden: {unsubscribeUrl}"),
        [("follower-milestone-done", "en")] = new("Neighbourhood initiative {trackingCode}: milestone done",
            "Dear resident,\n\nYou follow neighbourhood initiative {trackingCode}. Milestone \"{milestone}\" is done ({progress} milestones done).\n\nSee what was done: {realisationUrl}\n\nKind regards,\n{municipality}\n\nNo more messages about this initiative? Unsubscribe: {unsubscribeUrl}"),
        [("question-answered", "nl")] = new("Antwoord op uw vraag over {trackingCode}: {title}",
            "De indiener van buurtinitiatief \"{title}\" ({trackingCode}) heeft uw vraag beantwoord.\n\nUw vraag:\n{question}\n\nHet antwoord:\n{answer}\n\nDe zaak is weer in behandeling; reactie uiterlijk {dueDate}.\nOpen de zaak: {caseUrl}"),
        [("realisation-slipped-digest", "nl")] = new("Uitvoering: {count} mijlpaal/mijlpalen nieuw over datum ({from} t/m {until})",
            "Deze mijlpalen van goedgekeurde initiatieven en gefinancierde projecten zijn de afgelopen week over hun geplande datum gegaan:\n\n{list}\nAlle cijfers staan op het raadsdashboard: {dashboardUrl}"),
    };

    /// <summary>Templates whose recipient is a resident's address as typed into a form.</summary>
    public static IReadOnlyList<string> ToResidents { get; } =
        ["initiative-received", "status-changed", "info-requested", "support-confirm", "threshold-reached-resident", "question-received", "privacy-link",
         "follow-confirm", "follower-status-changed", "follower-message", "follower-milestone-done"];

    /// <summary>Placeholders that hold what a resident wrote; never in a template of <see cref="ToResidents"/>.</summary>
    public static IReadOnlyList<string> ResidentWritten { get; } = ["title", "description", "transcript", "answer"];

    /// <summary>Every placeholder a template uses, in both languages.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        [.. Texts.Where(t => t.Key.Template == template).SelectMany(t => Placeholder().Matches(t.Value.Subject + t.Value.Body)).Select(m => m.Groups[1].Value).Distinct()];

    public static bool Exists(string template) => Texts.Keys.Any(k => k.Template == template);

    /// <summary>Renders in the recipient's language, falling back to Dutch, the municipality's language.</summary>
    public static (string Subject, string Body) Render(string template, string locale, IReadOnlyDictionary<string, string> values)
    {
        var language = locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
        if (!Texts.TryGetValue((template, language), out var text) && !Texts.TryGetValue((template, "nl"), out text))
        {
            throw new ArgumentException($"There is no e-mail template '{template}'.", nameof(template));
        }

        var readable = new Dictionary<string, string>(values);
        if (values.TryGetValue("status", out var status) && StatusWords.TryGetValue(status, out var words))
        {
            readable["status"] = language == "en" ? words.En : words.Nl;
        }

        // The timeline stores the municipality's standard texts in Dutch; an official's own words stay as written.
        if (language == "en" && values.TryGetValue("publicMessage", out var message) && TimelineTexts.English(message) is { } english)
        {
            readable["publicMessage"] = english;
        }

        if (values.TryGetValue("dueDate", out var due) && DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            readable["dueDate"] = Date(day, language);
        }

        return (Fill(text.Subject, readable), Fill(text.Body, readable));
    }

    /// <summary>
    /// The one way the platform writes a day for people: "4 december 2026" in Dutch (and "4 December 2026" in English),
    /// the same in e-mail, on the case page and on the public page.
    /// </summary>
    public static string Date(DateOnly day, string language) =>
        day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "nl-NL"));

    // Statuses travel as wire names (initiatives and realisation items); people read words, in their language.
    private static readonly Dictionary<string, (string Nl, string En)> StatusWords = new()
    {
        ["submitted"] = ("ingediend", "submitted"),
        ["routed"] = ("doorgestuurd naar een team", "passed to a team"),
        ["in-review"] = ("in behandeling", "being reviewed"),
        ["needs-info"] = ("informatie gevraagd", "information requested"),
        ["accepted"] = ("goedgekeurd", "accepted"),
        ["rejected"] = ("afgewezen", "rejected"),
        ["merged"] = ("samengevoegd met een ander initiatief", "merged with another initiative"),
        ["in-progress"] = ("in uitvoering", "in progress"),
        ["completed"] = ("uitgevoerd", "completed"),
        ["planned"] = ("gepland", "planned"),
        ["done"] = ("gerealiseerd", "done"),
        ["stopped"] = ("gestopt", "stopped"),
    };

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
