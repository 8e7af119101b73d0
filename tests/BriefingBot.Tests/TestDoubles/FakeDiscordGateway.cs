using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// The gateway side of <see cref="FakeDiscord"/>. Each accepted connection runs the next enqueued script; with no
/// script left it plays a well-behaved Discord: HELLO, then READY for IDENTIFY or RESUMED for RESUME, then stays open.
/// </summary>
public sealed class FakeDiscordGateway(FakeDiscord discord)
{
    private readonly ConcurrentQueue<Func<FakeGatewaySocket, Task>> scripts = new();
    private readonly ConcurrentQueue<FakeGatewaySocket> connections = new();

    public IReadOnlyList<FakeGatewaySocket> Connections => [.. connections];

    public void Enqueue(Func<FakeGatewaySocket, Task> script) => scripts.Enqueue(script);

    public async Task<FakeGatewaySocket> WaitForConnectionAsync(int index, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (connections.Count > index)
            {
                return connections.ElementAt(index);
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Gateway connection #{index + 1} never came; {connections.Count} so far.");
    }

    /// <summary>What Discord does when all is well.</summary>
    public static async Task WellBehavedAsync(FakeGatewaySocket socket)
    {
        await socket.HelloAsync(45_000);
        var first = await socket.ExpectAsync(2, 6);
        if (first.GetProperty("op").GetInt32() == 2)
        {
            await socket.ReadyAsync("session-" + socket.Index);
        }
        else
        {
            await socket.DispatchAsync("RESUMED", "{}");
        }

        await socket.WaitClosedAsync();
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeGatewaySocket(webSocket, connections.Count, context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty, discord)
        {
            UserAgent = context.Request.Headers.UserAgent.ToString(),
        };
        connections.Enqueue(socket);
        var reading = socket.ReadLoopAsync();
        var script = scripts.TryDequeue(out var next) ? next : WellBehavedAsync;
        try
        {
            await script(socket);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            // The bot went away mid-script: that is what several scenarios test.
        }

        socket.Abort();
        await reading;
        socket.Dispose();
    }

    internal void AbortAll()
    {
        foreach (var socket in connections)
        {
            socket.Abort();
        }
    }
}

/// <summary>One gateway connection as the fake sees it; heartbeats are counted and ACKed unless <see cref="AutoAck"/> is off.</summary>
public sealed class FakeGatewaySocket(WebSocket socket, int index, string path, string query, FakeDiscord discord) : IDisposable
{
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly Channel<JsonElement> inbound = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sequence;
    private int heartbeats;

    public int Index { get; } = index;

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>The User-Agent of the WebSocket upgrade request.</summary>
    public string UserAgent { get; init; } = string.Empty;

    public bool AutoAck { get; set; } = true;

    public int Heartbeats => Volatile.Read(ref heartbeats);

    public List<JsonElement> Received { get; } = [];

    public long Sequence => Interlocked.Read(ref sequence);

    /// <summary>The close code the bot sent, or null when it dropped the connection without one.</summary>
    public Task<int?> ClosedByClient => closed.Task;

    public Task HelloAsync(int heartbeatIntervalMs) => SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task ReadyAsync(string sessionId) => DispatchAsync("READY",
        $$"""{"v":10,"session_id":"{{sessionId}}","resume_gateway_url":"{{discord.ResumeUrl.ToString().TrimEnd('/')}}","user":{"id":"1","username":"bot"},"guilds":[],"shard":[0,1],"application":{"id":"1","flags":0} }""");

    public Task DispatchAsync(string type, string dataJson, long? sequenceNumber = null)
    {
        var s = sequenceNumber ?? Interlocked.Increment(ref sequence);
        return SendAsync($$"""{"op":0,"d":{{dataJson}},"s":{{s}},"t":"{{type}}"}""");
    }

    public Task SendOpAsync(int op, string dataJson = "null") => SendAsync($$"""{"op":{{op}},"d":{{dataJson}},"s":null,"t":null}""");

    /// <summary>The next non-heartbeat frame the bot sent; fails unless its op is one of <paramref name="ops"/>.</summary>
    public async Task<JsonElement> ExpectAsync(params int[] ops)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var frame = await inbound.Reader.ReadAsync(timeout.Token);
        var op = frame.GetProperty("op").GetInt32();
        return ops.Contains(op) ? frame : throw new InvalidOperationException($"Expected op {string.Join('/', ops)}, got {frame}");
    }

    public async Task CloseAsync(int code, string reason = "scripted")
    {
        await sendGate.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            sendGate.Release();
        }
    }

    public async Task<int?> WaitClosedAsync() => await closed.Task;

    public void Abort() => socket.Abort();

    public void Dispose() => sendGate.Dispose();

    internal async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult((int?)result.CloseStatus);
                    break;
                }

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                lock (Received)
                {
                    Received.Add(frame);
                }

                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    Interlocked.Increment(ref heartbeats);
                    if (AutoAck)
                    {
                        await SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                    }
                }
                else
                {
                    inbound.Writer.TryWrite(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        closed.TrySetResult(null);
        inbound.Writer.TryComplete();
    }

    private async Task SendAsync(string json)
    {
        await sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendGate.Release();
        }
    }
}
