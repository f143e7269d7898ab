//! The team report model (`turnstat report`): the team view over many meetings, per person
//! and per period. Models only: reading the inputs and writing the files is the command's
//! (`commands::report`), drawing them the renderers' ([`crate::render::team`]).
//!
//! Each input goes through the same pipeline as `analyze`; its report is reduced at once to a
//! small [`MeetingSummary`] (date, per-person figures) and the transcript and full report are
//! dropped, so memory grows with the number of people × periods, not with the transcripts.
//!
//! Per period (ISO week starting Monday, calendar month, or — with `--by series` — meeting
//! series side by side) and per person:
//! - `meetings`: meetings the person spoke in (or was on the roster of);
//! - `talk_share_mean`: mean of their talk share over those meetings;
//! - `interruptions_made`, `interruptions_received`: sums of **competitive** interruptions
//!   (the stance that a coach discusses; cooperative ones — agreeing, completing, asking —
//!   are in each meeting's report); `backchannels`: sum;
//! - `inclusive_per_1000_words`: Σ findings × 1000 / Σ words;
//! - `sentiment_mean`: mean compound over all their sentences;
//! - `*_change`: the difference with the same figure in the previous period that has data
//!   for the team (null when the person was absent then) — marked ▲/▼ in text outputs.
//!
//! Per period for the team: meetings, mean Gini and evenness of talk time (over the roster
//! when one is configured), mean max share, competitive interruptions per hour.
//! Over all periods per person: `talk_share_trend` = least-squares slope of their per-period
//! talk share, in share points per period. Series are not a sequence: with `--by series`
//! there are no `*_change` figures and no trend.
//!
//! Speakers that are not people ([`crate::nonpeople`]) have no per-person figures: each
//! meeting lists them under `not_people`, and the report sums them up in `not_people`.
//!
//!
//! The report opens with the team picture ([`summary`]): per period the team's figures
//! ([`TeamFigures`], grouping-agnostic, so another grouping such as a meeting series can use
//! the same function) with their change against the previous period ([`TeamChange`]), and
//! "what changed" between the last two periods ([`summary::WhatChanged`], its rule documented
//! there). People come after it, ordered by how often they attended; those seen in fewer than
//! [`TeamReport::min_meetings`] meetings are folded into one compact table.
//!
//! With `--out DIR` each person also gets a private page over the selected meetings
//! ([`person`]): their figures per period against the team's, and a bounded number of their
//! own quotes kept while the meetings stream past, so memory stays flat in the number of
//! meetings.

pub mod person;
pub mod summary;

use crate::dates::{Date, DateSource};
use crate::report::{Kind, MeetingReport, Stance};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the team report groups meetings (`report --by`; the clap enum of the flag converts
/// into this one, so the model does not depend on the command line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Meeting series side by side (README "Series"), instead of periods of time.
    Series,
}

/// Schema identifier of the team JSON.
pub const SCHEMA: &str = "turnstat.team.v1";

/// One person's figures in one meeting.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PersonFigures {
    /// Talk share (null when untimed).
    pub talk_share: Option<f64>,
    /// Talk time, s (null when untimed).
    pub talk_seconds: Option<f64>,
    /// The meeting's equal share, 1 / n (over the roster when one is configured).
    pub equal_share: Option<f64>,
    /// Competitive interruptions made.
    pub interruptions_made: usize,
    /// Competitive interruptions received.
    pub interruptions_received: usize,
    /// Backchannels.
    pub backchannels: usize,
    /// Words the inclusive-language lexicon read (0 for a speaker of a language other than
    /// English).
    pub words: usize,
    /// Inclusive-language findings.
    pub inclusive: usize,
    /// Σ compound over sentences.
    pub sentiment_sum: f64,
    /// Sentences scored.
    pub sentences: usize,
    /// The person's part in the meeting's chat (`None` when the meeting has no chat).
    pub chat: Option<ChatFigures>,
}

/// One person's part in one meeting's chat.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct ChatFigures {
    /// Public messages.
    pub messages: usize,
    /// Messages asking a question.
    pub questions: usize,
    /// Reactions given.
    pub reactions: usize,
    /// Participation share, talk and chat (see [`crate::metrics::chat`]).
    pub participation_share: Option<f64>,
}

/// What a team report keeps of one meeting.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingSummary {
    /// Input.
    pub source: String,
    /// The meeting series ([`crate::series`]).
    pub series: String,
    /// Meeting date.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Speakers that are not people (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_people: Vec<crate::report::NotPersonReport>,
    /// Gini of talk time (roster when configured).
    #[serde(skip)]
    pub gini: Option<f64>,
    /// Evenness.
    #[serde(skip)]
    pub evenness: Option<f64>,
    /// Max share.
    #[serde(skip)]
    pub max_share: Option<f64>,
    /// Competitive interruptions.
    #[serde(skip)]
    pub interruptions: usize,
    /// Cooperative interruptions.
    #[serde(skip)]
    pub interruptions_cooperative: usize,
    /// Interruptions of either stance.
    #[serde(skip)]
    pub interruptions_all: usize,
    /// Equal share, 1 / n (roster when configured).
    #[serde(skip)]
    pub equal_share: Option<f64>,
    /// Roster members who never spoke (null without a roster).
    #[serde(skip)]
    pub silent_attendees: Option<usize>,
    /// Duration, s.
    #[serde(skip)]
    pub duration: Option<f64>,
    /// Per person (display name, figures), sorted by name: a `Vec`, since a `BTreeMap` node
    /// holds room for 11 entries and the team report keeps one summary per meeting.
    #[serde(skip)]
    pub people: Vec<(String, PersonFigures)>,
    /// Gate failure messages.
    #[serde(skip)]
    pub gate_failures: Vec<String>,
}

/// Reduces a meeting report to what the team report keeps of it, with the messages of the
/// gates that failed on it (`gate_failures`).
pub fn summarise(
    m: &MeetingReport,
    date: Option<Date>,
    date_source: DateSource,
    gate_failures: Vec<String>,
) -> MeetingSummary {
    let b = m.roster_balance.as_ref().unwrap_or(&m.balance);
    let mut people = BTreeMap::new();
    for s in &m.speakers {
        let (sum, n) = s.sentiment.as_ref().map_or((0.0, 0), |x| {
            (x.mean_compound * x.sentences as f64, x.sentences)
        });
        people.insert(
            s.name.clone(),
            PersonFigures {
                talk_share: s.talk_share,
                talk_seconds: s.talk_seconds,
                equal_share: b.equal_share,
                interruptions_made: s.interruptions_competitive_made,
                interruptions_received: s.interruptions_competitive_received,
                backchannels: s.backchannels,
                // The words the (English) inclusive lexicon read: none for a speaker of
                // another language, whose rate is then null, not 0.
                words: s.inclusive.as_ref().and(s.words).unwrap_or(0),
                inclusive: s.inclusive.as_ref().map_or(0, |i| i.count),
                sentiment_sum: sum,
                sentences: n,
                chat: None,
            },
        );
    }
    for silent in &m.silent_attendees {
        people.entry(silent.clone()).or_insert(PersonFigures {
            talk_share: Some(0.0),
            talk_seconds: m.timed.then_some(0.0),
            equal_share: b.equal_share,
            ..Default::default()
        });
    }
    if let Some(c) = &m.chat {
        for p in &c.people {
            let f = people.entry(p.name.clone()).or_insert(PersonFigures {
                talk_share: Some(0.0),
                ..Default::default()
            });
            f.chat = Some(ChatFigures {
                messages: p.messages,
                questions: p.questions,
                reactions: p.reactions,
                participation_share: p.participation_share,
            });
        }
    }
    let stance = |st: Stance| {
        m.interruptions
            .iter()
            .filter(|e| e.kind == Kind::Interruption && e.stance == Some(st))
            .count()
    };
    MeetingSummary {
        source: m.source.clone(),
        series: m.series.clone(),
        date,
        date_source,
        not_people: m.not_people.clone(),
        gini: b.gini,
        evenness: b.evenness,
        max_share: b.max_share,
        interruptions: stance(Stance::Competitive),
        interruptions_cooperative: stance(Stance::Cooperative),
        interruptions_all: m
            .interruptions
            .iter()
            .filter(|e| e.kind == Kind::Interruption)
            .count(),
        equal_share: b.equal_share,
        silent_attendees: m.roster_balance.as_ref().map(|_| m.silent_attendees.len()),
        duration: m.duration_seconds,
        people: people.into_iter().collect(),
        gate_failures,
    }
}

/// Team figures of one group of meetings (a period), built by [`summary::team_figures`].
/// Fields after `interruptions_per_hour` were added with the summary (additive).
#[derive(Clone, Debug, Serialize, Deserialize, Default, PartialEq)]
pub struct TeamFigures {
    /// Meetings in the period.
    pub meetings: usize,
    /// Mean Gini of talk time (over the roster when one is configured).
    pub gini_mean: Option<f64>,
    /// Mean evenness.
    pub evenness_mean: Option<f64>,
    /// Mean of the largest share.
    pub max_share_mean: Option<f64>,
    /// Competitive interruptions per hour of meeting.
    pub interruptions_per_hour: Option<f64>,
    /// Hours of meeting (Σ durations; null when no meeting is timed), 2 decimals.
    #[serde(default)]
    pub hours: Option<f64>,
    /// Mean equal share, 1 / n (the share each would have if talk were even), to read the
    /// largest share against.
    #[serde(default)]
    pub equal_share_mean: Option<f64>,
    /// Σ over the meetings of roster members who never spoke (null when no meeting of the
    /// period has a roster).
    #[serde(default)]
    pub silent_attendees: Option<usize>,
    /// Cooperative interruptions per hour.
    #[serde(default)]
    pub cooperative_interruptions_per_hour: Option<f64>,
    /// Interruptions of either stance per hour.
    #[serde(default)]
    pub all_interruptions_per_hour: Option<f64>,
    /// Competitive interruptions (count).
    #[serde(default)]
    pub competitive_interruptions: usize,
    /// Attendances: Σ over the meetings of the people in each (speakers and silent roster
    /// members).
    #[serde(default)]
    pub attendances: usize,
    /// Inclusive-language findings per 1,000 words (words the English lexicon read).
    #[serde(default)]
    pub inclusive_per_1000_words: Option<f64>,
    /// Mean sentiment (VADER compound) over all scored sentences.
    #[serde(default)]
    pub sentiment_mean: Option<f64>,
}

/// A period's team figures minus the previous period's (null where either is missing).
#[derive(Clone, Debug, Serialize, Deserialize, Default, PartialEq)]
pub struct TeamChange {
    /// Meetings.
    pub meetings: i64,
    /// Hours.
    pub hours: Option<f64>,
    /// Mean Gini.
    pub gini_mean: Option<f64>,
    /// Mean evenness.
    pub evenness_mean: Option<f64>,
    /// Mean largest share.
    pub max_share_mean: Option<f64>,
    /// Mean equal share.
    pub equal_share_mean: Option<f64>,
    /// Silent attendees.
    pub silent_attendees: Option<i64>,
    /// Competitive interruptions per hour.
    pub interruptions_per_hour: Option<f64>,
    /// Cooperative interruptions per hour.
    pub cooperative_interruptions_per_hour: Option<f64>,
    /// Interruptions of either stance per hour.
    pub all_interruptions_per_hour: Option<f64>,
    /// Inclusive findings per 1,000 words.
    pub inclusive_per_1000_words: Option<f64>,
    /// Mean sentiment.
    pub sentiment_mean: Option<f64>,
}

/// One person in one period (or overall).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct PersonPeriod {
    /// Name.
    pub name: String,
    /// Meetings attended.
    pub meetings: usize,
    /// Mean talk share.
    pub talk_share_mean: Option<f64>,
    /// Talk time, minutes (null when untimed), 1 decimal.
    #[serde(default)]
    pub talk_minutes: Option<f64>,
    /// Mean equal share (1 / n) of the meetings attended, to read the talk share against.
    #[serde(default)]
    pub equal_share_mean: Option<f64>,
    /// Interruptions made.
    pub interruptions_made: usize,
    /// Interruptions received.
    pub interruptions_received: usize,
    /// Backchannels given.
    pub backchannels: usize,
    /// Findings per 1,000 words.
    pub inclusive_per_1000_words: Option<f64>,
    /// Mean sentiment.
    pub sentiment_mean: Option<f64>,
    /// Chat messages written (absent when none of the person's meetings had a chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_messages: Option<usize>,
    /// Chat messages asking a question (absent without a chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_questions: Option<usize>,
    /// Chat reactions given (absent without a chat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_reactions: Option<usize>,
    /// Mean participation share (talk and chat) over the meetings with a chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation_share_mean: Option<f64>,
    /// Change of the mean talk share against the previous period (share points).
    #[serde(default)]
    pub talk_share_change: Option<f64>,
    /// Change of interruptions made.
    #[serde(default)]
    pub interruptions_made_change: Option<i64>,
    /// Change of interruptions received.
    #[serde(default)]
    pub interruptions_received_change: Option<i64>,
    /// Change of backchannels.
    #[serde(default)]
    pub backchannels_change: Option<i64>,
    /// Change of findings per 1,000 words.
    #[serde(default)]
    pub inclusive_change: Option<f64>,
    /// Change of mean sentiment.
    #[serde(default)]
    pub sentiment_change: Option<f64>,
}

/// One period.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PeriodReport {
    /// Label: `2026-02` or `week of 2026-02-09`.
    pub period: String,
    /// First day.
    pub start: String,
    /// The team.
    pub team: TeamFigures,
    /// The team's change against the previous period (null for the first).
    #[serde(default)]
    pub team_change: Option<TeamChange>,
    /// Per person, by name.
    pub people: Vec<PersonPeriod>,
}

/// A person over the whole range.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct PersonOverall {
    /// Figures over all meetings.
    #[serde(flatten)]
    pub figures: PersonPeriod,
    /// Least-squares slope of per-period talk share (share points per period).
    pub talk_share_trend: Option<f64>,
}

/// A metric then, now, and the change (null when either side is missing).
pub type Delta = (Option<f64>, Option<f64>, Option<f64>);

/// Change of a person's overall figures since a baseline report.
#[derive(Clone, Debug, Serialize)]
pub struct BaselineChange {
    /// Name.
    pub name: String,
    /// Metric → (baseline, now, change).
    pub metrics: BTreeMap<String, Delta>,
}

/// A speaker that is not a person, over the meetings of the report.
#[derive(Clone, Debug, Serialize)]
pub struct NotPersonOverall {
    /// Display name (the first spelling seen).
    pub name: String,
    /// Meetings it spoke in.
    pub meetings: usize,
    /// Its talk over those meetings, s (null when none was timed).
    pub talk_seconds: Option<f64>,
}

/// The team report.
#[derive(Clone, Debug, Serialize)]
pub struct TeamReport {
    /// `turnstat.team.v1`.
    pub schema: &'static str,
    /// Tool.
    pub tool: crate::report::Tool,
    /// `week`, `month` or `series`.
    pub by: &'static str,
    /// Filter: the series asked for with `--series` (empty: all).
    pub series: Vec<String>,
    /// Filters.
    pub since: Option<String>,
    /// Filters.
    pub until: Option<String>,
    /// Meetings included, with their dates and date sources.
    pub meetings: Vec<MeetingSummary>,
    /// Periods in order.
    pub periods: Vec<PeriodReport>,
    /// Each person over the whole range, by name.
    pub people: Vec<PersonOverall>,
    /// Speakers that are not people (shared audio, bots), with their talk: no per-person
    /// figures, not in any balance.
    pub not_people: Vec<NotPersonOverall>,
    /// People seen in fewer meetings than this are folded into one compact table (default
    /// [`summary::DEFAULT_MIN_MEETINGS`]; `--min-meetings`, `[report] min_meetings`).
    pub min_meetings: usize,
    /// What moved most between the last two periods (null with fewer than two).
    pub what_changed: Option<summary::WhatChanged>,
    /// Changes since `--baseline`.
    pub baseline: Option<Vec<BaselineChange>>,
    /// Meetings left out (no date, or outside the range), with the reason.
    pub skipped: Vec<String>,
    /// Rejected inputs.
    pub errors: Vec<crate::report::ErrorEntry>,
}

pub(crate) fn r(x: f64, places: usize) -> f64 {
    crate::report::round(x, places)
}

pub(crate) fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn person_figures(name: &str, items: &[&PersonFigures]) -> PersonPeriod {
    let shares: Vec<f64> = items.iter().filter_map(|p| p.talk_share).collect();
    let chats: Vec<ChatFigures> = items.iter().filter_map(|p| p.chat).collect();
    let chat_sum = |f: fn(&ChatFigures) -> usize| {
        (!chats.is_empty()).then(|| chats.iter().map(f).sum::<usize>())
    };
    let participation: Vec<f64> = chats.iter().filter_map(|c| c.participation_share).collect();
    let equal: Vec<f64> = items.iter().filter_map(|p| p.equal_share).collect();
    let talk: Vec<f64> = items.iter().filter_map(|p| p.talk_seconds).collect();
    let words: usize = items.iter().map(|p| p.words).sum();
    let sentences: usize = items.iter().map(|p| p.sentences).sum();
    PersonPeriod {
        name: name.to_string(),
        meetings: items.len(),
        talk_share_mean: mean(&shares).map(|x| r(x, 4)),
        talk_minutes: (!talk.is_empty()).then(|| r(talk.iter().sum::<f64>() / 60.0, 1)),
        equal_share_mean: mean(&equal).map(|x| r(x, 4)),
        interruptions_made: items.iter().map(|p| p.interruptions_made).sum(),
        interruptions_received: items.iter().map(|p| p.interruptions_received).sum(),
        backchannels: items.iter().map(|p| p.backchannels).sum(),
        inclusive_per_1000_words: (words > 0).then(|| {
            r(
                items.iter().map(|p| p.inclusive).sum::<usize>() as f64 * 1000.0 / words as f64,
                2,
            )
        }),
        sentiment_mean: (sentences > 0).then(|| {
            r(
                items.iter().map(|p| p.sentiment_sum).sum::<f64>() / sentences as f64,
                4,
            )
        }),
        chat_messages: chat_sum(|c| c.messages),
        chat_questions: chat_sum(|c| c.questions),
        chat_reactions: chat_sum(|c| c.reactions),
        participation_share_mean: mean(&participation).map(|x| r(x, 4)),
        ..Default::default()
    }
}

/// The group of a meeting: a sort key, and its label. Periods of time sort by their first
/// day; series by their name (letter case ignored).
fn group_of(m: &MeetingSummary, d: Date, by: Period) -> (String, String) {
    match by {
        Period::Series => (crate::series::key(&m.series), m.series.clone()),
        _ => {
            let (label, start) = period_key(d, by);
            (start.to_string(), label)
        }
    }
}

fn period_key(d: Date, by: Period) -> (String, Date) {
    match by {
        Period::Series => (String::new(), d),
        Period::Month => (
            format!("{:04}-{:02}", d.y, d.m),
            Date {
                y: d.y,
                m: d.m,
                d: 1,
            },
        ),
        Period::Week => {
            let w = d.week_start();
            (format!("week of {w}"), w)
        }
    }
}

pub(crate) fn diff(a: Option<f64>, b: Option<f64>, places: usize) -> Option<f64> {
    Some(r(a? - b?, places))
}

/// Builds the team report from meeting summaries.
pub fn build(
    summaries: Vec<MeetingSummary>,
    by: Period,
    since: Option<Date>,
    until: Option<Date>,
) -> TeamReport {
    let mut skipped = Vec::new();
    let mut meetings = Vec::new();
    for s in summaries {
        match s.date {
            None => skipped.push(format!(
                "{}: no date found (stdin); left out of the periods",
                s.source
            )),
            Some(d) if !in_range(d, since, until) => {}
            Some(_) => meetings.push(s),
        }
    }
    meetings.sort_by(|a, b| (a.date, &a.source).cmp(&(b.date, &b.source)));
    // One person across meetings whatever the case of their name: the first spelling wins.
    let mut display: BTreeMap<String, String> = BTreeMap::new();
    for m in &meetings {
        for (name, _) in &m.people {
            display
                .entry(crate::speakers::name_key(name))
                .or_insert_with(|| name.clone());
        }
    }
    let canon = |n: &str| {
        display
            .get(&crate::speakers::name_key(n))
            .cloned()
            .unwrap_or_else(|| n.to_string())
    };
    // Key → (label, first day, meetings); meetings are in date order, so a series' first
    // day is its earliest meeting's.
    let mut groups: BTreeMap<String, (String, Date, Vec<&MeetingSummary>)> = BTreeMap::new();
    for m in &meetings {
        if let Some(d) = m.date {
            let (key, label) = group_of(m, d, by);
            let start = match by {
                Period::Series => d,
                _ => period_key(d, by).1,
            };
            groups
                .entry(key)
                .or_insert_with(|| (label, start, Vec::new()))
                .2
                .push(m);
        }
    }
    let sequence = by != Period::Series;
    let mut periods: Vec<PeriodReport> = Vec::new();
    for (label, start, ms) in groups.values() {
        let team = summary::team_figures(ms);
        // Series side by side are no sequence: no change against a "previous" one.
        let team_change = periods
            .last()
            .filter(|_| sequence)
            .map(|prev| summary::team_change(&prev.team, &team));
        let mut per: BTreeMap<String, Vec<&PersonFigures>> = BTreeMap::new();
        for m in ms {
            for (name, f) in &m.people {
                per.entry(canon(name)).or_default().push(f);
            }
        }
        let mut people: Vec<PersonPeriod> = per
            .iter()
            .map(|(n, items)| person_figures(n, items))
            .collect();
        if let Some(prev) = periods.last().filter(|_| sequence) {
            for p in &mut people {
                if let Some(q) = prev.people.iter().find(|q| q.name == p.name) {
                    p.talk_share_change = diff(p.talk_share_mean, q.talk_share_mean, 4);
                    p.interruptions_made_change =
                        Some(p.interruptions_made as i64 - q.interruptions_made as i64);
                    p.interruptions_received_change =
                        Some(p.interruptions_received as i64 - q.interruptions_received as i64);
                    p.backchannels_change = Some(p.backchannels as i64 - q.backchannels as i64);
                    p.inclusive_change =
                        diff(p.inclusive_per_1000_words, q.inclusive_per_1000_words, 2);
                    p.sentiment_change = diff(p.sentiment_mean, q.sentiment_mean, 4);
                }
            }
        }
        periods.push(PeriodReport {
            period: label.clone(),
            start: start.to_string(),
            team,
            team_change,
            people,
        });
    }
    let mut all: BTreeMap<String, Vec<&PersonFigures>> = BTreeMap::new();
    for m in &meetings {
        for (name, f) in &m.people {
            all.entry(canon(name)).or_default().push(f);
        }
    }
    let people = all
        .iter()
        .map(|(name, items)| {
            // Trend: slope of (period index, share) over the periods the person attended.
            let pts: Vec<(f64, f64)> = periods
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    p.people
                        .iter()
                        .find(|q| q.name == *name)
                        .and_then(|q| q.talk_share_mean)
                        .map(|s| (i as f64, s))
                })
                .collect();
            let trend = (sequence && pts.len() >= 2).then(|| {
                let n = pts.len() as f64;
                let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
                let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
                let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
                let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
                r(sxy / sxx, 4)
            });
            PersonOverall {
                figures: person_figures(name, items),
                talk_share_trend: trend,
            }
        })
        .collect();
    TeamReport {
        schema: SCHEMA,
        tool: crate::report::Tool::default(),
        by: match by {
            Period::Week => "week",
            Period::Month => "month",
            Period::Series => "series",
        },
        series: Vec::new(),
        since: since.map(|d| d.to_string()),
        until: until.map(|d| d.to_string()),
        not_people: not_people_overall(&meetings),
        meetings,
        what_changed: if sequence {
            summary::what_changed(&periods)
        } else {
            None
        },
        periods,
        people,
        min_meetings: summary::DEFAULT_MIN_MEETINGS,
        baseline: None,
        skipped,
        errors: Vec::new(),
    }
}

/// The speakers that are not people over `meetings`, by name (letter case ignored), in
/// name order.
fn not_people_overall(meetings: &[MeetingSummary]) -> Vec<NotPersonOverall> {
    let mut all: BTreeMap<String, NotPersonOverall> = BTreeMap::new();
    for m in meetings {
        for n in &m.not_people {
            let e = all
                .entry(crate::speakers::name_key(&n.name))
                .or_insert_with(|| NotPersonOverall {
                    name: n.name.clone(),
                    meetings: 0,
                    talk_seconds: None,
                });
            e.meetings += 1;
            if let Some(t) = n.talk_seconds {
                e.talk_seconds = Some(r(e.talk_seconds.unwrap_or(0.0) + t, 3));
            }
        }
    }
    all.into_values().collect()
}

/// True when `d` lies within the `--since`/`--until` range (both inclusive).
pub fn in_range(d: Date, since: Option<Date>, until: Option<Date>) -> bool {
    !(since.is_some_and(|x| d < x) || until.is_some_and(|x| d > x))
}

#[derive(Deserialize)]
struct BaselineDoc {
    schema: String,
    people: Vec<PersonOverall>,
}

/// Compares overall figures with a previous team report.
pub fn baseline_changes(now: &TeamReport, text: &str) -> Result<Vec<BaselineChange>, String> {
    let doc: BaselineDoc =
        serde_json::from_str(text).map_err(|e| format!("line {}: {e}", e.line()))?;
    if !doc.schema.starts_with("turnstat.team.") {
        return Err(format!(
            "schema `{}` is not a turnstat team report",
            doc.schema
        ));
    }
    let metrics = |p: &PersonPeriod| -> Vec<(&'static str, Option<f64>)> {
        let per = |x: usize| (p.meetings > 0).then(|| x as f64 / p.meetings as f64);
        vec![
            ("meetings", Some(p.meetings as f64)),
            ("talk_share_mean", p.talk_share_mean),
            ("interruptions_made_per_meeting", per(p.interruptions_made)),
            (
                "interruptions_received_per_meeting",
                per(p.interruptions_received),
            ),
            ("backchannels_per_meeting", per(p.backchannels)),
            ("inclusive_per_1000_words", p.inclusive_per_1000_words),
            ("sentiment_mean", p.sentiment_mean),
        ]
    };
    let mut out = Vec::new();
    for p in &now.people {
        let before = doc.people.iter().find(|q| {
            crate::speakers::name_key(&q.figures.name) == crate::speakers::name_key(&p.figures.name)
        });
        let mut m = BTreeMap::new();
        let now_m = metrics(&p.figures);
        let old_m = before.map(|b| metrics(&b.figures));
        for (i, (k, v)) in now_m.into_iter().enumerate() {
            let old = old_m.as_ref().and_then(|o| o[i].1);
            m.insert(
                k.to_string(),
                (old.map(|x| r(x, 4)), v.map(|x| r(x, 4)), diff(v, old, 4)),
            );
        }
        out.push(BaselineChange {
            name: p.figures.name.clone(),
            metrics: m,
        });
    }
    Ok(out)
}
