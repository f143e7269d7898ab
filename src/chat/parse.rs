//! TEMPORARY reader of the tab layout only, replaced by the full reader (branch chat-parse).

use super::{ChatClock, ChatLayout, ChatLog, ChatMessage, ChatReaction};
use crate::diag::Diagnostic;

fn time(s: &str) -> Option<u64> {
    let mut it = s.split(':').map(|p| p.parse::<u64>().ok());
    let (h, m, sec) = (it.next()??, it.next()??, it.next()??);
    Some(((h * 60 + m) * 60 + sec) * 1000)
}

/// True when the first line is a tab-layout chat line.
pub fn looks_like_chat(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .next()
        .unwrap_or("");
    let f: Vec<&str> = first.splitn(3, '\t').collect();
    f.len() == 3 && time(f[0]).is_some() && f[1].ends_with(':')
}

/// Reads a chat.
pub fn parse(source: &str, text: &str) -> Result<ChatLog, Diagnostic> {
    let mut log = ChatLog {
        source: source.to_string(),
        layout: ChatLayout::ZoomTab,
        clock: ChatClock::Offset,
        messages: vec![],
        reactions: vec![],
        removed_reactions: 0,
        private_left_out: 0,
        diagnostics: vec![],
    };
    let mut cur: Option<(u64, String, String, usize)> = None;
    let flush = |log: &mut ChatLog, c: Option<(u64, String, String, usize)>| {
        if let Some((t, name, body, line)) = c {
            let body = body.trim_end().to_string();
            if let Some(r) = body.strip_prefix("Reacted to \"") {
                let (target, emoji) = r.rsplit_once("\" with ").unwrap_or((r, ""));
                log.reactions.push(ChatReaction {
                    time_ms: t,
                    name,
                    emoji: emoji.to_string(),
                    target: target.to_string(),
                    line,
                });
            } else if let Some(r) = body.strip_prefix("Replying to \"") {
                let (q, rest) = r.split_once('\n').unwrap_or((r, ""));
                log.messages.push(ChatMessage {
                    time_ms: t,
                    name,
                    text: rest.trim().to_string(),
                    reply_to: Some(q.trim_end_matches('"').to_string()),
                    line,
                });
            } else {
                log.messages.push(ChatMessage {
                    time_ms: t,
                    name,
                    text: body,
                    reply_to: None,
                    line,
                });
            }
        }
    };
    for (i, l) in text.trim_start_matches('\u{FEFF}').lines().enumerate() {
        let l = l.trim_end_matches('\r');
        let f: Vec<&str> = l.splitn(3, '\t').collect();
        if f.len() == 3
            && f[1].ends_with(':')
            && let Some(t) = time(f[0])
        {
            let c = cur.take();
            flush(&mut log, c);
            cur = Some((
                t,
                f[1].trim_end_matches(':').to_string(),
                f[2].to_string(),
                i + 1,
            ));
        } else if let Some(c) = cur.as_mut() {
            c.2.push('\n');
            c.2.push_str(l);
        }
    }
    let c = cur.take();
    flush(&mut log, c);
    if log.messages.is_empty() && log.reactions.is_empty() {
        return Err(Diagnostic::error(Some(1), "not a Zoom chat"));
    }
    Ok(log)
}
