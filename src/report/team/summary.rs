//! The team picture that opens the team report: the team's figures per group of meetings
//! with their change against the previous group, "what changed" between the last two
//! periods, and the order of the people after it.
//!
//! [`team_figures`] works on any group of meetings: today the groups are periods
//! (`--by week|month`); a meeting series is another such grouping and uses the same
//! function (and [`team_change`] where groups follow one another in time).
//!
//! # What changed
//!
//! [`what_changed`] compares the last period with the one before it (nothing with fewer than
//! two periods) and lists:
//!
//! 1. **Team figures** whose change reaches its threshold ([`TEAM_THRESHOLDS`]): mean Gini of
//!    talk time 0.05; mean largest share 5 points; competitive interruptions per hour 1.0;
//!    interruptions of either stance per hour 2.0; inclusive findings per 1,000 words 0.5;
//!    mean sentiment 0.05; silent attendees 2. They are ordered by how many thresholds they
//!    moved (|change| / threshold, largest first; ties in the order listed here).
//! 2. **People**: those who attended in both periods and spoke at least
//!    [`WHAT_CHANGED_MIN_MINUTES`] minutes in each, whose mean talk share moved by at least
//!    [`WHAT_CHANGED_MIN_SHARE`] (2 points); the [`WHAT_CHANGED_PEOPLE`] (5) largest moves
//!    by absolute size, ties by name.
//!
//! Each item states the figure before, after and the change: an observation of what moved,
//! not a verdict on it.

use super::{MeetingSummary, PeriodReport, PersonOverall, TeamChange, TeamFigures, TeamReport};
use super::{diff, mean, r};
use serde::Serialize;

/// People seen in fewer meetings than this are folded into one compact table (default of
/// `--min-meetings` and `[report] min_meetings`).
pub const DEFAULT_MIN_MEETINGS: usize = 2;

/// At most this many people are listed under "what changed".
pub const WHAT_CHANGED_PEOPLE: usize = 5;

/// A person is compared only when they spoke at least this many minutes in each period.
pub const WHAT_CHANGED_MIN_MINUTES: f64 = 2.0;

/// A person's mean talk share must move by at least this much (2 points).
pub const WHAT_CHANGED_MIN_SHARE: f64 = 0.02;

/// The team figures "what changed" looks at, with the change that makes one worth listing.
pub const TEAM_THRESHOLDS: [(&str, f64); 7] = [
    ("gini_mean", 0.05),
    ("max_share_mean", 0.05),
    ("interruptions_per_hour", 1.0),
    ("all_interruptions_per_hour", 2.0),
    ("inclusive_per_1000_words", 0.5),
    ("sentiment_mean", 0.05),
    ("silent_attendees", 2.0),
];

/// The team's figures over a group of meetings (a period, or any other grouping).
pub fn team_figures(ms: &[&MeetingSummary]) -> TeamFigures {
    let gini: Vec<f64> = ms.iter().filter_map(|m| m.gini).collect();
    let even: Vec<f64> = ms.iter().filter_map(|m| m.evenness).collect();
    let maxs: Vec<f64> = ms.iter().filter_map(|m| m.max_share).collect();
    let equal: Vec<f64> = ms.iter().filter_map(|m| m.equal_share).collect();
    let timed: Vec<f64> = ms.iter().filter_map(|m| m.duration).collect();
    let hours = timed.iter().sum::<f64>() / 3600.0;
    let per_hour = |n: usize| (hours > 0.0).then(|| r(n as f64 / hours, 2));
    let competitive: usize = ms.iter().map(|m| m.interruptions).sum();
    let cooperative: usize = ms.iter().map(|m| m.interruptions_cooperative).sum();
    let all: usize = ms.iter().map(|m| m.interruptions_all).sum();
    let rostered: Vec<usize> = ms.iter().filter_map(|m| m.silent_attendees).collect();
    let people = ms.iter().flat_map(|m| m.people.iter().map(|(_, f)| f));
    let (mut words, mut findings, mut sentences, mut sentiment) = (0usize, 0usize, 0usize, 0.0);
    for f in people {
        words += f.words;
        findings += f.inclusive;
        sentences += f.sentences;
        sentiment += f.sentiment_sum;
    }
    TeamFigures {
        meetings: ms.len(),
        gini_mean: mean(&gini).map(|x| r(x, 4)),
        evenness_mean: mean(&even).map(|x| r(x, 4)),
        max_share_mean: mean(&maxs).map(|x| r(x, 4)),
        interruptions_per_hour: per_hour(competitive),
        hours: (!timed.is_empty()).then(|| r(hours, 2)),
        equal_share_mean: mean(&equal).map(|x| r(x, 4)),
        silent_attendees: (!rostered.is_empty()).then(|| rostered.iter().sum()),
        cooperative_interruptions_per_hour: per_hour(cooperative),
        all_interruptions_per_hour: per_hour(all),
        competitive_interruptions: competitive,
        attendances: ms.iter().map(|m| m.people.len()).sum(),
        inclusive_per_1000_words: (words > 0)
            .then(|| r(findings as f64 * 1000.0 / words as f64, 2)),
        sentiment_mean: (sentences > 0).then(|| r(sentiment / sentences as f64, 4)),
    }
}

/// `now` minus `prev`, figure by figure (null where either is missing), at the precision
/// of the figures.
pub fn team_change(prev: &TeamFigures, now: &TeamFigures) -> TeamChange {
    let int = |a: Option<usize>, b: Option<usize>| Some(a? as i64 - b? as i64);
    TeamChange {
        meetings: now.meetings as i64 - prev.meetings as i64,
        hours: diff(now.hours, prev.hours, 2),
        gini_mean: diff(now.gini_mean, prev.gini_mean, 4),
        evenness_mean: diff(now.evenness_mean, prev.evenness_mean, 4),
        max_share_mean: diff(now.max_share_mean, prev.max_share_mean, 4),
        equal_share_mean: diff(now.equal_share_mean, prev.equal_share_mean, 4),
        silent_attendees: int(now.silent_attendees, prev.silent_attendees),
        interruptions_per_hour: diff(now.interruptions_per_hour, prev.interruptions_per_hour, 2),
        cooperative_interruptions_per_hour: diff(
            now.cooperative_interruptions_per_hour,
            prev.cooperative_interruptions_per_hour,
            2,
        ),
        all_interruptions_per_hour: diff(
            now.all_interruptions_per_hour,
            prev.all_interruptions_per_hour,
            2,
        ),
        inclusive_per_1000_words: diff(
            now.inclusive_per_1000_words,
            prev.inclusive_per_1000_words,
            2,
        ),
        sentiment_mean: diff(now.sentiment_mean, prev.sentiment_mean, 4),
    }
}

/// What moved most between the last two periods (module documentation: the rule).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WhatChanged {
    /// The earlier period's label.
    pub from: String,
    /// The later (last) period's label.
    pub to: String,
    /// What moved, team figures first, then people.
    pub items: Vec<Moved>,
}

/// One figure that moved.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Moved {
    /// `null` for a team figure, else the person's name.
    pub person: Option<String>,
    /// The figure: a [`TeamFigures`] field name, or `talk_share_mean` for a person.
    pub metric: &'static str,
    /// In the earlier period.
    pub before: f64,
    /// In the last period.
    pub after: f64,
    /// `after − before`.
    pub change: f64,
}

/// The value of a team figure named in [`TEAM_THRESHOLDS`], and the places it is kept to.
fn team_value(t: &TeamFigures, metric: &str) -> (Option<f64>, usize) {
    match metric {
        "gini_mean" => (t.gini_mean, 4),
        "max_share_mean" => (t.max_share_mean, 4),
        "interruptions_per_hour" => (t.interruptions_per_hour, 2),
        "all_interruptions_per_hour" => (t.all_interruptions_per_hour, 2),
        "inclusive_per_1000_words" => (t.inclusive_per_1000_words, 2),
        "sentiment_mean" => (t.sentiment_mean, 4),
        "silent_attendees" => (t.silent_attendees.map(|x| x as f64), 0),
        _ => (None, 0),
    }
}

/// "What changed" between the last two of `periods` (module documentation: the rule); null
/// with fewer than two periods.
pub fn what_changed(periods: &[PeriodReport]) -> Option<WhatChanged> {
    let [.., a, b] = periods else {
        return None;
    };
    let mut team: Vec<(f64, usize, Moved)> = Vec::new();
    for (k, (metric, threshold)) in TEAM_THRESHOLDS.iter().enumerate() {
        let ((before, places), (after, _)) =
            (team_value(&a.team, metric), team_value(&b.team, metric));
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        let change = r(after - before, places);
        // A small tolerance: a change of exactly the threshold counts despite binary fractions.
        if change.abs() + 1e-9 >= *threshold {
            team.push((
                change.abs() / threshold,
                k,
                Moved {
                    person: None,
                    metric,
                    before,
                    after,
                    change,
                },
            ));
        }
    }
    team.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut people: Vec<Moved> = Vec::new();
    for q in &b.people {
        let Some(p) = a.people.iter().find(|p| p.name == q.name) else {
            continue;
        };
        let enough = |m: Option<f64>| m.is_some_and(|m| m >= WHAT_CHANGED_MIN_MINUTES);
        if !(enough(p.talk_minutes) && enough(q.talk_minutes)) {
            continue;
        }
        let (Some(before), Some(after)) = (p.talk_share_mean, q.talk_share_mean) else {
            continue;
        };
        let change = r(after - before, 4);
        if change.abs() + 1e-9 >= WHAT_CHANGED_MIN_SHARE {
            people.push(Moved {
                person: Some(q.name.clone()),
                metric: "talk_share_mean",
                before,
                after,
                change,
            });
        }
    }
    people.sort_by(|x, y| {
        y.change
            .abs()
            .total_cmp(&x.change.abs())
            .then_with(|| x.person.cmp(&y.person))
    });
    people.truncate(WHAT_CHANGED_PEOPLE);
    Some(WhatChanged {
        from: a.period.clone(),
        to: b.period.clone(),
        items: team.into_iter().map(|t| t.2).chain(people).collect(),
    })
}

impl TeamReport {
    /// The people in the order the report shows them: by meetings attended (most first),
    /// then by name; split into those seen in at least [`TeamReport::min_meetings`]
    /// meetings who spoke in one of them (one panel each: the panel charts talk share) and
    /// the others — seen less often, or never heard (silent attendees, people who only
    /// wrote in the chat) — folded into one compact table.
    pub fn by_attendance(&self) -> (Vec<&PersonOverall>, Vec<&PersonOverall>) {
        let mut all: Vec<&PersonOverall> = self.people.iter().collect();
        all.sort_by(|a, b| {
            b.figures
                .meetings
                .cmp(&a.figures.meetings)
                .then_with(|| a.figures.name.cmp(&b.figures.name))
        });
        // A talk share of exactly 0 over the range: present, never heard.
        let never_heard = |p: &PersonOverall| p.figures.talk_share_mean == Some(0.0);
        all.into_iter()
            .partition(|p| p.figures.meetings >= self.min_meetings && !never_heard(p))
    }

    /// The index of the first period the summary shows: the last `n` periods are shown
    /// (the earlier ones stay in the per-period details).
    pub fn summary_start(&self, n: usize) -> usize {
        self.periods.len().saturating_sub(n)
    }
}
