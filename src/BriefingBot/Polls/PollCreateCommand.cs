using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/poll create question:... closes:... resolves:... [development:...]</c>: posts a likelihood poll in this channel.</summary>
public sealed class PollCreateCommand(PollDrafts drafts, PollService polls) : IAutocompleteCommand
{
    public CommandDefinition Definition { get; } = new("poll create", "Post a likelihood poll in this channel",
    [
        new CommandOption("question", "Yes/no question, e.g. Will X happen by 31 August 2026?"),
        new CommandOption("closes", "When voting closes: in 7 days, Friday 17:00, tomorrow 09:00, 2026-08-31"),
        new CommandOption("resolves", "The day it can be settled, e.g. 2026-08-31"),
        new CommandOption("development", "Poll a reported development (fills question and resolve-by)") { Autocomplete = true },
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var options = invocation.Options;
        long? developmentId = null;
        if (options.GetString("development") is { } text)
        {
            if (!long.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ChatReply.Error($"development must be a development id such as 12, not '{text}'.");
            }

            developmentId = id;
        }

        var (draft, error) = await drafts.BuildAsync(
            options.GetString("question"), options.GetString("closes"), options.GetString("resolves"), developmentId,
            ArticleVisibility.TenantOf(invocation.Context), cancellationToken);
        return draft is null ? ChatReply.Error(error!) : await polls.PostAsync(invocation.Context, draft, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken)
    {
        if (optionName != "development")
        {
            return [];
        }

        var open = await drafts.ListOpenDevelopmentsAsync(
            partialValue, CommandDispatcher.AutocompleteLimit, ArticleVisibility.TenantOf(context), cancellationToken);
        return [.. open.Where(d => d.Development.Pollable).Select(d => new AutocompleteChoice($"#{d.Id}: {d.Development.Question}", d.Id.ToString(CultureInfo.InvariantCulture)))];
    }
}
