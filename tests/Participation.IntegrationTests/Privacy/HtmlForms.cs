using System.Net;
using System.Text.RegularExpressions;

namespace Participation.IntegrationTests.Privacy;

/// <summary>Submits a page's form as a browser without JavaScript would: its action, its hidden fields (antiforgery included) and the cookie.</summary>
public static partial class HtmlForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string html, string buttonText, IDictionary<string, string>? fields = null)
    {
        var form = Forms().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains(buttonText, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No form with a button '{buttonText}' on the page.");
        var action = Action().Match(form) is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value) : pageUrl;
        var values = Hidden().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("<input name=\"([^\"]+)\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
