using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Hosting;

/// <summary>Where the bot's tables live (section <c>BotStorage</c>); a prefix lets tests share one storage account without sharing tables.</summary>
public sealed class BotStorageOptions
{
    public const string Section = "BotStorage";

    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,20})?$")]
    public string TablePrefix { get; set; } = "";
}
