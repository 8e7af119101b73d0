using BriefingBot.Chat.Commands;

namespace BriefingBot.Actors;

/// <summary>
/// Whose view an actor card or ranking is: a workspace counts the shared articles and its own and lists its own polls;
/// the operator (<see cref="Everything"/>) sees all of them.
/// </summary>
public sealed record ActorScope(string Platform, string WorkspaceId, bool Everything)
{
    public static ActorScope Operator { get; } = new("shell", CommandContext.OperatorWorkspace, Everything: true);

    /// <summary>The tenant the store's counts are read for: null for everything.</summary>
    public string? Tenant => Everything ? null : Platform + ":" + WorkspaceId;

    /// <summary>A short key for caches: one per view.</summary>
    public string CacheKey => Tenant ?? "*";

    public static ActorScope Of(CommandContext context) => new(context.Platform, context.WorkspaceId, context.IsOperator);

    /// <summary>The scope a <see cref="CacheKey"/> names, or null for something that is not one.</summary>
    public static ActorScope? FromCacheKey(string? key)
    {
        if (key is null or "*")
        {
            return key is null ? null : Operator;
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == key.Length - 1 ? null : new ActorScope(key[..colon], key[(colon + 1)..], Everything: false);
    }
}
