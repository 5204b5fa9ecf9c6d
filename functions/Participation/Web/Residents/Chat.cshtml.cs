using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.DirectLine;

namespace Participation.App.Web.Residents;

/// <summary>
/// Web Chat on our own Direct Line channel. The server hands the browser a token for one new conversation, as a
/// token service would: the channel's secret never reaches the page, in Development or in Azure.
/// </summary>
public sealed class ChatModel(DirectLineTokens tokens) : PageModel
{
    public string Token { get; private set; } = "";
    public string UserId { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        UserId = "dl_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        Token = await tokens.IssueAsync(ConversationRecord.NewDirectLineId(), UserId, cancellationToken);
        Response.Headers.CacheControl = "no-store";
    }
}
