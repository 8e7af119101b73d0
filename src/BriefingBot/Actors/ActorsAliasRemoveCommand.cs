using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Actors;

/// <summary><c>/actors alias remove alias:&lt;text&gt;</c> (admins): forgets a taught alias and reverts the mentions it resolved.</summary>
public sealed class ActorsAliasRemoveCommand(ActorAliases aliases, ActorDirectory directory) : IAutocompleteCommand
{
    public CommandDefinition Definition { get; } = new("actors alias remove", "Forget a taught alias (admins); the mentions it resolved revert",
        [new CommandOption("alias", "A taught alias", Required: true) { Autocomplete = true }]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        !invocation.Context.IsAdmin
            ? ChatReply.Error("Only admins can remove aliases.")
            : await aliases.RemoveAsync(invocation.Options.GetRequiredString("alias"), cancellationToken);

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken)
    {
        var key = ActorNameKey.Of(partialValue);
        IReadOnlyList<AutocompleteChoice> choices = [.. directory.TaughtAliases
            .Where(a => ActorNameKey.Of(a.Alias).Contains(key, StringComparison.Ordinal))
            .Take(CommandDispatcher.AutocompleteLimit)
            .Select(a => new AutocompleteChoice($"{a.Alias} → {directory.FindById(a.ActorId)?.Name ?? a.ActorId}", a.Alias))];
        return ValueTask.FromResult(choices);
    }
}
