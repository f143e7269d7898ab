//! Unit tests: engine rules on a small test lexicon, the loader, and hand-written dev
//! sentences for the built-in gender and race-ethnicity lexicons. (The labelled evaluation
//! set is scored separately, in `eval.rs`.)

use super::*;
use std::path::PathBuf;
use std::sync::OnceLock;

const ENGINE_LEX: &str = r#"
[meta]
category = "gender"
version = 1

[[entry]]
id = "t-guys"
severity = "medium"
terms = ["guys", "you guys"]
usage = "address"
explanation = "x"
exceptions = [{ before = ["five"] }]

[[entry]]
id = "t-manhours"
severity = "medium"
terms = ["man-hour"]
inflect = true

[[entry]]
id = "t-master"
category = "race-ethnicity"
severity = "low"
terms = ["master"]
exceptions = [
  { after = ["'s", "degree", "of science"] },
  { before = ["scrum"] },
  { proper_noun = true },
]

[[entry]]
id = "t-master-slave"
category = "race-ethnicity"
severity = "medium"
terms = ["master/slave", "master-slave"]

[[entry]]
id = "t-slave"
category = "race-ethnicity"
severity = "medium"
terms = ["slave"]

[[entry]]
id = "t-blacklist"
category = "race-ethnicity"
severity = "medium"
terms = ["blacklist"]
inflect = true

[[entry]]
id = "t-gyp"
category = "race-ethnicity"
severity = "high"
terms = ["gyp"]
inflect = true

[[entry]]
id = "t-idiot"
category = "disability"
severity = "medium"
terms = ["idiot"]
inflect = ["idiotic", "idiocy"]

[[entry]]
id = "t-sanity-check"
category = "disability"
severity = "low"
terms = ["sanity check"]

[[entry]]
id = "t-sanity"
category = "disability"
severity = "low"
terms = ["sanity"]

[[entry]]
id = "t-girls"
severity = "low"
terms = ["girls"]
exceptions = [{ possessive = true }]

[[entry]]
id = "t-nuts"
category = "disability"
severity = "low"
terms = ["nuts"]
exceptions = [{ within = ["nuts and bolts"] }]

[[entry]]
id = "t-sum"
category = "class-body"
severity = "low"
terms = ["sum"]

[[entry]]
id = "t-wheelchair"
category = "disability"
severity = "high"
terms = ["wheelchair bound"]

[[entry]]
id = "t-blind-to"
category = "disability"
severity = "medium"
usage = "metaphor"
terms = ["blind to"]
exceptions = [{ after = ["braille"] }]

[[entry]]
id = "t-combo"
category = "disability"
severity = "low"
terms = ["slave to the bus"]

[[entry]]
id = "t-off"
severity = "high"
terms = ["disabled term"]
enabled = false
"#;

fn engine() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::from_test_files(&[("engine.toml", ENGINE_LEX)]).unwrap())
}

fn builtin() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::builtin().expect("built-in lexicons load"))
}

/// (entry id, matched text) for each finding.
fn hits_with(lx: &Lexicon, text: &str, opts: &Options) -> Vec<(String, String)> {
    lx.find(text, opts)
        .into_iter()
        .map(|f| (lx.entries()[f.entry].id.clone(), f.text))
        .collect()
}

fn hits(lx: &Lexicon, text: &str) -> Vec<(String, String)> {
    hits_with(lx, text, &Options::default())
}

fn ids(lx: &Lexicon, text: &str) -> Vec<String> {
    hits(lx, text).into_iter().map(|(id, _)| id).collect()
}

fn pair(id: &str, text: &str) -> (String, String) {
    (id.to_string(), text.to_string())
}

// ---------------------------------------------------------------------------------------
// Tokens, boundaries, variants, offsets

#[test]
fn matches_whole_tokens_only() {
    let lx = engine();
    assert!(hits(lx, "Masterson and remastered mastery").is_empty());
    assert!(hits(lx, "my résumé summary, the sums").is_empty());
    assert_eq!(hits(lx, "the sum is 4"), [pair("t-sum", "sum")]);
    // non-ASCII letters are word characters: no match inside "sumé" or "ésum"
    assert!(hits(lx, "sumé ésum suḿ").is_empty());
}

#[test]
fn hyphen_space_and_one_word_variants() {
    let lx = engine();
    for t in [
        "16 man-hours",
        "16 man hours",
        "16 manhours",
        "16 Man–Hours",
        "one man-hour",
    ] {
        assert_eq!(ids(lx, t), ["t-manhours"], "{t}");
    }
    for t in ["wheelchair-bound", "wheelchair bound", "wheelchairbound"] {
        assert_eq!(ids(lx, t), ["t-wheelchair"], "{t}");
    }
}

#[test]
fn regular_and_explicit_inflections() {
    let lx = engine();
    for t in ["blacklisted", "blacklisting", "blacklists", "Blacklist"] {
        assert_eq!(ids(lx, &format!("they {t} it")), ["t-blacklist"], "{t}");
    }
    assert_eq!(ids(lx, "we got gypped"), ["t-gyp"]);
    assert_eq!(ids(lx, "that's idiotic"), ["t-idiot"]);
    assert_eq!(ids(lx, "pure idiocy"), ["t-idiot"]);
    // explicit forms replace the regular ones: no "idiots" for t-idiot
    assert!(ids(lx, "idiots").is_empty());
}

#[test]
fn char_offsets_with_non_ascii_text() {
    let lx = engine();
    let text = "Café naïve — hey guys, the master’s degree ✓ and the master node";
    let found = lx.find(text, &Options::default());
    assert_eq!(found.len(), 2);
    let chars: Vec<char> = text.chars().collect();
    for f in &found {
        let span: String = chars[f.start..f.end].iter().collect();
        assert_eq!(span, f.text);
    }
    assert_eq!(
        (found[0].start, found[0].end, found[0].text.as_str()),
        (17, 21, "guys")
    );
    assert_eq!(found[1].text, "master");
    assert_eq!(found[1].start, 53);
}

#[test]
fn multi_token_span_is_reported_whole() {
    let lx = engine();
    let f = lx.find("it was blind  to the   risks", &Options::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "blind  to");
    assert_eq!((f[0].start, f[0].end), (7, 16));
}

#[test]
fn overlapping_findings_keep_the_longest() {
    let lx = engine();
    assert_eq!(
        hits(lx, "a master/slave setup"),
        [pair("t-master-slave", "master/slave")]
    );
    assert_eq!(
        hits(lx, "a master-slave setup"),
        [pair("t-master-slave", "master-slave")]
    );
    assert_eq!(
        hits(lx, "run a sanity check"),
        [pair("t-sanity-check", "sanity check")]
    );
    // "slave to the bus" overlaps "master slave", which starts earlier: the longer one wins,
    // and "master" alone, which overlaps only the loser, is kept
    assert_eq!(
        hits(lx, "the master slave to the bus"),
        [
            pair("t-master", "master"),
            pair("t-combo", "slave to the bus")
        ]
    );
    // a longer candidate that does not match does not hide a shorter one
    assert_eq!(hits(lx, "two sanity checks"), [pair("t-sanity", "sanity")]);
    // one finding per span, sorted by start
    let f = engine().find("master node, blacklist, slave", &Options::default());
    let starts: Vec<usize> = f.iter().map(|f| f.start).collect();
    assert_eq!(starts, [0, 13, 24]);
}

#[test]
fn multi_token_matches_do_not_cross_punctuation() {
    let lx = engine();
    assert!(hits(lx, "It was blind. To the point.").is_empty());
    assert!(
        hits(lx, "sanity, check this")
            .iter()
            .all(|(id, _)| id != "t-sanity-check")
    );
    assert_eq!(ids(lx, "16 man–hours"), ["t-manhours"]);
    assert_eq!(ids(lx, "a master/slave bus"), ["t-master-slave"]);
    assert_eq!(
        ids(builtin(), "Man, the only reason is cost."),
        Vec::<String>::new()
    );
}

#[test]
fn suppressed_longer_match_does_not_hide_shorter() {
    // "blind to" is suppressed by its exception; nothing else there
    assert!(hits(engine(), "blind to braille dots").is_empty());
}

// ---------------------------------------------------------------------------------------
// Options

#[test]
fn allow_list_drops_findings_inside_allowed_phrases() {
    let lx = engine();
    let opts = Options {
        allow: vec!["master node".into(), "Sanity".into()],
        ..Options::default()
    };
    assert!(hits_with(lx, "the master node is down", &opts).is_empty());
    assert_eq!(
        hits_with(lx, "merge into master", &opts),
        [pair("t-master", "master")]
    );
    assert!(hits_with(lx, "for my sanity", &opts).is_empty());
}

#[test]
fn min_severity_and_categories() {
    let lx = engine();
    let text = "hey guys, the master node got gypped, nuts";
    assert_eq!(ids(lx, text), ["t-guys", "t-master", "t-gyp", "t-nuts"]);
    let high = Options {
        min_severity: Severity::High,
        ..Options::default()
    };
    assert_eq!(hits_with(lx, text, &high), [pair("t-gyp", "gypped")]);
    let medium = Options {
        min_severity: Severity::Medium,
        ..Options::default()
    };
    assert_eq!(hits_with(lx, text, &medium).len(), 2);
    let race = Options {
        categories: vec![Category::RaceEthnicity],
        ..Options::default()
    };
    assert_eq!(hits_with(lx, text, &race).len(), 2);
    assert!(Severity::Low < Severity::Medium && Severity::Medium < Severity::High);
}

#[test]
fn disabled_entries_never_match() {
    assert!(hits(engine(), "a disabled term").is_empty());
}

// ---------------------------------------------------------------------------------------
// Context rules

#[test]
fn address_terms_only_when_addressing_a_group() {
    let lx = engine();
    for t in [
        "Hey guys, quick update.",
        "hey guys lets do a quick check",
        "Thanks, guys.",
        "thank you guys so much",
        "Guys, let's get started.",
        "Guys!",
        "So guys, what's next?",
        "Okay guys we're live",
        "Morning guys",
        "Let's wrap up, guys.",
        "did you guys see the alert?",
        "Alright, guys, next item.",
        "guys we need to start",
        "so guys what do we think",
        "Good work guys.",
        "Take it away guys!",
        "Sorry about this guys.",
        "That's fab guys, really.",
        // a vocative after a singular noun phrase: "a" cannot determine the plural term
        "don't be such a pain guys, it's fine",
        "Have a good weekend guys.",
        "What a day guys!",
    ] {
        assert_eq!(ids(lx, t), ["t-guys"], "{t}");
    }
    // group reference: "those guys", "all the guys", "the guys" + where they work
    for t in [
        "the guys from infra fixed it",
        "the guys on the platform team shipped it",
        "I asked the guys over in support",
        "the guys at the vendor said no",
        "Those guys are great.",
        "Ask those guys.",
        "all the guys were there",
    ] {
        assert_eq!(ids(lx, t), ["t-guys"], "{t}");
    }
    for t in [
        "Five guys for lunch, hey?",
        "hey, five guys for lunch?",
        "Guys like him are rare.",
        "I spoke to two guys from sales",
        "Guys like him are rare",
        "the guys we hired are great",
        "I'll ask the infra guys.",
        "We hired two guys.",
        "They're really nice guys.",
        "It's for our sales guys, right?",
        // "these guys" mostly points at things on a screen
        "so these guys all have to add up to one",
        "the guys.",
        "a couple guys.",
        "a bunch of guys.",
    ] {
        assert!(ids(lx, t).is_empty(), "{t}");
    }
    // "you guys" is reported as one span
    assert_eq!(
        hits(lx, "see you guys tomorrow"),
        [pair("t-guys", "you guys")]
    );
}

#[test]
fn mentions_are_not_flagged() {
    let lx = engine();
    for t in [
        "we agreed to stop saying guys in standups",
        "the word manpower is dated",
        "the term blacklist comes from somewhere",
        "we renamed the master branch last year",
        "instead of blacklist, say blocklist",
        "people say hey guys all the time",
        "it's called a sanity check",
        "the so-called master node",
        "she wrote \"hey guys\" in the channel",
        "he wrote “blacklist” in the doc",
        "don't write 'blacklist' there",
    ] {
        assert!(ids(lx, t).is_empty(), "{t}: {:?}", hits(lx, t));
    }
    // a saying-verb does not reach across punctuation, nor very far
    assert_eq!(ids(lx, "As I said, the master node is down."), ["t-master"]);
    assert_eq!(ids(lx, "I said we should blacklist them"), ["t-blacklist"]);
    // cues do not reach across sentences
    assert_eq!(ids(lx, "That's the word. Blacklist them."), ["t-blacklist"]);
    // an apostrophe after a word is not a quotation mark
    assert_eq!(ids(lx, "the girls' blacklist"), ["t-girls", "t-blacklist"]);
}

#[test]
fn exceptions_before_after_within() {
    let lx = engine();
    assert!(ids(lx, "I have a master's degree").is_empty());
    assert!(ids(lx, "I have a master’s in statistics").is_empty());
    assert!(ids(lx, "master degree").is_empty());
    assert!(ids(lx, "master of science").is_empty());
    assert_eq!(ids(lx, "master of ceremonies"), ["t-master"]);
    assert!(ids(lx, "our scrum master is out").is_empty());
    assert!(ids(lx, "the nuts and bolts of it").is_empty());
    assert!(ids(lx, "the nuts-and-bolts view").is_empty());
    assert_eq!(ids(lx, "this is nuts"), ["t-nuts"]);
}

#[test]
fn exception_conditions_in_one_table_must_all_hold() {
    let src = r#"
[meta]
category = "gender"
version = 1

[[entry]]
id = "x"
severity = "low"
terms = ["chief"]
exceptions = [{ after = ["of"], before = ["the"] }]
"#;
    let lx = Lexicon::from_test_files(&[("x.toml", src)]).unwrap();
    assert!(ids(&lx, "the chief of staff").is_empty());
    assert_eq!(ids(&lx, "a chief of staff"), ["x"]);
    assert_eq!(ids(&lx, "the chief said"), ["x"]);
}

#[test]
fn possessive_exception() {
    let lx = engine();
    assert!(ids(lx, "my girls are at camp").is_empty());
    assert!(ids(lx, "our two girls").is_empty());
    assert!(ids(lx, "his girls").is_empty());
    assert_eq!(ids(lx, "the girls on the team"), ["t-girls"]);
}

#[test]
fn proper_noun_exception_needs_cased_text() {
    let lx = engine();
    assert!(ids(lx, "we watched the Master on Sunday").is_empty());
    assert!(ids(lx, "we met Master Chen yesterday").is_empty());
    // sentence-initial capital alone is not a proper noun
    assert_eq!(ids(lx, "Master is broken again."), ["t-master"]);
    // ...unless a capitalised name follows (a title): "Master Chen said"
    assert!(ids(lx, "Master Chen said so.").is_empty());
    // all-lowercase or all-caps text carries no case information
    assert_eq!(ids(lx, "we met master chen yesterday"), ["t-master"]);
    assert_eq!(ids(lx, "WE MET MASTER CHEN"), ["t-master"]);
}

// ---------------------------------------------------------------------------------------
// Loader

fn load_err(src: &str) -> String {
    Lexicon::from_test_files(&[("lexicons/bad.toml", src)])
        .expect_err("should fail")
        .to_string()
}

const HEAD: &str = "[meta]\ncategory = \"gender\"\nversion = 1\n\n";

#[test]
fn loader_errors_name_file_line_and_problem() {
    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\ncolour = \"red\"\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:9:"), "{e}");
    assert!(e.contains("unknown field `colour`"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"urgent\"\nterms = [\"x\"]\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:7:"), "{e}");
    assert!(e.contains("urgent"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = []\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:8:"), "{e}");
    assert!(e.contains("`terms` is empty"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\n\n[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"y\"]\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:11:"), "{e}");
    assert!(e.contains("duplicate id `a`"), "{e}");
    assert!(e.contains("first at lexicons/bad.toml:6:"), "{e}");

    let e = load_err("[meta]\ncategory = \"ableism\"\nversion = 1\n");
    assert!(e.starts_with("lexicons/bad.toml:2:"), "{e}");
    assert!(e.contains("ableism"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\ncategory = \"sexism\"\nseverity = \"low\"\nterms = [\"x\"]\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:7:"), "{e}");

    let e = load_err(&format!("{HEAD}[[entry]]\nid = \"a\"\nterms = [\"x\"]\n"));
    assert!(e.contains("missing field `severity`"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"Not_Kebab\"\nseverity = \"low\"\nterms = [\"x\"]\n"
    ));
    assert!(e.starts_with("lexicons/bad.toml:6:"), "{e}");
    assert!(e.contains("kebab-case"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nexceptions = [{{ }}]\n"
    ));
    assert!(e.contains("exception has no condition"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nexceptions = [{{ befor = [\"y\"] }}]\n"
    ));
    assert!(e.contains("unknown field `befor`"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nsuggestions = [{{ txt = \"y\" }}]\n"
    ));
    assert!(e.contains("unknown field `txt`"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nusage = \"vocative\"\n"
    ));
    assert!(e.contains("vocative"), "{e}");

    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"--\"]\n"
    ));
    assert!(e.contains("has no words"), "{e}");

    let e = load_err("[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\n");
    assert!(e.contains("missing [meta]"), "{e}");

    let e = load_err("[meta]\ncategory = \"gender\"\nversion = 2\n");
    assert!(e.starts_with("lexicons/bad.toml:3:"), "{e}");

    let e = load_err("[meta]\ncategory = \"gender\"\nversion = 1\n[[entry]\n");
    assert!(e.starts_with("lexicons/bad.toml:4:"), "{e}");
}

#[test]
fn suggestions_accept_strings_and_tables() {
    let src = format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nsuggestions = [\"plain\", {{ text = \"main\", sense = \"branch\" }}]\n"
    );
    let lx = Lexicon::from_test_files(&[("s.toml", &src)]).unwrap();
    assert_eq!(
        lx.entries()[0].suggestions,
        [
            Suggestion {
                text: "plain".into(),
                sense: None
            },
            Suggestion {
                text: "main".into(),
                sense: Some("branch".into())
            }
        ]
    );
}

/// A fresh empty directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("turnstat-inclusive-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn user_dirs_merge_by_id() {
    let dir = temp_dir("merge");
    std::fs::write(
        dir.join("10-override.toml"),
        r#"
[[entry]]
id = "address-guys"
enabled = false

[[entry]]
id = "manpower"
severity = "high"
exceptions = [{ after = ["planning"] }]

[[entry]]
id = "team-rockstar"
category = "class-body"
severity = "low"
terms = ["rockstar"]
inflect = true
suggestions = ["expert"]
explanation = "House style."
"#,
    )
    .unwrap();
    std::fs::write(dir.join("README.txt"), "not a lexicon").unwrap();
    let lx = Lexicon::with_dirs(std::slice::from_ref(&dir)).unwrap();
    let base = builtin();
    assert_eq!(lx.entries().len(), base.entries().len() + 1);
    assert!(ids(base, "hey guys").contains(&"address-guys".to_string()));
    assert!(!ids(&lx, "hey guys").contains(&"address-guys".to_string()));
    let mp = lx.entries().iter().find(|e| e.id == "manpower").unwrap();
    assert_eq!(mp.severity, Severity::High);
    assert_eq!(mp.exceptions.len(), 2, "exceptions are appended");
    assert!(ids(&lx, "manpower planning").is_empty());
    assert_eq!(ids(&lx, "more manpower"), ["manpower"]);
    assert_eq!(ids(&lx, "our rockstars"), ["team-rockstar"]);

    // a new id without terms is an error naming the file
    std::fs::write(
        dir.join("20-bad.toml"),
        "[[entry]]\nid = \"brand-new\"\nseverity = \"low\"\ncategory = \"age\"\n",
    )
    .unwrap();
    let e = Lexicon::with_dirs(std::slice::from_ref(&dir))
        .unwrap_err()
        .to_string();
    assert!(e.contains("20-bad.toml:1:1"), "{e}");
    assert!(e.contains("missing field `terms`"), "{e}");
    let e = Lexicon::with_dirs(&[dir.join("nope")])
        .unwrap_err()
        .to_string();
    assert!(e.contains("nope"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lexicon_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Lexicon>();
}

// ---------------------------------------------------------------------------------------
// Built-in lexicons: shape

#[test]
fn builtin_entries_are_complete() {
    let lx = builtin();
    let mut problems = Vec::new();
    for e in lx.entries() {
        if e.explanation.trim().is_empty() {
            problems.push(format!("{}: no explanation", e.id));
        }
        if e.sources.is_empty() || e.sources.iter().any(|s| !s.starts_with("https://")) {
            problems.push(format!("{}: sources missing or not https URLs", e.id));
        }
        if e.suggestions.is_empty() {
            problems.push(format!("{}: no suggestions", e.id));
        }
        if lx
            .forms_of(lx.entries().iter().position(|x| x.id == e.id).unwrap())
            .is_empty()
        {
            problems.push(format!("{}: no surface forms", e.id));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    for c in Category::ALL {
        let n = lx.entries().iter().filter(|e| e.category == c).count();
        println!("{c}: {n} entries");
    }
    let g = lx
        .entries()
        .iter()
        .filter(|e| e.category == Category::Gender)
        .count();
    let r = lx
        .entries()
        .iter()
        .filter(|e| e.category == Category::RaceEthnicity)
        .count();
    assert!(g >= 60 && r >= 50, "gender {g}, race-ethnicity {r}");
}

#[test]
#[ignore = "prints every surface form; run to review the lexicons"]
fn print_surface_forms() {
    let lx = builtin();
    for (i, e) in lx.entries().iter().enumerate() {
        println!("{} [{}]: {}", e.id, e.category, lx.forms_of(i).join(" | "));
    }
}

// ---------------------------------------------------------------------------------------
// Built-in lexicons: engine-wide rules on real entries

#[test]
fn identity_words_kinship_and_honorifics_are_never_flagged() {
    let lx = builtin();
    for t in [
        "Our Jewish colleagues are off for Yom Kippur.",
        "She is Black and leads the platform team.",
        "He's gay and she's a lesbian, they both run the ERG.",
        "Our Muslim and Hindu employees asked for prayer rooms.",
        "The Asian and African offices merged with the Latino team.",
        "Two deaf engineers and a blind tester joined.",
        "She is disabled and uses a wheelchair.",
        "My wife and my mom met my son and his daughter.",
        "Mrs. Chen and Mr. Okafor will present; he said she'd join.",
        "Ask him for her badge number.",
        "He is a man and she is a woman, and they are both trans.",
        "Our Native American and Indigenous colleagues.",
    ] {
        assert!(hits(lx, t).is_empty(), "{t}: {:?}", hits(lx, t));
    }
}

// ---------------------------------------------------------------------------------------
// Built-in lexicons: dev sentences (hand-written, independent of the evaluation set)

/// Sentences and the entry ids expected in them, in order.
const GENDER_POSITIVE: &[(&str, &[&str])] = &[
    ("Hey guys, let's get started.", &["address-guys"]),
    ("Thanks you guys, see you Thursday.", &["address-guys"]),
    ("Morning ladies!", &["address-ladies"]),
    (
        "Good afternoon, ladies and gentlemen.",
        &["ladies-and-gentlemen"],
    ),
    ("Alright fellas, one more item.", &["address-fellas"]),
    ("We need more manpower on the migration.", &["manpower"]),
    ("That's about 40 man-hours of work.", &["man-hours"]),
    ("It took three man days.", &["man-hours"]),
    ("The biggest leap for mankind.", &["mankind"]),
    ("Is this a man-made lake?", &["man-made"]),
    ("Can someone man the booth on Friday?", &["man-verb"]),
    ("Who's manning the support desk?", &["man-verb"]),
    ("The booth will be unmanned over lunch.", &["manned"]),
    ("She was named chairman of the board.", &["chairman"]),
    ("The chairmen met yesterday.", &["chairman"]),
    ("He's the point man for the vendor.", &["point-man"]),
    ("We can cut out the middleman.", &["middleman"]),
    ("Explain it in layman's terms.", &["layman"]),
    ("A policeman came to check the exits.", &["policeman"]),
    (
        "Two firemen and a cameraman were on site.",
        &["fireman", "cameraman"],
    ),
    ("Ask the foreman about the schedule.", &["foreman"]),
    ("Our spokesman will handle the press.", &["spokesman"]),
    ("The stewardess brought water.", &["stewardess"]),
    ("He needs to man up and ship it.", &["man-up"]),
    ("Stop throwing like a girl.", &["like-a-girl"]),
    ("She got hysterical in the meeting.", &["hysterical"]),
    ("She's a bit bossy in reviews.", &["bossy"]),
    ("Don't be such a drama queen.", &["drama-queen"]),
    ("That's an old wives' tale.", &["old-wives-tale"]),
    (
        "Each engineer should update his or her ticket.",
        &["he-or-she"],
    ),
    ("The user enters his/her password.", &["he-or-she"]),
    ("Is that the best man for the job?", &["man-for-the-job"]),
    ("It's a man-in-the-middle attack.", &["man-in-the-middle"]),
    ("Their workmanship is solid.", &["workmanlike"]),
    ("The salesmen will call.", &["salesman"]),
    ("The congressman's office replied.", &["congressman"]),
    ("Grow a pair and tell them.", &["grow-a-pair"]),
    ("The guys from infra fixed it.", &["address-guys"]),
    (
        "Ask the ladies in finance for the numbers.",
        &["address-ladies"],
    ),
    (
        "Every reviewer should sign off on his own queue.",
        &["generic-masculine-pronoun"],
    ),
    (
        "If a nurse is late, she has to call ahead.",
        &["generic-feminine-pronoun"],
    ),
];

const GENDER_NEGATIVE: &[&str] = &[
    "Five Guys for lunch?",
    "The guys we hired start Monday.",
    "Dana said she'd review it and Sam said he'd merge it.",
    "My manager said his flight was cancelled.",
    "The girls on my daughter's team won the final.",
    "Guy from legal will join later.",
    "That guy is brilliant.",
    "I have a meeting with a man from the bank.",
    "The man the team hired starts Monday.",
    "My wife is a police officer.",
    "Chairman Powell spoke today.",
    "We met Congressman Lewis at the hearing.",
    "Workers' comp and workmen's compensation are the same.",
    "Peyton Manning retired.",
    "George Foreman grills.",
    "The image looks like a girl holding a kite.",
    "ManpowerGroup is a staffing company.",
    "I reread The Mythical Man-Month.",
    "our scrum master is out today",
    "He is a man of few words.",
    "We hired a woman and a man.",
    "The girls' soccer team won.",
    "My girls are at camp this week.",
];

const RACE_POSITIVE: &[(&str, &[&str])] = &[
    (
        "Let's blacklist that IP and whitelist the office range.",
        &["blacklist", "whitelist"],
    ),
    ("The address got black-listed.", &["blacklist"]),
    ("Is it on the white list?", &["whitelist"]),
    ("Can you rebase onto the master branch?", &["master"]),
    ("Merge it into master after standup.", &["master"]),
    ("Just push to master.", &["master"]),
    ("Our master and two replicas are in one zone.", &["master"]),
    ("The master node went down.", &["master"]),
    ("It's a master/slave replication setup.", &["master-slave"]),
    ("The slave lags by ten seconds.", &["slave"]),
    (
        "Existing customers are grandfathered in.",
        &["grandfathered"],
    ),
    ("We'll grandfather them in.", &["grandfathered"]),
    ("Coffee is my spirit animal.", &["spirit-animal"]),
    ("Let's have a quick powwow after lunch.", &["powwow"]),
    (
        "That's tribal knowledge nobody wrote down.",
        &["tribal-knowledge"],
    ),
    ("Find your tribe at the offsite.", &["tribe"]),
    ("She's our Kubernetes guru.", &["guru"]),
    ("We're hiring a JavaScript ninja.", &["ninja"]),
    ("He'll be our sherpa through the audit.", &["sherpa"]),
    (
        "The vendor went off the reservation.",
        &["off-the-reservation"],
    ),
    ("I'm low man on the totem pole here.", &["totem-pole"]),
    ("Time to circle the wagons.", &["circle-the-wagons"]),
    ("We got gypped on that contract.", &["gyp"]),
    ("Comments from the peanut gallery?", &["peanut-gallery"]),
    ("They sold us down the river.", &["sold-down-the-river"]),
    ("Eeny meeny, pick a ticket.", &["eenie-meenie"]),
    ("Long time no see!", &["long-time-no-see"]),
    ("No can do, sorry.", &["no-can-do"]),
    ("Thanks, chief.", &["address-chief"]),
    ("Too many chiefs on this project.", &["too-many-chiefs"]),
    ("That's a bit ghetto, but it works.", &["ghetto"]),
    ("It's a ghetto-rigged fix.", &["ghetto"]),
    (
        "It was like a game of Chinese whispers.",
        &["chinese-whispers"],
    ),
    (
        "A bit of Dutch courage before the demo.",
        &["dutch-courage"],
    ),
    ("He welshed on the deal.", &["welsh-on"]),
    ("They blackballed the proposal.", &["blackball"]),
    ("The migration was a cakewalk.", &["cakewalk"]),
    (
        "Time to open the kimono on our numbers.",
        &["open-the-kimono"],
    ),
    ("He's the black sheep of the team.", &["black-sheep"]),
    ("She looks so exotic.", &["exotic-people"]),
    ("We hired a whitehat to test it.", &["blackhat-whitehat"]),
    ("Stop slaving away on the weekend.", &["slaving-away"]),
    ("He's a total slave driver.", &["slave-driver"]),
    ("Don't be so uppity.", &["uppity"]),
];

const RACE_NEGATIVE: &[&str] = &[
    // brown-bag ships disabled (folk etymology; not on the major lists)
    "Let's do a brown bag on Rust.",
    "She dances at the powwow on the reservation every summer.",
    "I got a master's degree in statistics.",
    "She has a masters in CS.",
    "He's a Master of Science.",
    "We watched the Masters on Sunday.",
    "Call a master electrician.",
    "That's the master plan.",
    "A master class on negotiation.",
    "Ask the scrum master.",
    "She's a master at negotiating.",
    "It takes a while to master the tool.",
    "When I did my masters I took two courses.",
    "He's the master, yeah.",
    "They are hard to master.",
    "The black box recorder was found.",
    "Strip the whitespace first.",
    "He is a chess grandmaster.",
    "The history of slavery and the slave trade.",
    "Native American tribes and tribal councils.",
    "Build it with ninja and cmake.",
    "Sherpa climbers reached the summit.",
    "The Warsaw Ghetto uprising.",
    "An Oriental rug in the lobby.",
    "Black engineers and white allies.",
    "We use an allowlist and a denylist.",
    "The chief of staff will attend.",
    "Our Chief Technology Officer joined.",
    "npm install node-gyp",
    "The node gyp build failed.",
    "The Masterson account.",
    "The Third World War is a novel.",
    "Masterful work, remastered audio.",
];

fn check_positive(cases: &[(&str, &[&str])]) {
    let lx = builtin();
    let mut fails = Vec::new();
    for (text, want) in cases {
        let got = ids(lx, text);
        if got != *want {
            fails.push(format!("{text:?}: want {want:?}, got {:?}", hits(lx, text)));
        }
    }
    assert!(fails.is_empty(), "{fails:#?}");
}

/// No finding from `files` (gender, race-ethnicity) in the negatives; other categories may
/// have their own opinions, which their own tests check.
fn check_negative(cases: &[&str], cats: &[Category]) {
    let lx = builtin();
    let opts = Options {
        categories: cats.to_vec(),
        ..Options::default()
    };
    let mut fails = Vec::new();
    for text in cases {
        let got = hits_with(lx, text, &opts);
        if !got.is_empty() {
            fails.push(format!("{text:?}: {got:?}"));
        }
    }
    assert!(fails.is_empty(), "{fails:#?}");
}

#[test]
fn gender_dev_sentences() {
    check_positive(GENDER_POSITIVE);
    check_negative(
        GENDER_NEGATIVE,
        &[Category::Gender, Category::RaceEthnicity],
    );
}

#[test]
fn race_ethnicity_dev_sentences() {
    check_positive(RACE_POSITIVE);
    check_negative(RACE_NEGATIVE, &[Category::Gender, Category::RaceEthnicity]);
}

#[test]
fn scrum_master_is_allowed_by_default_and_can_be_enabled() {
    let lx = builtin();
    assert!(ids(lx, "Ask the scrum master.").is_empty());
    let dir = temp_dir("scrum");
    std::fs::write(
        dir.join("team.toml"),
        "[[entry]]\nid = \"scrum-master\"\nenabled = true\n",
    )
    .unwrap();
    let lx = Lexicon::with_dirs(std::slice::from_ref(&dir)).unwrap();
    assert_eq!(
        hits(&lx, "Ask the scrum master."),
        [pair("scrum-master", "scrum master")]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---------------------------------------------------------------------------------------
// Throughput (run with: cargo test --release --lib inclusive::tests::bench -- --ignored
// --nocapture --test-threads=1)

/// CPU time of this thread in seconds (falls back to wall time), so that a busy machine does
/// not halve the figure.
fn cpu_seconds<T>(f: impl FnOnce() -> T) -> (T, f64) {
    fn thread_ns() -> Option<u64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        s.split_whitespace().next()?.parse().ok()
    }
    let wall = std::time::Instant::now();
    let before = thread_ns();
    let out = f();
    let secs = match (before, thread_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall.elapsed().as_secs_f64(),
    };
    (out, secs)
}

#[test]
#[ignore = "benchmark"]
fn bench_find_throughput() {
    let lx = builtin();
    let para = "So I think we should look at the rollout plan again, because the numbers from \
                last week were a bit off and nobody had time to check the dashboards. Café \
                naïve résumé. Hey guys, can someone take the master branch and rebase it? \
                The team is small and we don't have the manpower for a full migration this \
                quarter, so let's keep the scope tight and talk about it on Thursday.\n";
    let text: String = para.repeat(40_000);
    let mb = text.len() as f64 / 1e6;
    let opts = Options::default();
    // per-utterance calls, as the analysis does, and one big call
    let utterances: Vec<&str> = text.lines().collect();
    for round in 0..3 {
        let (n, per_utt) = cpu_seconds(|| {
            utterances
                .iter()
                .map(|u| lx.find(u, &opts).len())
                .sum::<usize>()
        });
        let (m, whole) = cpu_seconds(|| lx.find(&text, &opts).len());
        let (norm, tok) = cpu_seconds(|| super::text::Normalized::new(&text));
        let (raw, scan) = cpu_seconds(|| lx.matcher.raw_match_count(&norm.norm));
        // calibration: a trivial pass over the same bytes, and a lowercase copy
        let (_, lower) = cpu_seconds(|| std::hint::black_box(text.to_lowercase()).len());
        println!("calibration: str::to_lowercase {:.0} MB/s", mb / lower);
        println!(
            "round {round}, {mb:.1} MB, CPU time: per-utterance {:.0} MB/s ({n} findings), one call \
             {:.0} MB/s ({m}); tokenise {:.0} MB/s, automaton ({:?}) {:.0} MB/s ({raw} raw)",
            mb / per_utt,
            mb / whole,
            mb / tok,
            lx.matcher.kind(),
            mb / scan,
        );
        assert_eq!(n, m);
    }
}

#[test]
#[ignore = "benchmark"]
fn bench_find_on_real_meetings() {
    let lx = builtin();
    let mut cues = Vec::new();
    for dir in super::eval::corpus_dirs() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "vtt")
                && let Ok(src) = std::fs::read_to_string(e.path())
            {
                cues.extend(super::eval::cue_texts(&src));
            }
        }
    }
    if cues.is_empty() {
        println!("skipped: no corpus");
        return;
    }
    let mb = cues.iter().map(|c| c.len()).sum::<usize>() as f64 / 1e6;
    let opts = Options::default();
    for round in 0..3 {
        let (n, secs) = cpu_seconds(|| cues.iter().map(|c| lx.find(c, &opts).len()).sum::<usize>());
        let (norms, tok) = cpu_seconds(|| {
            cues.iter()
                .map(|c| super::text::Normalized::new(c))
                .collect::<Vec<_>>()
        });
        let (raw, scan) = cpu_seconds(|| {
            norms
                .iter()
                .map(|n| lx.matcher.raw_match_count(&n.norm))
                .sum::<usize>()
        });
        let (_, fixed) = cpu_seconds(|| {
            (0..cues.len())
                .map(|_| lx.matcher.raw_match_count(std::hint::black_box(" ok ")))
                .sum::<usize>()
        });
        println!(
            "fixed automaton cost per call: {:.0} ns; automaton {:?} (patterns, bytes)",
            fixed * 1e9 / cues.len() as f64,
            lx.matcher.size()
        );
        println!(
            "round {round}: {} cues, {mb:.1} MB, {n} findings: {:.0} MB/s (CPU time); \
             tokenise {:.0} MB/s, automaton {:.0} MB/s ({raw} raw)",
            cues.len(),
            mb / secs,
            mb / tok,
            mb / scan
        );
    }
}

// ---------------------------------------------------------------------------------------
// Generic pronouns, context exceptions, titles, metalinguistic verbs

/// The ids of the generic-pronoun findings only.
fn generic_ids(text: &str) -> Vec<String> {
    ids(builtin(), text)
        .into_iter()
        .filter(|id| id.starts_with("generic-"))
        .collect()
}

#[test]
fn generic_pronouns_after_a_generic_antecedent() {
    const M: &str = "generic-masculine-pronoun";
    const F: &str = "generic-feminine-pronoun";
    for (t, want) in [
        ("every developer should keep his keys in the vault", vec![M]),
        ("each tester files his own bugs", vec![M]),
        ("any admin can reset his password", vec![M]),
        ("no engineer wants his pager going off at night", vec![M]),
        ("if a customer cancels, he gets a refund", vec![M]),
        (
            "when an applicant withdraws, we thank him and close the req",
            vec![M],
        ),
        (
            "once the caller is verified he can change the address",
            vec![M],
        ),
        ("a maintainer should tag his releases", vec![M]),
        ("a reviewer needs to approve it before he merges", vec![M]),
        ("if the reviewer is busy, he hands it on", vec![M]),
        ("the user can override it if he wants to", vec![M]),
        ("everyone should bring his laptop tomorrow", vec![M]),
        ("if anybody asks, tell him it's tuesday", vec![M]),
        ("whoever breaks the build buys his team coffee", vec![M]),
        ("if someone leaves, he hands over his tickets", vec![M, M]),
        ("each of the engineers updates his own branch", vec![M]),
        ("every new hire gets his badge on day one", vec![M]),
        (
            "if a patient misses a dose, she should call the nurse line",
            vec![F],
        ),
        ("every teacher grades her own class", vec![F]),
        ("Each user picks his or her plan.", vec!["he-or-she"]),
    ] {
        let got = if want == ["he-or-she"] {
            ids(builtin(), t)
        } else {
            generic_ids(t)
        };
        assert_eq!(got, want, "{t}: {:?}", hits(builtin(), t));
    }
}

#[test]
fn generic_pronouns_not_about_a_specific_person() {
    for t in [
        // names and specific people
        "Tom said he would review it.",
        "tom said he would review it",
        "My manager said his flight was late.",
        "our CEO told us he is leaving",
        "If a user emails Priya, she answers within a day.",
        "if a customer calls my manager, he will sort it out",
        "every engineer met the CEO when he visited",
        "his daughter started at uni so he's been out",
        // a specific event with an article: the speaker may know who it was
        "a customer called yesterday and he was upset",
        "the user said he can't log in",
        "when the candidate came in he was nervous",
        "someone from sales called, he wants a demo",
        // an object pronoun in the antecedent's own clause is someone else
        "everybody hated him for a while",
        "every manager should ask her about the budget",
        // no antecedent at all
        "she is the best engineer we have",
        "he came out at the all hands last year",
        "there's a guy from legal joining at two, he'll cover it",
        // no pronoun reaches back across a sentence
        "Every user gets an email. He is our best customer.",
        // a subject pronoun after a verb of saying or thinking is someone else
        "everyone knows he's the best reviewer we have",
        "nobody thinks she did anything wrong",
        // the speaker's own people
        "each of my kids has his own room",
        // "the" + role noun + modal, no hypothetical: may be someone specific
        "the developer on the vendor side should send his invoice",
    ] {
        assert!(generic_ids(t).is_empty(), "{t}: {:?}", hits(builtin(), t));
    }
}

const CONTEXT_LEX: &str = r#"
[meta]
category = "age"
version = 1

[[entry]]
id = "c-near"
severity = "low"
terms = ["powwow"]
exceptions = [{ near = ["dances", "first nations"] }]

[[entry]]
id = "c-not-near"
category = "lgbtq"
severity = "low"
terms = ["lifestyle choice"]
exceptions = [{ not_near = ["gay", "trans"] }]

[[entry]]
id = "c-impersonal"
severity = "low"
terms = ["dinosaur"]
exceptions = [{ impersonal = true }]
"#;

fn context_lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::from_test_files(&[("context.toml", CONTEXT_LEX)]).unwrap())
}

#[test]
fn near_not_near_and_impersonal_exceptions() {
    let lx = context_lex();
    // near: a context word within the window, in the same sentence, suppresses
    assert!(ids(lx, "my cousin dances at the powwow every summer").is_empty());
    assert!(ids(lx, "the powwow of the First Nations council").is_empty());
    assert_eq!(ids(lx, "let's have a quick powwow after lunch"), ["c-near"]);
    assert_eq!(ids(lx, "She dances. Let's have a powwow."), ["c-near"]);
    assert_eq!(
        ids(
            lx,
            "she dances every week and then one two three four five six seven eight nine powwow"
        ),
        ["c-near"],
        "beyond the window"
    );
    // not_near: suppressed unless the context is there
    assert!(ids(lx, "going vegan is a lifestyle choice").is_empty());
    assert_eq!(
        ids(lx, "he's gay, which is a lifestyle choice"),
        ["c-not-near"]
    );
    // impersonal: only about a person
    assert!(ids(lx, "that mainframe is a dinosaur").is_empty());
    assert!(ids(lx, "It's more like a dinosaur.").is_empty());
    assert!(ids(lx, "I'm such a dinosaur with phones").is_empty());
    assert!(ids(lx, "you know, the server is a dinosaur").is_empty());
    assert_eq!(ids(lx, "he's a total dinosaur"), ["c-impersonal"]);
    assert_eq!(ids(lx, "you're such a dinosaur"), ["c-impersonal"]);
    assert_eq!(ids(lx, "Bob's a dinosaur about email."), ["c-impersonal"]);
    assert_eq!(ids(lx, "honestly Priya is a dinosaur"), ["c-impersonal"]);
    // without case information a name is not recognised
    assert!(ids(lx, "honestly priya is a dinosaur").is_empty());
}

#[test]
fn new_exception_conditions_load_and_are_checked() {
    let ok = format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nexceptions = [{{ near = [\"y\"] }}, {{ not_near = [\"z\"] }}, {{ impersonal = true }}]\n"
    );
    let lx = Lexicon::from_test_files(&[("ok.toml", &ok)]).unwrap();
    assert_eq!(lx.entries()[0].exceptions.len(), 3);
    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nexceptions = [{{ near = [\"--\"] }}]\n"
    ));
    assert!(e.contains("has no words"), "{e}");
    let e = load_err(&format!(
        "{HEAD}[[entry]]\nid = \"a\"\nseverity = \"low\"\nterms = [\"x\"]\nexceptions = [{{ impersonal = false }}]\n"
    ));
    assert!(e.contains("exception has no condition"), "{e}");
    let generic = format!(
        "{HEAD}[[entry]]\nid = \"g\"\nseverity = \"low\"\nterms = [\"his\"]\nusage = \"generic\"\n"
    );
    let lx = Lexicon::from_test_files(&[("g.toml", &generic)]).unwrap();
    assert_eq!(lx.entries()[0].usage, Usage::Generic);
    assert_eq!(ids(&lx, "every user sets his password"), ["g"]);
    assert!(ids(&lx, "Sam sets his password").is_empty());
}

#[test]
fn capitalised_titles_are_not_flagged() {
    let lx = builtin();
    for t in [
        "Crazy in Love came on at the party.",
        "We sang Crazy in Love at karaoke.",
        "I reread Lord of the Flies and The Madness of King George.",
    ] {
        let got = ids(lx, t);
        assert!(
            !got.iter().any(|id| id == "disability-crazy"),
            "{t}: {:?}",
            hits(lx, t)
        );
    }
    // an ordinary sentence-initial capital is still a use
    assert_eq!(ids(lx, "Crazy week, huh?"), ["disability-crazy"]);
    assert_eq!(ids(lx, "Crazy how fast that went."), ["disability-crazy"]);
    // lowercase text has no titles
    assert_eq!(ids(lx, "crazy in love with this api"), ["disability-crazy"]);
}

#[test]
fn metalinguistic_verbs_need_talk_about_language() {
    let lx = builtin();
    for t in [
        "the style guide says to avoid crazy as an intensifier",
        "someone flagged sanity check in the runbook so we changed it to confidence check",
        "the linter flags master in the docs",
        "we're trying to phase out blacklist across the codebase",
        "we banned guys as a greeting last year",
        "we agreed to avoid crazy, it's on the inclusive language page",
    ] {
        assert!(ids(lx, t).is_empty(), "{t}: {:?}", hits(lx, t));
    }
    for (t, want) in [
        (
            "let's avoid crazy deadlines this quarter",
            "disability-crazy",
        ),
        (
            "we should flag blacklisted IPs in the dashboard",
            "blacklist",
        ),
        (
            "avoid blind spots in the rollout plan",
            "disability-blind-spot",
        ),
        ("I avoided the master branch as much as possible", "master"),
    ] {
        assert!(
            ids(lx, t).contains(&want.to_string()),
            "{t}: {:?}",
            hits(lx, t)
        );
    }
}

/// Hand-written sentences for the entries added with the context exceptions (not taken from
/// the labelled evaluation set).
const CONTEXT_POSITIVE: &[(&str, &[&str])] = &[
    (
        "Just put dummy values in the form for now.",
        &["disability-dummy"],
    ),
    ("Don't be a dummy, read the error.", &["disability-dummy"]),
    (
        "The new vendor is a basket case.",
        &["disability-basket-case"],
    ),
    (
        "Our test coverage is looking anorexic this sprint.",
        &["disability-eating-disorder-metaphor"],
    ),
    (
        "We need some fresh blood in the guild.",
        &["age-young-blood"],
    ),
    (
        "Don't listen to that geezer from procurement.",
        &["age-old-man-insults"],
    ),
    ("You're such a dinosaur about Slack.", &["age-dinosaur"]),
    (
        "Isn't he a bit long in the tooth to be an intern?",
        &["age-long-in-the-tooth"],
    ),
    (
        "She codes like my grandma, one key at a time.",
        &["age-like-a-grandparent"],
    ),
    (
        "He's trans, which is his lifestyle choice I guess.",
        &["lgbtq-lifestyle-choice-context"],
    ),
    ("Quit being such a pansy about the demo.", &["lgbtq-pansy"]),
    (
        "He's gone totally Amish since he deleted Twitter.",
        &["religion-amish-insult"],
    ),
    ("It's a ghetto setup but it works.", &["ghetto"]),
    (
        "Some bogan in the car park dinged my door.",
        &["class-bogan"],
    ),
    (
        "He's got so fat since the wedding.",
        &["class-body-fat-remark"],
    ),
    (
        "The fat guy from facilities fixed it.",
        &["class-body-fat-person"],
    ),
    (
        "Tell that lard-ass to move his car.",
        &["class-body-fat-insults"],
    ),
    (
        "He has a face for radio, honestly.",
        &["class-body-appearance-insults"],
    ),
    (
        "If a driver gets lost, he calls dispatch.",
        &["generic-masculine-pronoun"],
    ),
];

const CONTEXT_NEGATIVE: &[&str] = &[
    "The young man at the front desk was helpful.",
    "The crash test dummy results are in the appendix.",
    "Add a dummy variable for each region in the regression.",
    "I bought Python for Dummies years ago.",
    "The baby spat out her dummy again.",
    "She was anorexic as a teenager and talks openly about recovery.",
    "The clinic treats anorexic patients.",
    "We need new blood on the board.",
    "He's a proper geezer, salt of the earth.",
    "The kids loved the dinosaur museum.",
    "That server is a dinosaur.",
    "It looks like a dinosaur, actually.",
    "This laptop is getting long in the tooth.",
    "He's like a grandpa to me.",
    "Going vegan was a lifestyle choice for me.",
    "We planted pansies along the fence.",
    "Their furniture comes from Amish country.",
    "The Warsaw ghetto exhibit opens next month.",
    "We drove along the Bogan River.",
    "I fat-fingered the deploy again.",
    "There's a lot of fat in the budget.",
    "The fat client talks to a thin server.",
    "I'm getting fat from all the snacks.",
    "The cat is getting fat.",
    "We use a cuckoo filter for membership checks.",
    "Cuckoo hashing keeps lookups constant time.",
    "The vans have a blind spot on the left side.",
    "Check the mirror, the blind spot is huge on that truck.",
];

#[test]
fn context_entry_dev_sentences() {
    check_positive(CONTEXT_POSITIVE);
    check_negative(CONTEXT_NEGATIVE, &Category::ALL);
}
