//! The spelling of a name: trimmed, inner whitespace collapsed.
//!
//! Below both speaker identity ([`crate::speakers`], which re-exports [`clean_name`]) and
//! the list of names that are not people ([`crate::nonpeople`]), which clean names alike: kept
//! apart so that neither of the two depends on the other both ways.

/// Trims and collapses inner whitespace (any Unicode whitespace becomes one space).
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
