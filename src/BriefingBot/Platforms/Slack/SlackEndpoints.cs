using System.Text;
using System.Text.Json;
using BriefingBot.Hosting;
using BriefingBot.Hosting.Telemetry;
using Microsoft.AspNetCore.WebUtilities;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// HTTP mode: Slack POSTs here. Every request must carry a valid v0 signature (else 401); a signed but
/// malformed body is a 400; everything is acknowledged well within Slack's 3 seconds.
/// </summary>
public static partial class SlackEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", HandleCommandAsync);
        app.MapPost("/slack/interactivity", HandleInteractivityAsync);
        app.MapPost("/slack/events", HandleEventsAsync);
        return app;
    }

    private static async Task<IResult> HandleCommandAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackCommandHandler commands, TimeProvider time, BotMetrics metrics)
    {
        var receivedAt = time.GetTimestamp();
        var body = await ReadVerifiedAsync(http, verifier);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Bytes!));
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var command = new SlashCommandPayload(
            Field("team_id"), Field("channel_id"), Field("user_id"), Field("user_name"), Field("command"), Field("text"), Field("response_url"), Field("trigger_id"));
        if (string.IsNullOrEmpty(command.Command) || string.IsNullOrEmpty(command.ChannelId) || string.IsNullOrEmpty(command.UserId))
        {
            return Results.BadRequest("command, channel_id and user_id are required");
        }

        var inline = await commands.HandleAsync(command, canAnswerInline: true, http.RequestAborted);
        metrics.FirstResponse(SlackContext.Platform, time.GetElapsedTime(receivedAt));
        return inline is null ? Results.Ok() : Results.Bytes(inline.Utf8, JsonPayload<SlashCommandResponse>.ContentType);
    }

    private static async Task<IResult> HandleInteractivityAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackInteractionHandler interactions, ShutdownDrain drain)
    {
        var body = await ReadVerifiedAsync(http, verifier);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Bytes!));
        if (!form.TryGetValue("payload", out var json) || TryParse(json.ToString(), SlackJsonContext.Default.InteractionPayload) is not { } interaction)
        {
            return Results.BadRequest("a payload field holding JSON is required");
        }

        var lease = drain.Begin();
        _ = Task.Run(async () =>
        {
            using var held = lease;
            await interactions.HandleAsync(interaction, drain.Aborted);
        }, CancellationToken.None);
        return Results.Ok();
    }

    private static async Task<IResult> HandleEventsAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackEventHandler events, ShutdownDrain drain)
    {
        var body = await ReadVerifiedAsync(http, verifier);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        if (TryParse(Encoding.UTF8.GetString(body.Bytes!), SlackJsonContext.Default.EventsApiPayload) is not { Type: not null } payload)
        {
            return Results.BadRequest("an Events API JSON body is required");
        }

        if (payload.Type == "url_verification")
        {
            return payload.Challenge is null
                ? Results.BadRequest("challenge is required")
                : Results.Json(new UrlVerificationResponse(payload.Challenge), SlackJsonContext.Default.UrlVerificationResponse);
        }

        var lease = drain.Begin();
        _ = Task.Run(async () =>
        {
            using var held = lease;
            await events.HandleAsync(payload, drain.Aborted);
        }, CancellationToken.None);
        return Results.Ok();
    }

    private static T? TryParse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private readonly record struct VerifiedBody(byte[]? Bytes, IResult? Failure);

    /// <summary>The raw body, read once, checked against the signature before anything parses it.</summary>
    private static async Task<VerifiedBody> ReadVerifiedAsync(HttpContext http, SlackRequestVerifier verifier)
    {
        if (await RequestBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } bytes)
        {
            return new(null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var headers = http.Request.Headers;
        return verifier.IsValid(headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], bytes)
            ? new(bytes, null)
            : new(null, Results.Unauthorized());
    }
}
