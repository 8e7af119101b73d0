using BriefingBot.Analysis;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Actors;

/// <summary>
/// <c>/actor &lt;name&gt;</c>: an actor's card from our own archive (built once per data version, see
/// <see cref="ActorCardCache"/>), with autocomplete over names and aliases. Typed platforms (shell, Slack) also accept
/// <c>/actor alias add|remove ...</c> here and hand it to <c>/actors alias ...</c>: Discord cannot have <c>/actor</c>
/// both take a name and hold subcommands.
/// </summary>
public sealed class ActorCommand(
    ActorService actors,
    ActorCardCache cards,
    IAnalysisStore analyses,
    ActorsAliasAddCommand aliasAdd,
    ActorsAliasRemoveCommand aliasRemove,
    ILogger<CommandDispatcher> logger,
    Web.WebLinks? links = null,
    BotMetrics? metrics = null) : IAutocompleteCommand
{
    private const int ClosestMatches = 5;

    private (TextCommandParser Parser, CommandDispatcher Dispatcher)? aliasCommands;

    public CommandDefinition Definition { get; } = new("actor", "Show an actor's card: mentions, trend, chart, co-actors, developments, articles",
        [new CommandOption("name", "A state, organisation, person or group; aliases work (Pyongyang, Kremlin)", Required: true) { Autocomplete = true }]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Options.GetRequiredString("name");
        if (AliasCommandLine(name) is { } aliasLine)
        {
            return await ForwardAsync(aliasLine, invocation.Context, cancellationToken);
        }

        if (actors.Find(name) is not { } match)
        {
            var candidates = await analyses.FindCandidatesAsync(name.Trim(), ClosestMatches, cancellationToken);
            return ActorCardReply.NotFound(name, actors.Closest(name, ClosestMatches), candidates);
        }

        var card = await cards.GetAsync(match, ActorScope.Of(invocation.Context), cancellationToken);
        return card.WithPage(links?.Actor(match.Actor.Id));
    }

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActorSuggestions.For(actors.Suggest(partialValue, CommandDispatcher.AutocompleteLimit)));

    /// <summary><c>alias add actor:X alias:Y</c> typed after /actor, as the /actors alias command line.</summary>
    internal static string? AliasCommandLine(string name)
    {
        var words = name.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && string.Equals(words[0], "alias", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(words[1], "add", StringComparison.OrdinalIgnoreCase) || string.Equals(words[1], "remove", StringComparison.OrdinalIgnoreCase))
            ? "/actors " + name
            : null;
    }

    /// <summary>Parses and dispatches the line over the two alias commands alone (the full dispatcher is built from this command too).</summary>
    private async Task<ChatReply> ForwardAsync(string line, CommandContext context, CancellationToken cancellationToken)
    {
        var (parser, dispatcher) = aliasCommands ??= Build();
        var parsed = parser.Parse(line, context);
        return parsed.Request is null ? ChatReply.Error(parsed.Error!) : await dispatcher.DispatchAsync(parsed.Request, cancellationToken);
    }

    private (TextCommandParser, CommandDispatcher) Build()
    {
        var catalog = new CommandCatalog([aliasAdd, aliasRemove]);
        return (new TextCommandParser(catalog), new CommandDispatcher(catalog, logger, metrics));
    }
}
