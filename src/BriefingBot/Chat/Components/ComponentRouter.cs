namespace BriefingBot.Chat.Components;

/// <summary>
/// Finds the handler for a component id by the longest matching prefix; like the command dispatcher, it turns
/// a missing handler or a handler exception into a private reply, never an escaped exception.
/// </summary>
public sealed partial class ComponentRouter(IEnumerable<IComponentHandler> handlers, ILogger<ComponentRouter> logger)
{
    private readonly IReadOnlyList<IComponentHandler> byPrefix = [.. handlers.OrderByDescending(h => h.Prefix.Length)];

    public static ChatReply Expired { get; } = ChatReply.Private("This button is no longer active.");

    public async ValueTask<ChatReply> RouteAsync(ComponentRequest request, CancellationToken cancellationToken)
    {
        var handler = byPrefix.FirstOrDefault(h => request.CustomId.StartsWith(h.Prefix, StringComparison.Ordinal));
        if (handler is null)
        {
            return Expired;
        }

        try
        {
            return await handler.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            LogHandlerFailed(ex, handler.Prefix, request.Context.Platform, errorId);
            return ChatReply.Error($"Sorry, that button failed. Error id: {errorId} (the operator can find it in the log).");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Component handler {Prefix} on {Platform} failed; error id {ErrorId}")]
    private partial void LogHandlerFailed(Exception exception, string prefix, string platform, string errorId);
}
