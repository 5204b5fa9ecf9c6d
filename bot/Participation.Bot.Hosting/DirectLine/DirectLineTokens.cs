using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Participation.Bot.Hosting.DirectLine;

/// <summary>What a valid conversation token says: which conversation, which user, until when.</summary>
public sealed record ConversationToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Conversation tokens of the built-in channel: <c>base64url(conversation|user|expiry).base64url(HMAC-SHA256)</c>.
/// Stateless, so every instance of the app accepts them. The key derives from <c>Bot:DirectLineSecret</c>; without a
/// secret (Development only) a random key is kept in the conversations table, so tokens survive a restart.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, BotTables tables, TimeProvider clock)
{
    private readonly SemaphoreSlim keyLock = new(1, 1);
    private byte[]? key;

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public bool HasSecret => options.Value.DirectLineSecret.Length > 0;

    public bool IsSecret(string presented) =>
        HasSecret && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.Value.DirectLineSecret));

    public async Task<string> IssueAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var payload = Encoding.UTF8.GetBytes($"{conversationId}|{userId}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        var signature = HMACSHA256.HashData(await KeyAsync(cancellationToken), payload);
        return $"{Base64Url(payload)}.{Base64Url(signature)}";
    }

    public async Task<ConversationToken?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature))
        {
            return null;
        }

        var expected = HMACSHA256.HashData(await KeyAsync(cancellationToken), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(unix);
        return expiresAt <= clock.GetUtcNow() ? null : new ConversationToken(fields[0], fields[1], expiresAt);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (key is { } known)
        {
            return known;
        }

        await keyLock.WaitAsync(cancellationToken);
        try
        {
            key ??= HasSecret
                ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.DirectLineSecret), "participation/directline-token/v1"u8)
                : await StoredDevelopmentKeyAsync(cancellationToken);
            return key;
        }
        finally
        {
            keyLock.Release();
        }
    }

    // Insert, never upsert: when two instances start at once, the first key wins and both use it.
    private async Task<byte[]> StoredDevelopmentKeyAsync(CancellationToken cancellationToken)
    {
        const string partition = "directline", row = "development-token-key";
        try
        {
            await tables.ConversationTable.AddEntityAsync(
                new TableEntity(partition, row) { ["Key"] = RandomNumberGenerator.GetBytes(32) }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
        }

        var entity = await tables.ConversationTable.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.Value.GetBinary("Key");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
