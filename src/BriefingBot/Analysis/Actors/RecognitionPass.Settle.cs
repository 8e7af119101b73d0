namespace BriefingBot.Analysis.Actors;

/// <summary>The second look, once the whole text is known: what it said of a name elsewhere, teams, ambiguity, headlines.</summary>
internal sealed partial class RecognitionPass
{
    private void SettleUndecided(DocumentMemory memory)
    {
        // Names of several words first: "Nolan Henke" settled as a person makes a later lone "Henke" one too.
        Settle(memory, multiWord: true);
        Settle(DocumentMemory.From(found, words), multiWord: false);
        found.RemoveAll(item => item.Kind is null);
        FollowLists();
        ResolveAmbiguous();
    }

    private void Settle(DocumentMemory memory, bool multiWord)
    {
        for (int k = 0; k < found.Count; k++)
        {
            var item = found[k];
            if (item.Kind is null && item.Last > item.First != multiWord || item.Kind is not null && !multiWord)
            {
                continue;
            }

            if (item.Actor is not null && item.First == item.Last && item.Via != "demonym" && item.Kind is ActorKind.Place or ActorKind.State
                && memory.Find(words, item.First, item.Last) == ActorKind.Person && !caselessLines[words[item.First].Line])
            {
                found[k] = item with { Kind = ActorKind.Person, Actor = null, Via = "rule", Confidence = 0.5, Names = null };
                continue;
            }

            if (item.Kind is not null)
            {
                found[k] = IsTeam(item) ? item with { Kind = ActorKind.Organisation, Actor = null, Via = "rule", Confidence = 0.6 } : item;
                continue;
            }

            var known = memory.Find(words, item.First, item.Last);
            if (known is not null)
            {
                found[k] = item with { Kind = known, Confidence = 0.6 };
            }
            else if (IsTeamContext(item.First, item.Last))
            {
                found[k] = item with { Kind = ActorKind.Organisation, Confidence = 0.5 };
            }
            else if (item.Last > item.First)
            {
                found[k] = item with { Kind = ActorKind.Person, Confidence = 0.5 };
            }
            else if (!words[item.First].OpensSentence || NextIsSpeech(item.Last))
            {
                found[k] = item with { Kind = SingleWordKind(item.First), Confidence = 0.4 };
            }
        }
    }

    /// <summary>"Given, Breen, Staunton, Irwin": a guessed name in a comma list takes the kind of a surer neighbour.</summary>
    private void FollowLists()
    {
        found.Sort((a, b) => a.First.CompareTo(b.First));
        for (int pass = 0; pass < 2; pass++)
        {
            for (int k = 0; k < found.Count; k++)
            {
                var item = found[k];
                if (item.Confidence > 0.4 || item.Actor is not null)
                {
                    continue;
                }

                var neighbour = k > 0 && IsListNeighbour(found[k - 1], item) ? found[k - 1]
                    : k + 1 < found.Count && IsListNeighbour(item, found[k + 1]) ? found[k + 1] : null;
                if (neighbour is { Kind: ActorKind.Person, Confidence: > 0.4 } && neighbour.Via == "rule")
                {
                    found[k] = item with { Kind = ActorKind.Person, Confidence = 0.45 };
                }
            }
        }
    }

    private bool IsListNeighbour(Found left, Found right) =>
        right.First == left.Last + 1 && words[right.First].Line == words[left.Last].Line
        && NextVisible(words[left.Last].End) == ',' && text.IndexOf(',', words[left.Last].End, words[right.First].Start - words[left.Last].End) >= 0
        && text.AsSpan(words[left.Last].End, words[right.First].Start - words[left.Last].End).Trim().Length == 1;

    /// <summary>A city or region playing a match is a club: "Leicestershire beat Somerset", "Lazio 2 Roma 1".</summary>
    private bool IsTeam(Found item) =>
        item.Actor is { Kind: ActorKind.Place } && item.Via != "demonym" && IsTeamContext(item.First, item.Last);

    private bool IsTeamContext(int first, int last)
    {
        string previous = first > 0 && words[first].JoinsPrevious ? words[first - 1].Key : "";
        string next = last + 1 < words.Length && words[last + 1].JoinsPrevious ? words[last + 1].Key : "";
        if (NameCues.MatchWords.Contains(previous) || NameCues.MatchWords.Contains(next))
        {
            return true;
        }

        // "edged Austria in Salzburg 3-2": the venue, not a side.
        if (NameCues.PlacePrepositions.Contains(previous))
        {
            return false;
        }

        // A score or a row of a standings table right after a name that is not a person's.
        return last + 1 < words.Length && IsScore(words[last + 1]) && words[last + 1].JoinsPrevious
            && !GivenNames.Contains(words[first].Key) && !IsInitial(words[first]);
    }

    /// <summary>"3", "429", "197-8": a score or a tally, not a year or an amount.</summary>
    private static bool IsScore(WordToken word) =>
        word.Length <= 5 && word.IsNumber && word.Text.All(c => char.IsDigit(c) || c == '-') && !(word.Length == 4 && word.Text.All(char.IsDigit));

    private void ResolveAmbiguous()
    {
        int north = found.Count(item => item.Actor?.Id == "kp");
        int south = found.Count(item => item.Actor?.Id == "kr");
        for (int k = 0; k < found.Count; k++)
        {
            var item = found[k];
            if (item.Names is null || !Ambiguity.NeedsContext(item.Names))
            {
                continue;
            }

            var ids = item.Names.Select(name => name.Actor.Id).ToHashSet(StringComparer.Ordinal);
            (Actor actor, double confidence) = ids.Contains(Ambiguity.KoreaId) && item.Names[0].Actor.Id == Ambiguity.KoreaId
                    && words[item.First].Key is "korea" or "korean" or "koreans"
                ? Ambiguity.Korea(catalog, north, south)
                : ids.Contains(Ambiguity.GeorgiaPlaceId)
                    ? Ambiguity.Georgia(catalog, documentKeys)
                    : ids.Contains(Ambiguity.WashingtonPlaceId) && item.Last == item.First
                        ? Ambiguity.Washington(catalog, words, item.First)
                        : (item.Actor!, item.Confidence);
            string via = item.Via == "demonym" ? "demonym" : actor.Id == item.Names[0].Actor.Id ? item.Via : "alias";
            found[k] = item with { Actor = actor, Kind = actor.Kind, Confidence = confidence, Via = via };
        }
    }

    /// <summary>Headlines in capitals say nothing by case: only names the rest of the text has shown are taken.</summary>
    private void FindInCapitalLines(DocumentMemory memory)
    {
        var covered = new bool[words.Length];
        foreach (var item in found)
        {
            for (int i = item.First; i <= item.Last; i++)
            {
                covered[i] = true;
            }
        }

        for (int i = 0; i < words.Length; i++)
        {
            if (!caselessLines[words[i].Line] || covered[i] || !char.IsLetter(words[i].Text[0]))
            {
                continue;
            }

            for (int last = Math.Min(words.Length - 1, i + 3); last >= i; last--)
            {
                if (words[last].Line != words[i].Line || Enumerable.Range(i, last - i + 1).Any(k => covered[k]))
                {
                    continue;
                }

                var kind = memory.Find(words, i, last);
                if (kind is null && last == i && IsDateline(i))
                {
                    kind = ActorKind.Place;
                }

                if (kind is not null && !StopWords.Contains(words[i].Key) && !NameCues.NotNames.Contains(words[i].Key))
                {
                    found.Add(new Found(i, last, kind, null, "rule", 0.5));
                    i = last;
                    break;
                }
            }
        }
    }

    /// <summary>"LONDON 1996-08-30", "SEOUL, Nov 25": a place in capitals opening a line before a date.</summary>
    private bool IsDateline(int index)
    {
        var word = words[index];
        if (index > 0 && words[index - 1].Line == word.Line || !word.IsUpper || index + 1 >= words.Length)
        {
            return false;
        }

        var next = words[index + 1];
        return next.Line == word.Line && (next.IsNumber && next.Text.Contains('-', StringComparison.Ordinal) || NameCues.NotNames.Contains(next.Key) && next.Key.Length == 3);
    }
}
