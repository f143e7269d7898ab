//! Word `.docx` transcripts (Microsoft Teams, Stream, a Google Meet Doc downloaded as Word):
//! the zip container and its `word/document.xml`, turned into lines of text.
//!
//! Every paragraph (`<w:p>`) of the body becomes a line; a line break (`<w:br/>`, `<w:cr/>`)
//! inside a paragraph starts a new line, a tab (`<w:tab/>`) is a tab; text comes from the runs'
//! `<w:t>` only (deleted revisions, field codes and the fallback copies of drawings are not
//! text). Line numbers in diagnostics count these lines. The text is then read by its layout
//! ([`parse`]): Stream cues, a Google Meet transcript, Teams turns, or, failing those, plain
//! `Name: text` paragraphs (with a warning).
//!
//! Problems with the container (not a zip, truncated, no `word/document.xml`, a
//! `document.xml` larger than [`MAX_DOCUMENT_XML`] once uncompressed, XML that is not
//! well-formed) are errors that reject the file; nothing here panics on any input.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Parsed;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use std::io::Read;

/// The largest `word/document.xml` read, uncompressed: 64 MiB (a transcript of a whole day
/// is a few MB; a larger one is taken for a zip bomb).
pub const MAX_DOCUMENT_XML: u64 = 64 << 20;

/// The WordprocessingML namespaces (transitional and strict).
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The markup-compatibility namespace (`mc:Fallback` holds a second copy of drawn text).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// True when `bytes` start like a zip archive (a local file header, or the end record of an
/// empty archive).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn reject(message: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(None, format!("{message}; file rejected"))
}

/// The `word/document.xml` of a `.docx`, uncompressed (at most `cap` bytes).
fn document_xml(bytes: &[u8], cap: u64) -> Result<Vec<u8>, Diagnostic> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| reject(format!("not a readable .docx (zip) file: {e}")))?;
    let mut file = zip.by_name("word/document.xml").map_err(|e| {
        reject(format!(
            "no word/document.xml in this zip ({e}): not a Word document"
        ))
    })?;
    let too_big = || {
        reject(format!(
            "word/document.xml is larger than {} once uncompressed (a zip bomb?)",
            if cap >= 1 << 20 {
                format!("{} MiB", cap >> 20)
            } else {
                format!("{cap} bytes")
            }
        ))
    };
    if file.size() > cap {
        return Err(too_big());
    }
    let mut out = Vec::new();
    (&mut file)
        .take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| {
            reject(format!(
                "word/document.xml cannot be read from the zip: {e}"
            ))
        })?;
    if out.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(out)
}

/// The text of a `.docx`: one line per paragraph and per line break (see the module docs).
pub fn text(bytes: &[u8], diags: &mut Diagnostics) -> Result<String, Diagnostic> {
    let xml = document_xml(bytes, MAX_DOCUMENT_XML)?;
    let xml = match String::from_utf8(xml) {
        Ok(s) => s,
        Err(e) => {
            diags.warn(
                1,
                "word/document.xml is not valid UTF-8; decoded with U+FFFD replacement characters",
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    paragraphs(xml.trim_start_matches('\u{FEFF}'))
}

/// The text of WordprocessingML (see the module docs).
pub fn paragraphs(xml: &str) -> Result<String, Diagnostic> {
    let mut reader = quick_xml::reader::NsReader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut in_para = false;
    let mut in_text = 0usize;
    let mut fallback = 0usize;
    let mut depth = 0usize;
    let mut root = None::<bool>;
    let is = |ns: &ResolveResult, uris: &[&str]| matches!(ns, ResolveResult::Bound(n) if uris.iter().any(|u| n.as_ref() == *u));
    loop {
        let (w, mc, ev) = match reader.read_resolved_event() {
            Ok((ns, ev)) => (is(&ns, &W_NS), is(&ns, &[MC_NS]), ev),
            Err(e) => {
                let e = e.to_string();
                return Err(reject(format!(
                    "word/document.xml is not well-formed XML (near byte {}): {e}",
                    reader.error_position()
                )));
            }
        };
        if let Event::Start(e) | Event::Empty(e) = &ev {
            root.get_or_insert(w && e.local_name().as_ref() == "document");
        }
        match ev {
            Event::Start(e) => {
                depth += 1;
                let local = e.local_name();
                let name = local.as_ref();
                if mc && name == "Fallback" {
                    fallback += 1;
                } else if fallback > 0 {
                } else if w && name == "p" {
                    if in_para {
                        // A paragraph inside a paragraph (a text box): its own line.
                        out.push_str(&para);
                        out.push('\n');
                        para.clear();
                    }
                    in_para = true;
                } else if w && name == "t" {
                    in_text += 1;
                }
            }
            Event::Empty(e) => {
                if fallback > 0 || !w {
                    continue;
                }
                match e.local_name().as_ref() {
                    "br" | "cr" => para.push('\n'),
                    "tab" => para.push('\t'),
                    "noBreakHyphen" => para.push('-'),
                    "p" => out.push('\n'),
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let local = e.local_name();
                let name = local.as_ref();
                if mc && name == "Fallback" {
                    fallback = fallback.saturating_sub(1);
                } else if fallback > 0 {
                } else if w && name == "p" {
                    out.push_str(&para);
                    out.push('\n');
                    para.clear();
                    in_para = false;
                } else if w && name == "t" {
                    in_text = in_text.saturating_sub(1);
                }
            }
            Event::Text(t) if in_text > 0 && fallback == 0 => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text > 0 && fallback == 0 => para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text > 0 && fallback == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    para.push_str(s);
                }
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(reject(
                        "word/document.xml ends before its elements are closed (a truncated file?)",
                    ));
                }
                break;
            }
            _ => {}
        }
        if out.len() + para.len() > MAX_DOCUMENT_XML as usize {
            break;
        }
    }
    if root != Some(true) {
        return Err(reject(
            "word/document.xml holds no WordprocessingML document (`<w:document>`)",
        ));
    }
    out.push_str(&para);
    Ok(out)
}

/// Reads a `.docx` transcript: its text, then the layout found in it (see the module docs).
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Result<Vec<Parsed>, Diagnostic> {
    let text = text(bytes, diags)?;
    parse_text(&text, diags)
}

/// Which layout the text of a `.docx` has, by content: Stream cues, Google Meet, Teams turns,
/// or none of these (`None`).
pub fn layout(text: &str) -> Option<&'static str> {
    if super::teams::is_stream(text) {
        Some("stream-docx")
    } else if super::meet::looks_like(text) {
        Some("google-meet-docx")
    } else if text
        .lines()
        .any(|l| super::headed::header(l).is_some_and(|h| h.name.is_some()))
    {
        Some("teams-docx")
    } else {
        None
    }
}

/// Reads the text of a `.docx` by its [`layout`].
pub fn parse_text(text: &str, diags: &mut Diagnostics) -> Result<Vec<Parsed>, Diagnostic> {
    match layout(text) {
        Some("stream-docx") => super::teams::parse_stream(text, diags).map(|p| vec![p]),
        Some("google-meet-docx") => super::meet::parse(text, "google-meet-docx", diags),
        Some(_) => super::teams::parse_teams(text, "teams-docx", diags).map(|p| vec![p]),
        None => {
            diags.warn(
                1,
                "no Teams, Stream or Google Meet transcript layout in this .docx; its paragraphs \
                 are read as plain `Name: text` lines",
            );
            let mut p = super::plain::parse(text, diags)?;
            p.format = "docx-text";
            Ok(vec![p])
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A `.docx` (a zip) whose `word/document.xml` holds `body` inside `<w:body>`.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"{}\" xmlns:mc=\"{MC_NS}\"><w:body>{body}</w:body></w:document>",
            W_NS[0]
        );
        zip_of(&[("word/document.xml", xml.as_bytes())])
    }

    /// A zip of the given files (deflated).
    pub(crate) fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    const BR: &str = "<w:r><w:br/></w:r>";

    #[test]
    fn breaks_and_paragraphs_give_the_same_lines() {
        let mut d = Diagnostics::new();
        let one = docx(
            &(p(&format!(
                "{}{BR}{}",
                r("Ann Lee   0:03"),
                r("Hello &amp; welcome.")
            )) + "<w:p/>"),
        );
        let two = docx(&(p(&r("Ann Lee   0:03")) + &p(&r("Hello &amp; welcome."))));
        assert_eq!(
            text(&one, &mut d).unwrap(),
            "Ann Lee   0:03\nHello & welcome.\n\n"
        );
        assert_eq!(
            text(&two, &mut d).unwrap(),
            "Ann Lee   0:03\nHello & welcome.\n"
        );
    }

    #[test]
    fn teams_with_translated_event() {
        let body = [
            p(&r("Réunion-20260615_133555-Transcription de la réunion")),
            p(&r("15 juin 2026, 03:35")),
            p(&r("1m 5s")),
            p(&r("Marie Curie a démarré la transcription")),
            p(&format!(
                "{}{BR}{}{BR}{}",
                r("Marie Curie   0:03"),
                r("Bonjour."),
                r("Ça va ?")
            )),
            p(&format!("{}{BR}{}", r("Pierre 2   1:00"), r("Oui."))),
            p(&r("Marie Curie a arrêté la transcription")),
        ]
        .concat();
        let mut d = Diagnostics::new();
        let ps = parse(&docx(&body), &mut d).unwrap();
        let p = &ps[0];
        assert_eq!(p.format, "teams-docx");
        let got: Vec<(Option<&str>, &str)> = p
            .segments
            .iter()
            .map(|s| (s.speaker.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Marie Curie"), "Bonjour. Ça va ?"),
                (Some("Pierre 2"), "Oui.")
            ]
        );
        // The last turn's estimated end is cut at the stated length, 1m 5s.
        assert_eq!(p.segments[1].span.unwrap().start, 60_000);
        assert!(p.segments[1].span.unwrap().end <= 65_000);
    }

    #[test]
    fn fallback_copies_and_field_codes_are_not_text() {
        let body = p(&format!(
            "{}<mc:AlternateContent><mc:Choice>{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>\
             <w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:delText>gone</w:delText></w:r>",
            r("a"),
            r("b"),
            r("c")
        ));
        assert_eq!(text(&docx(&body), &mut Diagnostics::new()).unwrap(), "ab\n");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let mut d = Diagnostics::new();
        for bytes in [
            b"PK\x03\x04garbage".to_vec(),
            b"PK\x05\x06".to_vec(),
            Vec::new(),
            zip_of(&[("word/other.xml", b"<a/>")]),
            zip_of(&[("word/document.xml", b"<w:p><unclosed>")]),
            docx(&p(&r("ok")))[..60].to_vec(),
        ] {
            let e = parse(&bytes, &mut d).unwrap_err();
            assert!(e.message.ends_with("file rejected"), "{}", e.message);
        }
        let e = parse(&zip_of(&[("word/other.xml", b"<a/>")]), &mut d).unwrap_err();
        assert!(e.message.contains("no word/document.xml"), "{}", e.message);
    }

    #[test]
    fn the_uncompressed_size_is_capped() {
        let big = docx(&p(&r(&"x".repeat(5000))));
        let e = document_xml(&big, 1000).unwrap_err();
        assert!(
            e.message.contains("larger than 1000 bytes"),
            "{}",
            e.message
        );
        assert!(document_xml(&big, 100_000).is_ok());
    }

    #[test]
    fn plain_paragraphs_when_no_layout() {
        let body = p(&r("Ann: hello")) + &p(&r("Bo: hi")) + &p(&r("Ann: bye"));
        let mut d = Diagnostics::new();
        let ps = parse(&docx(&body), &mut d).unwrap();
        assert_eq!(ps[0].format, "docx-text");
        assert_eq!(ps[0].segments.len(), 3);
        assert!(
            d.finish()
                .iter()
                .any(|x| x.message.contains("no Teams, Stream"))
        );
    }
}
