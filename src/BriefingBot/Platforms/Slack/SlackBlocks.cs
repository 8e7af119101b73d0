using System.Text.Json.Serialization;

namespace BriefingBot.Platforms.Slack;

/// <summary>A Block Kit text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
public sealed record SlackText(string Type, string Text)
{
    public static SlackText Plain(string text) => new("plain_text", text);

    public static SlackText Markdown(string text) => new("mrkdwn", text);
}

/// <summary>One Block Kit block; each kind serialises with its own shape.</summary>
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(ImageBlock))]
public abstract record SlackBlock(string Type)
{
    /// <summary>Characters of text this block carries, for the per-message aggregate cap.</summary>
    public int TextLength() => this switch
    {
        SectionBlock s => (s.Text?.Text.Length ?? 0) + (s.Fields?.Sum(f => f.Text.Length) ?? 0),
        ContextBlock c => c.Elements.Sum(e => e.Text.Length),
        ActionsBlock a => a.Elements.Sum(e => e.Text.Text.Length + e.Value.Length),
        ImageBlock i => i.AltText.Length,
        _ => 0,
    };
}

public sealed record SectionBlock(SlackText? Text, IReadOnlyList<SlackText>? Fields = null) : SlackBlock("section");

public sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock("context");

/// <summary>An image Slack fetches from <paramref name="ImageUrl"/> (a public URL), instead of an uploaded file.</summary>
public sealed record ImageBlock(string ImageUrl, string AltText) : SlackBlock("image");

public sealed record ActionsBlock(IReadOnlyList<SlackButton> Elements) : SlackBlock("actions");

public sealed record SlackButton(SlackText Text, string ActionId, string Value, string? Style, string? Url = null)
{
    public string Type => "button";
}

/// <summary>A rendered message: blocks within Slack's limits and the always-set notification fallback text.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<SlackBlock> Blocks);
