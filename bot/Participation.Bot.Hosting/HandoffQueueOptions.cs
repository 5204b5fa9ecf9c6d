using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Hosting;

/// <summary>The live-chat queue's settings, in section <c>Handoff</c> beside the opening hours (<c>Handoff__AcceptTimeout</c>).</summary>
public sealed class HandoffQueueOptions
{
    public const string Section = "Handoff";

    /// <summary>How long a resident waits for an agent before the bot takes over again and offers to register the question.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(3);
}
