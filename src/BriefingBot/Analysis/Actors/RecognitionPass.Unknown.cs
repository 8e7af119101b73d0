namespace BriefingBot.Analysis.Actors;

/// <summary>Typing the capitalised names the catalogue lacks: titles, organisation words, first names, layout cues.</summary>
internal sealed partial class RecognitionPass
{
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

    /// <summary>A lone unknown capitalised word: where it sits says more than the word ("in Michoacan", "the Brewers").</summary>
    private ActorKind SingleWordKind(int index)
    {
        string previous = index > 0 && words[index].JoinsPrevious ? words[index - 1].Key : "";
        string beforePrevious = index > 1 ? words[index - 2].Key : "";
        string next = index + 1 < words.Length && words[index + 1].Line == words[index].Line ? words[index + 1].Key : "";
        if (NameCues.PlacePrepositions.Contains(previous) || previous == "of" && NameCues.PlaceNouns.Contains(beforePrevious) || IsBeforePlace(index)
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

    /// <summary>"Lockerbie, Scotland": a name, a comma and the state or region it lies in.</summary>
    private bool IsBeforePlace(int index) =>
        index + 1 < words.Length && NextVisible(words[index].End) == ',' && words[index + 1].Line == words[index].Line
        && gazetteer.Match(words, index + 1, caselessLines[words[index].Line]) is { } place && place.Names[0].Via != "demonym"
        && place.Names[0].Actor.Kind is ActorKind.State or ActorKind.Territory or ActorKind.Place
        && (place.Last + 1 >= words.Length || words[place.Last + 1].Line != words[index].Line || NextVisible(words[place.Last].End) is '.' or ',' or ')' or '\n');

    /// <summary>"Jeerasak Densakul, 24, was arrested": a name, a comma and an age.</summary>
    private bool IsFollowedByAge(int last) =>
        last + 1 < words.Length && words[last + 1].Length == 2 && words[last + 1].Text.All(char.IsDigit)
        && NextVisible(words[last].End) == ',' && words[last + 1].Line == words[last].Line;

    /// <summary>"A. Smith": a capital with a full stop, then a name.</summary>
    private bool IsInitialBeforeName(int index, int last) =>
        index < last && IsInitial(words[index]) && words[index].End < text.Length && text[words[index].End] == '.';

    private static bool IsInitial(WordToken word) => word.Length == 1 && char.IsUpper(word.Text[0]);

    private bool NextIsSpeech(int last) => last + 1 < words.Length && NameCues.SpeechVerbs.Contains(words[last + 1].Key);
}
