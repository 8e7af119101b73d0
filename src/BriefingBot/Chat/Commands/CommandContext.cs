namespace BriefingBot.Chat.Commands;

/// <summary>Who asked, where. <see cref="IsOperator"/> is true only for the shell and the command line.</summary>
public sealed record CommandContext(
    string Platform,
    string ChannelId,
    string UserId,
    string UserName,
    bool IsAdmin,
    bool IsOperator)
{
    public static CommandContext Shell(string userName) => new("shell", "shell", "operator", userName, IsAdmin: true, IsOperator: true);
}

/// <summary>What a platform hands the dispatcher: a command path and raw option values, not yet validated.</summary>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> RawOptions, CommandContext Context);

/// <summary>A validated call to one command.</summary>
public sealed record CommandInvocation(CommandDefinition Command, CommandOptions Options, CommandContext Context);
