using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>bare-server port slack-secret discord-public-key</c>: the reference the issue compares the worker with, a minimal
/// ASP.NET Core app (slim builder, two endpoints, no logging) that checks the same signatures as the worker (Slack v0
/// HMAC-SHA256, Discord Ed25519 with NSec) and answers a constant reply, run as its own process by
/// <see cref="HttpCompareBenchmark"/> so its CPU time is its own.
/// </summary>
internal static class BareEndpoints
{
    private static readonly byte[] SlackReply = Encoding.UTF8.GetBytes("""{"response_type":"ephemeral","text":"BriefingBot commands"}""");
    private static readonly byte[] DiscordReply = Encoding.UTF8.GetBytes("""{"type":4,"data":{"content":"BriefingBot commands"}}""");

    public static async Task<int> RunAsync(int port, string slackSecret, string discordPublicKey)
    {
        var secret = Encoding.UTF8.GetBytes(slackSecret);
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(discordPublicKey), KeyBlobFormat.RawPublicKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/readyz", () => "ready");
        app.MapPost("/slack/commands", async context =>
        {
            var body = await BodyAsync(context);
            var headers = context.Request.Headers;
            var signed = Encoding.UTF8.GetBytes($"v0:{headers["X-Slack-Request-Timestamp"]}:");
            var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, (byte[])[.. signed, .. body])));
            await ReplyAsync(context, CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(headers["X-Slack-Signature"].ToString())), SlackReply);
        });
        app.MapPost("/discord/interactions", async context =>
        {
            var body = await BodyAsync(context);
            var headers = context.Request.Headers;
            var signature = Convert.FromHexString(headers["X-Signature-Ed25519"].ToString());
            var valid = SignatureAlgorithm.Ed25519.Verify(publicKey, [.. Encoding.UTF8.GetBytes(headers["X-Signature-Timestamp"].ToString()), .. body], signature)
                && long.TryParse(headers["X-Signature-Timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            await ReplyAsync(context, valid, DiscordReply);
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<byte[]> BodyAsync(HttpContext context)
    {
        var body = new byte[context.Request.ContentLength ?? 0];
        await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted);
        return body;
    }

    private static Task ReplyAsync(HttpContext context, bool valid, byte[] reply)
    {
        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = reply.Length;
        return context.Response.Body.WriteAsync(reply, context.RequestAborted).AsTask();
    }
}
