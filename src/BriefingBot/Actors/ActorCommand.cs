using BriefingBot.Analysis;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary>
/// <c>/actor &lt;name&gt;</c>: an actor's card from our own archive, with autocomplete over names and aliases.
/// Typed platforms (shell, Slack) also accept <c>/actor alias add|remove ...</c> here and hand it to
/// <c>/actors alias ...</c>: Discord cannot have <c>/actor</c> both take a name and hold subcommands.
/// </summary>
public sealed class ActorCommand(ActorService actors, IAnalysisStore analyses, IOptions<ActorsOptions> options, IServiceProvider services, Web.WebLinks? links = null)
    : IAutocompleteCommand
{
    private const int ClosestMatches = 5;

    public CommandDefinition Definition { get; } = new("actor", "Show an actor's card: mentions, trend, chart, co-actors, developments, articles",
        [new CommandOption("name", "A state, organisation, person or group; aliases work (Pyongyang, Kremlin)", Required: true) { Autocomplete = true }]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Options.GetRequiredString("name");
        if (AliasCommandLine(name) is { } aliasLine)
        {
            return await ForwardAsync(aliasLine, invocation.Context, cancellationToken);
        }

        var card = await actors.GetCardAsync(name, cancellationToken);
        if (card is null)
        {
            var candidates = await analyses.FindCandidatesAsync(name.Trim(), ClosestMatches, cancellationToken);
            return ActorCardReply.NotFound(name, actors.Closest(name, ClosestMatches), candidates);
        }

        var settings = options.Value;
        var png = ActorChart.Render(card.Actor.Name, card.ChartFrom, card.ChartTo, card.Days, settings.ChartWidth, settings.ChartHeight);
        var chart = new ReplyImage($"actor-{card.Actor.Id}.png", png, ActorChart.AltText(card.Actor.Name, card.ChartFrom, card.ChartTo, card.Days));
        return ActorCardReply.Card(card, chart).WithPage(links?.Actor(card.Actor.Id));
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

    private async Task<ChatReply> ForwardAsync(string line, CommandContext context, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the parser and dispatcher are built from every command, this one included.
        var parsed = services.GetRequiredService<TextCommandParser>().Parse(line, context);
        return parsed.Request is null
            ? ChatReply.Error(parsed.Error!)
            : await services.GetRequiredService<CommandDispatcher>().DispatchAsync(parsed.Request, cancellationToken);
    }
}
