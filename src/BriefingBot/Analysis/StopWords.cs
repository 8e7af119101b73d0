using System.Collections.Frozen;

namespace BriefingBot.Analysis;

/// <summary>English function words: they say nothing about what a sentence is about.</summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "every",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "last", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "never", "no", "nor", "not", "now",
        "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a lower-case function word.</summary>
    public static bool Contains(string lowerCaseWord) => Words.Contains(lowerCaseWord);
}
