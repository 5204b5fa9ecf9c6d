using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>
/// How long a resident's chat message may be. The built-in Direct Line channel refuses a longer one with 400, so Web
/// Chat shows that it was not sent; Azure Bot Service channels cannot be answered with a 400 (the channel would retry or
/// drop it silently), so their messages are cut to the limit, marked with an ellipsis, before the engine or the
/// transcript sees them.
/// </summary>
public static class ResidentText
{
    public const int MaxLength = 2_000;

    public static bool IsTooLong(Activity activity) => activity.Text?.Length > MaxLength;

    public static Activity Cut(Activity activity) =>
        IsTooLong(activity) ? activity with { Text = activity.Text![..(MaxLength - 1)] + "…" } : activity;
}
