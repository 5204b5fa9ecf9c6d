namespace Participation.App.Privacy;

/// <summary>
/// One mailbox, one key: the big providers deliver <c>Jan.Jansen+1@gmail.com</c> and <c>janjansen@gmail.com</c> to the same
/// person, so whatever counts people (supports, mail throttling) compares canonical addresses, never what was typed.
/// </summary>
public static class EmailAddresses
{
    // Providers that ignore dots in the local part.
    private static readonly HashSet<string> DotsIgnored = new(StringComparer.OrdinalIgnoreCase) { "gmail.com", "googlemail.com" };

    // Aliases of one provider's domain.
    private static readonly Dictionary<string, string> SameProvider = new(StringComparer.OrdinalIgnoreCase) { ["googlemail.com"] = "gmail.com" };

    /// <summary>
    /// Lower case; the <c>+tag</c> dropped everywhere (Gmail, Outlook, iCloud, Fastmail, Proton and most others deliver it to
    /// the same box — a provider that does not would at worst count two of its users once); dots dropped at Gmail.
    /// </summary>
    public static string Canonical(string email)
    {
        var trimmed = email.Trim().ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return trimmed;
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..].TrimEnd('.');
        domain = SameProvider.GetValueOrDefault(domain, domain);
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        if (DotsIgnored.Contains(domain))
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
        }

        return local + "@" + domain;
    }
}
