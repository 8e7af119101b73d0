using BriefingBot.Chat.Commands;

namespace BriefingBot.Chat.Components;

/// <summary>
/// Handles buttons and form submissions whose id starts with <see cref="Prefix"/> (<c>poll:</c>). Ids carry the
/// feature and entity (<c>poll:vote:42:likely</c>), never a secret. Register with <c>AddSingleton&lt;IComponentHandler, T&gt;()</c>.
/// </summary>
public interface IComponentHandler
{
    string Prefix { get; }

    ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A button press (<see cref="Values"/> empty, or the button's value) or a form submission (field id → text).
/// <see cref="Message"/> is the message that carries the button, when the platform says which (for threads and updates).
/// </summary>
public sealed record ComponentRequest(string CustomId, IReadOnlyDictionary<string, string> Values, CommandContext Context, MessageRef? Message = null);
