using BriefingBot.Chat;

namespace BriefingBot.Actors;

/// <summary>
/// Teaching and forgetting aliases: stored, re-resolving the stored mentions, and loaded into the
/// <see cref="ActorDirectory"/> (and so the recogniser) at start-up and after every change.
/// </summary>
public sealed partial class ActorAliases(ActorDirectory directory, IActorStore store, TimeProvider time, ILogger<ActorAliases> logger)
{
    public const int MaxAliasLength = 80;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var taught = await store.ListAliasesAsync(cancellationToken);
        directory.Apply(taught);
        LogLoaded(logger, taught.Count);
    }

    public async Task<ChatReply> AddAsync(string actorName, string alias, string addedBy, CancellationToken cancellationToken)
    {
        alias = string.Join(' ', alias.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (alias.Length is < 2 or > MaxAliasLength || alias.Any(char.IsControl) || ActorNameKey.Of(alias).Length < 2)
        {
            return ChatReply.Error($"An alias is 2 to {MaxAliasLength} characters of text, not \"{alias}\".");
        }

        var target = directory.Find(actorName);
        if (target is null)
        {
            return ChatReply.Error($"No actor found for \"{actorName}\". Start typing for suggestions, or try /actor {actorName}.");
        }

        if (directory.FindConfigured(alias) is { } existing)
        {
            return ChatReply.Error($"\"{alias}\" already names {existing.Actor.Name} in config/actors.json; it cannot be taught.");
        }

        var change = await store.AddAliasAsync(new TaughtAlias(alias, target.Actor.Id, addedBy, time.GetUtcNow()), target.Actor, cancellationToken);
        if (!change.Done)
        {
            var owner = change.ActorId is null ? null : directory.FindById(change.ActorId);
            return ChatReply.Error($"\"{alias}\" is already taught for {owner?.Name ?? change.ActorId}. Remove it first with /actors alias remove alias:{alias}.");
        }

        await LoadAsync(cancellationToken);
        LogTaught(logger, target.Actor.Id, change.Mentions);
        return ChatReply.Message(
            $"Taught: \"{alias}\" → {target.Actor.Name}. {Mentions(change.Mentions)} now resolve to {target.Actor.Name}; new articles will too.");
    }

    public async Task<ChatReply> RemoveAsync(string alias, CancellationToken cancellationToken)
    {
        var change = await store.RemoveAliasAsync(alias.Trim(), cancellationToken);
        if (!change.Done)
        {
            var taught = directory.TaughtAliases.Select(a => a.Alias).ToList();
            return ChatReply.Error($"\"{alias}\" is not a taught alias." + (taught.Count == 0 ? string.Empty : " Taught: " + string.Join(", ", taught)));
        }

        await LoadAsync(cancellationToken);
        var actor = change.ActorId is null ? null : directory.FindById(change.ActorId);
        LogForgotten(logger, change.ActorId ?? "?", change.Mentions);
        return ChatReply.Message($"Removed the alias \"{alias.Trim()}\" of {actor?.Name ?? change.ActorId}. {Mentions(change.Mentions)} no longer resolve to it.");
    }

    private static string Mentions(int count) => count == 1 ? "1 stored mention" : $"{count} stored mentions";

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} taught actor alias(es)")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Taught an alias of actor {ActorId}; {Mentions} stored mention(s) re-resolved")]
    private static partial void LogTaught(ILogger logger, string actorId, int mentions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed an alias of actor {ActorId}; {Mentions} stored mention(s) reverted")]
    private static partial void LogForgotten(ILogger logger, string actorId, int mentions);
}
