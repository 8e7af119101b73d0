using System.Globalization;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Web;

/// <summary>
/// <c>/web</c>: a personal link to the web view, answered privately (in the shell the link stands on a line of its own).
/// <c>/web revoke</c> ends all of the user's sessions and links; <c>/web share</c> and <c>/web hide</c> choose whether
/// the workspace sees the user's Brier score on poll pages (hidden by default).
/// </summary>
public sealed class WebCommand(WebAccess access, IWebStore store) : ICommand
{
    public CommandDefinition Definition { get; } = new("web", "A private link to this workspace's pages (digests, stories, actors, polls)",
    [
        new CommandOption("action", "link (default), revoke (end all your sessions), share or hide (your scores on poll pages)")
        {
            Choices = ["link", "revoke", "share", "hide"],
        },
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        var user = new WebUser(context.Platform, context.WorkspaceId, context.UserId);
        switch (invocation.Options.GetString("action") ?? "link")
        {
            case "revoke":
                var ended = await access.RevokeAsync(context, cancellationToken);
                return ChatReply.Private($"Ended {Plural(ended, "web session")}; links you were given before no longer open. Type /web for a new one.");
            case "share":
                await store.SetSharingAsync(user, true, cancellationToken);
                return ChatReply.Private("Poll pages now show your Brier score to this workspace. /web hide takes it back.");
            case "hide":
                await store.SetSharingAsync(user, false, cancellationToken);
                return ChatReply.Private("Poll pages show your Brier score only to you (the team's figures stay visible).");
        }

        if (await access.IssueLinkAsync(context, cancellationToken) is not { } issued)
        {
            return ChatReply.Error("The web view has no address: set Web:BaseUrl, or run the worker with --urls.");
        }

        var until = issued.Expires.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return ChatReply.Private(
            $"Your personal link to this workspace's pages, valid until {until}. It signs you in: do not share it. /web revoke ends it.\n"
            + issued.Link.AbsoluteUri);
    }

    private static string Plural(int count, string one) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + one + (count == 1 ? string.Empty : "s");
}
