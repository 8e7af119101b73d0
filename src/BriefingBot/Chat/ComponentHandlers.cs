using BriefingBot.Chat.Commands;

namespace BriefingBot.Chat;

/// <summary>
/// Handles buttons and form submissions whose id starts with <see cref="Prefix"/> (<c>poll:</c>). Ids carry the
/// feature and entity (<c>poll:vote:42:likely</c>), never a secret. Register with <c>AddSingleton&lt;IComponentHandler, T&gt;()</c>.
/// </summary>
public interface IComponentHandler
{
    string Prefix { get; }

    ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken);
}

/// <summary>A button press (<see cref="Values"/> empty) or a form submission (field id → text).</summary>
public sealed record ComponentRequest(string CustomId, IReadOnlyDictionary<string, string> Values, CommandContext Context);

/// <summary>Finds the handler for a component id by the longest matching prefix.</summary>
public sealed class ComponentRouter(IEnumerable<IComponentHandler> handlers)
{
    private readonly IReadOnlyList<IComponentHandler> byPrefix = [.. handlers.OrderByDescending(h => h.Prefix.Length)];

    public static ChatReply Expired { get; } = ChatReply.Private("This button is no longer active.");

    public async ValueTask<ChatReply> RouteAsync(ComponentRequest request, CancellationToken cancellationToken)
    {
        var handler = byPrefix.FirstOrDefault(h => request.CustomId.StartsWith(h.Prefix, StringComparison.Ordinal));
        return handler is null ? Expired : await handler.HandleAsync(request, cancellationToken);
    }
}
