using System.ComponentModel.DataAnnotations;

namespace Participation.App.Initiatives;

/// <summary><c>Initiatives:*</c> settings.</summary>
public sealed class InitiativesOptions
{
    public const string Section = "Initiatives";

    /// <summary>Supports needed before an initiative goes on the council's agenda list, per neighbourhood code.</summary>
    public Dictionary<string, int> SupportThresholds { get; set; } = [];
    [Range(1, 100_000)]
    public int DefaultSupportThreshold { get; set; } = 25;
    /// <summary>Days after which contact details of closed cases are removed.</summary>
    [Range(1, 3650)]
    public int ContactRetentionDays { get; set; } = 90;

    public int ThresholdFor(string neighbourhood) => SupportThresholds.GetValueOrDefault(neighbourhood, DefaultSupportThreshold);
}
