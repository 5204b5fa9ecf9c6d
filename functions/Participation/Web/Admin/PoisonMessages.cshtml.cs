using Participation.App.Hosting;

namespace Participation.App.Web.Admin;

/// <summary>
/// <c>/beheer/mislukte-berichten</c>: the messages a function gave up on, per poison queue, and putting them back once
/// the cause is fixed. It calls <see cref="PoisonQueues"/>, the same use case as <c>/api/admin/poison</c>, which logs
/// which admin did it; message contents are never shown (they may hold personal data).
/// </summary>
public sealed class PoisonMessagesModel(PoisonQueues poison, WebLanguage language) : PageModel
{
    public IReadOnlyList<PoisonQueues.QueueView> Queues { get; private set; } = [];
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queues = await poison.ListAsync(cancellationToken);

    /// <summary>Puts back one message (<paramref name="message"/>) or, without it, the whole queue (up to <see cref="PoisonQueues.MaxPerRequeue"/>).</summary>
    public async Task<IActionResult> OnPostAsync(string? queue, string? message, CancellationToken cancellationToken)
    {
        var admin = PlatformUser.From(User)!;
        var outcome = await poison.RequeueAsync(queue ?? "", string.IsNullOrEmpty(message) ? null : [message], admin.Id, cancellationToken);
        switch (outcome)
        {
            case PoisonQueues.Requeued requeued:
                Done = requeued.Count == 1
                    ? language.T($"1 bericht staat weer op {requeued.Queue}.", $"1 message is back on {requeued.Queue}.")
                    : language.T($"{requeued.Count} berichten staan weer op {requeued.Queue}.", $"{requeued.Count} messages are back on {requeued.Queue}.");
                break;
            case PoisonQueues.UnknownQueue:
                Problem = language.T("Deze wachtrij bestaat niet of is geen wachtrij voor mislukte berichten. Er is niets verplaatst.",
                    "This queue does not exist or is not a queue of failed messages. Nothing was moved.");
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }

        Queues = await poison.ListAsync(cancellationToken);
        return Page();
    }
}
