namespace Participation.Bot.Initiatives;

/// <summary>
/// A registered question's status as a resident reads it, in the bot's reply and on /volgen: the stored status is a
/// wire name ("open"), which says nothing to someone waiting for an answer.
/// </summary>
public static class QuestionStatusWords
{
    public static string Describe(string status, bool english) => (status.ToLowerInvariant(), english) switch
    {
        ("open", false) => "ontvangen. Een medewerker van het klantcontactcentrum beantwoordt uw vraag per e-mail",
        ("open", true) => "received. A member of our front office will answer your question by e-mail",
        ("answered", false) => "beantwoord. Het antwoord is naar uw e-mailadres gestuurd",
        ("answered", true) => "answered. The answer was sent to your e-mail address",
        ("closed", false) => "afgehandeld",
        ("closed", true) => "closed",
        (_, false) => "in behandeling",
        (_, true) => "being handled",
    };
}
