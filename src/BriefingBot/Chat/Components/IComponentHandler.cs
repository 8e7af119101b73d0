using BriefingBot.Chat.Commands;

namespace BriefingBot.Chat.Components;

/// <summary>
/// Handles the buttons (and other components) whose id starts with <see cref="Prefix"/>: the feature name,
/// the first segment of ids such as <c>poll:vote:42:likely</c>. Platforms route by that segment.
/// </summary>
public interface IComponentHandler
{
    string Prefix { get; }

    ValueTask<ChatReply> HandleAsync(ComponentInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A press of a component: its id, its value when the platform carries one, and who pressed it where.</summary>
public sealed record ComponentInvocation(string CustomId, string? Value, CommandContext Context)
{
    /// <summary>The feature segment of an id: <c>poll</c> for <c>poll:vote:42:likely</c>.</summary>
    public static string PrefixOf(string customId)
    {
        var colon = customId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? customId : customId[..colon];
    }
}
