namespace BriefingBot.Chat.Commands;

/// <summary>
/// Who asked, where. <see cref="IsOperator"/> is true only for the shell and the command line.
/// <see cref="WorkspaceId"/> is the tenant inside the platform: the Discord server (guild) id, the Slack team id,
/// <c>dm:&lt;user id&gt;</c> for a Discord DM outside any server, and <see cref="OperatorWorkspace"/> for the shell.
/// </summary>
public sealed record CommandContext(
    string Platform,
    string ChannelId,
    string UserId,
    string UserName,
    bool IsAdmin,
    bool IsOperator,
    string WorkspaceId = CommandContext.OperatorWorkspace)
{
    public const string OperatorWorkspace = "operator";

    /// <summary>The tenant across platforms: <c>discord:123</c>, <c>slack:T1</c>, <c>shell:operator</c>.</summary>
    public string Tenant => Platform + ":" + WorkspaceId;

    public static CommandContext Shell(string userName) => new("shell", "shell", "operator", userName, IsAdmin: true, IsOperator: true);
}

/// <summary>What a platform hands the dispatcher: a command path and raw option values, not yet validated.</summary>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> RawOptions, CommandContext Context);

/// <summary>A validated call to one command.</summary>
public sealed record CommandInvocation(CommandDefinition Command, CommandOptions Options, CommandContext Context);
