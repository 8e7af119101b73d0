namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 14: stories as events. Each story keeps its centroid (<see cref="Articles.Stories.StoryVector"/>) and is
/// found through an inverted index of its articles' rarest terms by day (<c>story_index</c>), so an article's candidates
/// come from the days around its date, not from every story. Document frequencies for the IDF weights are counted per
/// term; a story merged into another keeps its row with <c>merged_into</c> set and a line in <c>story_merges</c>.
/// Stories stored before this migration have no centroid: they keep their articles and are simply never candidates.
/// </summary>
internal static class StoryMigrations
{
    public const string DocumentsKey = "stories:documents";

    public static Migration Sqlite { get; } = new(14, "stories across sources", """
        ALTER TABLE stories ADD COLUMN vector BLOB;
        ALTER TABLE stories ADD COLUMN merged_into INTEGER;

        -- day: days since the Unix epoch of the article's published (else fetched) time.
        CREATE TABLE story_index (
            term INTEGER NOT NULL,
            day INTEGER NOT NULL,
            story_id INTEGER NOT NULL,
            PRIMARY KEY (term, day, story_id)
        ) WITHOUT ROWID;

        CREATE INDEX ix_story_index_story ON story_index(story_id);

        CREATE TABLE story_term_counts (
            term INTEGER PRIMARY KEY,
            articles INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE story_merges (
            merged_id INTEGER PRIMARY KEY,
            into_id INTEGER NOT NULL,
            merged_at INTEGER NOT NULL
        );

        CREATE INDEX ix_story_merges_into ON story_merges(into_id);
        """);

    public static Migration Postgres { get; } = new(14, "stories across sources", """
        ALTER TABLE stories ADD COLUMN vector bytea;
        ALTER TABLE stories ADD COLUMN merged_into bigint;

        CREATE TABLE story_index (
            term bigint NOT NULL,
            day integer NOT NULL,
            story_id bigint NOT NULL,
            PRIMARY KEY (term, day, story_id)
        );

        CREATE INDEX ix_story_index_story ON story_index(story_id);

        CREATE TABLE story_term_counts (
            term bigint PRIMARY KEY,
            articles integer NOT NULL
        );

        CREATE TABLE story_merges (
            merged_id bigint PRIMARY KEY,
            into_id bigint NOT NULL,
            merged_at timestamptz NOT NULL
        );

        CREATE INDEX ix_story_merges_into ON story_merges(into_id);
        """);
}
