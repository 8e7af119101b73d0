using System.Diagnostics;
using System.Globalization;
using BriefingBot.Hosting.Telemetry;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Chat.Commands;

/// <summary>
/// The one path every platform uses: find the command, validate and convert its options, run it, and
/// turn every failure into a clear ephemeral reply. A handler exception never escapes.
/// </summary>
/// <remarks><paramref name="metrics"/> is optional so that tests can build a dispatcher without a meter.</remarks>
public sealed partial class CommandDispatcher(
    CommandCatalog catalog, ILogger<CommandDispatcher> logger, BotMetrics? metrics = null, IEnumerable<ICommandObserver>? observers = null)
{
    /// <summary>The command tag for names that are not commands: user input must not mint new metric series.</summary>
    public const string UnknownCommand = "unknown";

    public async ValueTask<ChatReply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var platform = request.Context.Platform;
        var command = catalog.Find(request.Name);
        if (command is null)
        {
            metrics?.CommandHandled(UnknownCommand, platform, CommandOutcome.Rejected);
            return ChatReply.Error($"Unknown command /{request.Name}. Type /help to see every command.");
        }

        var name = command.Definition.Name;
        using var activity = BotActivity.Source.StartActivity("command " + name);
        activity?.SetTag("briefingbot.command", name);
        activity?.SetTag("briefingbot.platform", platform);
        var (options, error) = Bind(command.Definition, request.RawOptions);
        if (error is not null)
        {
            Finish(activity, name, platform, CommandOutcome.Rejected);
            return ChatReply.Error(error);
        }

        var invocation = new CommandInvocation(command.Definition, options!, request.Context);
        try
        {
            LogDispatching(name, platform);
            foreach (var observer in observers ?? [])
            {
                await observer.ObserveAsync(request.Context, cancellationToken);
            }

            var reply = await command.ExecuteAsync(invocation, cancellationToken);
            Finish(activity, name, platform, CommandOutcome.Answered);
            return reply;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            LogCommandFailed(ex, name, platform, errorId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("briefingbot.error_id", errorId);
            Finish(activity, name, platform, CommandOutcome.Failed);
            return ChatReply.Error($"Sorry, /{name} failed. Error id: {errorId} (the operator can find it in the log).");
        }
    }

    private void Finish(Activity? activity, string command, string platform, CommandOutcome outcome)
    {
        activity?.SetTag("briefingbot.outcome", outcome.ToString().ToLowerInvariant());
        metrics?.CommandHandled(command, platform, outcome);
    }

    public async ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string commandName, string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken)
    {
        if (catalog.Find(commandName) is not IAutocompleteCommand command)
        {
            return [];
        }

        try
        {
            var choices = await command.AutocompleteAsync(optionName, partialValue, context, cancellationToken);
            return choices.Count > AutocompleteLimit ? [.. choices.Take(AutocompleteLimit)] : choices;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(ex, commandName, context.Platform, "autocomplete");
            return [];
        }
    }

    /// <summary>Discord's limit, and a sensible one everywhere.</summary>
    public const int AutocompleteLimit = 25;

    internal static (CommandOptions? Options, string? Error) Bind(CommandDefinition definition, IReadOnlyDictionary<string, string> raw)
    {
        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in raw.Keys)
        {
            if (!definition.Options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, $"/{definition.Name} has no option '{name}'. Usage: {definition.Usage}");
            }
        }

        foreach (var option in definition.Options)
        {
            var present = raw.TryGetValue(option.Name, out var text) && !string.IsNullOrWhiteSpace(text);
            if (!present)
            {
                if (option.Required)
                {
                    return (null, $"/{definition.Name} needs {option.Name} ({option.Description}). Usage: {definition.Usage}");
                }

                continue;
            }

            text = text!.Trim();
            object? value = option.Type switch
            {
                OptionType.String => text,
                OptionType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
                OptionType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
                OptionType.Boolean => ParseBoolean(text),
                _ => null,
            };
            if (value is null)
            {
                return (null, $"{option.Name} must be {Describe(option.Type)}, not '{text}'. Usage: {definition.Usage}");
            }

            if (option.Choices.Count > 0)
            {
                var choice = option.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (choice is null)
                {
                    return (null, $"{option.Name} must be one of: {string.Join(", ", option.Choices)}.");
                }

                value = choice;
            }

            values[option.Name] = value;
        }

        return (new CommandOptions(values), null);
    }

    private static object? ParseBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "on" or "1" => true,
        "false" or "no" or "n" or "off" or "0" => false,
        _ => null,
    };

    private static string Describe(OptionType type) => type switch
    {
        OptionType.Integer => "a whole number",
        OptionType.Number => "a number",
        OptionType.Boolean => "true or false",
        _ => "text",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatching /{Command} from {Platform}")]
    private partial void LogDispatching(string command, string platform);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command /{Command} from {Platform} failed; error id {ErrorId}")]
    private partial void LogCommandFailed(Exception exception, string command, string platform, string errorId);
}
