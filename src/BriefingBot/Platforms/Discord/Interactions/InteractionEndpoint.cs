using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Hosting;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rendering;

namespace BriefingBot.Platforms.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: 401 for any missing, bad or stale signature (Discord probes with bad ones and
/// drops endpoints that accept them), 400 for a body that is not an interaction, never a 5xx; otherwise the
/// interaction response as the 200 body, and follow-up work after the response has gone out.
/// </summary>
public sealed partial class InteractionEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionHandler handler,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<InteractionEndpoint> logger)
{
    public const string Path = "/discord/interactions";
    private const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = time.GetTimestamp();
        var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var check = verifier.Verify(context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"], body);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(check);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", context.RequestAborted);
            return;
        }

        var interaction = Parse(body);
        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("not a Discord interaction", context.RequestAborted);
            return;
        }

        InteractionOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(interaction, context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, interaction.Id);
            var error = DiscordRenderer.Render(ChatReply.Error("Sorry, that went wrong on our side."))[0].Payload;
            outcome = new InteractionOutcome(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackData.From(error)));
        }

        if (outcome.Serialized is { } serialized)
        {
            context.Response.ContentType = JsonPayload<InteractionResponse>.ContentType;
            context.Response.ContentLength = serialized.Utf8.Length;
            await context.Response.Body.WriteAsync(serialized.Utf8, context.RequestAborted);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(outcome.Response, DiscordJsonContext.Default.InteractionResponse, contentType: null, context.RequestAborted);
        }

        await context.Response.CompleteAsync();
        metrics.FirstResponse("discord", time.GetElapsedTime(receivedAt));
        handler.RunAfter(outcome, interaction.Id);
    }

    internal static Interaction? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
            return interaction is { Id: { Length: > 0 }, Token: { Length: > 0 } } && Enum.IsDefined(interaction.Type) ? interaction : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Discord interaction request: signature {Check}")]
    private partial void LogRejected(SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} failed")]
    private partial void LogFailed(Exception exception, string interactionId);
}
