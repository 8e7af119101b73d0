namespace BriefingBot.Analysis.Actors;

/// <summary>The working state of one <see cref="ActorRecognizer.Recognize"/> call.</summary>
internal sealed class RecognitionPass
{
    private static readonly System.Buffers.SearchValues<char> TableMarks = System.Buffers.SearchValues.Create(",()0123456789;");

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
        caselessLines = CaselessLines(text, words);
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
        FindInCapitalLines(memory);
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
        if (last > first && NameCues.MiscWords.Contains(words[last].Key) || first == last && NameCues.MiscWords.Contains(words[first].Key))
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

    private void ClassifyUnknown(int first, int last, bool personCue)
    {
        while (first <= last && IsOpenerNotName(first) && !IsInitialBeforeName(first, last))
        {
            first++;
        }

        while (last > first && !words[last].IsCapitalised)
        {
            last--;
        }

        if (first > last || words[first].Length < 2 && first == last)
        {
            return;
        }

        int count = last - first + 1;
        var firstWord = words[first];
        var lastKey = words[last].Key;
        bool hasFirstName = GivenNames.Contains(firstWord.Key) && count >= 2;

        if (!personCue && count == 1 && firstWord.OpensSentence && !hasFirstName && lowerCaseKeys.Contains(firstWord.Key))
        {
            return;
        }

        if (NameCues.OrganisationEnds.Contains(lastKey) && count >= 2 || NameCues.OrganisationStarts.Contains(firstWord.Key) && count >= 2 && !personCue
            || HasOrganisationWordBeforeOf(first, last) || text.AsSpan(firstWord.Start, words[last].End - firstWord.Start).Contains('&'))
        {
            AddRule(first, last, OrganisationKind(lastKey), 0.7);
            return;
        }

        for (int i = first; i <= last; i++)
        {
            if (NameCues.MiscWords.Contains(words[i].Key) && count >= 2 && !personCue)
            {
                return;
            }
        }

        if (hasFirstName)
        {
            AddRule(first, last, ActorKind.Person, 0.75);
            return;
        }

        if (count >= 2 && (NameCues.PlaceWords.Contains(lastKey) || firstWord.Key is "mount" or "lake" or "port" or "cape" or "fort" or "mt"))
        {
            AddRule(first, last, ActorKind.Place, 0.6);
            return;
        }

        if (!personCue && IsAffiliationBeforeRole(last) && !NameCues.Titles.Contains(firstWord.Key) && !NameCues.TitleModifiers.Contains(firstWord.Key))
        {
            AddRule(first, last, ActorKind.Organisation, 0.55);
            return;
        }

        if (count == 1 && IsPersonByResultLine(last) && IsScoreAfterBrackets(last))
        {
            AddRule(first, last, ActorKind.Organisation, 0.5);
            return;
        }

        if (personCue || hasFirstName || count >= 2 && IsInitial(firstWord) || IsPersonByRole(first) || IsPersonByResultLine(last)
            || IsFollowedByAge(last))
        {
            AddRule(first, last, ActorKind.Person, personCue || hasFirstName ? 0.75 : 0.6);
            return;
        }

        if (count == 1 && firstWord.IsUpper)
        {
            AddRule(first, last, ActorKind.Organisation, 0.5);
            return;
        }

        found.Add(new Found(first, last, null, null, "rule", 0));
    }

    /// <summary>"Nordstrand Ministry of Fisheries": an organisation word followed by what it is of.</summary>
    private bool HasOrganisationWordBeforeOf(int first, int last)
    {
        for (int i = first; i < last; i++)
        {
            if (words[i + 1].Key == "of" && NameCues.OrganisationEnds.Contains(words[i].Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Sunderland forward Niall Quinn", "Eagles owner Jeffrey Lurie": a name before a role and a person.</summary>
    private bool IsAffiliationBeforeRole(int last) =>
        last + 2 < words.Length && words[last + 1].JoinsPrevious && !words[last + 1].IsCapitalised
        && NameCues.AffiliationRoles.Contains(words[last + 1].Key) && words[last + 2].JoinsPrevious && words[last + 2].IsCapitalised;

    /// <summary>"Benetton (Italy) 92 Dinamo (Russia) 81": a team with its country and a score.</summary>
    private bool IsScoreAfterBrackets(int last)
    {
        int close = text.IndexOf(')', words[last].End);
        int next = last + 1;
        while (next < words.Length && words[next].Start < close)
        {
            next++;
        }

        return close > 0 && next < words.Length && words[next].Line == words[last].Line && IsScore(words[next])
            && text.AsSpan(close + 1, words[next].Start - close - 1).Trim().IsEmpty;
    }

    /// <summary>"spokesman Martin Kuebler", "striker Alan Shearer": a lower-case role word before the name.</summary>
    private bool IsPersonByRole(int first) =>
        first > 0 && words[first].JoinsPrevious && !words[first - 1].IsCapitalised && NameCues.Titles.Contains(words[first - 1].Key);

    /// <summary>"Pete Sampras (U.S.)", "Said Aouita (Morocco)": results list a person with their country in brackets.</summary>
    private bool IsPersonByResultLine(int last)
    {
        int i = words[last].End;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '(' || last + 1 >= words.Length)
        {
            return false;
        }

        var inside = gazetteer.Match(words, last + 1, false);
        return inside is not null && inside.Names[0].Actor.Kind is ActorKind.State or ActorKind.Territory or ActorKind.Place
            && NextVisible(words[inside.Last].End) == ')';
    }

    private char NextVisible(int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return '\0';
    }

    private void SettleUndecided(DocumentMemory memory)
    {
        for (int k = 0; k < found.Count; k++)
        {
            var item = found[k];
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

        found.RemoveAll(item => item.Kind is null);
        FollowLists();
        ResolveAmbiguous();
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

    /// <summary>A lone unknown capitalised word: where it sits says more than the word ("in Michoacan", "the Brewers").</summary>
    private ActorKind SingleWordKind(int index)
    {
        string previous = index > 0 && words[index].JoinsPrevious ? words[index - 1].Key : "";
        string beforePrevious = index > 1 ? words[index - 2].Key : "";
        string next = index + 1 < words.Length && words[index + 1].Line == words[index].Line ? words[index + 1].Key : "";
        if (NameCues.PlacePrepositions.Contains(previous) || previous == "of" && NameCues.PlaceNouns.Contains(beforePrevious)
            || NameCues.PlaceNouns.Contains(next) && !words[index + 1].IsCapitalised)
        {
            return ActorKind.Place;
        }

        if (NextIsSpeech(index) || NameCues.SpeechVerbs.Contains(previous) || IsFollowedByAge(index))
        {
            return ActorKind.Person;
        }

        return ActorKind.Organisation;
    }

    /// <summary>"Jeerasak Densakul, 24, was arrested": a name, a comma and an age.</summary>
    private bool IsFollowedByAge(int last) =>
        last + 1 < words.Length && words[last + 1].Length == 2 && words[last + 1].Text.All(char.IsDigit)
        && NextVisible(words[last].End) == ',' && words[last + 1].Line == words[last].Line;

    /// <summary>"A. Smith": a capital with a full stop, then a name.</summary>
    private bool IsInitialBeforeName(int index, int last) =>
        index < last && IsInitial(words[index]) && words[index].End < text.Length && text[words[index].End] == '.';

    private static bool IsInitial(WordToken word) => word.Length == 1 && char.IsUpper(word.Text[0]);

    private bool NextIsSpeech(int last) => last + 1 < words.Length && NameCues.SpeechVerbs.Contains(words[last + 1].Key);

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
        return next.Line == word.Line && (next.IsNumber && next.Text.Contains('-') || NameCues.NotNames.Contains(next.Key) && next.Key.Length == 3);
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

    private static bool[] CaselessLines(string text, WordToken[] words)
    {
        int lines = words.Length == 0 ? 0 : words[^1].Line + 1;
        var upper = new int[lines];
        var lettered = new int[lines];
        foreach (var word in words)
        {
            if (word.Length >= 2 && char.IsLetter(word.Text[0]))
            {
                lettered[word.Line]++;
                upper[word.Line] += word.IsUpper ? 1 : 0;
            }
        }

        var caseless = new bool[lines];
        for (int line = 0; line < lines; line++)
        {
            caseless[line] = lettered[line] >= 2 && upper[line] * 10 >= lettered[line] * 8
                || lettered[line] == 1 && upper[line] == 1;
        }

        MarkTitleCaseLines(text, words, caseless);
        return caseless;
    }

    /// <summary>
    /// "North Korea’s Potential Military Involvement in Ukraine Sparks Concern": a headline in title case capitalises
    /// every word, so capitals say no more there than in a headline in capitals. Lists of names ("Ann Lee, Bo Ek")
    /// and tables carry commas, brackets or figures; a headline has none and no closing full stop.
    /// </summary>
    private static void MarkTitleCaseLines(string text, WordToken[] words, bool[] caseless)
    {
        int index = 0;
        while (index < words.Length)
        {
            int line = words[index].Line, first = index, capitalised = 0, content = 0;
            for (; index < words.Length && words[index].Line == line; index++)
            {
                if (StopWords.Contains(words[index].Key))
                {
                    continue;
                }

                content++;
                capitalised += words[index].IsCapitalised ? 1 : 0;
            }

            if (caseless[line] || content < 5 || capitalised < content)
            {
                continue;
            }

            int start = words[first].Start, end = words[index - 1].End;
            var span = text.AsSpan(start, end - start);
            bool plain = span.IndexOfAny(TableMarks) < 0 && (end >= text.Length || text[end] != '.');
            caseless[line] = plain;
        }
    }
}
