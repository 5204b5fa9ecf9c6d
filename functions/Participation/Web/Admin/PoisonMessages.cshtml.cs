using Participation.App.Hosting;

namespace Participation.App.Web.Admin;

/// <summary>
/// <c>/beheer/mislukte-berichten</c>: the messages a function gave up on, per poison queue, and putting them back once
/// the cause is fixed — one, the ones ticked, or the whole queue. It calls <see cref="PoisonQueues"/>, the same use case
/// as <c>/api/admin/poison</c>, which writes the audit entry; message contents are never shown (they may hold personal data).
/// </summary>
public sealed class PoisonMessagesModel(PoisonQueues poison, WebLanguage language) : PageModel
{
    public const string AllScope = "alle";

    public IReadOnlyList<PoisonQueues.QueueView> Queues { get; private set; } = [];
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queues = await poison.ListAsync(cancellationToken);

    /// <param name="only">The message of the row whose button was pressed.</param>
    /// <param name="message">The ticked messages.</param>
    /// <param name="scope"><see cref="AllScope"/> puts back the whole queue (up to <see cref="PoisonQueues.MaxPerRequeue"/>).</param>
    public async Task<IActionResult> OnPostAsync(string? queue, string? only, string[]? message, string? scope, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string>? ids = scope == AllScope ? null
            : !string.IsNullOrEmpty(only) ? [only]
            : (message ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        if (ids is { Count: 0 })
        {
            Problem = language.T("Kies eerst een of meer berichten. Er is niets verplaatst.", "Choose one or more messages first. Nothing was moved.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            switch (await poison.RequeueAsync(queue ?? "", ids, PlatformUser.From(User)!, cancellationToken))
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
        }

        Queues = await poison.ListAsync(cancellationToken);
        return Page();
    }
}
