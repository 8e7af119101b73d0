using System.Globalization;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;

namespace BriefingBot.Actors;

/// <summary>Turns an <see cref="ActorCard"/>, an unknown name or a ranking into a platform-neutral reply.</summary>
public static class ActorCardReply
{
    private const int MaxAliases = 12;

    public static ChatReply Card(ActorCard card, ReplyImage? chart)
    {
        var actor = card.Actor;
        var header = Header(card.Match);
        var sections = new List<ReplySection>
        {
            new(actor.Name, actor.Description ?? "No description in config/actors.json yet.")
            {
                Fields =
                [
                    new ReplyField("Kind", KindName(actor.Kind), Inline: true),
                    .. actor.Code is null ? Array.Empty<ReplyField>() : [new ReplyField("Country code", actor.Code, Inline: true)],
                    .. Aliases(card),
                    new ReplyField("Last 7 days", Period(card.Week)),
                    new ReplyField("Last 30 days", Period(card.Month)),
                ],
            },
        };

        if (card.CoMentions.Count > 0)
        {
            sections.Add(new ReplySection("Appears most with (articles in common)",
                string.Join(", ", card.CoMentions.Select(c => $"{c.Actor.Name} ({c.Articles})"))));
        }

        sections.Add(card.Developments.Count > 0
            ? new ReplySection("Latest reported developments", string.Join(Environment.NewLine, card.Developments.Select(d => Development(d, card.OpenPolls))))
            : new ReplySection("Latest reported developments", "None stored that name this actor."));
        if (card.OpenPolls.Count > 0)
        {
            sections.Add(new ReplySection("Open polls", string.Join(Environment.NewLine, card.OpenPolls.Select(Poll))));
        }

        var offline = card.Articles.Where(a => !ArticleText.IsWebUrl(a.Url)).ToList();
        sections.Add(new ReplySection(
            "Latest articles",
            card.Articles.Count == 0 ? "No stored article mentions this actor yet." : offline.Count == 0 ? null : string.Join(Environment.NewLine, offline.Select(Article)))
        {
            Links = [.. card.Articles.Where(a => ArticleText.IsWebUrl(a.Url)).Select(a => new ReplyLink(Article(a), a.Url))],
        });

        return new ChatReply
        {
            Text = header,
            Sections = sections,
            Image = chart,
            Buttons = [.. card.Developments.Where(d => d.Development.Pollable).Take(3).Select(d => new ReplyButton($"poll:new:{d.Id}", $"Poll development #{d.Id}"))],
        };
    }

    /// <summary>The first line of a card: the actor's name, or how the typed alias reached it.</summary>
    public static string Header(ActorMatch match) => match.ThroughAlias
        ? $"{match.MatchedName} → {match.Actor.Name} (reached through the {Describe(match.Via)} \"{match.MatchedName}\")"
        : match.Actor.Name;

    public static ChatReply NotFound(string name, IReadOnlyList<ActorMatch> closest, IReadOnlyList<StoredActorCandidate> candidates)
    {
        var text = new List<string> { $"No actor found for \"{name}\"." };
        if (closest.Count > 0)
        {
            text[0] += " Closest matches:";
            text.AddRange(closest.Select(m => m.Via == MatchVia.Name
                ? $"- {m.Actor.Name} ({KindName(m.Actor.Kind)}): /actor {m.Actor.Name}"
                : $"- {m.MatchedName} → {m.Actor.Name} ({KindName(m.Actor.Kind)}): /actor {m.MatchedName}"));
        }

        if (candidates.Count > 0)
        {
            text.Add("Discovered in articles, not in the catalogue (an admin can teach one as an alias with /actors alias add):");
            text.AddRange(candidates.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"- {c.Name} ({KindName(c.Kind)}?): {c.Mentions} mention{(c.Mentions == 1 ? string.Empty : "s")} in {c.Articles} article{(c.Articles == 1 ? string.Empty : "s")}")));
        }

        if (closest.Count == 0 && candidates.Count == 0)
        {
            text[0] += " Try /actors top to see who is in the news, or start typing for suggestions.";
        }

        return ChatReply.Error(string.Join(Environment.NewLine, text));
    }

    public static ChatReply Top(IReadOnlyList<TopActor> top, int days)
    {
        if (top.Count == 0)
        {
            return ChatReply.Message($"No actor mentioned in the last {days} days. Add articles with /article add; analysis runs in the background.");
        }

        var lines = top.Select((t, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1}. {t.Actor.Name}: {t.Mentions} mention{(t.Mentions == 1 ? string.Empty : "s")} ({Trend.Short(t.Mentions, t.PreviousMentions)}; {t.PreviousMentions} in the {days} days before)"));
        return new ChatReply
        {
            Text = $"Most mentioned actors, last {days} day{(days == 1 ? string.Empty : "s")}",
            Sections = [new ReplySection($"Top {top.Count}", string.Join(Environment.NewLine, lines))],
        };
    }

    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.ArmedGroup => "armed group",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static IEnumerable<ReplyField> Aliases(ActorCard card)
    {
        var configured = card.Actor.Aliases.Except(card.TaughtAliases, StringComparer.OrdinalIgnoreCase).ToList();
        var text = string.Join(", ", configured.Take(MaxAliases)) + (configured.Count > MaxAliases ? $" and {configured.Count - MaxAliases} more" : string.Empty);
        if (card.TaughtAliases.Count > 0)
        {
            text += (text.Length > 0 ? "; " : string.Empty) + "taught: " + string.Join(", ", card.TaughtAliases);
        }

        return text.Length == 0 ? [] : [new ReplyField("Aliases", text)];
    }

    private static string Period(PeriodCount period) => string.Create(CultureInfo.InvariantCulture,
        $"{period.Mentions} mention{(period.Mentions == 1 ? string.Empty : "s")} in {period.Articles} article{(period.Articles == 1 ? string.Empty : "s")}; {Trend.Describe(period.Mentions, period.PreviousMentions, period.Days)}");

    private static string Development(StoredDevelopment stored, IReadOnlyList<ActorPoll> polls)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"#{stored.Id} {Shorten(stored.Development.Claim, 200)} ({stored.Development.Strength * 100:0}%; {stored.Corroboration} article{(stored.Corroboration == 1 ? string.Empty : "s")}, last {stored.LastReportedAt:d MMM})");
        var poll = polls.FirstOrDefault(p => p.DevelopmentId == stored.Id);
        return poll is null
            ? line + string.Create(CultureInfo.InvariantCulture, $" · /poll create development:{stored.Id}")
            : line + string.Create(CultureInfo.InvariantCulture, $" · poll #{poll.Id} open: /poll vote id:{poll.Id}");
    }

    private static string Poll(ActorPoll poll) => string.Create(CultureInfo.InvariantCulture,
        $"#{poll.Id} {Shorten(poll.Question, 200)} (closes {poll.ClosesAt:d MMM HH:mm} UTC) · /poll vote id:{poll.Id}");

    private static string Article(ActorArticle article) => string.Create(CultureInfo.InvariantCulture,
        $"#{article.Id} {article.Day:d MMM}, {article.Source}: {Shorten(article.Title, 120)}");

    private static string Describe(MatchVia via) => via switch
    {
        MatchVia.Demonym => "demonym",
        MatchVia.TaughtAlias => "taught alias",
        _ => "alias",
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
