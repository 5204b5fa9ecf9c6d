using Participation.App.Audit;

namespace Participation.App.Web.Admin;

/// <summary>The audit trail for administrators (<c>/beheer/audit</c>): filtered, newest first, a page at a time, exportable as CSV.</summary>
public sealed class AuditModel(AuditLog log) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "wie")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "actie")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? Until { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await log.ReadAsync(new AuditLog.Filter(Actor, Action, Subject, From, Until), cancellationToken);
        Total = all.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    /// <summary>The same filters as query strings, for the export link and the page links.</summary>
    public string Query(string path, int? page = null, bool export = false)
    {
        var values = new Dictionary<string, string?>
        {
            [export ? "actor" : "wie"] = Actor,
            [export ? "action" : "actie"] = Action,
            [export ? "subject" : "onderwerp"] = Subject,
            [export ? "from" : "van"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [export ? "until" : "tot"] = Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (page is not null) values["pagina"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }
}
