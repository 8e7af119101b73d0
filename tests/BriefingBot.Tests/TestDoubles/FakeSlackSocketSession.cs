using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BriefingBot.Tests.Platforms.Slack;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>One Socket Mode connection on the fake Slack, scripted by the test; frames from the bot arrive in order.</summary>
public sealed class FakeSlackSocketSession(WebSocket socket, string ticket) : IDisposable
{
    private readonly Channel<JsonNode> received = Channel.CreateUnbounded<JsonNode>();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> schemaErrors = new();

    public string Ticket { get; } = ticket;

    /// <summary>Completes when the bot closes this connection (or it drops).</summary>
    public Task Closed => closed.Task;

    public Task SendHelloAsync(CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A111" } }, cancellationToken);

    public Task SendDisconnectAsync(string reason, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } }, cancellationToken);

    public Task SendEnvelopeAsync(string type, string envelopeId, JsonNode payload, bool acceptsResponsePayload, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
        }, cancellationToken);

    public Task SendSlashCommandAsync(string envelopeId, string command, string text, string responseUrl, CancellationToken cancellationToken) =>
        SendEnvelopeAsync("slash_commands", envelopeId, new JsonObject
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["user_name"] = "rainer",
            ["command"] = command,
            ["text"] = text,
            ["response_url"] = responseUrl,
            ["trigger_id"] = "1.2.3",
        }, acceptsResponsePayload: true, cancellationToken);

    /// <summary>The next frame the bot sent (an ack), within Slack's 3-second deadline plus slack for a busy machine.</summary>
    public async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(5));
        return await received.Reader.ReadAsync(limit.Token);
    }

    /// <summary>The frames received and not yet read, without waiting (after <see cref="Closed"/> that is all of them).</summary>
    public IReadOnlyList<JsonNode> DrainReceived()
    {
        var frames = new List<JsonNode>();
        while (received.Reader.TryRead(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    public async Task SendAsync(JsonNode frame, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The close status of the bot's close frame, or null when the connection ended without one.</summary>
    public Task<WebSocketCloseStatus?> ClosedByClient => clientClose.Task;

    /// <summary>Closed-schema errors of the frames the bot sent (<see cref="SlackSchema.SocketAck"/>); empty when all conformed.</summary>
    public IReadOnlyList<string> SchemaErrors => [.. schemaErrors];

    /// <summary>Drops the connection from Slack's side without a disconnect message.</summary>
    public async Task CloseFromServerAsync(CancellationToken cancellationToken)
    {
        await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "gone", cancellationToken);
        await Closed.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    public void Dispose() => sending.Dispose();

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            // After CloseFromServerAsync the state is CloseSent: keep reading for the bot's answering close frame.
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    clientClose.TrySetResult(result.CloseStatus);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    foreach (var error in SlackSchema.Validate(SlackSchema.SocketAck, text))
                    {
                        schemaErrors.Enqueue(error);
                    }

                    received.Writer.TryWrite(JsonNode.Parse(text)!);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            clientClose.TrySetResult(null);
            closed.TrySetResult();
        }
    }
}
