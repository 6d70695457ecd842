//! English verb forms: turning "use" into "using"/"used" and back.
//!
//! Rewrites move a verb between forms ("Why did you *use* X?" → "What led to
//! *using* X?" → "How is X *used*?"), so the verbs that service reviews talk
//! about are listed with their irregular forms; regular forms are derived.

use super::word_set::{FastHash, WordSet, word_set};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Verbs with regular forms.
#[rustfmt::skip]
const REGULAR_VERBS: &[&str] = &[
    "accept", "access", "acknowledge", "ack", "add", "adjust", "adopt", "aggregate", "alert",
    "allow", "announce", "answer", "approve", "archive", "ask", "assign", "assume", "audit",
    "automate", "avoid", "back", "backfill", "balance", "batch", "benchmark", "block", "boot",
    "bootstrap", "bother", "bounce", "bump", "bundle", "cache", "call", "cap", "care", "change",
    "check", "choke", "clean", "clear", "close", "collect", "combine", "commit", "communicate",
    "compact", "compare", "compile", "compress", "compute", "configure", "connect", "consider",
    "consolidate", "consume", "contain", "control", "convert", "copy", "count", "crash", "create",
    "cross", "decide", "declare", "decode", "decouple", "decrease", "default", "defer", "define",
    "degrade", "delay", "delete", "deliver", "depend", "deploy", "deprecate", "describe", "design",
    "destroy", "detect", "disable", "disconnect", "discover", "distribute", "document", "double",
    "downgrade", "downscale", "drain", "duplicate", "emit", "enable", "encode", "encrypt", "end",
    "enforce", "ensure", "enter", "escalate", "evict", "exceed", "execute", "exist", "expire",
    "explain", "export", "expose", "extend", "extract", "fail", "failover", "fetch", "file", "fill",
    "filter", "finish", "fire", "fix", "flag", "flip", "flush", "follow", "fork", "format", "gate",
    "generate", "guard", "halve", "handle", "happen", "harden", "hardcode", "hash", "help", "host",
    "ignore", "implement", "import", "improve", "include", "increase", "index", "inject", "inline",
    "install", "instrument", "integrate", "introduce", "invalidate", "invest", "invoke", "isolate",
    "join", "kill", "label", "lack", "lag", "land", "last", "launch", "layer", "leak", "lint",
    "list", "listen", "live", "load", "lock", "log", "look", "lower", "maintain", "manage", "map",
    "mark", "match", "matter", "measure", "merge", "migrate", "miss", "mirror", "mock", "monitor",
    "move", "mute", "name", "need", "notice", "notify", "offer", "omit", "open", "operate",
    "optimise", "optimize", "order", "own", "package", "page", "park", "parse", "partition", "pass",
    "patch", "pause", "persist", "pick", "pin", "ping", "pipe", "place", "plan", "play", "plug",
    "point", "poll", "port", "post", "prefer", "prefetch", "prepare", "prevent", "prioritise",
    "prioritize", "process", "produce", "profile", "promote", "protect", "provide", "provision",
    "prune", "publish", "pull", "purge", "push", "query", "queue", "raise", "rank", "reach",
    "rebalance", "rebase", "reboot", "receive", "recover", "recreate", "reduce", "refactor",
    "refresh", "register", "reject", "release", "reload", "rely", "remove", "rename", "renew",
    "reorder", "repair", "replace", "replicate", "reply", "report", "request", "require", "reroute",
    "reschedule", "reserve", "resize", "resolve", "respond", "restart", "restore", "restrict",
    "retain", "retire", "retry", "return", "reuse", "revert", "review", "revisit", "rework",
    "rewire", "roll", "rotate", "route", "sample", "save", "scale", "scan", "schedule", "scrape",
    "search", "secure", "select", "separate", "serialise", "serialize", "serve", "share", "shard",
    "shed", "ship", "shorten", "sign", "silence", "simplify", "skip", "slow", "snapshot", "solve",
    "sort", "spawn", "specify", "stage", "start", "stay", "stop", "store", "stream", "subscribe",
    "support", "suppress", "swap", "switch", "sync", "tag", "talk", "target", "terminate", "test",
    "throttle", "time", "touch", "trace", "track", "trigger", "trim", "trust", "try", "tune",
    "turn", "unblock", "unify", "unlock", "unpin", "update", "upgrade", "upload", "use", "validate",
    "verify", "version", "wait", "want", "warm", "watch", "work", "wrap", "centralise",
    "centralize", "containerise", "containerize", "deduplicate", "dedupe", "standardise",
    "standardize", "alarm", "emulate", "reconcile", "rollback", "seed", "snooze", "drop",
    "hand-roll", "vendor", "overload", "delegate", "pair", "remain", "seem", "deserve", "like",
    "discuss", "journal", "mitigate", "simulate", "tolerate", "survive", "absorb", "overflow",
    "saturate", "spike", "drift", "diverge", "overlap", "expect", "mention", "agree", "realise",
    "realize", "bake", "wire", "hook", "chain", "nest", "buffer", "spill", "dispatch", "bridge",
    "tunnel", "cordon", "taint", "evacuate", "decommission", "commission", "reassign", "respawn",
    "crawl", "climb", "flap", "stall", "creep", "flake",
    "cover", "disagree", "differ", "conflict", "affect", "impact", "involve", "belong", "consist",
    "compete", "coordinate", "benefit", "suffer", "outlive", "outlast", "wonder", "ramp", "shift",
    "mount", "unmount", "attach", "detach", "mutate", "lease", "vacuum", "fan", "onboard",
    "offboard", "reproduce", "debug", "diagnose", "investigate", "triage", "grant", "revoke",
    "evaluate", "warn", "forward", "occur", "guess", "renew", "hardcode", "load-test", "ack",
    "acknowledge", "rehearse", "exercise", "drill", "expose", "leave", "encrypt", "rotate",
    "shard", "poll", "throw", "promise", "skip", "inspect", "reinvent", "copy", "bump",
    "believe", "assume", "hope", "cause", "treat", "bother", "answer", "act", "behave",
    "reply", "suggest", "recommend", "insist", "claim", "admit", "blame", "deny", "complain",
    "plan", "wish", "prefer", "ignore", "accept", "finish", "learn", "listen", "mention",
    "answer", "enjoy", "hate", "love", "repeat", "remember", "forget", "appear", "disappear",
    "continue", "happen", "decide", "fill", "empty", "lock", "unlock", "exceed", "reach",
    "justify", "defend", "explain", "approve", "ship", "knowing", "know", "email", "hash", "proxy",
    "authenticate", "authorise", "authorize", "encrypt", "decrypt", "compress", "archive",
    "override", "overwrite", "bypass", "deploy", "hotfix", "backport", "cherry-pick", "squash",
    "tag", "branch", "fork", "clone", "mirror", "vendor", "pin", "unpin", "hardcode", "inline",
    "wrap", "unwrap", "refactor", "rename", "retire", "sunset", "deprecate", "disable", "enable",
    "toggle", "flag", "gate", "canary", "stage", "promote", "demote", "rollout", "roll",
    "ssh", "curl", "grep", "tail", "restart", "reboot", "redeploy", "rebuild", "reinstall",
    "download", "transcode", "reindex", "resync", "reprocess", "backfill", "nuke", "train", "resume",
    "reconnect", "paginate", "charge",
    "thank", "prove", "clog", "babysit", "tick", "slap",
];

/// Irregular verbs: base, past, past participle.
const IRREGULAR_VERBS: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("have", "had", "had"),
    ("do", "did", "done"),
    ("go", "went", "gone"),
    ("make", "made", "made"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("get", "got", "got"),
    ("run", "ran", "run"),
    ("rerun", "reran", "rerun"),
    ("set", "set", "set"),
    ("reset", "reset", "reset"),
    ("put", "put", "put"),
    ("split", "split", "split"),
    ("shut", "shut", "shut"),
    ("cut", "cut", "cut"),
    ("hit", "hit", "hit"),
    ("let", "let", "let"),
    ("cost", "cost", "cost"),
    ("quit", "quit", "quit"),
    ("spread", "spread", "spread"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("send", "sent", "sent"),
    ("resend", "resent", "resent"),
    ("spend", "spent", "spent"),
    ("lend", "lent", "lent"),
    ("keep", "kept", "kept"),
    ("sleep", "slept", "slept"),
    ("leave", "left", "left"),
    ("lose", "lost", "lost"),
    ("catch", "caught", "caught"),
    ("teach", "taught", "taught"),
    ("think", "thought", "thought"),
    ("bring", "brought", "brought"),
    ("buy", "bought", "bought"),
    ("seek", "sought", "sought"),
    ("fight", "fought", "fought"),
    ("choose", "chose", "chosen"),
    ("write", "wrote", "written"),
    ("rewrite", "rewrote", "rewritten"),
    ("overwrite", "overwrote", "overwritten"),
    ("override", "overrode", "overridden"),
    ("drive", "drove", "driven"),
    ("break", "broke", "broken"),
    ("speak", "spoke", "spoken"),
    ("wake", "woke", "woken"),
    ("freeze", "froze", "frozen"),
    ("forget", "forgot", "forgotten"),
    ("begin", "began", "begun"),
    ("grow", "grew", "grown"),
    ("outgrow", "outgrew", "outgrown"),
    ("know", "knew", "known"),
    ("throw", "threw", "thrown"),
    ("blow", "blew", "blown"),
    ("draw", "drew", "drawn"),
    ("show", "showed", "shown"),
    ("fly", "flew", "flown"),
    ("see", "saw", "seen"),
    ("oversee", "oversaw", "overseen"),
    ("come", "came", "come"),
    ("become", "became", "become"),
    ("overcome", "overcame", "overcome"),
    ("find", "found", "found"),
    ("bind", "bound", "bound"),
    ("hold", "held", "held"),
    ("stand", "stood", "stood"),
    ("understand", "understood", "understood"),
    ("withstand", "withstood", "withstood"),
    ("sell", "sold", "sold"),
    ("tell", "told", "told"),
    ("read", "read", "read"),
    ("lead", "led", "led"),
    ("feed", "fed", "fed"),
    ("meet", "met", "met"),
    ("feel", "felt", "felt"),
    ("deal", "dealt", "dealt"),
    ("mean", "meant", "meant"),
    ("hear", "heard", "heard"),
    ("say", "said", "said"),
    ("pay", "paid", "paid"),
    ("lay", "laid", "laid"),
    ("fall", "fell", "fallen"),
    ("hide", "hid", "hidden"),
    ("forbid", "forbade", "forbidden"),
    ("undo", "undid", "undone"),
    ("redo", "redid", "redone"),
    ("withdraw", "withdrew", "withdrawn"),
    ("arise", "arose", "arisen"),
    ("rise", "rose", "risen"),
    ("strike", "struck", "struck"),
    ("stick", "stuck", "stuck"),
    ("sit", "sat", "sat"),
    ("spin", "spun", "spun"),
    ("swing", "swung", "swung"),
    ("hang", "hung", "hung"),
    ("dig", "dug", "dug"),
    ("win", "won", "won"),
    ("shoot", "shot", "shot"),
    ("slide", "slid", "slid"),
    ("fit", "fit", "fit"),
    ("wear", "wore", "worn"),
    ("tear", "tore", "torn"),
    ("bear", "bore", "borne"),
    ("shrink", "shrank", "shrunk"),
    ("sink", "sank", "sunk"),
    ("ring", "rang", "rung"),
    ("upset", "upset", "upset"),
    ("offset", "offset", "offset"),
    ("input", "input", "input"),
    ("output", "output", "output"),
    ("misread", "misread", "misread"),
    ("mislead", "misled", "misled"),
    ("rethink", "rethought", "rethought"),
];

/// Verbs of several syllables that double their last consonant ("committing").
static DOUBLING_VERBS: WordSet = word_set![
    "commit", "submit", "permit", "admit", "omit", "refer", "prefer", "occur", "control", "patrol",
    "rebut", "forget", "begin", "upset", "reset", "rerun", "offset", "unzip", "unpin", "unwrap",
    "regret", "recur", "equip", "compel", "expel", "propel", "transfer", "defer", "quit", "input",
    "output",
];

/// Which form of a verb a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    ThirdPerson,
    Past,
    Participle,
    Gerund,
}

struct VerbIndex {
    /// Every form → (its base, which form it is). A word can be several forms
    /// at once ("set" is base, past and participle).
    forms: HashMap<String, Vec<(String, Form)>, FastHash>,
    participles: HashMap<String, String, FastHash>,
}

fn index() -> &'static VerbIndex {
    static INDEX: OnceLock<VerbIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = VerbIndex {
            forms: HashMap::default(),
            participles: HashMap::default(),
        };
        let mut add = |base: &str, form: String, kind: Form| {
            let entry = index.forms.entry(form).or_default();
            if !entry.iter().any(|(b, k)| b == base && *k == kind) {
                entry.push((base.to_owned(), kind));
            }
        };
        for &(base, past, participle) in IRREGULAR_VERBS {
            add(base, base.to_owned(), Form::Base);
            add(base, third_person(base), Form::ThirdPerson);
            add(base, past.to_owned(), Form::Past);
            add(base, participle.to_owned(), Form::Participle);
            add(base, gerund(base), Form::Gerund);
        }
        for &base in REGULAR_VERBS {
            add(base, base.to_owned(), Form::Base);
            add(base, third_person(base), Form::ThirdPerson);
            add(base, regular_past(base), Form::Past);
            add(base, regular_past(base), Form::Participle);
            add(base, gerund(base), Form::Gerund);
        }
        for &(base, _, participle) in IRREGULAR_VERBS {
            index
                .participles
                .insert(base.to_owned(), participle.to_owned());
        }
        index
    })
}

/// Every reading of `word` (lower case) as a form of a listed verb.
pub(crate) fn readings(word: &str) -> &'static [(String, Form)] {
    index().forms.get(word).map_or(&[], Vec::as_slice)
}

/// Whether `word` is some form of a listed verb.
pub(crate) fn is_verb_form(word: &str) -> bool {
    index().forms.contains_key(word)
}

/// Whether `word` is this form of a listed verb.
pub(crate) fn is_form(word: &str, wanted: Form) -> bool {
    readings(word).iter().any(|(_, form)| *form == wanted)
}

/// The base of `word` read as any form of a listed verb: "chose" → "choose".
pub(crate) fn base_of(word: &str) -> Option<&'static str> {
    readings(word).first().map(|(base, _)| base.as_str())
}

/// Whether `base` is a listed verb, so its forms can be made with confidence.
pub(crate) fn is_known_base(base: &str) -> bool {
    is_form(base, Form::Base)
}

/// Whether `word` looks like a past participle: listed, or ending in -ed.
pub(crate) fn looks_like_participle(word: &str) -> bool {
    is_form(word, Form::Participle)
        || word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

/// Whether `word` looks like a gerund ("caching"), not a noun like "string".
pub(crate) fn looks_like_gerund(word: &str) -> bool {
    is_form(word, Form::Gerund)
        || word.len() > 5
            && word.ends_with("ing")
            && !matches!(
                word,
                "nothing"
                    | "something"
                    | "anything"
                    | "everything"
                    | "string"
                    | "ceiling"
                    | "morning"
                    | "evening"
                    | "spring"
                    | "thing"
                    | "things"
            )
}

/// "use" → "using", "run" → "running", "tie" → "tying". Hyphenated verbs
/// inflect their last part ("hand-roll" → "hand-rolling").
pub(crate) fn gerund(base: &str) -> String {
    inflect_last_part(base, |word| {
        if word == "be"
            || word == "see"
            || word.ends_with("ee")
            || word.ends_with("ye")
            || word.ends_with("oe")
        {
            format!("{word}ing")
        } else if let Some(stem) = word.strip_suffix("ie") {
            format!("{stem}ying")
        } else if let Some(stem) = word.strip_suffix('e') {
            format!("{stem}ing")
        } else if doubles_final_consonant(word) {
            format!("{word}{}ing", last_char(word))
        } else {
            format!("{word}ing")
        }
    })
}

/// "use" → "used", "catch" → "caught".
pub(crate) fn participle(base: &str) -> String {
    if let Some(participle) = index().participles.get(base) {
        return participle.clone();
    }
    inflect_last_part(base, |word| {
        index()
            .participles
            .get(word)
            .cloned()
            .unwrap_or_else(|| regular_past(word))
    })
}

fn third_person(base: &str) -> String {
    inflect_last_part(base, |word| {
        let ends_like_hiss = ["s", "x", "z", "ch", "sh", "o"]
            .iter()
            .any(|e| word.ends_with(e));
        if ends_like_hiss {
            format!("{word}es")
        } else if ends_in_consonant_y(word) {
            format!("{}ies", &word[..word.len() - 1])
        } else {
            format!("{word}s")
        }
    })
}

fn regular_past(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if ends_in_consonant_y(base) {
        format!("{}ied", &base[..base.len() - 1])
    } else if doubles_final_consonant(base) {
        format!("{base}{}ed", last_char(base))
    } else {
        format!("{base}ed")
    }
}

fn inflect_last_part(base: &str, inflect: impl Fn(&str) -> String) -> String {
    match base.rsplit_once([' ', '-']) {
        Some((head, last)) => {
            let separator = &base[head.len()..head.len() + 1];
            format!("{head}{separator}{}", inflect(last))
        }
        None => inflect(base),
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn last_char(word: &str) -> char {
    word.chars().last().unwrap_or(' ')
}

fn ends_in_consonant_y(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() >= 2 && chars[chars.len() - 1] == 'y' && !is_vowel(chars[chars.len() - 2])
}

/// One-syllable consonant-vowel-consonant verbs double ("stop" → "stopping"),
/// and so do the listed verbs stressed on their last syllable.
fn doubles_final_consonant(word: &str) -> bool {
    if DOUBLING_VERBS.contains(word) {
        return true;
    }
    // "overlap", "rerun", "unpin": a prefix before a doubling verb.
    for prefix in ["over", "under", "re", "un", "out", "mis"] {
        if let Some(stem) = word.strip_prefix(prefix)
            && stem.len() >= 3
            && is_one_syllable_cvc(stem)
        {
            return true;
        }
    }
    // British spelling doubles a final "l" after one vowel: "labelling", "cancelled".
    let chars: Vec<char> = word.chars().collect();
    if chars.len() >= 4
        && chars[chars.len() - 1] == 'l'
        && is_vowel(chars[chars.len() - 2])
        && !is_vowel(chars[chars.len() - 3])
    {
        return true;
    }
    is_one_syllable_cvc(word)
}

/// "stop", "ship", "run": one vowel between consonants at the end.
fn is_one_syllable_cvc(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return false;
    }
    let last = chars[chars.len() - 1];
    let middle = chars[chars.len() - 2];
    let before = chars[chars.len() - 3];
    let vowel_groups = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(chars[i - 1])))
        .count();
    vowel_groups == 1
        && !is_vowel(last)
        && !matches!(last, 'w' | 'x' | 'y')
        && is_vowel(middle)
        && !is_vowel(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_gerunds_with_the_spelling_rules() {
        for (base, expected) in [
            ("use", "using"),
            ("run", "running"),
            ("split", "splitting"),
            ("retry", "retrying"),
            ("commit", "committing"),
            ("open", "opening"),
            ("limit", "limiting"),
            ("free", "freeing"),
            ("be", "being"),
            ("hand-roll", "hand-rolling"),
            ("cache", "caching"),
            ("fix", "fixing"),
            ("overlap", "overlapping"),
            ("label", "labelling"),
            ("fail", "failing"),
            ("install", "installing"),
            ("tie", "tying"),
        ] {
            assert_eq!(gerund(base), expected, "{base}");
        }
    }

    #[test]
    fn irregular_participles_come_from_the_table() {
        assert_eq!(participle("use"), "used");
        assert_eq!(participle("catch"), "caught");
        assert_eq!(participle("retry"), "retried");
        assert_eq!(participle("drop"), "dropped");
        assert_eq!(participle("write"), "written");
        assert_eq!(participle("hand-roll"), "hand-rolled");
    }

    #[test]
    fn any_form_leads_back_to_its_base() {
        assert_eq!(base_of("chose"), Some("choose"));
        assert_eq!(base_of("using"), Some("use"));
        assert_eq!(base_of("running"), Some("run"));
        assert_eq!(base_of("retries"), Some("retry"));
        assert_eq!(base_of("burnt"), None, "not listed: no guess");
        assert!(is_known_base("shard"));
        assert!(!is_known_base("frobnicate"));
    }
}
