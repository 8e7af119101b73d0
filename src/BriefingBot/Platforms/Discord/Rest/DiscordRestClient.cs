using System.Net.Http.Headers;
using System.Net.Http.Json;
using BriefingBot.Chat;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Rest;

/// <summary>The Discord REST calls we make. Auth, User-Agent and rate limits live in the handlers in front of this client.</summary>
public sealed class DiscordRestClient(HttpClient http)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public async Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("gateway/bot", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.GatewayBot, cancellationToken)
            ?? throw new DiscordApiException(200, "GET /gateway/bot returned no body.");
    }

    public async Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var path = guildId is null ? $"applications/{applicationId}/commands" : $"applications/{applicationId}/guilds/{guildId}/commands";
        using var response = await http.PutAsJsonAsync(path, commands, Json.IReadOnlyListApplicationCommand, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task RespondAsync(string interactionId, string interactionToken, InteractionResponse body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"interactions/{interactionId}/{interactionToken}/callback", body, Json.InteractionResponse, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task EditOriginalAsync(string applicationId, string interactionToken, OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"webhooks/{applicationId}/{interactionToken}/messages/@original") { Content = Body(message) };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task DeleteOriginalAsync(string applicationId, string interactionToken, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"webhooks/{applicationId}/{interactionToken}/messages/@original", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task<DiscordMessage> FollowUpAsync(string applicationId, string interactionToken, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Post, $"webhooks/{applicationId}/{interactionToken}?wait=true", message, cancellationToken);

    public Task<DiscordMessage> CreateMessageAsync(string channelId, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Post, $"channels/{channelId}/messages", message, cancellationToken);

    public Task<DiscordMessage> EditMessageAsync(string channelId, string messageId, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", message, cancellationToken);

    public async Task<string> StartThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"channels/{channelId}/messages/{messageId}/threads", new StartThreadRequest(name), Json.StartThreadRequest, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var channel = await response.Content.ReadFromJsonAsync(Json.DiscordChannel, cancellationToken);
        return channel?.Id ?? throw new DiscordApiException(200, "Start thread returned no channel.");
    }

    /// <summary>GET /channels/{id}: the channel, with its server's id (none for a DM).</summary>
    public async Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"channels/{Uri.EscapeDataString(channelId)}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.DiscordChannel, cancellationToken)
            ?? throw new DiscordApiException(200, "GET /channels returned no channel.");
    }

    public async Task<string> OpenDmAsync(string userId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("users/@me/channels", new CreateDmRequest(userId), Json.CreateDmRequest, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var channel = await response.Content.ReadFromJsonAsync(Json.DiscordChannel, cancellationToken);
        return channel?.Id ?? throw new DiscordApiException(200, "Create DM returned no channel.");
    }

    private async Task<DiscordMessage> SendMessageAsync(HttpMethod method, string path, OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = Body(message) };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.DiscordMessage, cancellationToken)
            ?? throw new DiscordApiException(200, $"{method} {path} returned no message.");
    }

    /// <summary>JSON, or multipart with <c>payload_json</c> and <c>files[n]</c> when the message carries attachments.</summary>
    private static HttpContent Body(OutgoingMessage message)
    {
        var json = JsonContent.Create(message.Payload, Json.MessagePayload);
        if (!message.HasFiles)
        {
            return json;
        }

        var multipart = new MultipartFormDataContent { { json, "payload_json" } };
        for (var i = 0; i < message.Files.Count; i++)
        {
            var file = new ByteArrayContent(message.Files[i].Content.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue(message.Files[i].ContentType);
            multipart.Add(file, $"files[{i}]", message.Files[i].FileName);
        }

        return multipart;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = body.Length > 500 ? body[..500] : body;
        var path = TokenRedaction.Url(response.RequestMessage?.RequestUri);
        throw new DiscordApiException((int)response.StatusCode, $"Discord answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {path}: {message}");
    }
}

/// <summary>Discord answered with an error status; the message names the request with its token segment masked (<see cref="TokenRedaction"/>).</summary>
public sealed class DiscordApiException(int statusCode, string message)
    : ChatDeliveryException(Classify(statusCode), Explain(statusCode), message)
{
    public int StatusCode { get; } = statusCode;

    private static ChatFailureKind Classify(int statusCode) => statusCode switch
    {
        404 => ChatFailureKind.Gone,
        403 => ChatFailureKind.Forbidden,
        429 => ChatFailureKind.RateLimited,
        408 or >= 500 => ChatFailureKind.Transient,
        _ => ChatFailureKind.Rejected,
    };

    private static string Explain(int statusCode) => statusCode switch
    {
        404 => "the channel no longer exists (Discord answered 404)",
        403 => "the bot may not post in the channel any more (Discord answered 403)",
        _ => $"Discord answered {statusCode}",
    };
}
