using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Initiatives;

/// <summary>The values e-mail templates about an initiative can use.</summary>
public static class InitiativeMessages
{
    /// <summary>A deadline is stored as the moment it passes (midnight in Amsterdam); people read the last day they have.</summary>
    public static DateOnly DueDay(DateTimeOffset dueBy) => Participation.Municipality.Calendar.DutchTime.DateOf(dueBy.AddTicks(-1));

    public static Dictionary<string, string> Values(InitiativeCase initiative, PlatformOptions platform) => new()
    {
        ["title"] = initiative.Title,
        ["trackingCode"] = initiative.TrackingCode,
        ["neighbourhood"] = initiative.Neighbourhood,
        ["theme"] = initiative.Theme ?? "-",
        ["status"] = initiative.Status.ToWireName(),
        ["statusUrl"] = $"{platform.PublicBaseUrl.TrimEnd('/')}/initiatieven/{initiative.TrackingCode}",
        ["caseUrl"] = $"{platform.PublicBaseUrl.TrimEnd('/')}/behandelen/{initiative.TrackingCode}",
        ["dueDate"] = initiative.DueDate is { } due ? DueDay(due).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-",
        ["supports"] = initiative.Supports.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["owner"] = initiative.OwnerId ?? initiative.TeamCode ?? "-",
        ["routingReason"] = initiative.RoutingReason ?? "",
    };
}
