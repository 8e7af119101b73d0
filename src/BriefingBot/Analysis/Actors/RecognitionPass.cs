namespace BriefingBot.Analysis.Actors;

/// <summary>The working state of one <see cref="ActorRecognizer.Recognize"/> call.</summary>
internal sealed partial class RecognitionPass
{
    private readonly string text;
    private readonly ActorCatalog catalog;
    private readonly Gazetteer gazetteer;
    private readonly WordToken[] words;
    private readonly bool[] caselessLines;
    private readonly HashSet<string> lowerCaseKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> documentKeys = new(StringComparer.Ordinal);
    private readonly List<Found> found = [];

    public RecognitionPass(string text, ActorCatalog catalog, Gazetteer gazetteer)
    {
        this.text = text;
        this.catalog = catalog;
        this.gazetteer = gazetteer;
        words = WordScanner.Scan(text);
        caselessLines = HeadlineLines.Find(text, words);
        foreach (var word in words)
        {
            documentKeys.Add(word.Key);
            if (!word.IsCapitalised && char.IsLetter(word.Text[0]))
            {
                lowerCaseKeys.Add(word.Key);
            }
        }
    }

    public IReadOnlyList<ActorMention> Run()
    {
        FindNames();
        var memory = DocumentMemory.From(found, words);
        SettleUndecided(memory);
        FindInCapitalLines(DocumentMemory.From(found, words));
        return ToMentions();
    }

    private void FindNames()
    {
        int i = 0;
        while (i < words.Length)
        {
            var word = words[i];
            bool caseless = caselessLines[word.Line];
            var match = gazetteer.Match(words, i, caseless);
            if (caseless)
            {
                if (match is not null)
                {
                    AddKnown(match);
                    i += match.Count;
                }
                else
                {
                    i++;
                }

                continue;
            }

            if (!word.IsCapitalised && match is null)
            {
                i++;
                continue;
            }

            int last = RunEnd(i);
            if (match is not null && match.Last > last)
            {
                last = match.Last;
            }

            ProcessRun(i, last);
            i = last + 1;
        }
    }

    /// <summary>The last word of a capitalised run from <paramref name="first"/>: capitals, joined by "of", "de", ...</summary>
    private int RunEnd(int first)
    {
        int last = first;
        while (!words[last].IsPossessive && last + 1 < words.Length && words[last + 1].JoinsPrevious)
        {
            var next = words[last + 1];
            if (next.IsCapitalised && !next.IsNumber)
            {
                last++;
            }
            else if ((NameCues.Connectors.Contains(next.Key) || next.Key is "for" or "and" or "in" && HasOrganisationWord(first, last))
                && !(next.Key == "of" && GivenNames.Contains(words[first].Key))
                && last + 2 < words.Length && words[last + 2].JoinsPrevious
                && words[last + 2].IsCapitalised && !NameCues.NotNames.Contains(words[last + 2].Key))
            {
                last += 2;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    private bool HasOrganisationWord(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (NameCues.OrganisationEnds.Contains(words[i].Key) || NameCues.OrganisationStarts.Contains(words[i].Key))
            {
                return true;
            }
        }

        return false;
    }

    private void ProcessRun(int first, int last)
    {
        if (IsDatelinePlace(first, last))
        {
            AddRule(first, last, ActorKind.Place, 0.6);
            return;
        }

        // A sentence opener or a calendar word ("The", "On Monday") is not part of the name that follows it.
        while (first <= last && gazetteer.Match(words, first, false) is null && !IsInitialBeforeName(first, last)
            && (IsOpenerNotName(first) || !words[first].IsCapitalised))
        {
            first++;
        }

        // "U.S. Open", "Hong Kong Open", "World Cup": an event is no actor, even when it holds a place's name.
        if ((last > first && NameCues.MiscWords.Contains(words[last].Key) || first == last && NameCues.MiscWords.Contains(words[first].Key))
            && !IsInitialBeforeName(first, last))
        {
            return;
        }

        while (last >= first && (NameCues.NotNames.Contains(words[last].Key) || !words[last].IsCapitalised)
            && !IsGazetteerEnd(first, last))
        {
            last--;
        }

        bool personCue = false;
        int position = first;
        while (position <= last)
        {
            var match = gazetteer.Match(words, position, false);
            if (match is not null && match.Last <= last)
            {
                if (TryWholeRun(match, position, last))
                {
                    return;
                }

                AddKnown(match);
                personCue = false;
                position = match.Last + 1;
                continue;
            }

            int titleEnd = TitleEnd(position, last);
            if (titleEnd >= 0)
            {
                personCue = true;
                position = titleEnd + 1;
                continue;
            }

            int end = position;
            while (end < last && gazetteer.Match(words, end + 1, false) is null && TitleEnd(end + 1, last) < 0)
            {
                end++;
            }

            // "Air France", "Dynamo Moscow": an organisation's first word before a catalogue name.
            if (end < last && NameCues.OrganisationStarts.Contains(words[position].Key)
                && gazetteer.Match(words, end + 1, false) is { } named && named.Last == last && named.Names[0].Via != "demonym")
            {
                AddRule(position, last, ActorKind.Organisation, 0.6);
                return;
            }

            // "Paul Washington", "MaliVai Washington": a name then a single catalogue word is one person.
            if (end < last && gazetteer.Match(words, end + 1, false) is { Count: 1 } surname && surname.Last == last
                && surname.Names[0].Via != "demonym" && (GivenNames.Contains(words[end].Key) || end == position && CanBeFirstName(words[end])))
            {
                end = last;
            }

            ClassifyUnknown(position, end, personCue);
            personCue = false;
            position = end + 1;
        }
    }

    /// <summary>
    /// A word that is no name where it stands: a calendar word anywhere; a common or function word at a sentence
    /// start ("The", "New", "Le"), but not inside a sentence ("New Haven", "Le Matin", "Der Spiegel").
    /// </summary>
    private bool IsOpenerNotName(int index)
    {
        var word = words[index];
        if (NameCues.Calendar.Contains(word.Key))
        {
            return true;
        }

        bool common = NameCues.NotNames.Contains(word.Key) || StopWords.Contains(word.Key);
        return common && (word.OpensSentence || !IsNamePart(word.Key) || index + 1 >= words.Length || !words[index + 1].JoinsPrevious);
    }

    private static bool IsNamePart(string key) => NameCues.Connectors.Contains(key) || key is "new" or "north" or "south" or "east" or "west";

    private static bool CanBeFirstName(WordToken word) =>
        !word.OpensSentence && !word.IsUpper && word.Length > 2 && !NameCues.PlaceWords.Contains(word.Key)
        && !NameCues.OrganisationStarts.Contains(word.Key) && !NameCues.MiscWords.Contains(word.Key) && !NameCues.Titles.Contains(word.Key)
        && !NameCues.TitleModifiers.Contains(word.Key) && !NameCues.NotNames.Contains(word.Key);

    /// <summary>"IRVINE, Calif.", "LA CORUNA, Spain": a place in capitals opening a line, before a comma.</summary>
    private bool IsDatelinePlace(int first, int last)
    {
        if (first > 0 && words[first - 1].Line == words[first].Line || NextVisible(words[last].End) != ','
            || gazetteer.Match(words, first, false) is { } known && known.Last == last)
        {
            return false;
        }

        for (int i = first; i <= last; i++)
        {
            if (!words[i].IsUpper && words[i].Length > 1)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsGazetteerEnd(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (gazetteer.Match(words, i, false) is { } match && match.Last == last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Manchester United", "Moscow Region": a place followed by words that make the whole run one name.</summary>
    private bool TryWholeRun(GazetteerMatch match, int first, int last)
    {
        if (match.Last == last || match.Names[0].Actor.Kind is not (ActorKind.Place or ActorKind.State or ActorKind.Territory))
        {
            return false;
        }

        var lastKey = words[last].Key;
        if (NameCues.OrganisationEnds.Contains(lastKey) && !HasGazetteerAfter(match.Last + 1, last))
        {
            AddRule(first, last, OrganisationKind(lastKey), 0.7);
            return true;
        }

        if (match.Names[0].Via == "demonym")
        {
            // "Iraqi Kurds", "Bosnian Serb": one people named by two demonyms.
            if (gazetteer.Match(words, match.Last + 1, false) is { } second && second.Last == last && second.Names[0].Via == "demonym")
            {
                var name = match.Names[0];
                found.Add(new Found(first, last, name.Actor.Kind, name.Actor, "demonym", 0.8));
                return true;
            }

            return false;
        }

        if (NameCues.PlaceWords.Contains(words[match.Last + 1].Key) && last == match.Last + 1)
        {
            AddRule(first, last, ActorKind.Place, 0.7);
            return true;
        }

        return false;
    }

    private bool HasGazetteerAfter(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (gazetteer.Match(words, i, false) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the last word of a title starting at <paramref name="first"/> ("Foreign Minister"), or -1.</summary>
    private int TitleEnd(int first, int last)
    {
        int end = -1;
        for (int i = first; i < last; i++)
        {
            var key = words[i].Key.TrimEnd('.');
            if (NameCues.Titles.Contains(key))
            {
                end = i;
            }
            else if (!NameCues.TitleModifiers.Contains(key))
            {
                break;
            }
        }

        return end;
    }

    private void AddKnown(GazetteerMatch match)
    {
        var name = match.Names[0];
        double confidence = name.Via == "name" ? 0.95 : 0.85;
        found.Add(new Found(match.First, match.Last, name.Actor.Kind, name.Actor, name.Via, confidence) { Names = match.Names });
    }

    private void AddRule(int first, int last, ActorKind kind, double confidence) =>
        found.Add(new Found(first, last, kind, null, "rule", confidence));

    private static ActorKind OrganisationKind(string lastKey) =>
        lastKey is "front" or "brigade" or "brigades" or "militia" or "militias" ? ActorKind.ArmedGroup : ActorKind.Organisation;

    private List<ActorMention> ToMentions()
    {
        found.Sort((a, b) => a.First.CompareTo(b.First));
        var mentions = new List<ActorMention>(found.Count);
        int coveredTo = -1;
        foreach (var item in found)
        {
            if (item.First <= coveredTo)
            {
                continue;
            }

            int start = words[item.First].Start;
            int end = words[item.Last].End;
            mentions.Add(new ActorMention(start, end - start, text[start..end], item.Actor, item.Kind!.Value, item.Confidence, item.Via));
            coveredTo = item.Last;
        }

        return mentions;
    }
}
