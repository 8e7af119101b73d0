using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// The Slack Web API methods BriefingBot uses, on one typed HttpClient (base address Slack:ApiBaseUrl; token,
/// pacing and 429 retries are its handlers). An <c>ok:false</c> answer throws <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackApiClient(HttpClient http)
{
    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken) =>
        PostJsonAsync("chat.postMessage", message, Json.PostMessageRequest, Json.PostMessageResponse, message.Channel, cancellationToken);

    public Task<SlackApiResponse> UpdateAsync(UpdateMessageRequest message, CancellationToken cancellationToken) =>
        PostJsonAsync("chat.update", message, Json.UpdateMessageRequest, Json.SlackApiResponse, message.Channel, cancellationToken);

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest message, CancellationToken cancellationToken) =>
        PostJsonAsync("chat.postEphemeral", message, Json.PostEphemeralRequest, Json.PostEphemeralResponse, message.Channel, cancellationToken);

    public Task<ConversationResponse> JoinAsync(string channel, CancellationToken cancellationToken) =>
        PostJsonAsync("conversations.join", new ChannelRequest(channel), Json.ChannelRequest, Json.ConversationResponse, channel, cancellationToken);

    /// <summary>apps.connections.open, authenticated with the app-level token: a fresh WebSocket URL for each connection.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "apps.connections.open");
        request.Options.Set(SlackRequestOptions.UseAppToken, true);
        var response = await SendAsync(request, "apps.connections.open", Json.ConnectionsOpenResponse, cancellationToken);
        return Uri.TryCreate(response.Url, UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "no_url_in_response");
    }

    /// <summary>auth.test with the bot token: the id of the team the bot is installed in.</summary>
    public async Task<string?> GetTeamIdAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth.test");
        return (await SendAsync(request, "auth.test", Json.AuthTestResponse, cancellationToken)).TeamId;
    }

    /// <summary>The external upload flow (files.upload is retired): get an upload URL, send the bytes, complete into the channel.</summary>
    public async Task<string> UploadImageAsync(string channel, string? threadTs, ReplyImage image, CancellationToken cancellationToken)
    {
        using var urlRequest = new HttpRequestMessage(HttpMethod.Post, "files.getUploadURLExternal")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["filename"] = image.FileName,
                ["length"] = image.Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["alt_txt"] = SlackMarkdown.Shorten(image.AltText, 1000),
            }),
        };
        var target = await SendAsync(urlRequest, "files.getUploadURLExternal", Json.UploadUrlResponse, cancellationToken);
        if (target.UploadUrl is null || target.FileId is null)
        {
            throw new SlackApiException("files.getUploadURLExternal", "no_upload_url_in_response");
        }

        using (var bytes = new ByteArrayContent(image.Png.ToArray()))
        {
            using var upload = await http.PostAsync(new Uri(target.UploadUrl), bytes, cancellationToken);
            if (!upload.IsSuccessStatusCode)
            {
                throw new SlackApiException("files upload", $"http_{(int)upload.StatusCode}");
            }
        }

        var fields = new Dictionary<string, string>
        {
            ["files"] = JsonSerializer.Serialize([new UploadedFile(target.FileId, image.AltText)], Json.UploadedFileArray),
            ["channel_id"] = channel,
        };
        if (threadTs is not null)
        {
            fields["thread_ts"] = threadTs;
        }

        using var complete = new HttpRequestMessage(HttpMethod.Post, "files.completeUploadExternal") { Content = new FormUrlEncodedContent(fields) };
        complete.Options.Set(SlackRequestOptions.Channel, channel);
        await SendAsync(complete, "files.completeUploadExternal", Json.SlackApiResponse, cancellationToken);
        return target.FileId;
    }

    /// <summary>Posts to a slash command's or an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, SlashCommandResponse message, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(responseUrl, JsonContent.Create(message, Json.SlashCommandResponse), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    private async Task<TResponse> PostJsonAsync<TRequest, TResponse>(
        string method, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, string channel, CancellationToken cancellationToken)
        where TResponse : ISlackApiResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = JsonContent.Create(body, requestType) };
        request.Options.Set(SlackRequestOptions.Channel, channel);
        return await SendAsync(request, method, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(HttpRequestMessage request, string method, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : ISlackApiResponse
    {
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
        }

        var result = await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
            ?? throw new SlackApiException(method, "empty_response");
        return result.Ok ? result : throw new SlackApiException(method, result.Error ?? "unknown_error");
    }
}
