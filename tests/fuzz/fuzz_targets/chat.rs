//! The Zoom chat parser and its content sniffing: any bytes (decoded lossily).
#![no_main]

use libfuzzer_sys::fuzz_target;
use turnstat::chat::{self, ChatClock};
use turnstat::diag::Severity;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let sniffed = chat::looks_like_chat(&text);
    // Sniffing looks past a BOM and blank lines.
    if !text.starts_with('\u{feff}') {
        let padded = format!("\u{feff}\r\n \t\n{text}");
        assert_eq!(
            chat::looks_like_chat(&padded),
            sniffed,
            "BOM and blank lines change sniffing"
        );
    }
    match chat::parse("fuzz.txt", &text) {
        Ok(log) => {
            // Lines count at LF and CR (CRLF counts twice here: an upper bound).
            let lines = 1 + text.matches(['\n', '\r']).count();
            let mut last = 0;
            for m in &log.messages {
                assert!(
                    m.line >= 1 && m.line <= lines,
                    "message line {} of {lines}",
                    m.line
                );
                assert!(m.line > last, "messages out of order");
                last = m.line;
                assert!(!m.name.is_empty(), "message without a name");
                assert!(!m.text.contains('\r'), "CR in a message");
                assert_eq!(m.text, m.text.trim(), "untrimmed text");
            }
            for r in &log.reactions {
                assert!(
                    r.line >= 1 && r.line <= lines,
                    "reaction line {} of {lines}",
                    r.line
                );
                assert!(!r.name.is_empty() && !r.emoji.is_empty());
            }
            let day = 24 * 3_600_000;
            if log.clock == ChatClock::TimeOfDay {
                assert!(log.messages.iter().all(|m| m.time_ms < day));
                assert!(log.reactions.iter().all(|r| r.time_ms < day));
            }
            for d in &log.diagnostics {
                assert_eq!(d.severity, Severity::Warning, "{d:?}");
                assert!(d.line.is_some_and(|l| l >= 1 && l <= lines), "{d:?}");
            }
        }
        Err(e) => {
            // Text that looks like a chat is never rejected.
            assert!(!sniffed, "sniffed as a chat but rejected: {e:?}");
            assert_eq!(e.severity, Severity::Error);
            assert!(e.line.is_some_and(|l| l >= 1));
        }
    }
});
