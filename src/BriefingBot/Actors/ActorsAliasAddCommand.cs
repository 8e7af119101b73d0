using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Actors;

/// <summary><c>/actors alias add actor:&lt;name&gt; alias:&lt;text&gt;</c> (admins): teaches an alias and re-resolves stored mentions.</summary>
public sealed class ActorsAliasAddCommand(ActorAliases aliases, ActorService actors) : IAutocompleteCommand
{
    public CommandDefinition Definition { get; } = new("actors alias add", "Teach an alias of an actor (admins); stored mentions written that way resolve to it",
    [
        new CommandOption("actor", "The actor, by name or alias", Required: true) { Autocomplete = true },
        new CommandOption("alias", "The new alias, e.g. Hermit Kingdom", Required: true),
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        !invocation.Context.IsAdmin
            ? ChatReply.Error("Only admins can teach aliases.")
            : await aliases.AddAsync(
                invocation.Options.GetRequiredString("actor"), invocation.Options.GetRequiredString("alias"), invocation.Context.UserName, cancellationToken);

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(optionName == "actor"
            ? ActorSuggestions.For(actors.Suggest(partialValue, CommandDispatcher.AutocompleteLimit))
            : (IReadOnlyList<AutocompleteChoice>)[]);
}
