//! Word classes the rewriter reads questions with.
//!
//! Closed classes (auxiliaries, determiners, pronouns, prepositions) are listed
//! in full; open classes only where a rewrite depends on them (adjectives that
//! describe a state neutrally, nouns that never count, words that carry a
//! judgement). A word in none of the lists is read as a noun: service reviews
//! are full of product names and jargon, and those are what a rewrite keeps.

use super::word_set::{WordSet, word_set};

/// Auxiliaries and modals, with their negative and bare-negative spellings.
#[rustfmt::skip]
pub(crate) static AUXILIARIES: WordSet = word_set![
    "do", "does", "did", "don't", "doesn't", "didn't", "is", "are", "am", "was", "were", "isn't",
    "aren't", "wasn't", "weren't", "has", "have", "had", "hasn't", "haven't", "hadn't", "can",
    "could", "would", "will", "should", "shall", "must", "might", "may", "can't", "couldn't",
    "wouldn't", "won't", "shouldn't", "mustn't", "be", "been", "being", "ain't", "cannot", "ought",
];

/// Whether an auxiliary expects a base-form verb after its subject ("does X *retry*").
pub(crate) fn expects_base_verb(lower: &str) -> bool {
    matches!(
        lower,
        "do" | "does"
            | "did"
            | "don't"
            | "doesn't"
            | "didn't"
            | "can"
            | "could"
            | "would"
            | "will"
            | "should"
            | "can't"
            | "couldn't"
            | "wouldn't"
            | "won't"
            | "shouldn't"
            | "must"
            | "might"
            | "may"
    )
}

/// People as pronouns or as groups: a rewrite never keeps them as its subject.
#[rustfmt::skip]
pub(crate) static PEOPLE: WordSet = word_set![
    "you", "u", "ya", "y'all", "yall", "we", "they", "i", "he", "she", "me", "us", "them", "anyone",
    "anybody", "someone", "somebody", "nobody", "noone", "everyone", "everybody", "people", "folks",
    "guys", "whoever", "team", "teams", "engineer", "engineers", "developer", "developers", "dev",
    "devs", "owner", "owners", "manager", "managers", "management", "leadership", "architect",
    "architects", "designer", "designers", "author", "authors", "reviewer", "reviewers", "sre",
    "sres", "operator", "operators", "admins", "staff", "lead", "leads", "colleagues",
    "contractor", "contractors", "genius", "one", "person", "him", "her", "myself", "yourself",
    "yourselves", "ourselves", "themselves", "squad", "squads", "crew", "org",
];

/// Determiners that point at something known: rewrites say "the".
#[rustfmt::skip]
pub(crate) static DEFINITE: WordSet = word_set![
    "the", "this", "that", "these", "those", "your", "our", "their", "its", "my", "his", "her",
];

/// Determiners that introduce something (or some amount of it).
#[rustfmt::skip]
pub(crate) static INDEFINITE: WordSet = word_set![
    "a", "an", "another", "some", "any", "one", "every", "each", "all", "both", "more", "extra",
    "additional", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many",
    "several", "few", "multiple", "no", "single", "eleven", "twelve", "twenty", "thirty", "fifty",
];

/// Determiners that make what follows plural.
#[rustfmt::skip]
pub(crate) static PLURAL_DETERMINERS: WordSet = word_set![
    "these", "those", "both", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "many", "several", "few", "multiple", "all", "eleven", "twelve", "twenty", "thirty",
    "fifty",
];

/// Determiners a rewrite keeps as they are in a proposal ("cache *every* response").
#[rustfmt::skip]
pub(crate) static KEPT_DETERMINERS: WordSet = word_set![
    "a", "an", "another", "some", "every", "each", "all", "both", "this", "that", "these",
    "those", "more", "extra", "additional", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "many", "several", "multiple", "single", "any", "one",
];

/// Words that are never part of a noun phrase.
#[rustfmt::skip]
pub(crate) static CLOSED: WordSet = word_set![
    // interjections are no names, even with a capital: "*Wow*, a second copy of prod"
    "wow", "lol", "lmao", "omg", "ugh", "hmm", "meh", "yikes", "oof", "welp", "yay", "bruh",
    "ngl", "tbh", "imo", "fwiw", "smh",
    // adverbs a phrase ends before: "deploy *straight* from a laptop"
    "straight", "directly", "manually",
    // reflexive pronouns end a phrase: "run Elasticsearch *yourselves*"
    "yourself", "yourselves", "themselves", "ourselves", "itself", "myself",
    // prepositions and particles
    "for", "to", "in", "on", "at", "by", "with", "without", "from", "into", "onto", "behind", "over",
    "under", "across", "through", "between", "during", "before", "after", "instead", "rather",
    "than", "of", "off", "up", "down", "out", "around", "about", "against", "inside", "outside",
    "within", "until", "since", "via", "per", "like", "unlike", "upon", "towards", "toward",
    "beyond", "near", "thru", "w/o", "w/",
    // conjunctions and subordinators
    "and", "or", "but", "nor", "so", "because", "cause", "cuz", "if", "unless", "when", "whenever",
    "while", "whereas", "though", "although", "as", "then", "than", "whether",
    // question words and their misspellings
    "why", "how", "what", "where", "which", "who", "whom", "whose", "y", "wy", "wyh", "whats",
    "hows", "whos",
    // pronouns
    "it", "there", "here", "this", "that", "these", "those", "what's", "something", "anything",
    "everything", "nothing", "one", "ones", "itself", "mine", "yours", "ours", "theirs", "other",
    "others", "such", "same", "else",
    // negation, adverbs of degree, time and attitude
    "not", "no", "yes", "never", "always", "ever", "still", "already", "yet", "again", "also",
    "just", "only", "even", "really", "very", "too", "quite", "pretty", "rather", "simply",
    "merely", "basically", "literally", "actually", "honestly", "seriously", "obviously",
    "clearly", "surely", "evidently", "totally", "truly", "genuinely", "exactly", "possibly",
    "probably", "maybe", "perhaps", "now", "today", "tonight", "tomorrow", "yesterday", "currently",
    "anymore", "anyway", "anyways", "instead", "sometimes", "often", "usually", "much", "more",
    "most", "less", "least", "enough", "all", "both", "either", "neither", "each", "every",
    "please", "thanks", "thx", "sorry", "okay", "ok", "k", "well", "oh", "ah", "uh", "um", "hm",
    "hmm", "lol", "lmao", "ngl", "tbh", "imo", "imho", "btw", "fr", "srsly", "smh", "omg", "wtf",
    "tf", "bruh", "ugh", "wait", "hey", "yeah", "yep", "nope", "sure", "right", "tho", "teh",
    "hell", "heck", "earth", "world", "fuck", "damn", "real", "question", "mean", "ago", "let's",
    "zero", "hundred", "thousand", "million", "dozen", "half", "curious", "wondering", "confused",
    "puzzled", "sure", "unsure", "aware", "later", "sooner", "earlier", "first", "twice", "thrice", "once",
    "lets", "gotta", "gonna", "wanna",
];

/// Words that carry a judgement: never kept in a rewrite.
#[rustfmt::skip]
pub(crate) static JUDGEMENT: WordSet = word_set![
    "mess", "messy", "garbage", "crap", "crappy", "junk", "disaster", "joke", "nightmare",
    "stupid", "dumb", "silly", "ridiculous", "insane", "crazy", "terrible", "awful", "horrible",
    "rushed", "sloppy", "lazy", "careless", "clueless", "incompetent", "amateur", "pathetic",
    "useless", "obvious", "trivial", "weird", "bizarre", "absurd", "worst", "shitty", "genius",
    "brilliant", "great", "lovely", "wonderful", "fantastic", "amazing", "nice", "cool",
    "original", "refreshing", "bold", "classic", "masterpiece", "negligent", "bespoke",
    "homegrown", "hand-rolled", "ancient", "archaic", "prehistoric", "bloated", "overengineered",
    "over-engineered", "hacky", "janky", "madness", "nonsense", "fault", "blame", "excuse",
    "idea", "bright", "competent", "normal", "proper", "sane", "reasonable", "giant", "whole",
    "entire", "poor", "bad", "good", "wrong", "right", "typical", "usual", "spaghetti", "hack",
    "kidding", "serious", "deal", "point", "story", "logic", "thinking", "reasoning", "rationale",
    "justification", "reason", "smoking", "head", "mind", "wtf", "lol", "mistake", "oversight",
    "annoying", "painful", "embarrassing", "shameful", "unacceptable", "inexcusable", "totally",
    "temporary", "load-bearing", "heads", "minds", "whining", "masterclass", "booster",
    // praise that a sarcastic line means the other way
    "innovative", "creative", "elegant", "legendary", "famous", "infamous", "beloved", "trusty",
    "well-thought-out", "enterprise-grade", "world-class", "cutting-edge", "bulletproof",
    "rock-solid", "battle-tested", "impressive", "incredible", "awesome", "splendid", "cute",
    "stellar", "superb", "excellent", "perfect", "beautiful", "gorgeous", "surprise",
    "time-honored", "time-honoured", "retro", "shocking", "groundbreaking", "nostalgic",
    "revolutionary", "visionary", "iconic", "stunning", "thought",
];

/// Adjectives that describe a state without judging it: "What makes the build *slow*?".
#[rustfmt::skip]
pub(crate) static NEUTRAL_STATES: WordSet = word_set![
    "slow", "slower", "flaky", "noisy", "expensive", "large", "big", "huge", "small", "complex",
    "complicated", "manual", "brittle", "fragile", "unreliable", "unstable", "inconsistent",
    "outdated", "stale", "late", "high", "low", "long", "short", "hard", "difficult", "confusing",
    "verbose", "busy", "tight", "loose", "frequent", "rare", "coupled", "unbounded", "infinite",
    "unlimited", "public", "private", "shared", "global", "local", "synchronous", "asynchronous",
    "serial", "sequential", "single-threaded", "stateful", "stateless", "empty", "full", "red",
    "down", "offline", "cold", "hot", "different", "separate", "custom", "deep", "wide", "old",
    "opaque", "undocumented", "untested", "unmonitored", "unowned", "hardcoded", "hard-coded",
];

/// Nouns read without "a": "What would it take to add *monitoring*?".
#[rustfmt::skip]
pub(crate) static MASS_NOUNS: WordSet = word_set![
    "monitoring", "alerting", "logging", "tracing", "observability", "documentation", "docs",
    "data", "redundancy", "coverage", "backpressure", "security", "auth", "authentication",
    "authorization", "encryption", "retention", "capacity", "traffic", "load", "storage",
    "caching", "versioning", "ownership", "idempotency", "validation", "testing", "staging",
    "failover", "autoscaling", "throttling", "pooling", "sharding", "replication", "config",
    "configuration", "infrastructure", "software", "hardware", "memory", "disk", "cpu", "ram",
    "latency", "throughput", "uptime", "downtime", "visibility", "context", "feedback", "access",
    "information", "info", "knowledge", "budget", "headroom", "isolation", "consistency",
    "prod", "production", "code", "work", "time", "money", "spend", "cost", "debt", "toil",
    "billing", "routing", "messaging", "networking", "streaming", "hosting", "signing",
    "scheduling", "paging", "indexing", "batching", "queueing", "queuing", "ticketing",
    "reporting", "shipping", "pricing", "accounting", "onboarding", "rendering", "processing",
    "matching", "serving", "polling", "scaling", "balancing", "limiting", "deduplication",
    "on-call", "oncall", "ram", "ssh",
];

/// Nouns that end in "s" but are singular ("the status", "Jenkins").
#[rustfmt::skip]
pub(crate) static SINGULAR_S: WordSet = word_set![
    "status", "bus", "gas", "canvas", "chaos", "news", "series", "analysis", "basis", "alias",
    "atlas", "lens", "corpus", "process", "access", "success", "address", "progress", "stress",
    "class", "pass", "loss", "kubernetes", "redis", "jenkins", "postgres", "dns", "https", "aws",
    "gcs", "ses", "sqs", "sns", "ebs", "efs", "ecs", "eks", "nfs", "cors", "tls", "ssl", "os",
    "ios", "macos", "has", "was", "is", "this", "its", "plus", "bonus", "virus", "campus",
    "census", "consensus", "thesis", "crisis", "diagnosis", "emphasis", "axis", "ms", "thanos",
    "windows", "travis",
    "ops", "devops", "analytics", "physics", "economics", "mathematics", "elasticsearch",
    "prometheus", "nginx", "express", "consul",
];

/// Head nouns that never make a topic: times, amounts, filler nouns.
#[rustfmt::skip]
pub(crate) static NOT_TOPICS: WordSet = word_set![
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend",
    "weekends", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night",
    "nights", "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter",
    "quarters", "hour", "hours", "minute", "minutes", "min", "mins", "second", "seconds", "sec",
    "secs", "time", "times", "way", "ways", "thing", "things", "stuff", "lot", "lots", "bit",
    "hand", "purpose", "sense", "front", "side", "top", "bottom", "middle", "place", "end",
    "while", "rest", "pair", "half", "bunch", "one", "am", "company", "world", "life", "fun",
    "joy", "luck", "hope", "pile", "piles", "loss", "losses",
    "pm", "percent", "%", "gb", "mb", "tb", "kb", "x",
    "first", "last", "next", "start", "i.e", "e.g", "etc", "everyone", "else", "place",
    // events: "How does the outage work?" says nothing
    "outage", "outages", "incident", "incidents", "failure", "failures", "crash", "crashes", "bug",
    "bugs", "error", "errors", "mistake", "mistakes", "downtime", "breach", "typo", "regression",
];

/// Words ending in "-ly" that are not adverbs.
#[rustfmt::skip]
pub(crate) static LY_NOT_ADVERBS: WordSet = word_set![
    "supply", "reply", "family", "assembly", "anomaly", "nightly", "daily", "weekly", "monthly",
    "hourly", "yearly", "quarterly", "early", "friendly", "italy", "july", "poly", "apply", "rely",
    "ally", "fly", "only", "holy", "ugly", "jolly", "bully", "multiply", "imply", "comply",
];

/// Nouns that are also verbs: inside a noun phrase they are nouns ("the *build* cache").
#[rustfmt::skip]
pub(crate) static NOUN_VERBS: WordSet = word_set![
    "build", "deploy", "cache", "log", "test", "page", "alert", "queue", "store", "release",
    "patch", "index", "load", "lock", "block", "batch", "schedule", "trace", "proxy", "mirror",
    "route", "stream", "host", "tag", "label", "report", "plan", "design", "change", "update",
    "upgrade", "request", "record", "list", "map", "filter", "search", "query", "check", "limit",
    "rate", "scale", "split", "fix", "reset", "restart", "crash", "sync", "merge", "commit",
    "push", "pull", "flag", "monitor", "target", "package", "bundle", "document", "format",
    "profile", "sample", "measure", "benchmark", "rollout", "shard", "partition", "archive",
    "snapshot", "restore", "import", "export", "support", "backup", "failover", "run", "start",
    "work", "config", "review", "process", "setup", "signal", "event", "message", "return",
    "access", "control", "balance", "rotate", "retry", "ping", "rollback", "offer", "order",
    "name", "file", "state", "spike", "drop", "lag", "leak", "hit", "miss", "cost", "outage",
    "secret", "key", "token", "vacuum", "drain", "timeout", "approval", "version", "write",
    "read", "call", "rotation", "escalation", "handoff", "probe", "mount", "sleep",
    "loop", "cron", "job", "step", "hook", "pipe", "channel", "pool", "limit", "dump", "copy",
    "paste", "fetch", "poll", "ack", "fire", "page", "pager", "spend", "share", "email",
    "feed", "canary", "buffer", "bridge", "tunnel", "branch", "hotfix", "layer", "gate",
    "stage", "drill", "lease", "journal", "alarm", "toggle", "trigger", "switch", "port",
    "handle", "hash", "override", "bypass", "audit", "default", "upload", "scan", "swap",
    "count", "cap", "repair", "resume", "vendor",
];

/// Adjectives: a noun phrase does not end on one ("the build *slow*").
#[rustfmt::skip]
pub(crate) static ADJECTIVES: WordSet = word_set![
    "slow", "fast", "low", "high", "big", "small", "large", "long", "short", "late", "early",
    "hard", "easy", "simple", "new", "old", "different", "enough", "possible", "available",
    "necessary", "important", "ready", "stale", "flaky", "noisy", "busy", "expensive", "cheap",
    "complex", "complicated", "manual", "broken", "down", "global", "local", "unbounded", "empty",
    "full", "safe", "unsafe", "fine", "missing", "hot", "cold", "warm", "dead", "alive",
    "offline", "online", "flat", "tight", "loose", "brittle", "fragile", "huge", "tiny",
    "common", "separate", "shared", "public", "private", "internal", "external", "custom",
    "legacy", "synchronous", "asynchronous", "async", "idle", "healthy", "unhealthy", "red",
    "green", "clear", "open", "closed", "valid", "invalid", "secure", "insecure", "stable",
    "unstable", "consistent", "inconsistent", "redundant", "idempotent", "critical", "optional",
    "mandatory", "current", "outdated", "main", "primary", "secondary", "infinite", "unlimited",
    "responsible", "supposed", "acceptable", "fine", "directly", "worse", "better", "bigger",
    "smaller", "faster", "slower", "higher", "lower", "easier", "harder", "cheaper", "safer",
    "simpler", "deep", "wide", "real", "own", "separate", "unreachable", "reachable", "wrong",
    "plain", "permanent", "accountable", "together", "unused", "working",
];

/// Particles and prepositions that may stand between a verb and its object
/// ("move *off* Jenkins", "switch *to* Postgres", "go *with* Mongo").
#[rustfmt::skip]
pub(crate) static PARTICLES: WordSet = word_set![
    "off", "to", "with", "on", "up", "out", "back", "over", "away", "into", "from", "in", "down",
    "onto", "around",
];

/// Prepositions that may open the one prepositional phrase a proposal keeps
/// ("use Postgres *for* the queue").
#[rustfmt::skip]
pub(crate) static PP_PREPOSITIONS: WordSet = word_set![
    "for", "in", "on", "to", "with", "across", "between", "behind", "from", "into", "at", "off",
    "onto", "per", "in front of",
];

/// Verbs that carry no action a rewrite could ask about ("why do you *think* …").
#[rustfmt::skip]
pub(crate) static EMPTY_VERBS: WordSet = word_set![
    "be", "have", "do", "get", "think", "know", "want", "seem", "become", "feel", "mean", "say",
    "guess", "suppose", "believe", "bother", "care", "let", "like", "love", "hate", "need",
    "come", "happen", "exist", "wonder", "understand", "explain", "tell", "justify", "mind",
    "occur", "ask", "help", "try", "end", "look", "own", "make", "stop", "quit", "avoid",
    "see", "hear", "hope", "wish",
];

/// Verbs that hand their action on to a following "to" ("decided *to* run …").
#[rustfmt::skip]
pub(crate) static CONTROL_VERBS: WordSet = word_set![
    "decide", "choose", "think", "bother", "try", "forget", "fail", "need", "want", "plan",
    "agree", "remember", "refuse", "prefer", "have", "get", "go", "mean", "manage", "suppose",
    "promise", "start", "stop",
];

/// Words skipped between a subject and its verb ("you *just* add", "we *still* use").
#[rustfmt::skip]
pub(crate) static VERB_ADVERBS: WordSet = word_set![
    "just", "simply", "merely", "still", "even", "ever", "really", "instead", "never", "already",
    "always", "not", "actually", "honestly", "seriously", "basically", "literally", "only",
    "possibly", "obviously", "clearly", "evidently", "again", "all", "guys", "folks", "people",
    "tf", "so", "then", "also", "genuinely", "totally", "ever", "once", "first", "originally",
    "gotta", "gonna", "wanna",
];

/// Verbs of checking: "How is the restore *tested* today?" asks about the process.
#[rustfmt::skip]
pub(crate) static PROCESS_VERBS: WordSet = word_set![
    "test", "review", "check", "monitor", "verify", "validate", "document", "approve", "audit",
    "load-test", "measure", "track", "inspect", "rehearse", "exercise", "drill",
];

/// Verbs of choosing or bringing something in: after "why did you *pick* Kafka",
/// "How does Kafka fit the needs of the system today?" asks about a thing that is
/// there. After "why did you *split* the monolith" it would not: the monolith is gone.
#[rustfmt::skip]
pub(crate) static CHOICE_VERBS: WordSet = word_set![
    "use", "pick", "choose", "select", "adopt", "build", "write", "introduce", "add", "put",
    "keep", "store", "buy", "implement", "create", "design", "host", "deploy", "go",
    "prefer", "hand-roll", "roll", "bring", "install", "configure", "set",
];

/// Verbs after which their object is gone: after "why did you *split* the
/// monolith", no rewrite may ask how the monolith works today.
#[rustfmt::skip]
pub(crate) static REMOVING_VERBS: WordSet = word_set![
    "split", "remove", "delete", "disable", "drop", "kill", "retire", "deprecate", "replace",
    "rip", "shut", "decommission", "sunset", "abandon", "ditch", "scrap", "wipe", "purge",
    "remove", "turn", "uninstall", "destroy", "lose", "skip", "cancel",
];

/// Words the rewriter writes into a slot itself ("another outage" → "the
/// *latest* outage"): a rewrite may use them.
pub(crate) static REWRITER_WORDS: WordSet = word_set!["latest"];

/// Verbs of breaking something: what people broke was no choice of theirs.
#[rustfmt::skip]
pub(crate) static BREAKING_VERBS: WordSet = word_set![
    "break", "crash", "ruin", "botch", "wreck", "screw", "mess", "corrupt", "brick",
];

/// Measures: "How does the p99 work today?" says nothing; a measure is measured
/// and driven by something.
#[rustfmt::skip]
pub(crate) static MEASURES: WordSet = word_set![
    "p50", "p90", "p95", "p99", "p999", "latency", "latencies", "cpu", "memory", "throughput",
    "uptime", "availability", "utilisation", "utilization", "qps", "rps", "tps", "lag",
    "error-rate", "saturation", "usage",
];

/// Products often written in lower case: a name, so "postgres", not "the postgres".
#[rustfmt::skip]
pub(crate) static PRODUCTS: WordSet = word_set![
    "kubernetes", "k8s", "redis", "jenkins", "postgres", "postgresql", "nginx", "consul",
    "prometheus", "elasticsearch", "kafka", "mysql", "mongodb", "mongo", "cassandra",
    "terraform", "ansible", "docker", "grafana", "helm", "vault", "istio", "envoy", "linkerd",
    "etcd", "zookeeper", "rabbitmq", "airflow", "spark", "flink", "celery", "sidekiq",
    "memcached", "git", "github", "gitlab", "argo", "argocd", "datadog", "pagerduty", "sentry",
    "splunk", "loki", "thanos", "sqlite", "dynamodb", "bigquery", "snowflake", "clickhouse",
    "pgbouncer", "haproxy", "traefik", "keycloak", "okta", "slack", "jira", "confluence",
];

/// Third-person verbs that are almost never plural nouns ("how the deploy *works*").
pub(crate) static VERB_THIRD_PERSON: WordSet = word_set![
    "works", "runs", "happens", "fails", "breaks", "looks", "goes", "does", "gets", "takes",
    "makes", "needs", "keeps", "seems", "lives", "sits", "writes", "reads", "calls", "hits",
    "uses", "says", "means", "wants", "knows", "thinks", "gives", "comes", "becomes", "stays",
    "copes", "manages", "survives", "scales", "holds",
];

/// Verdicts that taint the phrase they qualify ("lazy engineering"): it is not kept.
pub(crate) static VERDICT_MODIFIERS: WordSet = word_set![
    "lazy",
    "sloppy",
    "amateur",
    "terrible",
    "awful",
    "horrible",
    "stupid",
    "dumb",
    "silly",
    "ridiculous",
    "insane",
    "crazy",
    "bad",
    "poor",
    "shitty",
    "crappy",
    "negligent",
    "careless",
    "incompetent",
    "pathetic",
    "useless",
    "hacky",
    "janky",
    "bloated",
    "overengineered",
    "brilliant",
    "great",
    "genius",
    "amazing",
    "fantastic",
    "wonderful",
    "lovely",
    "nice",
    "cool",
    "classic",
    "whole",
    "innovative",
    "creative",
    "elegant",
    "legendary",
    "famous",
    "infamous",
    "beloved",
    "trusty",
    "well-thought-out",
    "enterprise-grade",
    "world-class",
    "cutting-edge",
    "bulletproof",
    "rock-solid",
    "battle-tested",
    "impressive",
    "incredible",
    "awesome",
    "splendid",
    "stellar",
    "superb",
    "excellent",
    "perfect",
    "beautiful",
    "surprise",
    "time-honored",
    "time-honoured",
];

/// Praise a sarcastic line means the other way ("the *legendary* 50 minute
/// pipeline"): skipped before the thing it praises, and never kept.
#[rustfmt::skip]
pub(crate) static SARCASTIC_PRAISE: WordSet = word_set![
    "innovative", "creative", "elegant", "legendary", "famous", "infamous", "beloved", "trusty",
    "well-thought-out", "enterprise-grade", "world-class", "cutting-edge", "bulletproof",
    "rock-solid", "battle-tested", "impressive", "incredible", "awesome", "splendid", "stellar",
    "superb", "excellent", "perfect", "beautiful", "surprise", "time-honored", "time-honoured",
    "brilliant", "genius", "amazing", "fantastic", "wonderful", "lovely", "classic",
    "groundbreaking", "revolutionary", "visionary", "iconic", "stunning",
];

/// Heads too generic to stand alone ("the version") but fine with a modifier
/// ("the base image version").
pub(crate) static GENERIC_HEADS: WordSet = word_set![
    "number",
    "kind",
    "sort",
    "type",
    "part",
    "case",
    "instance",
    "problem",
    "issue",
    "answer",
    "call",
    "choice",
    "decision",
    "version",
    "versions",
    "step",
    "steps",
    "state",
    "copy",
    "copies",
    "process",
    "fix",
    "line",
    "lines",
    "instances",
    "setup",
    "logic",
    "design",
    "work",
    "engineering",
    "plan",
    "list",
    "set",
];
