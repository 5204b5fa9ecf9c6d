namespace Participation.App.Routing;

/// <summary>Why an administrator's change of the routing configuration is refused, in English and Dutch.</summary>
public static class RoutingRefusals
{
    /// <summary>One problem of the configuration; its English is the configuration's own description of the problem.</summary>
    public static readonly Refusal ConfigurationInvalid = new("routing.configuration_invalid", StatusCodes.Status400BadRequest,
        "The routing configuration is not valid.", "De routering klopt niet.", "configuration");

    public static readonly Refusal ChangedMeanwhile = new("routing.changed_meanwhile", StatusCodes.Status409Conflict,
        "The configuration was changed by someone else; reload it and apply your change again.",
        "Iemand anders heeft de routering intussen gewijzigd. Bekijk de nieuwe stand en voer uw wijziging opnieuw in.",
        Title: "Changed by someone else");
}
