//! The small Markdown subset the private speaker report is written in
//! ([`crate::render::speaker::speaker_markdown`]) turned into HTML, so the HTML page shows
//! exactly the same words, prompts and redactions as the Markdown file without repeating
//! their logic.
//!
//! Understood: ATX headings (`#`…`######`), paragraphs, `- ` and `1. ` list items (one line
//! each; an indented item nests under the previous one), pipe tables, `**strong**`,
//! `*em*`/`_em_`, `` `code` ``, backslash escapes and the character references the Markdown
//! escaper writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`). Everything else is text.
//! Every piece of text is HTML-escaped on the way out, links are shown as their text only
//! (no `href`), and raw HTML in the input stays text.

use super::esc;
use std::fmt::Write as _;

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// A heading: level (1–6) and its HTML.
    Heading(usize, String),
    /// A paragraph's HTML.
    Para(String),
    /// A list: ordered or not, items as HTML (with their nested list, if any).
    List(bool, Vec<String>),
    /// A table: header cells and rows, as HTML.
    Table(Vec<String>, Vec<Vec<String>>),
}

/// Inline Markdown → HTML, escaping all text.
pub(super) fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    let mut text = String::new();
    let mut open: Vec<&'static str> = Vec::new();
    let flush = |text: &mut String, out: &mut String| {
        out.push_str(&esc(text));
        text.clear();
    };
    let toggle = |tag: &'static str, open: &mut Vec<&'static str>, out: &mut String| {
        if open.last() == Some(&tag) {
            open.pop();
            let _ = write!(out, "</{tag}>");
        } else {
            open.push(tag);
            let _ = write!(out, "<{tag}>");
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                text.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '&' => {
                let rest: String = chars[i..chars.len().min(i + 6)].iter().collect();
                let refs = [
                    ("&amp;", '&'),
                    ("&lt;", '<'),
                    ("&gt;", '>'),
                    ("&quot;", '"'),
                    ("&#39;", '\''),
                ];
                if let Some((r, ch)) = refs.iter().find(|(r, _)| rest.starts_with(r)) {
                    text.push(*ch);
                    i += r.chars().count();
                    continue;
                }
                text.push('&');
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                flush(&mut text, &mut out);
                toggle("strong", &mut open, &mut out);
                i += 2;
                continue;
            }
            '*' | '_' => {
                // Emphasis only at a word edge, so `snake_case` stays text.
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(i + 1).copied();
                let opening = open.last() != Some(&"em")
                    && !before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(|a| !a.is_whitespace());
                let closing = open.last() == Some(&"em")
                    && !after.is_some_and(char::is_alphanumeric)
                    && before.is_some_and(|b| !b.is_whitespace());
                if opening || closing {
                    flush(&mut text, &mut out);
                    toggle("em", &mut open, &mut out);
                } else {
                    text.push(c);
                }
            }
            '`' => {
                if let Some(end) = chars[i + 1..].iter().position(|&x| x == '`') {
                    flush(&mut text, &mut out);
                    let code: String = chars[i + 1..i + 1 + end].iter().collect();
                    let _ = write!(out, "<code>{}</code>", esc(&code));
                    i += end + 2;
                    continue;
                }
                text.push(c);
            }
            c => text.push(c),
        }
        i += 1;
    }
    flush(&mut text, &mut out);
    while let Some(tag) = open.pop() {
        let _ = write!(out, "</{tag}>");
    }
    out
}

/// Splits a table row on unescaped `|`.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.iter().map(|c| inline(c.trim())).collect()
}

fn list_item(line: &str) -> Option<(usize, bool, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((indent, false, rest));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = t[digits..].strip_prefix(". ")
    {
        return Some((indent, true, rest));
    }
    None
}

/// Parses the document into blocks.
pub(super) fn blocks(md: &str) -> Vec<Block> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            out.push(Block::Heading(hashes, inline(t[hashes..].trim())));
            i += 1;
            continue;
        }
        if t.starts_with('|') {
            let mut rows: Vec<Vec<String>> = Vec::new();
            while i < lines.len() && lines[i].trim().starts_with('|') {
                let row = lines[i].trim();
                let separator = row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
                if !separator {
                    rows.push(cells(row));
                }
                i += 1;
            }
            let head = if rows.is_empty() {
                Vec::new()
            } else {
                rows.remove(0)
            };
            out.push(Block::Table(head, rows));
            continue;
        }
        if let Some((indent, ordered, _)) = list_item(line) {
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                match list_item(lines[i]) {
                    Some((ind, o, text)) if ind <= indent && o == ordered => {
                        items.push(inline(text));
                        i += 1;
                    }
                    Some((ind, o, _)) if ind > indent => {
                        // A nested list under the previous item.
                        let mut sub = Vec::new();
                        while i < lines.len() {
                            match list_item(lines[i]) {
                                Some((ind2, _, text)) if ind2 > indent => {
                                    sub.push(inline(text));
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        let tag = if o { "ol" } else { "ul" };
                        let nested = format!(
                            "<{tag}>{}</{tag}>",
                            sub.iter()
                                .map(|s| format!("<li>{s}</li>"))
                                .collect::<String>()
                        );
                        match items.last_mut() {
                            Some(last) => last.push_str(&nested),
                            None => items.push(nested),
                        }
                    }
                    _ => break,
                }
            }
            out.push(Block::List(ordered, items));
            continue;
        }
        let mut para = Vec::new();
        while i < lines.len() {
            let l = lines[i].trim();
            if l.is_empty()
                || l.starts_with('#')
                || l.starts_with('|')
                || list_item(lines[i]).is_some()
            {
                break;
            }
            para.push(l);
            i += 1;
        }
        out.push(Block::Para(inline(&para.join(" "))));
    }
    out
}

/// One block as HTML; headings are shifted by `shift` levels (capped at 6).
pub(super) fn block_html(b: &Block, shift: usize) -> String {
    match b {
        Block::Heading(level, html) => {
            let l = (level + shift).min(6);
            format!("<h{l}>{html}</h{l}>\n")
        }
        Block::Para(html) => format!("<p>{html}</p>\n"),
        Block::List(ordered, items) => {
            let tag = if *ordered { "ol" } else { "ul" };
            let mut s = format!("<{tag}>\n");
            for it in items {
                let _ = writeln!(s, "<li>{it}</li>");
            }
            let _ = writeln!(s, "</{tag}>");
            s
        }
        Block::Table(head, rows) => {
            let mut s = String::from("<div class=\"scroll\"><table>\n<thead><tr>");
            for h in head {
                let _ = write!(s, "<th scope=\"col\">{h}</th>");
            }
            s.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                s.push_str("<tr>");
                for (k, c) in r.iter().enumerate() {
                    if k == 0 {
                        let _ = write!(s, "<th scope=\"row\">{c}</th>");
                    } else {
                        let _ = write!(s, "<td>{c}</td>");
                    }
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</tbody>\n</table></div>\n");
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_and_escapes() {
        assert_eq!(inline("**Ann** said"), "<strong>Ann</strong> said");
        assert_eq!(inline(r"a \*b\* c"), "a *b* c");
        assert_eq!(
            inline("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(inline("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(inline("snake_case_name"), "snake_case_name");
        assert_eq!(
            inline("_em_ and `x<y`"),
            "<em>em</em> and <code>x&lt;y</code>"
        );
        assert_eq!(inline("**open"), "<strong>open</strong>");
        assert_eq!(inline("Tom &amp; Jerry"), "Tom &amp; Jerry");
    }

    #[test]
    fn blocks_of_a_report() {
        let md = "# Title\n\n**Name**\n\nLine one\nline two.\n\n## Part\n\n- a\n  - a1\n- b\n\n\
                  1. first\n2. second\n\n| h1 | h2 |\n| --- | ---: |\n| x \\| y | 2 |\n";
        let b = blocks(md);
        assert_eq!(b[0], Block::Heading(1, "Title".into()));
        assert_eq!(b[1], Block::Para("<strong>Name</strong>".into()));
        assert_eq!(b[2], Block::Para("Line one line two.".into()));
        assert_eq!(b[3], Block::Heading(2, "Part".into()));
        assert_eq!(
            b[4],
            Block::List(false, vec!["a<ul><li>a1</li></ul>".into(), "b".into()])
        );
        assert_eq!(
            b[5],
            Block::List(true, vec!["first".into(), "second".into()])
        );
        assert_eq!(
            b[6],
            Block::Table(
                vec!["h1".into(), "h2".into()],
                vec![vec!["x | y".into(), "2".into()]]
            )
        );
        assert_eq!(b.len(), 7);
        assert_eq!(block_html(&b[3], 1), "<h3>Part</h3>\n");
    }
}
