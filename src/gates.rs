//! CI gates: `--fail-on 'max_talk_share > 0.6'` and `[gates] fail_on = [...]`.
//!
//! A gate is `METRIC OP NUMBER` with OP one of `>`, `>=`, `<`, `<=`, `==`, `!=`. It **fails**
//! when the condition holds for any meeting (meeting metrics) or any speaker of any meeting
//! (speaker metrics); `turnstat` then exits with code 3 and prints one message per failure.
//! Metrics that are not available for a meeting (null) never trigger a gate.

use crate::report::{Kind, MeetingReport, Stance};

/// Meeting-level metrics a gate can test, with their meaning.
pub const MEETING_METRICS: &[(&str, &str)] = &[
    (
        "max_talk_share",
        "largest talk share (over the roster when one is configured)",
    ),
    (
        "gini",
        "Gini of talk time (over the roster when configured)",
    ),
    (
        "evenness",
        "H / ln n of talk time (over the roster when configured)",
    ),
    ("turn_gini", "Gini of turn counts"),
    ("overlap_share", "overlap seconds / speech seconds"),
    ("silence_share", "silence seconds / duration"),
    ("switches_per_minute", "speaker switches per minute"),
    ("interruptions", "number of competitive interruptions"),
    (
        "interruptions_per_hour",
        "competitive interruptions per hour of duration",
    ),
    (
        "all_interruptions",
        "number of interruptions, competitive and cooperative",
    ),
    (
        "all_interruptions_per_hour",
        "interruptions (both stances) per hour of duration",
    ),
    (
        "inclusive_per_1000_words",
        "inclusive-language findings per 1,000 words",
    ),
    ("sentiment_mean", "mean VADER compound of all sentences"),
    ("silent_attendees", "roster members who never spoke"),
];

/// Speaker-level metrics (a gate fails when any speaker meets the condition).
pub const SPEAKER_METRICS: &[(&str, &str)] = &[
    ("talk_share", "a speaker's share of talk time"),
    ("longest_monologue_seconds", "a speaker's longest turn"),
    ("words_per_minute", "a speaker's pace"),
    ("fillers_per_100_words", "a speaker's filler rate"),
    ("hedges_per_100_words", "a speaker's hedge rate"),
    (
        "interruptions_made",
        "competitive interruptions a speaker made",
    ),
    (
        "interruptions_received",
        "competitive interruptions a speaker received",
    ),
    (
        "all_interruptions_made",
        "interruptions (both stances) a speaker made",
    ),
    (
        "all_interruptions_received",
        "interruptions (both stances) a speaker received",
    ),
    (
        "inclusive_findings",
        "a speaker's inclusive-language findings",
    ),
    (
        "response_gap_median_seconds",
        "a speaker's median response gap",
    ),
];

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

/// A parsed gate.
#[derive(Clone, Debug, PartialEq)]
pub struct Gate {
    /// As written.
    pub text: String,
    /// Metric name.
    pub metric: String,
    /// Operator.
    pub op: Op,
    /// Threshold.
    pub value: f64,
}

impl Gate {
    /// Parses `METRIC OP NUMBER`.
    pub fn parse(text: &str) -> Result<Gate, String> {
        let t = text.trim();
        let ops = [
            (">=", Op::Ge),
            ("<=", Op::Le),
            ("==", Op::Eq),
            ("!=", Op::Ne),
            (">", Op::Gt),
            ("<", Op::Lt),
        ];
        let (pos, sym, op) = ops
            .iter()
            .filter_map(|(s, o)| t.find(s).map(|p| (p, *s, *o)))
            .min_by_key(|(p, s, _)| (*p, std::cmp::Reverse(s.len())))
            .ok_or_else(|| {
                format!("`{t}`: expected `METRIC OP NUMBER` with OP one of > >= < <= == !=")
            })?;
        let metric = t[..pos].trim().to_string();
        let value_text = t[pos + sym.len()..].trim();
        let known = MEETING_METRICS
            .iter()
            .chain(SPEAKER_METRICS)
            .any(|(m, _)| *m == metric);
        if !known {
            let all: Vec<&str> = MEETING_METRICS
                .iter()
                .chain(SPEAKER_METRICS)
                .map(|m| m.0)
                .collect();
            return Err(format!(
                "`{t}`: unknown metric `{metric}` (one of: {})",
                all.join(", ")
            ));
        }
        let value: f64 = value_text
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| format!("`{t}`: `{value_text}` is not a number"))?;
        Ok(Gate {
            text: t.to_string(),
            metric,
            op,
            value,
        })
    }

    fn holds(&self, x: f64) -> bool {
        match self.op {
            Op::Gt => x > self.value,
            Op::Ge => x >= self.value,
            Op::Lt => x < self.value,
            Op::Le => x <= self.value,
            Op::Eq => x == self.value,
            Op::Ne => x != self.value,
        }
    }

    /// Checks the gate on one meeting; returns one message per failure.
    pub fn check(&self, m: &MeetingReport) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(v) = meeting_value(m, &self.metric) {
            if self.holds(v) {
                out.push(format!(
                    "gate `{}` failed: {} has {} = {}",
                    self.text, m.source, self.metric, v
                ));
            }
            return out;
        }
        for s in &m.speakers {
            if let Some(v) = speaker_value(s, &self.metric)
                && self.holds(v)
            {
                out.push(format!(
                    "gate `{}` failed: {} in {} has {} = {}",
                    self.text, s.name, m.source, self.metric, v
                ));
            }
        }
        out
    }
}

fn meeting_value(m: &MeetingReport, metric: &str) -> Option<f64> {
    let b = m.roster_balance.as_ref().unwrap_or(&m.balance);
    let all = m
        .interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption)
        .count() as f64;
    let competitive = m
        .interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption && e.stance == Some(Stance::Competitive))
        .count() as f64;
    let per_hour = |n: f64| {
        m.duration_seconds
            .and_then(|d| (d > 0.0).then(|| n * 3600.0 / d))
    };
    match metric {
        "max_talk_share" => b.max_share,
        "gini" => b.gini,
        "evenness" => b.evenness,
        "turn_gini" => Some(b.turn_gini),
        "overlap_share" => match (m.overlap_seconds, m.speech_seconds) {
            (Some(o), Some(s)) if s > 0.0 => Some(o / s),
            _ => None,
        },
        "silence_share" => match (m.silence_seconds, m.duration_seconds) {
            (Some(o), Some(s)) if s > 0.0 => Some(o / s),
            _ => None,
        },
        "switches_per_minute" => m.switches_per_minute,
        "interruptions" => m.timed.then_some(competitive),
        "interruptions_per_hour" => per_hour(competitive),
        "all_interruptions" => m.timed.then_some(all),
        "all_interruptions_per_hour" => per_hour(all),
        "inclusive_per_1000_words" => m.inclusive_per_1000_words,
        "sentiment_mean" => {
            let (sum, n) = m.speakers.iter().filter_map(|s| s.sentiment.as_ref()).fold(
                (0.0, 0usize),
                |a, s| {
                    (
                        a.0 + s.mean_compound * s.sentences as f64,
                        a.1 + s.sentences,
                    )
                },
            );
            (n > 0).then(|| sum / n as f64)
        }
        "silent_attendees" => Some(m.silent_attendees.len() as f64),
        _ => None,
    }
}

fn speaker_value(s: &crate::report::SpeakerReport, metric: &str) -> Option<f64> {
    match metric {
        "talk_share" => s.talk_share,
        "longest_monologue_seconds" => s.longest_monologue.as_ref().map(|l| l.seconds),
        "words_per_minute" => s.words_per_minute,
        "fillers_per_100_words" => s.fillers_per_100_words,
        "hedges_per_100_words" => s.hedges_per_100_words,
        "interruptions_made" => Some(s.interruptions_competitive_made as f64),
        "interruptions_received" => Some(s.interruptions_competitive_received as f64),
        "all_interruptions_made" => Some(s.interruptions_made as f64),
        "all_interruptions_received" => Some(s.interruptions_received as f64),
        "inclusive_findings" => s.inclusive.as_ref().map(|i| i.count as f64),
        "response_gap_median_seconds" => s.response_gap_median_seconds,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gates() {
        let g = Gate::parse("max_talk_share > 0.6").unwrap();
        assert_eq!(
            (g.metric.as_str(), g.op, g.value),
            ("max_talk_share", Op::Gt, 0.6)
        );
        assert_eq!(Gate::parse("talk_share>=0.5").unwrap().op, Op::Ge);
        assert_eq!(Gate::parse("gini != 0").unwrap().op, Op::Ne);
        assert!(
            Gate::parse("talkshare > 1")
                .unwrap_err()
                .contains("unknown metric")
        );
        assert!(
            Gate::parse("gini > x")
                .unwrap_err()
                .contains("not a number")
        );
        assert!(Gate::parse("gini").is_err());
    }
}
