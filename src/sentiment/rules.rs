//! The constants of vaderSentiment 3.3.2 (`vaderSentiment.py`, lines 23–79), copied as
//! they are, spelling and order included.
//!
//! The tables are kept in their textual form so they can be read side by side with the
//! Python source; `lexicon.rs` turns them into lookup tables once.

/// Mean rating increase for a booster word (`B_INCR`).
pub(crate) const B_INCR: f64 = 0.293;
/// Mean rating decrease for a dampener word (`B_DECR`).
pub(crate) const B_DECR: f64 = -0.293;
/// Increase for a word in ALL CAPS when the rest of the text is not (`C_INCR`).
pub(crate) const C_INCR: f64 = 0.733;
/// Factor applied to a negated valence (`N_SCALAR`).
pub(crate) const N_SCALAR: f64 = -0.74;

/// Normalisation constant of `normalize()` (`alpha=15`).
pub(crate) const ALPHA: f64 = 15.0;
/// Amplifier per `!`, at most 4 of them counted (`_amplify_ep`).
pub(crate) const EP_AMPLIFIER: f64 = 0.292;
/// Maximum number of `!` counted.
pub(crate) const EP_MAX_COUNT: usize = 4;
/// Amplifier per `?` when there are 2 or 3 of them (`_amplify_qm`).
pub(crate) const QM_AMPLIFIER: f64 = 0.18;
/// Amplifier for 4 or more `?`.
pub(crate) const QM_MAX_AMPLIFIER: f64 = 0.96;

/// `NEGATE`: a token that equals one of these (after lower-casing) negates a following
/// lexicon word. Any token containing `n't` does too (`negated(..., include_nt=True)`).
pub(crate) const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// `BOOSTER_DICT`: booster/dampener words ("degree adverbs"). The multi-word keys
/// (`just enough`, `kind of`, `sort of`) can never equal a single token; they only act
/// through the bigram check at the end of `_special_idioms_check`.
pub(crate) const BOOSTER_DICT: &[(&str, f64)] = &[
    ("absolutely", B_INCR),
    ("amazingly", B_INCR),
    ("awfully", B_INCR),
    ("completely", B_INCR),
    ("considerable", B_INCR),
    ("considerably", B_INCR),
    ("decidedly", B_INCR),
    ("deeply", B_INCR),
    ("effing", B_INCR),
    ("enormous", B_INCR),
    ("enormously", B_INCR),
    ("entirely", B_INCR),
    ("especially", B_INCR),
    ("exceptional", B_INCR),
    ("exceptionally", B_INCR),
    ("extreme", B_INCR),
    ("extremely", B_INCR),
    ("fabulously", B_INCR),
    ("flipping", B_INCR),
    ("flippin", B_INCR),
    ("frackin", B_INCR),
    ("fracking", B_INCR),
    ("fricking", B_INCR),
    ("frickin", B_INCR),
    ("frigging", B_INCR),
    ("friggin", B_INCR),
    ("fully", B_INCR),
    ("fuckin", B_INCR),
    ("fucking", B_INCR),
    ("fuggin", B_INCR),
    ("fugging", B_INCR),
    ("greatly", B_INCR),
    ("hella", B_INCR),
    ("highly", B_INCR),
    ("hugely", B_INCR),
    ("incredible", B_INCR),
    ("incredibly", B_INCR),
    ("intensely", B_INCR),
    ("major", B_INCR),
    ("majorly", B_INCR),
    ("more", B_INCR),
    ("most", B_INCR),
    ("particularly", B_INCR),
    ("purely", B_INCR),
    ("quite", B_INCR),
    ("really", B_INCR),
    ("remarkably", B_INCR),
    ("so", B_INCR),
    ("substantially", B_INCR),
    ("thoroughly", B_INCR),
    ("total", B_INCR),
    ("totally", B_INCR),
    ("tremendous", B_INCR),
    ("tremendously", B_INCR),
    ("uber", B_INCR),
    ("unbelievably", B_INCR),
    ("unusually", B_INCR),
    ("utter", B_INCR),
    ("utterly", B_INCR),
    ("very", B_INCR),
    ("almost", B_DECR),
    ("barely", B_DECR),
    ("hardly", B_DECR),
    ("just enough", B_DECR),
    ("kind of", B_DECR),
    ("kinda", B_DECR),
    ("kindof", B_DECR),
    ("kind-of", B_DECR),
    ("less", B_DECR),
    ("little", B_DECR),
    ("marginal", B_DECR),
    ("marginally", B_DECR),
    ("occasional", B_DECR),
    ("occasionally", B_DECR),
    ("partly", B_DECR),
    ("scarce", B_DECR),
    ("scarcely", B_DECR),
    ("slight", B_DECR),
    ("slightly", B_DECR),
    ("somewhat", B_DECR),
    ("sort of", B_DECR),
    ("sorta", B_DECR),
    ("sortof", B_DECR),
    ("sort-of", B_DECR),
];

/// `SPECIAL_CASES`: idioms and phrases containing lexicon words; a match *replaces* the
/// valence. `badass` is a single word and so can never match: every sequence Python
/// builds has at least two words.
pub(crate) const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

// `SENTIMENT_LADEN_IDIOMS` ("cut the mustard", "no worries" is not even there, ...) is
// defined in 3.3.2 but `_sentiment_laden_idioms_check` is never called ("future work"),
// so it has no effect on any score and is not copied.

/// Words the rules test by exact (lower-cased) equality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Word {
    /// Any other word.
    #[default]
    Other,
    /// `no`: the 3.3.x "no" rules.
    No,
    /// `or`, `nor`: "no X or Y" negates Y.
    OrNor,
    /// `kind` (`kind of` is a dampener, never scored itself).
    Kind,
    /// `of`.
    Of,
    /// `never` (`never so`/`never this` boosts instead of negating).
    Never,
    /// `so`, `this`.
    SoThis,
    /// `without` (`without doubt` is not a negation).
    Without,
    /// `doubt`.
    Doubt,
    /// `least` (`_least_check`).
    Least,
    /// `at`, `very` (`at least`, `very least` are not negations).
    AtVery,
    /// `but` (`_but_check`).
    But,
}

/// The control words and their class.
pub(crate) const CONTROL_WORDS: &[(&str, Word)] = &[
    ("no", Word::No),
    ("or", Word::OrNor),
    ("nor", Word::OrNor),
    ("kind", Word::Kind),
    ("of", Word::Of),
    ("never", Word::Never),
    ("so", Word::SoThis),
    ("this", Word::SoThis),
    ("without", Word::Without),
    ("doubt", Word::Doubt),
    ("least", Word::Least),
    ("at", Word::AtVery),
    ("very", Word::AtVery),
    ("but", Word::But),
];
