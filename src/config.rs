//! `turnstat.toml`: the project's configuration file.
//!
//! Found in the current directory, or given with `--config FILE`. Every key is documented in
//! `fixtures/config/turnstat.example.toml`. Unknown keys and bad values are errors naming the
//! key and the line. Command-line flags override the file.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Who is who.
    #[serde(default)]
    pub speakers: SpeakersConfig,
    /// Expected attendees per meeting series.
    #[serde(default)]
    pub roster: Vec<RosterConfig>,
    /// Meeting series by path globs (`[[series]]`), in file order: the first match wins.
    #[serde(default)]
    pub series: Vec<SeriesConfig>,
    /// Metric thresholds (seconds).
    #[serde(default)]
    pub thresholds: ThresholdsConfig,
    /// Inclusive-language settings.
    #[serde(default)]
    pub language: LanguageConfig,
    /// CI gates.
    #[serde(default)]
    pub gates: GatesConfig,
    /// The team report (`turnstat report`).
    #[serde(default)]
    pub report: ReportConfig,
    /// Where the file was read from (not a key).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// `[speakers]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakersConfig {
    /// Canonical name → other spellings and handles (matched case-insensitively).
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Speakers to drop entirely (bots, "Unknown"), after aliasing.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Per-speaker reports may name the other participants (default false: pseudonyms).
    #[serde(default)]
    pub show_names_in_speaker_reports: bool,
    /// Name patterns (`*` = any run of characters) of speakers that are not people, added
    /// to the built-in list `lexicons/people/non-people.txt` ([`crate::nonpeople`]).
    #[serde(default)]
    pub not_people: Vec<String>,
}

/// `[[series]]`: the meetings whose path matches one of `match` belong to series `name`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesConfig {
    /// The series name, as reports show it.
    pub name: String,
    /// Globs over the path (`*`, `?`, `**`; see [`crate::series::SeriesRules`]).
    #[serde(rename = "match")]
    pub globs: Vec<String>,
}

/// `[[roster]]`: attendees of the meetings whose file name matches `match`, or of the
/// meetings of series `series`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterConfig {
    /// A substring of the file name (e.g. `acdc_` for one meeting series); `*` matches all.
    #[serde(rename = "match")]
    pub pattern: Option<String>,
    /// A series name ([`crate::series`]; letter case ignored).
    pub series: Option<String>,
    /// Expected attendees; those who never spoke count with zero in equality.
    pub attendees: Vec<String>,
}

/// `[thresholds]`, all in seconds.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsConfig {
    /// `--max-pause`.
    pub max_pause: Option<f64>,
    /// `--terminal-overlap`.
    pub terminal_overlap: Option<f64>,
    /// `--yield-window`.
    pub yield_window: Option<f64>,
    /// `--backchannel-max`.
    pub backchannel_max: Option<f64>,
    /// `--inferred-gap`.
    pub inferred_gap: Option<f64>,
}

/// `[language]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// The language spoken in the meetings (`--language`): an ISO 639-1 code; unset detects
    /// it per meeting and per speaker.
    pub spoken: Option<String>,
    /// Extra lexicon directories (relative to the config file).
    #[serde(default)]
    pub lexicon_dirs: Vec<PathBuf>,
    /// Phrases never reported ("scrum master").
    #[serde(default)]
    pub allow: Vec<String>,
    /// `low`, `medium` or `high`.
    pub min_severity: Option<crate::inclusive::Severity>,
    /// Categories to report (default all).
    #[serde(default)]
    pub categories: Vec<crate::inclusive::Category>,
}

/// `[gates]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatesConfig {
    /// Conditions that fail the run (exit code 3), e.g. `"max_talk_share > 0.6"`.
    #[serde(default)]
    pub fail_on: Vec<String>,
}

/// `[report]`: the team report.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    /// `--min-meetings`: people seen in fewer meetings are folded into one compact table
    /// (default 2).
    pub min_meetings: Option<usize>,
}

/// A configuration error, naming the file, line and key.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Parses a config file's text.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| ConfigError {
            path: path.display().to_string(),
            line: e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count()),
            message: e.message().trim().to_string(),
        })?;
        cfg.path = Some(path.to_path_buf());
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let err = |message: String| ConfigError {
            path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line: None,
            message,
        };
        let t = &self.thresholds;
        for (k, v) in [
            ("thresholds.max_pause", t.max_pause),
            ("thresholds.terminal_overlap", t.terminal_overlap),
            ("thresholds.yield_window", t.yield_window),
            ("thresholds.backchannel_max", t.backchannel_max),
            ("thresholds.inferred_gap", t.inferred_gap),
        ] {
            if let Some(v) = v
                && (!v.is_finite() || !(0.0..=3600.0).contains(&v))
            {
                return Err(err(format!(
                    "`{k}` must be between 0 and 3600 seconds, got {v}"
                )));
            }
        }
        for (i, r) in self.roster.iter().enumerate() {
            if r.pattern.is_none() && r.series.is_none() {
                return Err(err(format!(
                    "`roster` entry {} needs `match` (a part of the file name) or `series`",
                    i + 1
                )));
            }
        }
        for (i, s) in self.series.iter().enumerate() {
            if s.name.trim().is_empty() || s.globs.is_empty() {
                return Err(err(format!(
                    "`series` entry {} needs a `name` and at least one `match` glob",
                    i + 1
                )));
            }
        }
        for g in &self.gates.fail_on {
            crate::gates::Gate::parse(g).map_err(|e| err(format!("`gates.fail_on`: {e}")))?;
        }
        Ok(())
    }

    /// Loads `--config FILE`, or `turnstat.toml` in the current directory when present.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = PathBuf::from("turnstat.toml");
                if !p.is_file() {
                    return Ok(Config::default());
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            path: path.display().to_string(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(&text, &path)
    }

    /// Lexicon directories, resolved relative to the config file.
    pub fn lexicon_dirs(&self) -> Vec<PathBuf> {
        let base = self
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        self.language
            .lexicon_dirs
            .iter()
            .map(|d| base.join(d))
            .collect()
    }

    /// The roster for a meeting file of a series: the attendees of every `[[roster]]` entry
    /// whose `match` is part of the file name (`*`: every file) or whose `series` is the
    /// meeting's series (letter case ignored), in file order.
    pub fn roster_for(&self, source: &str, series: &str) -> Vec<String> {
        let name = Path::new(source)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let key = crate::series::key(series);
        self.roster
            .iter()
            .filter(|r| {
                r.pattern
                    .as_ref()
                    .is_some_and(|p| p == "*" || name.contains(p.as_str()))
                    || r.series
                        .as_ref()
                        .is_some_and(|s| crate::series::key(s) == key)
            })
            .flat_map(|r| r.attendees.iter().cloned())
            .collect()
    }

    /// The series rules of `[[series]]`.
    pub fn series_rules(&self) -> crate::series::SeriesRules {
        crate::series::SeriesRules::new(
            self.series
                .iter()
                .map(|s| (s.name.as_str(), s.globs.as_slice())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_key_and_line() {
        let e = Config::parse(
            "[speakers]\nexclude = []\nalias = {}\n",
            Path::new("t.toml"),
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("alias"), "{}", e.message);
        let e =
            Config::parse("[thresholds]\nyield_window = \"x\"\n", Path::new("t.toml")).unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = Config::parse(
            "[gates]\nfail_on = [\"nonsense > 1\"]\n",
            Path::new("t.toml"),
        )
        .unwrap_err();
        assert!(e.message.contains("nonsense"), "{}", e.message);
    }

    #[test]
    fn parses_example() {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/config/turnstat.example.toml"),
        )
        .unwrap();
        let c = Config::parse(&text, Path::new("turnstat.example.toml")).unwrap();
        assert!(!c.speakers.aliases.is_empty());
        assert_eq!(c.roster_for("x/acdc_2026-02-05_174.vtt", "acdc").len(), 3);
        let rules = c.series_rules();
        assert_eq!(
            rules.series_of("exports/platform/standup_3.vtt"),
            "Platform sync"
        );
        assert_eq!(rules.series_of("x/acdc_2026-02-05_174.vtt"), "acdc");
        // A roster by series applies to the series' meetings whatever their file names.
        assert_eq!(
            c.roster_for("exports/platform/standup_3.vtt", "Platform sync"),
            vec!["Ana".to_string(), "Bo".to_string()]
        );
        assert!(!c.speakers.not_people.is_empty());
    }

    #[test]
    fn roster_and_series_need_their_keys() {
        let e =
            Config::parse("[[roster]]\nattendees = [\"a\"]\n", Path::new("t.toml")).unwrap_err();
        assert!(e.message.contains("match"), "{}", e.message);
        let e = Config::parse(
            "[[series]]\nname = \"x\"\nmatch = []\n",
            Path::new("t.toml"),
        )
        .unwrap_err();
        assert!(e.message.contains("glob"), "{}", e.message);
    }
}
