using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary><c>discord-http [seconds] [concurrency]</c>: signed <c>/help</c> interactions against the worker in Discord Http mode.</summary>
internal static class DiscordHttpBenchmark
{
    public static async Task<int> RunAsync(int seconds, int concurrency, CancellationToken cancellationToken)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        await using var worker = await BenchmarkWorker.StartAsync(
            [
                "--Discord:Token", "x",
                "--Discord:ApplicationId", "1",
                "--Discord:Mode", "Http",
                "--Discord:PublicKey", publicKey,
                // Nothing listens there: start-up command registration fails fast and is tolerated (its error log is silenced).
                "--Discord:ApiBaseUrl", "http://127.0.0.1:9/",
                "--Logging:LogLevel:BriefingBot.Platforms.Discord.Commands", "Critical",
            ],
            cancellationToken);
        var id = 100_000L;
        return await HttpLoad.RunAsync(
            "discord-http", worker.Address, () => SignedHelp(key, Interlocked.Increment(ref id)), "\"embeds\"", seconds, concurrency, cancellationToken);
    }

    /// <summary>A guild <c>/help</c> APPLICATION_COMMAND (type 2), signed as Discord signs: Ed25519 over timestamp + body.</summary>
    private static HttpRequestMessage SignedHelp(Key key, long id)
    {
        return SignedRequests.Discord(
            key,
            $$"""{"id":"{{id}}","application_id":"1","type":2,"token":"bench-token-{{id}}","version":1,"channel_id":"222222222222222222","guild_id":"333333333333333333","member":{"user":{"id":"444444444444444444","username":"ana","global_name":"Ana"},"permissions":"0","nick":null},"data":{"id":"999","name":"help","type":1,"options":[]} }""");
    }
}
