//! How wide the terminal tables may be.
//!
//! One decision, made once per run by [`table_width`] and then passed to every table
//! renderer as `width: Option<u16>` (so a renderer's output depends only on its arguments,
//! and tests pass explicit widths):
//!
//! 1. `COLUMNS`, when set in the environment to a whole number: that number, also when stdout
//!    is not a terminal (a shell keeps `COLUMNS` unexported, so one in the environment was set
//!    on purpose: `COLUMNS=100 turnstat analyze -f table x.vtt | less`). `COLUMNS=0` asks for
//!    the natural width. Any other value is ignored. (As clap and Python's
//!    `shutil.get_terminal_size` do: the variable before the terminal.)
//! 2. Otherwise, when stdout is a terminal that reports a size, its column count.
//! 3. Otherwise `None`: the width is unknown (stdout is a file or a pipe, or a pseudo-terminal
//!    without a size, as `script` and some CI runners give, which reports 0 columns), and the
//!    tables are printed at their natural width, never wrapped.
//!
//! The terminal is asked through `terminal_size` (about stdout itself, the stream the tables
//! go to; a zero size counts as none). comfy-table's own `Table::width()` was not used: it
//! measures `/dev/tty` rather than stdout, reports a size-less pty as width 0 (the cause of
//! the one-letter-wide columns), and falls back to running `tput`.
//!
//! `--wide` bypasses all of this: the caller passes `None`.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};
use std::ffi::OsStr;

/// The width the tables should fit, or `None` for the natural width (see the module
/// documentation for the order: `COLUMNS`, then the terminal on stdout).
pub fn table_width() -> Option<u16> {
    decide(std::env::var_os("COLUMNS").as_deref(), || {
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0)
    })
}

/// [`table_width`] with its sources given: the value of `COLUMNS` (if set) and a function
/// that asks the terminal (called only when `COLUMNS` does not decide). A result is never
/// `Some(0)`.
pub fn decide(columns: Option<&OsStr>, terminal: impl FnOnce() -> Option<u16>) -> Option<u16> {
    if let Some(n) = columns
        .and_then(OsStr::to_str)
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        return (n > 0).then(|| u16::try_from(n).unwrap_or(u16::MAX));
    }
    terminal().filter(|&w| w > 0)
}

/// A width worth fitting: `Some(0)` means unknown, as `None`.
pub fn known(width: Option<u16>) -> Option<u16> {
    width.filter(|&w| w > 0)
}

/// Lays `t` out for `width`: at a known width, wrapped by comfy-table to fit it
/// ([`ContentArrangement::Dynamic`]); at an unknown one, at its natural width
/// ([`ContentArrangement::Disabled`]). Either way comfy-table never asks the terminal itself.
pub fn arrange(t: &mut Table, width: Option<u16>) {
    t.force_no_tty();
    match known(width) {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
}

/// The floor [`floor_columns`] aims for: a column of a fitted table keeps at least this much
/// of its content's width (without padding) when the table has room for that.
pub const MIN_COLUMN: u16 = 10;

/// The lowest floor: on a terminal too narrow for even this, the table is wider than asked
/// (the terminal folds its lines) rather than a tower of letters.
pub const MIN_COLUMN_TIGHT: u16 = 4;

/// Keeps each column of `t`, when comfy-table fits it to `width`, at least as wide as its
/// content or a floor, whichever is narrower: the highest floor from [`MIN_COLUMN`] down to
/// [`MIN_COLUMN_TIGHT`] at which every column fits the width (or the lowest, if none does).
/// comfy-table otherwise squeezes the columns of a wide table down to one letter each; with
/// the floor, text wraps at word boundaries instead. Call it once the header and rows are in;
/// it does nothing at an unknown width (natural width) or when the table fits as it is.
pub fn floor_columns(t: &mut Table, width: Option<u16>) {
    let Some(w) = known(width) else {
        return;
    };
    let content = t.column_max_content_widths();
    // Each column: content + 2 padding, plus one border per column and one more.
    let needs = |floor: u16| -> usize {
        content
            .iter()
            .map(|&c| usize::from(c.min(floor)) + 3)
            .sum::<usize>()
            + 1
    };
    if needs(u16::MAX) <= usize::from(w) {
        // Fits as it is: constraints would only make comfy-table wrap what needs no wrapping.
        return;
    }
    let floor = (MIN_COLUMN_TIGHT..=MIN_COLUMN)
        .rev()
        .find(|&f| needs(f) <= usize::from(w))
        .unwrap_or(MIN_COLUMN_TIGHT);
    for (col, c) in t.column_iter_mut().zip(content) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            c.min(floor) + 2,
        )));
    }
}

/// Display width of `s` in terminal columns (East Asian wide characters count 2).
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, ending with `…` when it was cut (`max` ≥ 1).
pub fn truncate(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Items joined by `, ` into lines of at most `width` columns (an item longer than the
/// width gets a line of its own); one line when the width is unknown.
pub fn wrap_list(items: &[String], width: Option<u16>) -> Vec<String> {
    let max = known(width).map_or(usize::MAX, usize::from);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        if cur.is_empty() {
            cur = piece;
        } else if display_width(&cur) + 1 + display_width(&piece) <= max {
            cur.push(' ');
            cur.push_str(&piece);
        } else {
            lines.push(std::mem::take(&mut cur));
            cur = piece;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<&OsStr> {
        Some(OsStr::new(s))
    }

    #[test]
    fn columns_wins_over_the_terminal() {
        assert_eq!(decide(os("100"), || Some(80)), Some(100));
        assert_eq!(decide(os(" 72 "), || None), Some(72));
        assert_eq!(decide(os("999999"), || None), Some(u16::MAX));
    }

    #[test]
    fn columns_zero_asks_for_the_natural_width() {
        assert_eq!(decide(os("0"), || Some(80)), None);
    }

    #[test]
    fn columns_not_a_number_is_ignored() {
        for v in ["", "wide", "-5", "80x", "8.5"] {
            assert_eq!(decide(os(v), || Some(90)), Some(90), "{v:?}");
            assert_eq!(decide(os(v), || None), None, "{v:?}");
        }
    }

    #[test]
    fn a_terminal_without_a_size_is_unknown() {
        assert_eq!(decide(None, || Some(0)), None);
        assert_eq!(decide(None, || None), None);
        assert_eq!(decide(None, || Some(120)), Some(120));
    }

    #[test]
    fn truncate_by_display_width() {
        assert_eq!(truncate("Justin Florentine", 8), "Justin …");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("exactly8", 8), "exactly8");
        // Wide characters count two columns each.
        assert_eq!(truncate("山田太郎さん", 6), "山田…");
        assert!(display_width(&truncate("山田太郎さん", 6)) <= 6);
    }

    #[test]
    fn wrap_list_fits_the_width() {
        let items: Vec<String> = ["a = one", "bb = two", "ccc = three"]
            .map(String::from)
            .to_vec();
        assert_eq!(wrap_list(&items, None), ["a = one, bb = two, ccc = three"]);
        assert_eq!(
            wrap_list(&items, Some(20)),
            ["a = one, bb = two,", "ccc = three"]
        );
        assert_eq!(wrap_list(&items, Some(3)).len(), 3);
    }
}
