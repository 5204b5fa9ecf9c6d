using System.ComponentModel.DataAnnotations;

namespace Participation.App.Web;

/// <summary>
/// <c>Branding:*</c>: the municipality's name, logo and colours on every page. Colours are hex only: they are written
/// into the page's style, so nothing else may get through.
/// </summary>
public sealed class BrandingOptions
{
    public const string Section = "Branding";

    [Required, MaxLength(80)]
    public string Name { get; set; } = "Gemeente Voorbeeldstad";

    /// <summary>A path under the app (<c>/assets/…</c>) or an absolute https URL allowed by the CSP; alt text is the name.</summary>
    [Required]
    public string LogoUrl { get; set; } = "/assets/img/logo.svg";

    /// <summary>Header and primary buttons; white text on it must reach 4.5:1 contrast.</summary>
    [Required, RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string PrimaryColor { get; set; } = "#1d4f91";

    /// <summary>Links and focus outlines on white; must reach 4.5:1 contrast with white.</summary>
    [Required, RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string AccentColor { get; set; } = "#154273";
}
