using System.Collections.Frozen;

namespace BriefingBot.Analysis.Actors;

/// <summary>Words around or inside a capitalised name that tell what kind of name it is. Keys are lower case.</summary>
internal static class NameCues
{
    /// <summary>Titles written before a person's name and not part of it: "President", "Gen.", "Mr".</summary>
    public static readonly FrozenSet<string> Titles = Set(
        "president", "premier", "chancellor", "minister", "secretary", "secretary-general", "king", "queen", "prince",
        "princess", "pope", "emperor", "sheikh", "sheik", "emir", "sultan", "ayatollah", "general", "gen", "colonel",
        "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "admiral", "adm", "sergeant", "sgt", "commander",
        "marshal", "senator", "sen", "congressman", "congresswoman", "representative", "rep", "governor", "gov", "mayor",
        "judge", "justice", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "rev",
        "reverend", "father", "cardinal", "archbishop", "bishop", "rabbi", "imam", "ambassador", "envoy", "spokesman",
        "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief", "director", "coach", "manager", "leader",
        "deputy", "speaker", "dictator", "tsar", "czar", "prosecutor", "attorney", "detective", "inspector", "officer",
        "commissioner", "striker", "midfielder", "defender", "goalkeeper", "keeper", "forward", "winger", "batsman",
        "bowler", "pitcher", "quarterback", "rider", "driver", "champion", "veteran", "rookie", "compatriot", "teammate",
        "team-mate", "skipper", "coach", "trainer", "jockey", "seed", "outfielder", "catcher", "shortstop", "left-hander",
        "right-hander", "newcomer", "playmaker", "sprinter", "analyst", "economist", "dealer", "trader", "strategist",
        "executive", "president-elect", "vice-president", "premier-elect", "candidate", "challenger", "opponent", "novelist",
        "writer", "author", "actor", "actress", "singer", "son", "daughter", "wife", "husband", "brother", "sister",
        "b", "c", "lbw"); // cricket scorecards: "c Vaas b Chandana"

    /// <summary>Roles held in an organisation: "Sunderland forward Niall Quinn", "Ford chairman Alex Trotman".</summary>
    public static readonly FrozenSet<string> AffiliationRoles = Set(
        "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "forward", "winger", "captain", "skipper",
        "owner", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "president", "chief", "director",
        "executive", "official", "officials", "analyst", "economist", "trader", "dealer", "pitcher", "quarterback",
        "batsman", "bowler", "player", "players", "rider", "driver", "teammate", "team-mate", "boss", "founder", "editor");

    /// <summary>Words that may stand inside a title before the title word: "Foreign Minister", "Vice President".</summary>
    public static readonly FrozenSet<string> TitleModifiers = Set(
        "prime", "foreign", "defence", "defense", "finance", "interior", "trade", "economy", "economics", "justice",
        "health", "energy", "industry", "agriculture", "labour", "labor", "education", "transport", "culture", "vice",
        "deputy", "acting", "former", "chief", "senior", "supreme", "state", "home", "first", "executive", "managing",
        "general", "national", "security", "army", "police", "opposition", "party", "team", "club", "crown", "grand",
        "lieutenant", "brigadier", "major", "rear", "field", "attorney", "assistant", "under", "secretary", "of", "for",
        "the", "affairs", "cabinet", "environment", "treasury", "information", "communications", "ex");

    /// <summary>Last words of an organisation's name.</summary>
    public static readonly FrozenSet<string> OrganisationEnds = Set(
        "ministry", "agency", "council", "party", "corporation", "corp", "inc", "ltd", "plc", "llc", "co", "ag", "sa",
        "nv", "bv", "gmbh", "spa", "bhd", "pty", "group", "bank", "university", "college", "institute", "service",
        "services", "committee", "commission", "association", "federation", "union", "club", "company", "fund",
        "court", "police", "parliament", "congress", "senate", "assembly", "bureau", "department", "office",
        "exchange", "airlines", "airways", "motors", "securities", "holdings", "industries", "systems", "telecom",
        "petroleum", "oil", "energy", "times", "post", "news", "journal", "herald", "tribune", "gazette", "radio",
        "television", "tv", "press", "associates", "partners", "trust", "foundation", "society", "league", "board",
        "authority", "administration", "directorate", "inc.", "organisation", "organization", "network", "church",
        "movement", "alliance", "coalition", "front", "brigade", "brigades", "army", "forces", "guard", "militia",
        "navy", "command", "cabinet", "government", "secretariat", "mission", "tribunal", "unit", "centre", "center",
        "hospital", "school", "electric", "steel", "chemical", "chemicals", "pharmaceuticals", "bancorp", "financial",
        "capital", "investments", "insurance", "communications", "entertainment", "media", "records", "studios",
        "united", "city", "rovers", "athletic", "athletico", "wanderers", "albion", "town", "fc", "hotspur", "rangers",
        "villa", "forest", "wednesday", "orient", "argyle", "sc", "ac", "cf", "cd", "sv", "bc", "stars", "kings",
        "giants", "bears", "bulls", "lakers", "celtics", "knicks", "yankees", "mets", "sox", "cubs", "braves", "dodgers",
        "tigers", "lions", "eagles", "hawks", "jets", "sharks", "devils", "rockets", "pistons", "cowboys", "raiders",
        "packers", "dolphins", "patriots", "oilers", "flyers", "penguins", "bruins", "canadiens", "warriors", "heat",
        "magic", "jazz", "suns", "spurs", "mariners", "orioles", "royals", "twins", "angels", "astros", "padres",
        "reds", "pirates", "phillies", "expos", "brewers", "indians", "athletics", "rockies", "marlins", "cardinals",
        "blues", "whites", "saints", "chiefs", "broncos", "chargers", "seahawks", "steelers", "browns", "bengals",
        "ravens", "colts", "titans", "jaguars", "texans", "vikings", "redskins", "commanders", "buccaneers", "falcons",
        "panthers", "49ers", "rams", "bills", "team", "staff", "panel", "taskforce", "force", "initiative", "programme",
        "program", "project");

    /// <summary>First words of an organisation's name: "Bank of England", "University of Chicago", "Real Madrid".</summary>
    public static readonly FrozenSet<string> OrganisationStarts = Set(
        "bank", "university", "ministry", "council", "department", "institute", "league", "association", "federation",
        "union", "party", "committee", "commission", "office", "house", "church", "real", "sporting", "dynamo", "dinamo",
        "olympique", "racing", "atletico", "atlético", "fc", "ac", "inter", "lokomotiv", "spartak", "cska", "borussia",
        "bayer", "standard", "club", "college", "school", "agency", "bureau", "court", "board", "movement", "front",
        "army", "navy", "air");

    /// <summary>Words that make a capitalised name an event, a title of a work or another miscellaneous name.</summary>
    public static readonly FrozenSet<string> MiscWords = Set(
        "cup", "open", "championship", "championships", "games", "olympics", "olympic", "prix", "tour", "trophy",
        "prize", "award", "awards", "masters", "classic", "rally", "marathon", "grand", "series", "war", "treaty",
        "accord", "accords", "agreement", "act", "plan", "doctrine", "index", "festival", "conference", "summit",
        "bowl", "derby", "stakes", "invitational", "challenge", "tournament", "final", "finals", "revolution",
        "day", "week", "convention", "declaration", "protocol", "charter", "bill", "law", "award", "medal");

    /// <summary>Words that make a capitalised name a place.</summary>
    public static readonly FrozenSet<string> PlaceWords = Set(
        "river", "sea", "ocean", "lake", "mount", "mountains", "mountain", "mt", "island", "islands", "bay", "gulf",
        "strait", "straits", "peninsula", "valley", "desert", "province", "region", "street", "avenue", "square",
        "road", "airport", "bridge", "canal", "coast", "prefecture", "district", "hills", "heights", "beach",
        "harbour", "harbor", "port", "cape", "stadium", "park", "arena", "county", "state", "territory", "oblast",
        "krai", "republic", "city", "town", "village", "camp", "base", "field", "basin", "falls", "pass", "plain",
        "plateau", "glacier", "forest", "reef", "atoll", "palace", "castle", "cathedral", "temple", "mosque");

    /// <summary>Capitalised words that are not names by themselves: calendar words, and words that often open a sentence.</summary>
    public static readonly FrozenSet<string> NotNames = Set(
        "western", "eastern", "northern", "southern",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat",
        "sun", "today", "tomorrow", "yesterday", "i", "a", "an", "the", "mr", "mrs", "ms", "dr", "there", "here",
        "then", "however", "meanwhile", "also", "yet", "still", "earlier", "later", "last", "next", "first",
        "second", "third", "new", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "police", "officials", "analysts", "shares", "prices", "sources", "witnesses", "results", "scores",
        "standings", "note", "notes", "total", "att", "attendance", "halftime", "half-time", "result", "teams",
        "played", "won", "lost", "drawn", "points", "summary", "source", "editor", "desk", "tel", "fax", "please",
        "call", "inning", "innings", "overs", "ball", "balls", "goal", "goals", "on", "in", "at", "but", "and", "or",
        "if", "when", "while", "after", "before", "since", "as", "with", "without", "from", "by", "for", "of", "to",
        "some", "many", "most", "all", "no", "not", "other", "others", "this", "that", "these", "those", "he", "she",
        "it", "they", "we", "you", "his", "her", "their", "our", "its", "my", "your", "what", "who", "why", "how",
        "where", "which", "asked", "under", "over", "among", "despite", "during", "until", "about", "against",
        "between", "both", "each", "every", "few", "more", "less", "such", "only", "just", "even", "so", "thus",
        "instead", "although", "though", "because", "unless", "whether", "once", "now", "never", "always", "often",
        "sometimes", "perhaps", "maybe", "already", "again", "nearly", "almost", "around", "chapter", "article",
        "page", "part", "vol", "nos", "am", "pm", "gmt", "est", "edt", "bst", "cet", "utc", "christmas", "easter",
        "ramadan", "allah", "st", "mt", "ft", "de", "la", "le", "van", "von", "der", "du", "di", "da", "al", "el",
        "bin", "ibn", "said", "says", "told", "would", "could", "should", "will", "can", "might", "must", "did",
        "does", "do", "is", "are", "was", "were", "be", "been", "has", "have", "had", "yes", "ok", "okay", "thanks",
        "welcome", "sorry", "wow", "oh", "ah");

    /// <summary>Months and days: never names, wherever they stand.</summary>
    public static readonly FrozenSet<string> Calendar = Set(
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Words after a name that mark its bearer as a speaker (and so, without other cues, a person).</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set(
        "said", "says", "told", "added", "asked", "replied", "wrote", "declared", "explained", "insisted", "noted",
        "stressed", "warned", "admitted", "denied", "recalled", "believes", "thinks", "felt", "feels");

    /// <summary>Words that join a name's parts without being capitalised: "Bank of England", "Charles de Gaulle".</summary>
    public static readonly FrozenSet<string> Connectors = Set(
        "of", "de", "del", "della", "der", "den", "van", "von", "la", "le", "da", "di", "do", "dos", "das", "du", "al",
        "el", "bin", "ibn", "bint", "y", "the", "zu", "ter", "ten");

    /// <summary>Words after which a name is a playing team: "beat Somerset", "Arsenal v Chelsea".</summary>
    public static readonly FrozenSet<string> MatchWords = Set(
        "beat", "beats", "v", "vs", "versus", "drew", "defeated", "lost", "edged", "thrashed", "routed", "hosted",
        "trounced", "downed", "outclassed", "relegated", "promoted", "overcame");

    /// <summary>Lower-case words before a place name ("in Kent", "near Bou Haroun").</summary>
    public static readonly FrozenSet<string> PlacePrepositions = Set(
        "in", "near", "at", "outside", "from", "across", "into", "via", "towards", "toward", "between", "around");

    /// <summary>Lower-case nouns next to a place name ("town of Bou Haroun", "Jiangsu province").</summary>
    public static readonly FrozenSet<string> PlaceNouns = Set(
        "town", "city", "village", "state", "province", "region", "district", "county", "capital", "port", "suburb",
        "island", "republic", "area", "border", "valley", "river", "enclave", "municipality", "prefecture", "camp", "battle",
        "outskirts", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "miles",
        "kilometres", "kilometers", "heart", "streets", "suburbs", "mayor", "centre", "center", "residents", "people");

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
