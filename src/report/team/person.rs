//! The private page of one person across the meetings of a team report
//! (`report --out DIR` writes `people/<slug>.md` and `.html`).
//!
//! **Privacy.** The rules of the per-meeting private reports ([`crate::render::speaker`])
//! apply unchanged: the page holds only the person's own words; another speaker's name in
//! them becomes "Participant N", N being that speaker's position in *that* meeting (the same
//! pseudonym as in that meeting's private reports, so it differs from meeting to meeting),
//! unless `show_names_in_speaker_reports`; of an interruption only the person's side is
//! quoted, and its evidence is the cue list without the quoted words. The redaction is done
//! while the meeting is at hand ([`moments`]), with [`crate::namefind::Redactor`], the same
//! code as the per-meeting reports; nothing of another person's words is kept.
//!
//! **Memory.** A meeting's report is dropped as soon as it is reduced; of its quotes only a
//! bounded number per person is kept ([`PeopleMoments::add`]): the [`MOMENTS_KEPT`] most
//! positive and most negative moments (VADER), the [`FINDINGS_KEPT`] latest
//! inclusive-language findings (and a count per term, bounded by the lexicon), the
//! [`EVENTS_KEPT`] latest competitive interruptions made and received. Each quote is cut to
//! [`QUOTE_KEEP_CHARS`] characters. So memory grows with the number of people, not of
//! meetings. Which items are kept does not depend on the order the meetings arrive in: each
//! list is the first items under a total order (score or recency, then date, meeting and
//! time).

use super::{PersonOverall, PersonPeriod, TeamFigures, TeamReport, r};
use crate::dates::Date;
use crate::namefind::{Redactor, pseudonym};
use crate::report::{Kind, MeetingReport, Stance};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Most positive and most negative moments kept per person (each).
pub const MOMENTS_KEPT: usize = 3;
/// Inclusive-language findings kept per person (the latest).
pub const FINDINGS_KEPT: usize = 5;
/// Competitive interruptions kept per person, made and received (each; the latest).
pub const EVENTS_KEPT: usize = 5;
/// Characters kept of a quote (the renderers show at most
/// [`crate::render::markdown::QUOTE_CHARS`] of it, cut as the per-meeting report cuts it).
pub const QUOTE_KEEP_CHARS: usize = 200;

/// Where a quote was said.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The meeting's file name (not its path).
    pub meeting: String,
    /// The meeting's date.
    pub date: Option<Date>,
    /// Position in the recording, s.
    pub time: Option<f64>,
}

impl Place {
    /// Chronological order: date, meeting, time.
    fn chrono(&self, o: &Place) -> Ordering {
        self.date
            .cmp(&o.date)
            .then_with(|| self.meeting.cmp(&o.meeting))
            .then_with(|| self.time.unwrap_or(-1.0).total_cmp(&o.time.unwrap_or(-1.0)))
    }
}

/// A sentence of the person's, with its VADER compound.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment {
    /// Where.
    pub at: Place,
    /// Compound, −1 to +1.
    pub compound: f64,
    /// The person's own words (redacted), at most [`QUOTE_KEEP_CHARS`].
    pub quote: String,
}

/// An inclusive-language finding in the person's words.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Where.
    pub at: Place,
    /// The words as said (redacted).
    pub term: String,
    /// The person's words around it (redacted), at most [`QUOTE_KEEP_CHARS`].
    pub quote: String,
    /// Alternatives.
    pub suggestions: Vec<String>,
    /// Why it may matter.
    pub explanation: String,
}

/// How often the person used one term of the inclusive-language list.
#[derive(Clone, Debug, PartialEq)]
pub struct TermCount {
    /// The term, lowercased.
    pub term: String,
    /// Times used.
    pub count: usize,
    /// Alternatives.
    pub suggestions: Vec<String>,
}

/// A competitive interruption the person made or received, as the per-meeting private
/// report shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Where (time: when the newcomer came in).
    pub at: Place,
    /// The other person: "Participant N" of that meeting, or their name when names are shown.
    pub other: String,
    /// The newcomer took the floor.
    pub successful: bool,
    /// Inferred from a serialised export (no overlapping speech).
    pub inferred: bool,
    /// The person's own side: what they said when they came in (its start), or what they
    /// were saying when someone came in (its end); redacted, at most [`QUOTE_KEEP_CHARS`].
    pub quote: String,
    /// The evidence, in plain words, without any quoted words.
    pub cues: Vec<String>,
}

/// What is kept of one person's words, bounded (module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonMoments {
    /// Most positive first.
    pub positive: Vec<Moment>,
    /// Most negative first.
    pub negative: Vec<Moment>,
    /// The latest findings, in chronological order.
    pub findings: Vec<Finding>,
    /// Every term used, by term.
    pub terms: Vec<TermCount>,
    /// The latest competitive interruptions made, in chronological order.
    pub made: Vec<Event>,
    /// The latest competitive interruptions received, in chronological order.
    pub received: Vec<Event>,
}

/// Keeps the first `k` of `v` under `order` (sorted).
fn keep<T>(v: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> Ordering) {
    v.sort_by(&order);
    v.truncate(k);
}

impl PersonMoments {
    /// Adds `o`, keeping the bounds.
    pub fn merge(&mut self, o: PersonMoments) {
        self.positive.extend(o.positive);
        keep(&mut self.positive, MOMENTS_KEPT, |a, b| {
            b.compound
                .total_cmp(&a.compound)
                .then_with(|| a.at.chrono(&b.at))
        });
        self.negative.extend(o.negative);
        keep(&mut self.negative, MOMENTS_KEPT, |a, b| {
            a.compound
                .total_cmp(&b.compound)
                .then_with(|| a.at.chrono(&b.at))
        });
        let latest = |v: &mut Vec<_>, k| {
            keep(v, k, |a: &Finding, b: &Finding| b.at.chrono(&a.at));
            v.reverse();
        };
        self.findings.extend(o.findings);
        latest(&mut self.findings, FINDINGS_KEPT);
        for e in [&mut self.made, &mut self.received]
            .into_iter()
            .zip([o.made, o.received])
            .map(|(mine, theirs)| {
                mine.extend(theirs);
                mine
            })
        {
            keep(e, EVENTS_KEPT, |a, b| b.at.chrono(&a.at));
            e.reverse();
        }
        for t in o.terms {
            match self.terms.binary_search_by(|x| x.term.cmp(&t.term)) {
                Ok(i) => self.terms[i].count += t.count,
                Err(i) => self.terms.insert(i, t),
            }
        }
    }
}

/// The start (or, with `end`, the end) of `s`, trimmed, at most [`QUOTE_KEEP_CHARS`].
fn bounded(s: &str, end: bool) -> String {
    let s = s.trim();
    let n = s.chars().count();
    if n <= QUOTE_KEEP_CHARS {
        s.to_string()
    } else if end {
        s.chars().skip(n - QUOTE_KEEP_CHARS).collect()
    } else {
        s.chars().take(QUOTE_KEEP_CHARS).collect()
    }
}

/// What one meeting gives the person pages: per speaker name (in the meeting's order), their
/// own quotes, redacted and bounded.
pub type MeetingMoments = Vec<(String, PersonMoments)>;

/// The quotes of each speaker of `m` for the person pages (module documentation: privacy).
/// Speakers that stand for no one ([`crate::speakers::is_unnamed`]) give none.
pub fn moments(m: &MeetingReport, date: Option<Date>, show_other_names: bool) -> MeetingMoments {
    let names: Vec<&str> = m.speakers.iter().map(|s| s.name.as_str()).collect();
    let redactor = Redactor::new(&names, show_other_names);
    let meeting = m
        .source
        .rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(&m.source)
        .to_string();
    let place = |time: Option<f64>| Place {
        meeting: meeting.clone(),
        date,
        time,
    };
    let label = |j: usize| {
        if show_other_names {
            names.get(j).map_or_else(|| pseudonym(j), |n| n.to_string())
        } else {
            pseudonym(j)
        }
    };
    let mut out = Vec::with_capacity(m.speakers.len());
    for (i, s) in m.speakers.iter().enumerate() {
        if crate::speakers::is_unnamed(&s.name) {
            continue;
        }
        let own = |text: &str, end: bool| bounded(&redactor.own(i, text), end);
        let mut p = PersonMoments::default();
        if let Some(st) = &s.sentiment {
            for (mo, list) in [
                (&st.most_positive, &mut p.positive),
                (&st.most_negative, &mut p.negative),
            ] {
                if let Some(mo) = mo {
                    list.push(Moment {
                        at: place(mo.time),
                        compound: mo.compound,
                        quote: own(&mo.quote, false),
                    });
                }
            }
        }
        if let Some(inc) = &s.inclusive {
            let skip = inc.findings.len().saturating_sub(FINDINGS_KEPT);
            for f in &inc.findings[skip..] {
                p.findings.push(Finding {
                    at: place(f.time),
                    term: own(&f.term, false),
                    quote: own(&f.quote, false),
                    suggestions: f.suggestions.clone(),
                    explanation: f.explanation.clone(),
                });
            }
            let mut terms: BTreeMap<String, TermCount> = BTreeMap::new();
            for f in &inc.findings {
                let key = redactor.own(i, &f.term).to_lowercase();
                terms
                    .entry(key.clone())
                    .or_insert_with(|| TermCount {
                        term: key,
                        count: 0,
                        suggestions: f.suggestions.clone(),
                    })
                    .count += 1;
            }
            p.terms = terms.into_values().collect();
        }
        for e in &m.interruptions {
            if e.kind != Kind::Interruption || e.stance != Some(Stance::Competitive) {
                continue;
            }
            let (list, other, quote, end) = if e.who_index == i {
                (&mut p.made, e.whom_index, &e.who_quote, false)
            } else if e.whom_index == i {
                (&mut p.received, e.who_index, &e.whom_quote, true)
            } else {
                continue;
            };
            list.push(Event {
                at: place(Some(e.time)),
                other: label(other),
                successful: e.successful,
                inferred: e.inferred,
                quote: own(quote, end),
                cues: e
                    .cues
                    .iter()
                    .map(|c| c.split(" ('").next().unwrap_or(c).to_string())
                    .collect(),
            });
        }
        for list in [&mut p.made, &mut p.received] {
            let skip = list.len().saturating_sub(EVENTS_KEPT);
            list.drain(..skip);
        }
        out.push((s.name.clone(), p));
    }
    out
}

/// The quotes of everyone, bounded per person, gathered while the meetings stream past.
#[derive(Debug, Default)]
pub struct PeopleMoments {
    /// By [`crate::speakers::name_key`].
    people: BTreeMap<String, PersonMoments>,
}

impl PeopleMoments {
    /// Adds one meeting's quotes.
    pub fn add(&mut self, meeting: MeetingMoments) {
        for (name, p) in meeting {
            self.people
                .entry(crate::speakers::name_key(&name))
                .or_default()
                .merge(p);
        }
    }

    /// The quotes kept of `name` (any spelling of it).
    pub fn of(&self, name: &str) -> Option<&PersonMoments> {
        self.people.get(&crate::speakers::name_key(name))
    }
}

/// One period on a person's page: the team's figures and the person's (null when absent).
#[derive(Clone, Debug)]
pub struct PersonPeriodRow {
    /// The period's label.
    pub period: String,
    /// The team in the period.
    pub team: TeamFigures,
    /// The person in the period.
    pub you: Option<PersonPeriod>,
    /// The team's competitive interruptions per attendance (a person's mean per meeting,
    /// made or received alike: each one is made by one person and received by another).
    pub team_interruptions_per_attendance: Option<f64>,
    /// The person's competitive interruptions made per meeting attended.
    pub made_per_meeting: Option<f64>,
    /// The person's competitive interruptions received per meeting attended.
    pub received_per_meeting: Option<f64>,
}

/// `n` per meeting of `meetings`, 2 decimals (null without meetings).
fn per_meeting(n: usize, meetings: usize) -> Option<f64> {
    (meetings > 0).then(|| r(n as f64 / meetings as f64, 2))
}

/// One person's page: figures per period against the team's, over the whole range, and
/// their own quotes.
#[derive(Clone, Debug)]
pub struct PersonPage {
    /// `week` or `month`.
    pub by: &'static str,
    /// Meetings in the report.
    pub team_meetings: usize,
    /// The person over the whole range (name, figures, trend).
    pub overall: PersonOverall,
    /// Every period of the report, in order.
    pub periods: Vec<PersonPeriodRow>,
    /// The team over the whole range (the whole report as one group).
    pub team_overall: TeamFigures,
    /// The team's competitive interruptions per attendance over the whole range.
    pub team_interruptions_per_attendance: Option<f64>,
    /// The person's competitive interruptions made per meeting over the whole range.
    pub made_per_meeting: Option<f64>,
    /// The person's competitive interruptions received per meeting over the whole range.
    pub received_per_meeting: Option<f64>,
    /// Their own quotes (empty when none were kept).
    pub moments: PersonMoments,
    /// Other people appear by name (`show_names_in_speaker_reports`).
    pub show_other_names: bool,
}

/// The page of `person` (one of `t.people`).
pub fn page(
    t: &TeamReport,
    person: &PersonOverall,
    moments: &PeopleMoments,
    show_other_names: bool,
) -> PersonPage {
    let periods = t
        .periods
        .iter()
        .map(|p| {
            let you = p
                .people
                .iter()
                .find(|q| q.name == person.figures.name)
                .cloned();
            PersonPeriodRow {
                period: p.period.clone(),
                team_interruptions_per_attendance: per_meeting(
                    p.team.competitive_interruptions,
                    p.team.attendances,
                ),
                made_per_meeting: you
                    .as_ref()
                    .and_then(|y| per_meeting(y.interruptions_made, y.meetings)),
                received_per_meeting: you
                    .as_ref()
                    .and_then(|y| per_meeting(y.interruptions_received, y.meetings)),
                team: p.team.clone(),
                you,
            }
        })
        .collect();
    let all: Vec<&super::MeetingSummary> = t.meetings.iter().collect();
    let team_overall = super::summary::team_figures(&all);
    let f = &person.figures;
    PersonPage {
        by: t.by,
        team_meetings: t.meetings.len(),
        overall: person.clone(),
        periods,
        team_interruptions_per_attendance: per_meeting(
            team_overall.competitive_interruptions,
            team_overall.attendances,
        ),
        made_per_meeting: per_meeting(f.interruptions_made, f.meetings),
        received_per_meeting: per_meeting(f.interruptions_received, f.meetings),
        team_overall,
        moments: moments
            .of(&person.figures.name)
            .cloned()
            .unwrap_or_default(),
        show_other_names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(c: f64, meeting: &str) -> Moment {
        Moment {
            at: Place {
                meeting: meeting.into(),
                date: None,
                time: Some(1.0),
            },
            compound: c,
            quote: meeting.into(),
        }
    }

    #[test]
    fn kept_moments_do_not_depend_on_arrival_order() {
        let items: Vec<PersonMoments> = [0.9, 0.1, 0.5, 0.9, -0.7, 0.3, 0.95]
            .iter()
            .enumerate()
            .map(|(k, &c)| PersonMoments {
                positive: vec![moment(c, &format!("m{k}"))],
                negative: vec![moment(c, &format!("m{k}"))],
                ..Default::default()
            })
            .collect();
        let mut a = PersonMoments::default();
        for p in items.iter().cloned() {
            a.merge(p);
        }
        let mut b = PersonMoments::default();
        for p in items.iter().rev().cloned() {
            b.merge(p);
        }
        assert_eq!(a, b);
        let pos: Vec<f64> = a.positive.iter().map(|m| m.compound).collect();
        assert_eq!(pos, [0.95, 0.9, 0.9]);
        assert_eq!(a.positive[1].quote, "m0", "ties by meeting");
        let neg: Vec<f64> = a.negative.iter().map(|m| m.compound).collect();
        assert_eq!(neg, [-0.7, 0.1, 0.3]);
    }

    #[test]
    fn quotes_are_bounded() {
        let long = "word ".repeat(200);
        assert_eq!(bounded(&long, false).chars().count(), QUOTE_KEEP_CHARS);
        assert_eq!(bounded(&long, true).chars().count(), QUOTE_KEEP_CHARS);
        assert_eq!(bounded("  short ", false), "short");
    }
}
