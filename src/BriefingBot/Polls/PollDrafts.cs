using System.Globalization;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using Microsoft.Extensions.Options;

namespace BriefingBot.Polls;

/// <summary>A poll ready to post.</summary>
public sealed record PollDraft(string Question, DateTimeOffset ClosesAt, DateOnly ResolveBy, long? DevelopmentId, IReadOnlyList<string> ActorIds)
{
    /// <summary>The <c>/poll create</c> line that posts this draft, for people who want to edit it first.</summary>
    public string CommandLine(PollTimeParser clock, string closesText) =>
        "/poll create " + (DevelopmentId is { } id ? $"development:{id.ToString(CultureInfo.InvariantCulture)} " : string.Empty)
        + $"question:\"{Question.Replace("\"", "'", StringComparison.Ordinal)}\" closes:\"{closesText}\" resolves:{ResolveBy:yyyy-MM-dd}";
}

/// <summary>
/// Turns <c>/poll create</c> options (or a development) into a <see cref="PollDraft"/>: the development fills the question,
/// actors and resolve-by day; the options override it. Every problem comes back as a message with an example.
/// </summary>
public sealed class PollDrafts(
    PollTimeParser clock, IDevelopmentStore developments, IOptions<PollsOptions> options, TimeProvider time, IArticleStore articles)
{
    public const int MaxQuestionLength = 300;

    // Developments only other workspaces' articles report are dropped after reading: read a few times more.
    private const int Overfetch = 4;

    public string DefaultCloses => options.Value.DefaultCloses;

    /// <summary>The draft, with a development only when an article <paramref name="tenant"/> sees reports it (null: any).</summary>
    public async Task<(PollDraft? Draft, string? Error)> BuildAsync(
        string? question, string? closes, string? resolves, long? developmentId, string? tenant, CancellationToken cancellationToken)
    {
        StoredDevelopment? development = null;
        if (developmentId is { } id)
        {
            development = await FindDevelopmentAsync(id, tenant, cancellationToken);
            if (development is null)
            {
                return Fail($"There is no development #{id}. Start typing in the development option to pick one.");
            }
        }

        question = string.IsNullOrWhiteSpace(question) ? development?.Development.Question : question.Trim();
        if (string.IsNullOrWhiteSpace(question))
        {
            return Fail("A poll needs a question, e.g. /poll create question:\"Will X happen by 31 August?\" closes:\"in 7 days\" resolves:2026-08-31");
        }

        if (question.Length > MaxQuestionLength)
        {
            return Fail($"The question is {question.Length} characters long; at most {MaxQuestionLength}.");
        }

        var closesText = string.IsNullOrWhiteSpace(closes) ? options.Value.DefaultCloses : closes;
        if (clock.ParseInstant(closesText) is not { } closesAt)
        {
            return Fail($"I cannot read closes:\"{closesText}\" as a time. Try {PollTimeParser.Examples} ({clock.Zone.Id} time).");
        }

        if (closesAt <= time.GetUtcNow())
        {
            return Fail($"closes:\"{closesText}\" is {clock.Format(closesAt)}, which has passed. Pick a time in the future, e.g. \"in 7 days\".");
        }

        DateOnly resolveBy;
        if (!string.IsNullOrWhiteSpace(resolves))
        {
            if (clock.ParseDate(resolves) is not { } parsed)
            {
                return Fail($"I cannot read resolves:\"{resolves}\" as a day. Try \"2026-08-31\", \"in 30 days\" or \"Friday\".");
            }

            resolveBy = parsed;
        }
        else if (development is not null)
        {
            resolveBy = development.Development.ResolveBy;
        }
        else
        {
            return Fail("A poll needs the day it can be settled, e.g. resolves:2026-08-31.");
        }

        if (resolveBy < clock.LocalDate(closesAt))
        {
            return Fail($"It resolves by {PollQuestion.Date(resolveBy)}, before voting closes ({clock.Format(closesAt)}). Resolve on or after the close.");
        }

        IReadOnlyList<string> actors = development is null ? [] : [.. development.Development.Actors.Select(a => a.Id).Distinct()];
        return (new PollDraft(question, closesAt, resolveBy, developmentId, actors), null);
    }

    /// <summary>Open developments the tenant's articles report, for autocomplete: "#12 Will North Korea ...?" → 12.</summary>
    public async Task<IReadOnlyList<StoredDevelopment>> ListOpenDevelopmentsAsync(string? search, int limit, string? tenant, CancellationToken cancellationToken)
    {
        var open = await developments.ListOpenAsync(
            clock.LocalDate(time.GetUtcNow()), string.IsNullOrWhiteSpace(search) ? null : search.Trim(), tenant is null ? limit : limit * Overfetch, cancellationToken);
        return [.. (await articles.VisibleAsync(open, tenant, cancellationToken)).Take(limit)];
    }

    private async Task<StoredDevelopment?> FindDevelopmentAsync(long id, string? tenant, CancellationToken cancellationToken) =>
        await developments.GetAsync(id, cancellationToken) is { } found && (await articles.VisibleAsync([found], tenant, cancellationToken)) is [var visible]
            ? visible
            : null;

    private static (PollDraft?, string?) Fail(string error) => (null, error);
}
