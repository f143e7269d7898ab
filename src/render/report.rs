//! Renderers of the `analyze` report: a terminal table and the JSON model.

use crate::render::{inert, width};
use crate::report::{MeetingReport, Report, SpeakerReport};
use comfy_table::{CellAlignment, Table, presets};

/// The complete model as pretty JSON (ends with a newline).
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "–".to_string(), |x| x.to_string())
}

fn opt_f(v: Option<f64>, places: usize) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{x:.places$}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

fn clock(s: Option<f64>) -> String {
    s.map_or_else(
        || "–".to_string(),
        |s| {
            let ms = (s * 1000.0).round() as u64;
            format!(
                "{}:{:02}:{:02}",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60
            )
        },
    )
}

fn table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    width::arrange(&mut t, width);
    t
}

/// A column of the speakers table (in the order the table shows them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerColumn {
    /// The speaker's name.
    Speaker,
    /// Talk time, `h:mm:ss`.
    Talk,
    /// Share of the meeting's talk time.
    Share,
    /// Number of turns.
    Turns,
    /// Number of words.
    Words,
    /// Words per minute of talk.
    Wpm,
    /// The longest monologue, in seconds.
    Longest,
    /// Median gap before the speaker's responses, in seconds.
    Gap,
    /// Questions asked.
    Questions,
    /// Fillers per 100 words.
    Fillers,
    /// Interruptions made (and how many of them took the floor).
    InterruptionsMade,
    /// Interruptions received.
    InterruptionsReceived,
    /// Backchannels given.
    Backchannels,
}

impl SpeakerColumn {
    /// Every column, in display order (left to right).
    pub const ALL: [SpeakerColumn; 13] = [
        SpeakerColumn::Speaker,
        SpeakerColumn::Talk,
        SpeakerColumn::Share,
        SpeakerColumn::Turns,
        SpeakerColumn::Words,
        SpeakerColumn::Wpm,
        SpeakerColumn::Longest,
        SpeakerColumn::Gap,
        SpeakerColumn::Questions,
        SpeakerColumn::Fillers,
        SpeakerColumn::InterruptionsMade,
        SpeakerColumn::InterruptionsReceived,
        SpeakerColumn::Backchannels,
    ];

    /// The header of the full table (`--wide`, an unknown width, or a terminal wide enough).
    pub fn header(self) -> &'static str {
        match self {
            SpeakerColumn::Speaker => "speaker",
            SpeakerColumn::Talk => "talk",
            SpeakerColumn::Share => "share",
            SpeakerColumn::Turns => "turns",
            SpeakerColumn::Words => "words",
            SpeakerColumn::Wpm => "wpm",
            SpeakerColumn::Longest => "longest",
            SpeakerColumn::Gap => "gap (med)",
            SpeakerColumn::Questions => "questions",
            SpeakerColumn::Fillers => "fillers/100",
            SpeakerColumn::InterruptionsMade => "interrupts",
            SpeakerColumn::InterruptionsReceived => "interrupted",
            SpeakerColumn::Backchannels => "backchannels",
        }
    }

    /// The header of the compact table (a terminal narrower than the full table).
    pub fn short_header(self) -> &'static str {
        match self {
            SpeakerColumn::Longest => "long",
            SpeakerColumn::Gap => "gap",
            SpeakerColumn::Questions => "q",
            SpeakerColumn::Fillers => "f/100",
            SpeakerColumn::InterruptionsMade => "int→",
            SpeakerColumn::InterruptionsReceived => "int←",
            SpeakerColumn::Backchannels => "bc",
            c => c.header(),
        }
    }

    /// What a short header stands for, printed in the legend under the compact table
    /// (`None`: the short header is the full one and needs no legend).
    pub fn legend(self) -> Option<&'static str> {
        match self {
            SpeakerColumn::Longest => Some("longest monologue"),
            SpeakerColumn::Gap => Some("median response gap (s)"),
            SpeakerColumn::Questions => Some("questions"),
            SpeakerColumn::Fillers => Some("fillers per 100 words"),
            SpeakerColumn::InterruptionsMade => {
                Some("interruptions made (in brackets: took the floor)")
            }
            SpeakerColumn::InterruptionsReceived => Some("interruptions received"),
            SpeakerColumn::Backchannels => Some("backchannels"),
            _ => None,
        }
    }

    /// Whether the column is right-aligned (all but the name).
    fn right(self) -> bool {
        self != SpeakerColumn::Speaker
    }

    /// The cell of speaker `s`; `short` abbreviates the interruptions made.
    fn cell(self, s: &SpeakerReport, short: bool) -> String {
        match self {
            SpeakerColumn::Speaker => inert(&s.name),
            SpeakerColumn::Talk => clock(s.talk_seconds),
            SpeakerColumn::Share => pct(s.talk_share),
            SpeakerColumn::Turns => s.turns.to_string(),
            // A speaker of a language written without spaces is counted in characters.
            SpeakerColumn::Words => match (s.words, s.characters) {
                (None, Some(c)) => format!("{c} chars"),
                (w, _) => opt(w),
            },
            SpeakerColumn::Wpm => match (s.words_per_minute, s.characters_per_minute) {
                (None, Some(c)) => format!("{c:.0} c/min"),
                (w, _) => opt_f(w, 0),
            },
            SpeakerColumn::Longest => s
                .longest_monologue
                .as_ref()
                .map_or_else(|| "–".to_string(), |l| format!("{:.0}s", l.seconds)),
            SpeakerColumn::Gap => opt_f(s.response_gap_median_seconds, 2),
            SpeakerColumn::Questions => opt(s.questions),
            SpeakerColumn::Fillers => opt_f(s.fillers_per_100_words, 1),
            SpeakerColumn::InterruptionsMade if short => {
                format!("{} ({})", s.interruptions_made, s.interruptions_successful)
            }
            SpeakerColumn::InterruptionsMade => format!(
                "{} ({} took floor)",
                s.interruptions_made, s.interruptions_successful
            ),
            SpeakerColumn::InterruptionsReceived => s.interruptions_received.to_string(),
            SpeakerColumn::Backchannels => s.backchannels.to_string(),
        }
    }
}

/// The order in which the speakers table keeps its columns on a terminal too narrow for all
/// of them, most important first. The compact table (short headers, legend underneath) drops
/// columns from the end of this list until it fits, and never drops the first
/// [`KEPT_COLUMNS`]; only then are names cut (`…`). Who spoke and how much comes first, then
/// turn-taking and interruptions, then the wording and pacing details. The README's
/// "The terminal table" repeats this order.
pub const COLUMN_PRIORITY: [SpeakerColumn; 13] = [
    SpeakerColumn::Speaker,
    SpeakerColumn::Share,
    SpeakerColumn::Talk,
    SpeakerColumn::Turns,
    SpeakerColumn::InterruptionsMade,
    SpeakerColumn::InterruptionsReceived,
    SpeakerColumn::Words,
    SpeakerColumn::Wpm,
    SpeakerColumn::Questions,
    SpeakerColumn::Fillers,
    SpeakerColumn::Longest,
    SpeakerColumn::Gap,
    SpeakerColumn::Backchannels,
];

/// How many columns of [`COLUMN_PRIORITY`] the compact table always keeps (speaker, share).
pub const KEPT_COLUMNS: usize = 2;

/// The narrowest a name is cut to (`…` included) when even the kept columns do not fit.
const MIN_NAME_WIDTH: usize = 8;

/// One column's header and cells, with the width comfy-table will give its content.
struct Col {
    kind: SpeakerColumn,
    header: &'static str,
    cells: Vec<String>,
    content: usize,
}

impl Col {
    fn new(kind: SpeakerColumn, m: &MeetingReport, short: bool) -> Col {
        let header = if short {
            kind.short_header()
        } else {
            kind.header()
        };
        let cells: Vec<String> = m.speakers.iter().map(|s| kind.cell(s, short)).collect();
        let content = cells
            .iter()
            .map(|c| width::display_width(c))
            .chain(std::iter::once(width::display_width(header)))
            .max()
            .unwrap_or(0);
        Col {
            kind,
            header,
            cells,
            content,
        }
    }
}

/// The printed width of a `UTF8_FULL_CONDENSED` table with these columns: each column's
/// content plus one space of padding either side, and a border before, between and after.
fn table_chars(cols: &[&Col]) -> usize {
    cols.iter().map(|c| c.content + 2).sum::<usize>() + cols.len() + 1
}

fn render_speakers(cols: &[&Col], names: Option<&[String]>) -> String {
    let mut t = table(None);
    t.set_header(cols.iter().map(|c| c.header).collect::<Vec<_>>());
    let rows = cols.first().map_or(0, |c| c.cells.len());
    for r in 0..rows {
        t.add_row(
            cols.iter()
                .map(|c| match (c.kind, names) {
                    (SpeakerColumn::Speaker, Some(n)) => n[r].clone(),
                    _ => c.cells[r].clone(),
                })
                .collect::<Vec<_>>(),
        );
    }
    for (i, c) in cols.iter().enumerate() {
        if c.kind.right()
            && let Some(col) = t.column_mut(i)
        {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = t.to_string();
    out.push('\n');
    out
}

/// The speakers table, one line per speaker, for `width` (see [`meeting_table`]).
fn speakers_table(m: &MeetingReport, width: Option<u16>) -> String {
    let full: Vec<Col> = SpeakerColumn::ALL
        .iter()
        .map(|&k| Col::new(k, m, false))
        .collect();
    let full_refs: Vec<&Col> = full.iter().collect();
    let w = match width::known(width) {
        Some(w) if table_chars(&full_refs) > usize::from(w) => usize::from(w),
        _ => return render_speakers(&full_refs, None),
    };
    let short: Vec<Col> = SpeakerColumn::ALL
        .iter()
        .map(|&k| Col::new(k, m, true))
        .collect();
    let rank = |k: SpeakerColumn| COLUMN_PRIORITY.iter().position(|&p| p == k).unwrap_or(0);
    // Keep the most important `keep` columns (in display order) for the largest `keep` that fits.
    let pick =
        |keep: usize| -> Vec<&Col> { short.iter().filter(|c| rank(c.kind) < keep).collect() };
    let mut keep = COLUMN_PRIORITY.len();
    while keep > KEPT_COLUMNS && table_chars(&pick(keep)) > w {
        keep -= 1;
    }
    let cols = pick(keep);
    // Last resort: cut the names to what is left of the width.
    let total = table_chars(&cols);
    let names = (total > w).then(|| {
        let name_col = &short[0];
        let room = (name_col.content + w)
            .saturating_sub(total)
            .max(MIN_NAME_WIDTH)
            .max(width::display_width(name_col.header));
        name_col
            .cells
            .iter()
            .map(|n| width::truncate(n, room))
            .collect::<Vec<_>>()
    });
    let mut out = render_speakers(&cols, names.as_deref());
    let legend: Vec<String> = cols
        .iter()
        .filter_map(|c| c.kind.legend().map(|l| format!("{} = {l}", c.header)))
        .collect();
    for line in width::wrap_list(&legend, width) {
        out.push_str(&line);
        out.push('\n');
    }
    let hidden: Vec<String> = SpeakerColumn::ALL
        .iter()
        .filter(|&&k| rank(k) >= keep)
        .map(|k| k.header().to_string())
        .collect();
    if !hidden.is_empty() {
        let mut items = vec![format!("hidden at {w} columns (see --wide): {}", hidden[0])];
        items.extend(hidden[1..].iter().cloned());
        for line in width::wrap_list(&items, width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// One meeting as text: a summary line, the speakers table, balance, the who-interrupts-whom
/// matrix and the warnings.
///
/// `width` is the terminal width the tables should fit (from [`width::table_width`]; `None`
/// or `Some(0)`: unknown). At an unknown width, or when the full speakers table fits, every
/// column is printed with its full header at its natural width (what `--wide` asks for, by
/// passing `None`). Narrower, the speakers table keeps one line per speaker: short headers
/// with a legend under it, then columns dropped in [`COLUMN_PRIORITY`] order (named under the
/// table), then names cut with `…`. The matrix is wrapped by comfy-table to fit.
pub fn meeting_table(m: &MeetingReport, width: Option<u16>) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}, series {}): duration {}, speech {}, overlap {}, silence {}, {} switches/min, interruptions {}\n",
        inert(&m.source),
        m.format,
        inert(&m.series),
        clock(m.duration_seconds),
        clock(m.speech_seconds),
        clock(m.overlap_seconds),
        clock(m.silence_seconds),
        opt_f(m.switches_per_minute, 2),
        serde_json::to_value(m.interruption_mode).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
    ));
    out.push_str(&speakers_table(m, width));
    for b in std::iter::once(&m.balance).chain(m.roster_balance.as_ref()) {
        out.push_str(&format!(
            "balance over {} {}: gini {}, evenness {}, max share {} (equal share {}), turn gini {}\n",
            b.people,
            if b.covers == "roster" { "people on the roster (silent attendees count as zero)" } else { "speakers" },
            opt_f(b.gini, 2),
            opt_f(b.evenness, 2),
            pct(b.max_share),
            pct(b.equal_share),
            format_args!("{:.2}", b.turn_gini),
        ));
    }
    if !m.silent_attendees.is_empty() {
        out.push_str(&format!(
            "silent attendees: {}\n",
            inert(&m.silent_attendees.join(", "))
        ));
    }
    if !m.not_people.is_empty() {
        let list: Vec<String> = m
            .not_people
            .iter()
            .map(|n| format!("{} {}", inert(&n.name), clock(n.talk_seconds)))
            .collect();
        out.push_str(&format!(
            "not people (speech of the meeting, in no one's share or balance): {}\n",
            list.join(", ")
        ));
    }
    if let Some(c) = &m.chat {
        out.push_str(&chat_lines(c));
    }
    let total: usize = m.matrix.counts.iter().flatten().sum();
    if total > 0 {
        let mut t = table(width);
        let active: Vec<usize> = (0..m.matrix.speakers.len())
            .filter(|&i| {
                m.matrix.counts[i].iter().sum::<usize>() > 0
                    || m.matrix.counts.iter().any(|r| r[i] > 0)
            })
            .collect();
        let names: Vec<String> = active
            .iter()
            .map(|&i| inert(&m.matrix.speakers[i]))
            .collect();
        // The corner names the reading direction; on a terminal too narrow for it in full, a
        // shorter form spares a column of wrapped words (comfy-table wraps whatever remains).
        let widest = names
            .iter()
            .map(|n| width::display_width(n))
            .max()
            .unwrap_or(0);
        let corner = "who ↓ interrupts whom →";
        let cells: usize = active
            .iter()
            .zip(&names)
            .map(|(&j, n)| {
                let digits = active
                    .iter()
                    .map(|&i| m.matrix.counts[i][j].to_string().len())
                    .max()
                    .unwrap_or(1);
                width::display_width(n).max(digits) + 3
            })
            .sum();
        let natural = 1 + width::display_width(corner).max(widest) + 3 + cells;
        let corner = match width::known(width) {
            Some(w) if natural > usize::from(w) => "↓ interrupts →",
            _ => corner,
        };
        let mut header = vec![corner.to_string()];
        header.extend(names.iter().cloned());
        t.set_header(header);
        for &i in &active {
            let mut row = vec![inert(&m.matrix.speakers[i])];
            row.extend(active.iter().map(|&j| {
                if i == j {
                    "·".to_string()
                } else {
                    m.matrix.counts[i][j].to_string()
                }
            }));
            t.add_row(row);
        }
        width::floor_columns(&mut t, width);
        out.push_str(&t.to_string());
        out.push('\n');
    }
    for w in &m.warnings {
        out.push_str(&format!("note: {w}\n"));
    }
    out
}

/// How many writers the chat line names (the most messages first).
const CHAT_NAMED: usize = 5;

/// The meeting's chat in two lines: totals and what was left out, then the writers with the
/// most messages and their participation share.
fn chat_lines(c: &crate::report::chat::ChatReport) -> String {
    let writers: Vec<&crate::report::chat::ChatPersonReport> = {
        let mut w: Vec<_> = c.people.iter().filter(|p| p.messages > 0).collect();
        // Stable: ties keep the people's order.
        w.sort_by_key(|p| std::cmp::Reverse(p.messages));
        w
    };
    let mut out = format!(
        "chat ({}, {} clock): {} messages, {} reactions, {} private messages left out (never counted or quoted)\n",
        c.format, c.clock, c.messages, c.reactions, c.private_left_out
    );
    if !writers.is_empty() {
        let named: Vec<String> = writers
            .iter()
            .take(CHAT_NAMED)
            .map(|p| {
                format!(
                    "{} {} ({} questions; participation {})",
                    inert(&p.name),
                    p.messages,
                    p.questions,
                    pct(p.participation_share)
                )
            })
            .collect();
        out.push_str(&format!(
            "most messages: {}{}\n",
            named.join(", "),
            if writers.len() > CHAT_NAMED {
                format!(", and {} more writers", writers.len() - CHAT_NAMED)
            } else {
                String::new()
            }
        ));
    }
    out
}

/// The whole report as text, every meeting's tables fitted to `width` as in
/// [`meeting_table`].
pub fn table_text(r: &Report, width: Option<u16>) -> String {
    let mut out = String::new();
    for m in &r.meetings {
        out.push_str(&meeting_table(m, width));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_lists_every_column_once_name_first() {
        assert_eq!(COLUMN_PRIORITY[0], SpeakerColumn::Speaker);
        assert_eq!(COLUMN_PRIORITY.len(), SpeakerColumn::ALL.len());
        for c in SpeakerColumn::ALL {
            assert_eq!(
                COLUMN_PRIORITY.iter().filter(|&&p| p == c).count(),
                1,
                "{c:?}"
            );
        }
    }

    #[test]
    fn every_abbreviated_header_is_explained() {
        for c in SpeakerColumn::ALL {
            assert_eq!(
                c.short_header() != c.header(),
                c.legend().is_some(),
                "{c:?}"
            );
            assert!(c.short_header().chars().count() <= c.header().chars().count());
        }
    }
}
