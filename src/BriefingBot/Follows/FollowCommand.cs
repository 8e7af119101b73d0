using BriefingBot.Actors;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Follows;

/// <summary>
/// <c>/follow &lt;actor or keyword&gt; [dm|here]</c>, admins <c>role:&lt;role or group&gt;</c>; <c>/follow list</c> lists
/// the caller's follows (Discord cannot have <c>/follow</c> both take a target and hold subcommands, so it is a target).
/// Typed lines fill options word by word, so a target of several words spills into <c>where</c> and <c>role</c>: they
/// are joined back here, and a trailing <c>dm</c> or <c>here</c> is where.
/// </summary>
public sealed class FollowCommand(FollowService follows, ActorService actors) : IAutocompleteCommand
{
    public CommandDefinition Definition { get; } = new("follow", "Get alerts when an actor or keyword is in the news; /follow list shows yours",
    [
        new CommandOption("target", "An actor (aliases work: Pyongyang) or a keyword; list shows your follows", Required: true) { Autocomplete = true },
        new CommandOption("where", "dm (default: a direct message) or here (this channel, mentioning only you)"),
        new CommandOption("role", "Admins: a Discord role or Slack user group to mention in this channel"),
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (target, where, role) = Split(
            invocation.Options.GetRequiredString("target"), invocation.Options.GetString("where"), invocation.Options.GetString("role"));
        return string.Equals(target, "list", StringComparison.OrdinalIgnoreCase) && where is null && role is null
            ? await follows.ListAsync(invocation.Context, cancellationToken)
            : await follows.FollowAsync(invocation.Context, target, where, role, cancellationToken);
    }

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(optionName == "target"
            ? ActorSuggestions.For(actors.Suggest(partialValue, CommandDispatcher.AutocompleteLimit))
            : (IReadOnlyList<AutocompleteChoice>)[]);

    /// <summary>Joins the words a typed target spilled into where and role, then takes a trailing dm or here as where.</summary>
    internal static (string Target, string? Where, string? Role) Split(string target, string? where, string? role)
    {
        var words = new List<string> { target };
        if (where is not null && !IsWhere(where))
        {
            words.Add(where);
            where = null;
        }

        if (role is not null && !FollowService.LooksLikeMentionTarget(role))
        {
            words.Add(role);
            role = null;
        }

        var text = FollowTargets.Normalize(string.Join(' ', words));
        var last = text.LastIndexOf(' ');
        if (where is null && last > 0 && IsWhere(text[(last + 1)..]))
        {
            where = text[(last + 1)..];
            text = text[..last];
        }

        return (text, where, role);
    }

    private static bool IsWhere(string text) => text.Trim().ToLowerInvariant() is "dm" or "here";
}
