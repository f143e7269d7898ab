//! A progress bar on stderr for batches: only on a terminal, never with `--quiet`, hidden
//! for a single input (indicatif hides itself when stderr is not a terminal as well).

use indicatif::{ProgressBar, ProgressStyle};

/// A bar over `n` inputs, or a hidden one.
pub fn bar(n: usize, enabled: bool) -> ProgressBar {
    if !enabled || n < 2 {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(n as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos}/{len} transcripts {wide_bar} {eta}")
    {
        pb.set_style(style);
    }
    pb
}
