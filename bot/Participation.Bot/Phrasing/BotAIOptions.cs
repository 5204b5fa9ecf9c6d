namespace Participation.Bot.Phrasing;

/// <summary>
/// Optional phrasing by a language model (section <c>BotAI</c>). Without an endpoint and deployment the bot answers
/// with the articles themselves. Works with Azure OpenAI's v1 endpoint (https://{resource}.openai.azure.com/openai/v1/)
/// or any OpenAI-compatible chat completions endpoint.
/// </summary>
public sealed class BotAIOptions
{
    public const string Section = "BotAI";

    public string Endpoint { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The deployment (Azure) or model name.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>Client retries on transient failures; tests set 0.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxOutputTokens { get; set; } = 400;

    public bool IsConfigured => Endpoint.Length > 0 && Deployment.Length > 0;
}
