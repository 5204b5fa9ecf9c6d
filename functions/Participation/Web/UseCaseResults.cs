using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Participation.Web;

/// <summary>
/// Pages call the API's use-case handlers and read their typed results here: the value on success, the field errors of
/// a ValidationProblem to show next to the fields, or the problem's status and text.
/// </summary>
public static class UseCaseResults
{
    public static T? Value<T>(IResult result) where T : class => result is IValueHttpResult<T> { Value: { } value } ? value : null;

    public static IDictionary<string, string[]> Errors(IResult result) =>
        result is ValidationProblem validation ? validation.ProblemDetails.Errors : new Dictionary<string, string[]>();

    public static ProblemDetails? Problem(IResult result) => result switch
    {
        ProblemHttpResult problem => problem.ProblemDetails,
        ValidationProblem validation => validation.ProblemDetails,
        _ => null,
    };

    public static int? Status(IResult result) => result is IStatusCodeHttpResult status ? status.StatusCode : null;

    /// <summary>
    /// The handlers answer in English (the API's language); the messages residents meet most are shown in Dutch too.
    /// A message not listed stays English rather than being guessed.
    /// </summary>
    public static string Say(WebLanguage language, string message) =>
        language.IsEnglish || !Dutch.TryGetValue(message, out var dutch) ? message : dutch;

    private static readonly Dictionary<string, string> Dutch = new()
    {
        ["Give your initiative a title."] = "Geef uw initiatief een titel.",
        ["The title may be at most 120 characters."] = "De titel mag hoogstens 120 tekens lang zijn.",
        ["Describe your initiative."] = "Beschrijf uw initiatief.",
        ["The description may be at most 5000 characters."] = "De beschrijving mag hoogstens 5000 tekens lang zijn.",
        ["Choose the neighbourhood of your initiative."] = "Kies de buurt van uw initiatief.",
        ["This is not a valid e-mail address."] = "Dit is geen geldig e-mailadres.",
        ["An address must be 1 to 200 characters."] = "Een adres is 1 tot 200 tekens lang.",
        ["Give a valid e-mail address to confirm your support."] = "Geef een geldig e-mailadres om uw steun te bevestigen.",
        ["Write your answer (at most 5000 characters)."] = "Schrijf uw antwoord (hoogstens 5000 tekens).",
        ["The note may be at most 4000 characters."] = "De notitie mag hoogstens 4000 tekens lang zijn.",
        ["The reason may be at most 4000 characters."] = "De motivering mag hoogstens 4000 tekens lang zijn.",
        ["The question may be at most 4000 characters."] = "De vraag mag hoogstens 4000 tekens lang zijn.",
        ["The message may be at most 4000 characters."] = "Het bericht mag hoogstens 4000 tekens lang zijn.",
        ["Check the code in your confirmation e-mail; it looks like K7QX-M2PD-9RC."] =
            "Controleer de code in uw bevestigingsmail; die ziet eruit als K7QX-M2PD-9RC.",
        ["Someone else changed this case after you opened it. Here is its current state; check it and act again."] =
            "Iemand anders heeft deze zaak gewijzigd nadat u hem opende. Hieronder staat de huidige stand; controleer die en probeer het opnieuw.",
    };
}
