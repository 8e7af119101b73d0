using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Renders a <see cref="ChatReply"/> as Block Kit. Everything from the reply is escaped; whatever exceeds a
/// limit in <see cref="SlackLimits"/> is split over more blocks or more messages, never cut.
/// </summary>
public static class SlackRenderer
{
    public static IReadOnlyList<SlackMessage> Render(ChatReply reply)
    {
        var blocks = new List<SlackBlock>();
        var text = reply.Text?.Trim();
        var mention = MentionToken(reply.Mention);
        if (!string.IsNullOrEmpty(text) || mention.Length > 0)
        {
            AddSections(blocks, mention + (reply.IsError ? ":warning: " : string.Empty) + SlackMarkdown.Escape(text ?? string.Empty));
        }

        foreach (var section in reply.Sections)
        {
            var body = string.IsNullOrWhiteSpace(section.Body) ? string.Empty : "\n" + SlackMarkdown.Escape(section.Body.Trim());
            AddSections(blocks, "*" + SlackMarkdown.Escape(section.Title) + "*" + body);
            AddFields(blocks, section.Fields);
            AddLinks(blocks, section.Links);
        }

        AddLinks(blocks, reply.Links);
        AddButtons(blocks, reply.Buttons);
        if (reply.Image is { Url: { } imageUrl } shown && !reply.Ephemeral)
        {
            blocks.Add(new ImageBlock(imageUrl.AbsoluteUri, SlackMarkdown.Shorten(shown.AltText, SlackLimits.ImageAltText)));
        }
        else if (reply.Image is { } image)
        {
            var note = reply.Ephemeral ? "Image not shown in a private answer: " : "Image: ";
            blocks.Add(new ContextBlock([SlackText.Markdown(note + SlackMarkdown.Escape(SlackMarkdown.Shorten(image.AltText, SlackLimits.ImageAltText)))]));
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown("(empty answer)")));
        }

        return Pack(blocks, mention + Fallback(reply));
    }

    /// <summary>The one mention a reply may carry, as Slack's token; everything else in the message is escaped text.</summary>
    private static string MentionToken(ReplyMention? mention) => mention switch
    {
        null => string.Empty,
        { IsWellFormed: false } or { Kind: MentionKind.Role } => throw new ArgumentException($"'{mention.Id}' is not a Slack user or user group id.", nameof(mention)),
        { Kind: MentionKind.Group } => $"<!subteam^{mention.Id}> ",
        _ => $"<@{mention.Id}> ",
    };

    /// <summary>The notification and accessibility text Slack shows where blocks are not rendered.</summary>
    private static string Fallback(ChatReply reply)
    {
        var summary = reply.Text?.Trim() is { Length: > 0 } t ? t : reply.Sections.Count > 0 ? reply.Sections[0].Title : "BriefingBot";
        return SlackMarkdown.Escape(SlackMarkdown.Shorten(summary, SlackLimits.MessageText / 2));
    }

    private static IReadOnlyList<SlackMessage> Pack(List<SlackBlock> blocks, string fallback)
    {
        var groups = new List<List<SlackBlock>> { new() };
        var characters = 0;
        foreach (var block in blocks)
        {
            var current = groups[^1];
            if (current.Count > 0 && (current.Count == SlackLimits.BlocksPerMessage || characters + block.TextLength() > SlackLimits.MessageBlockCharacters))
            {
                groups.Add(current = []);
                characters = 0;
            }

            current.Add(block);
            characters += block.TextLength();
        }

        return [.. groups.Select((g, i) => new SlackMessage(
            groups.Count == 1 ? fallback : $"{fallback} (part {i + 1} of {groups.Count})", g))];
    }

    private static void AddSections(List<SlackBlock> blocks, string mrkdwn)
    {
        foreach (var part in SlackMarkdown.Split(mrkdwn, SlackLimits.SectionText))
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(part)));
        }
    }

    private static void AddFields(List<SlackBlock> blocks, IReadOnlyList<ReplyField> fields)
    {
        var pending = new List<SlackText>();
        foreach (var field in fields)
        {
            var mrkdwn = "*" + SlackMarkdown.Escape(field.Name) + "*\n" + SlackMarkdown.Escape(field.Value);
            if (mrkdwn.Length > SlackLimits.SectionFieldText)
            {
                Flush();
                AddSections(blocks, mrkdwn);
                continue;
            }

            pending.Add(SlackText.Markdown(mrkdwn));
            if (pending.Count == SlackLimits.SectionFields)
            {
                Flush();
            }
        }

        Flush();

        void Flush()
        {
            if (pending.Count > 0)
            {
                blocks.Add(new SectionBlock(null, [.. pending]));
                pending.Clear();
            }
        }
    }

    private static void AddLinks(List<SlackBlock> blocks, IReadOnlyList<ReplyLink> links)
    {
        foreach (var chunk in links.Chunk(SlackLimits.ContextElements))
        {
            blocks.Add(new ContextBlock([.. chunk.Select(l => SlackText.Markdown(SlackMarkdown.Link(l.Label, l.Url)))]));
        }
    }

    private static void AddButtons(List<SlackBlock> blocks, IReadOnlyList<ReplyButton> buttons)
    {
        foreach (var chunk in buttons.Chunk(SlackLimits.ActionsElements))
        {
            blocks.Add(new ActionsBlock([.. chunk.Select(ToButton)]));
        }
    }

    private static SlackButton ToButton(ReplyButton button)
    {
        if (button.Id.Length is 0 or > SlackLimits.ActionId)
        {
            throw new ArgumentException($"Button id must be 1-{SlackLimits.ActionId} characters: '{button.Id}'.", nameof(button));
        }

        var style = button.Style switch
        {
            ButtonStyle.Primary => "primary",
            ButtonStyle.Danger => "danger",
            _ => null,
        };
        return new SlackButton(SlackText.Plain(SlackMarkdown.Shorten(button.Label, SlackLimits.ButtonText)), button.Id, button.Id, style, button.Url);
    }
}
