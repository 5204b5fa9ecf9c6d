using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Identity;

/// <summary>
/// A browser reduced to HTTP: one cookie jar for the app (served in memory at https://localhost), one for the provider
/// (a real process), and the forms the provider shows. It walks the real authorization-code flow and can keep or
/// replay what a browser would carry, which a real browser does not let a test do.
/// </summary>
public sealed partial class OidcBrowser : IDisposable
{
    public static readonly Uri AppAddress = new("https://localhost/");
    private readonly HttpClient provider;

    public OidcBrowser(PlatformFactory factory)
    {
        App = factory.CreateDefaultClient(AppAddress, new CookieContainerHandler(AppCookies));
        provider = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
    }

    public CookieContainer AppCookies { get; } = new();
    public HttpClient App { get; }

    /// <summary>What the provider sends the browser back with: the callback address and its form (code, state, iss).</summary>
    public sealed record Callback(Uri Address, Dictionary<string, string> Form);

    /// <summary>Starts the sign-in at the app, logs in at the provider's login page, and stops before the callback reaches the app.</summary>
    public async Task<Callback> LogInAtProviderAsync(string startPath, string login)
    {
        var start = await App.GetAsync(startPath);
        Assert.True(start.StatusCode == HttpStatusCode.Found && start.Headers.Location!.IsAbsoluteUri, $"The app sends the browser to the provider: {(int)start.StatusCode} {start.Headers.Location}");
        var loginPage = await AtProviderAsync(await provider.GetAsync(start.Headers.Location));
        var html = await loginPage.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "The provider shows a login form.");
        var loggedIn = await AtProviderAsync(await provider.PostAsync(new Uri(loginPage.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "anything" })));
        var post = await loggedIn.Content.ReadAsStringAsync();
        var target = FormAction().Match(post);
        Assert.True(target.Success, $"The provider answers with a form back to the app: {post[..Math.Min(post.Length, 300)]}");
        var fields = HiddenInput().Matches(post).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return new Callback(new Uri(WebUtility.HtmlDecode(target.Groups[1].Value)), fields);
    }

    /// <summary>
    /// The id token a resident's app gets from the provider for <paramref name="login"/>: authorization code with PKCE
    /// as a public client, the code redeemed by the app itself.
    /// </summary>
    public async Task<string> ResidentAppTokenAsync(string authority, string login)
    {
        const string clientId = "participation-resident-app", redirect = "http://127.0.0.1/app-callback";
        var verifier = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var challenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var start = $"{authority}/auth?client_id={clientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirect)}" +
                    $"&code_challenge={challenge}&code_challenge_method=S256&state=s{Guid.NewGuid():N}&nonce=n{Guid.NewGuid():N}";
        var loginPage = await AtProviderAsync(await provider.GetAsync(start));
        var action = FormAction().Match(await loginPage.Content.ReadAsStringAsync());
        Assert.True(action.Success, "The provider shows a login form.");
        var back = await AtProviderAsync(await provider.PostAsync(new Uri(loginPage.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "anything" })));
        // The provider always asks a native app's user to authorise it once.
        if (back.Headers.Location is null && FormAction().Match(await back.Content.ReadAsStringAsync()) is { Success: true } consent)
        {
            back = await AtProviderAsync(await provider.PostAsync(new Uri(back.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(consent.Groups[1].Value)),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "consent" })));
        }

        Assert.True(back.Headers.Location is not null, "The provider redirects to the app: " + (int)back.StatusCode + " " + await back.Content.ReadAsStringAsync());
        var code = System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query)["code"];
        var token = await provider.PostAsync($"{authority}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code!, ["redirect_uri"] = redirect, ["client_id"] = clientId, ["code_verifier"] = verifier,
        }));
        token.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(token.Content)).GetProperty("id_token").GetString()!;
    }

    public Task<HttpResponseMessage> DeliverAsync(Callback callback) =>
        App.PostAsync(callback.Address.PathAndQuery, new FormUrlEncodedContent(callback.Form));

    /// <summary>The whole flow; the app's answer to the callback.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string startPath, string login) =>
        await DeliverAsync(await LogInAtProviderAsync(startPath, login));

    /// <summary>Follows the app's sign-out to the provider's end-session page, confirms it, and delivers the provider's redirect back to the app.</summary>
    public async Task<HttpResponseMessage> EndProviderSessionAsync(Uri endSession)
    {
        var page = await AtProviderAsync(await provider.GetAsync(endSession));
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "The provider shows its sign-out form.");
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["logout"] = "yes";
        var confirmed = await provider.PostAsync(new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value)), new FormUrlEncodedContent(fields));
        Assert.True(confirmed.Headers.Location is { } back && back.ToString().StartsWith(AppAddress.ToString(), StringComparison.Ordinal), "The provider sends the browser back to the app.");
        return await App.GetAsync(confirmed.Headers.Location!.PathAndQuery);
    }

    // Redirects within the provider are followed; the one back to the app is where a test takes over.
    private async Task<HttpResponseMessage> AtProviderAsync(HttpResponseMessage response)
    {
        while (response.Headers.Location is { } next)
        {
            var target = next.IsAbsoluteUri ? next : new Uri(response.RequestMessage!.RequestUri!, next);
            if (target.Host != response.RequestMessage!.RequestUri!.Host || target.Port != response.RequestMessage.RequestUri.Port)
            {
                return response;
            }

            response = await provider.GetAsync(target);
        }

        return response;
    }

    public void Dispose()
    {
        App.Dispose();
        provider.Dispose();
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
