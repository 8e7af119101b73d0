namespace BriefingBot.Chat;

/// <summary>A platform-neutral answer. Platforms render it (text, embeds, Block Kit) and never add meaning.</summary>
public sealed record ChatReply
{
    public string? Text { get; init; }
    public IReadOnlyList<ReplySection> Sections { get; init; } = [];
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];
    public ReplyImage? Image { get; init; }
    public bool Ephemeral { get; init; }
    public bool IsError { get; init; }

    /// <summary>The only one this message may ping (see <see cref="ReplyMention"/>); null pings nobody.</summary>
    public ReplyMention? Mention { get; init; }

    /// <summary>
    /// Built once and answered to many requests as this same instance (a cached actor card): platforms may keep their
    /// rendering of it, serialised, for as long as it lives (<see cref="SharedRendering"/>). A copy made with
    /// <c>with</c> for one request must clear it.
    /// </summary>
    public bool Shared { get; init; }

    public static ChatReply Message(string text) => new() { Text = text };

    public static ChatReply Private(string text) => new() { Text = text, Ephemeral = true };

    public static ChatReply Error(string text) => new() { Text = text, Ephemeral = true, IsError = true };

    /// <summary>This reply with an "Open in browser" link button to its web page; unchanged when <paramref name="url"/> is null.</summary>
    public ChatReply WithPage(string? url) =>
        url is null ? this : this with { Buttons = [.. Buttons, ReplyButton.Link("Open in browser", url)] };
}

public sealed record ReplySection(string Title, string? Body = null)
{
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];
}

public sealed record ReplyField(string Name, string Value, bool Inline = false);

public sealed record ReplyLink(string Label, string Url);

public enum ButtonStyle
{
    Primary,
    Secondary,
    Danger,
}

/// <summary>A button; <paramref name="Id"/> carries feature and entity (<c>poll:vote:42:likely</c>), never a secret.</summary>
public sealed record ReplyButton(string Id, string Label, ButtonStyle Style = ButtonStyle.Secondary)
{
    /// <summary>The id prefix of link buttons: pressing one opens <see cref="Url"/> and asks nothing of the bot.</summary>
    public const string LinkPrefix = "link:";

    /// <summary>When set, a link button that opens this address (Discord style 5, a Slack url button, a line in the shell).</summary>
    public string? Url { get; init; }

    public static ReplyButton Link(string label, string url) => new(LinkPrefix + "open", label) { Url = url };
}

public sealed record ReplyImage(string FileName, ReadOnlyMemory<byte> Png, string AltText)
{
    /// <summary>Where the platform can fetch the same PNG itself (served by this worker): shown from there, not uploaded.</summary>
    public Uri? Url { get; init; }
}
