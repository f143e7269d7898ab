//! HTML reports: snapshots on real fixtures, escaping, no external references, privacy of
//! the per-speaker page, and a real browser (headless Chromium) rendering the pages.

use crate::util::fixtures;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use turnstat::dates::{Date, DateSource};
use turnstat::ingest::{self, IngestOptions};
use turnstat::metrics::MetricsOptions;
use turnstat::model::Transcript;
use turnstat::render::html::{self, TurnBar};
use turnstat::report::team::{self, MeetingSummary, Period, TeamReport};
use turnstat::report::{self, Kind, MeetingReport, Report, SCHEMA, Tool};

const ZOOM: &str = "zoom/acdc_2026-02-19_175.vtt";
const AMI: &str = "ami/ES2005a.vtt";

/// A silent attendee on the Zoom call's roster, to show the roster's equal share.
const ZOOM_ROSTER_EXTRA: &str = "Dee Park";

fn load_bytes(source: &str, bytes: &[u8]) -> Transcript {
    let mut ts = ingest::load(source, bytes, &IngestOptions::default())
        .unwrap_or_else(|r| panic!("{source} rejected: {:?}", r.diagnostics));
    assert_eq!(ts.len(), 1);
    ts.pop().unwrap()
}

/// Loads a fixture under a stable, relative source name.
fn load(rel: &str) -> Transcript {
    let bytes = std::fs::read(fixtures().join(rel)).unwrap();
    load_bytes(&format!("fixtures/{rel}"), &bytes)
}

/// A meeting: transcript, report and turn bars.
struct Meeting {
    t: Transcript,
    m: MeetingReport,
    bars: Vec<TurnBar>,
}

fn meeting_with(t: Transcript, roster: &[&str]) -> Meeting {
    let opts = MetricsOptions {
        roster: roster.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let m = report::analyze(&t, &opts);
    let bars = html::turn_bars(&t);
    Meeting { t, m, bars }
}

fn zoom() -> Meeting {
    let t = load(ZOOM);
    let mut roster: Vec<String> = t.speakers.clone();
    roster.push(ZOOM_ROSTER_EXTRA.to_string());
    let roster: Vec<&str> = roster.iter().map(String::as_str).collect();
    meeting_with(t, &roster)
}

fn ami() -> Meeting {
    meeting_with(load(AMI), &[])
}

fn speaker_index(m: &MeetingReport, name: &str) -> usize {
    m.speakers.iter().position(|s| s.name == name).unwrap()
}

/// What `turnstat report` keeps of a meeting.
fn summary(m: &MeetingReport, date: Date) -> MeetingSummary {
    team::summarise(m, Some(date), DateSource::FileName, Vec::new())
}

/// The AMI meeting cut into `parts` meetings of consecutive cues (the same four people).
fn ami_parts(parts: usize) -> Vec<Transcript> {
    let text = std::fs::read_to_string(fixtures().join(AMI)).unwrap();
    let blocks: Vec<&str> = text.split("\n\n").filter(|b| b.contains("-->")).collect();
    let per = blocks.len().div_ceil(parts);
    blocks
        .chunks(per)
        .enumerate()
        .map(|(k, chunk)| {
            let vtt = format!("WEBVTT\n\n{}\n", chunk.join("\n\n"));
            load_bytes(
                &format!("fixtures/ami/ES2005a-part{}.vtt", k + 1),
                vtt.as_bytes(),
            )
        })
        .collect()
}

/// A team over three months: the AMI meeting in three parts (January to March 2026) and
/// the Zoom call (February 2026).
fn team_report() -> TeamReport {
    let mut summaries = Vec::new();
    for (k, t) in ami_parts(3).into_iter().enumerate() {
        let m = report::analyze(&t, &MetricsOptions::default());
        summaries.push(summary(&m, Date::new(2026, k as u32 + 1, 12).unwrap()));
    }
    let z = report::analyze(&load(ZOOM), &MetricsOptions::default());
    summaries.push(summary(&z, Date::new(2026, 2, 19).unwrap()));
    team::build(summaries, Period::Month, None, None)
}

/// Snapshot settings: the crate version is masked so a release does not churn snapshots.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(
        r"turnstat \d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?",
        "turnstat [version]",
    );
    s
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Checks a page is self-contained: no script, no external reference, one `h1`, landmarks.
fn assert_self_contained(page: &str) {
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"), "a <script> tag");
    assert!(!lower.contains("<iframe") && !lower.contains("<object") && !lower.contains("<embed"));
    assert!(!lower.contains("<link"), "a <link> element");
    assert!(!lower.contains("javascript:"));
    assert!(!lower.contains("@import") && !lower.contains("url(http"));
    for attr in ["src=", "href=", "xlink:href="] {
        for (p, _) in lower.match_indices(attr) {
            let value = &lower[p + attr.len()..];
            let value = value.trim_start_matches(['"', '\'']);
            assert!(
                !value.starts_with("http:")
                    && !value.starts_with("https:")
                    && !value.starts_with("//"),
                "external reference: {}",
                &page[p..(p + 80).min(page.len())]
            );
            if attr != "src=" {
                assert!(
                    value.starts_with('#'),
                    "a link that leaves the page: {}",
                    &page[p..(p + 60).min(page.len())]
                );
            }
        }
    }
    assert!(!regex_like_handler(&lower), "an event handler attribute");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(count(page, "<h1"), 1);
    for landmark in ["<header>", "<main id=\"main\">", "<footer>"] {
        assert_eq!(count(page, landmark), 1, "{landmark}");
    }
    // Every chart has a text alternative.
    let charts = count(page, "<svg role=\"img\"");
    assert_eq!(charts, count(page, "<svg role=\"img\" aria-labelledby=\""));
    assert_eq!(charts, count(page, "<desc id=\""));
    assert_eq!(charts, count(page, "<title id=\""));
    assert!(page.contains("Content-Security-Policy"));
    // Ids are unique, and every reference to one (labels, in-page links, patterns) resolves.
    let ids: Vec<&str> = regex::Regex::new(r#"\sid="([^"]+)""#)
        .unwrap()
        .captures_iter(page)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    let refs = regex::Regex::new(r##"aria-labelledby="([^"]+)"|href="#([^"]+)"|url\(#([^)]+)\)"##)
        .unwrap();
    for c in refs.captures_iter(page) {
        let r = c.get(1).or(c.get(2)).or(c.get(3)).unwrap().as_str();
        for id in r.split_whitespace() {
            assert!(unique.contains(id), "reference to a missing id {id}");
        }
    }
}

/// True when the page has an attribute like ` onerror=` or ` onload=` inside a tag.
fn regex_like_handler(lower: &str) -> bool {
    let re = regex::Regex::new(r"<[^>]*\son[a-z]+\s*=").unwrap();
    re.is_match(lower)
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn snapshot_meeting_pages() {
    let _g = settings().bind_to_scope();
    let z = zoom();
    insta::assert_snapshot!("html_zoom_meeting", html::meeting_html(&z.m, &z.bars));
    let a = ami();
    insta::assert_snapshot!("html_ami_meeting", html::meeting_html(&a.m, &a.bars));
}

#[test]
fn snapshot_speaker_page() {
    let _g = settings().bind_to_scope();
    let a = ami();
    let i = speaker_index(&a.m, "FEE019 (UI)");
    insta::assert_snapshot!(
        "html_ami_speaker_fee019",
        html::speaker_html(&a.m, i, false, &a.bars)
    );
}

#[test]
fn snapshot_team_page() {
    let _g = settings().bind_to_scope();
    insta::assert_snapshot!("html_team", html::team_html(&team_report()));
}

#[test]
fn output_is_deterministic_and_self_contained() {
    let z = zoom();
    let a = ami();
    let report = Report {
        schema: SCHEMA,
        tool: Tool::default(),
        meetings: vec![a.m.clone(), z.m.clone()],
        errors: vec![report::ErrorEntry {
            source: "fixtures/bad/<broken>.json".into(),
            line: Some(3),
            message: "expected `results`".into(),
        }],
    };
    let turns = vec![a.bars.clone(), z.bars.clone()];
    let page = html::report_html(&report, &turns);
    assert_eq!(page, html::report_html(&report, &turns));
    assert_self_contained(&page);
    assert!(page.contains("fixtures/bad/&lt;broken&gt;.json:3"));
    assert_eq!(count(&page, "<section class=\"meeting\""), 2);
    // Headings in order: h1, then h2 per meeting, h3 inside.
    let first_h3 = page.find("<h3").unwrap();
    assert!(page.find("<h2").unwrap() < first_h3);
    for m in [
        html::meeting_html(&z.m, &z.bars),
        html::meeting_html(&a.m, &a.bars),
    ] {
        assert_self_contained(&m);
    }
    for i in 0..a.m.speakers.len() {
        assert_self_contained(&html::speaker_html(&a.m, i, false, &a.bars));
        assert_self_contained(&html::speaker_html(&a.m, i, true, &a.bars));
    }
    assert_self_contained(&html::team_html(&team_report()));
    assert_eq!(html::speaker_html(&a.m, 99, false, &a.bars), "");
}

/// `--out` finds the names once per meeting and renders each page's HTML from its Markdown;
/// the one-page entry points must give the same pages.
#[test]
fn out_pages_equal_the_one_page_entry_points() {
    use turnstat::render::speaker::{SpeakerOptions, SpeakerReports, speaker_markdown};
    let a = ami();
    for show in [false, true] {
        let opts = SpeakerOptions {
            show_other_names: show,
        };
        let reports = SpeakerReports::new(&a.m, opts);
        for i in 0..=a.m.speakers.len() {
            let md = reports.markdown(i);
            assert_eq!(md, speaker_markdown(&a.m, i, &opts));
            assert_eq!(
                html::speaker_html_from(&a.m, i, show, &md, &a.bars),
                html::speaker_html(&a.m, i, show, &a.bars)
            );
        }
    }
}

#[test]
fn marks_match_the_model() {
    for mt in [zoom(), ami()] {
        let page = html::meeting_html(&mt.m, &mt.bars);
        let e = expected_marks(&mt);
        for (mark, n) in &e {
            assert_eq!(
                count(&page, &format!("data-mark=\"{mark}\"")),
                *n,
                "{} {mark}",
                mt.m.source
            );
        }
        // One bar per turn of the transcript (all are timed).
        assert_eq!(mt.bars.len(), mt.t.turns.len());
        assert_eq!(
            mt.bars.iter().filter(|b| !b.embedded).count(),
            mt.m.turns,
            "non-embedded turns"
        );
    }
}

/// The number of each chart mark a meeting page must have, from the model.
fn expected_marks(mt: &Meeting) -> Vec<(&'static str, usize)> {
    let m = &mt.m;
    // The table shows at most MAX_MATRIX_PEOPLE people (the most involved).
    let n = m
        .speakers
        .len()
        .min(turnstat::render::html::MAX_MATRIX_PEOPLE);
    vec![
        ("turn", mt.bars.len()),
        (
            "turn-length",
            mt.bars.iter().filter(|b| !b.embedded).count(),
        ),
        (
            "share",
            m.speakers.iter().filter(|s| s.talk_share.is_some()).count() + m.silent_attendees.len(),
        ),
        ("matrix-cell", n * n.saturating_sub(1)),
        (
            "sentiment",
            m.sentiment_trajectory
                .iter()
                .filter(|w| w.mean_compound.is_some())
                .count(),
        ),
        (
            "interruption",
            m.interruptions
                .iter()
                .filter(|e| e.kind == Kind::Interruption)
                .count(),
        ),
        (
            "overlap",
            m.interruptions
                .iter()
                .filter(|e| e.kind == Kind::Overlap)
                .count(),
        ),
    ]
}

/// The dots the team page's panels must have: one per period with a talk share, for each
/// person with a panel (seen in at least `min_meetings` meetings).
fn expected_trend_points(t: &TeamReport) -> usize {
    t.by_attendance()
        .0
        .iter()
        .map(|p| {
            t.periods
                .iter()
                .filter(|q| {
                    q.people
                        .iter()
                        .any(|x| x.name == p.figures.name && x.talk_share_mean.is_some())
                })
                .count()
        })
        .sum()
}

/// The `data-points` of the panels' dots, summed.
fn trend_points(page: &str) -> usize {
    regex::Regex::new(r#"data-mark="trend-points" data-points="(\d+)""#)
        .unwrap()
        .captures_iter(page)
        .map(|c| c[1].parse::<usize>().unwrap())
        .sum()
}

/// The number of each chart mark the team page must have.
fn expected_team_marks(t: &TeamReport) -> Vec<(&'static str, usize)> {
    vec![
        ("trend-points", t.by_attendance().0.len()),
        (
            "team-gini",
            t.periods
                .iter()
                .filter(|p| p.team.gini_mean.is_some())
                .count(),
        ),
        (
            "team-evenness",
            t.periods
                .iter()
                .filter(|p| p.team.evenness_mean.is_some())
                .count(),
        ),
    ]
}

#[test]
fn team_page_has_a_panel_per_person_and_the_periods() {
    let t = team_report();
    assert_eq!(t.periods.len(), 3);
    let page = html::team_html(&t);
    let (panels, folded) = t.by_attendance();
    // The four AMI people have a panel; the Zoom call's people (one meeting) are folded.
    assert_eq!(panels.len(), 4);
    assert_eq!(panels.len() + folded.len(), t.people.len());
    assert_eq!(count(&page, "<div class=\"multiples\">"), 1);
    assert_eq!(count(&page, "id=\"trend-"), panels.len() * 3); // figure, title, desc
    for (mark, n) in expected_team_marks(&t) {
        assert_eq!(count(&page, &format!("data-mark=\"{mark}\"")), n, "{mark}");
    }
    assert_eq!(trend_points(&page), expected_trend_points(&t));
    // Panels by meetings attended, then name; the folded table after them.
    let mut at = 0;
    for p in &panels {
        let k = page
            .find(&format!(
                "{}: talk share per month",
                html::esc(&p.figures.name)
            ))
            .unwrap();
        assert!(k > at, "{} out of order", p.figures.name);
        at = k;
    }
    let table = page.find("id=\"folded-h\"").expect("the folded table");
    assert!(table > at);
    for p in &folded {
        assert!(
            page[table..].contains(&format!(
                "<th scope=\"row\">{}</th>",
                html::esc(&p.figures.name)
            )),
            "{}",
            p.figures.name
        );
    }
    // The AMI people attended all three months: three points each.
    assert!(page.contains("MEE017 (PM): talk share per month"));
    for (k, p) in t.periods.iter().enumerate() {
        assert!(
            page.contains(&format!("<h3 id=\"period-{}\">{}</h3>", k + 1, p.period)),
            "{}",
            p.period
        );
    }
}

// ---------------------------------------------------------------------------------------
// Escaping

const HOSTILE: &str = "WEBVTT\n\n\
00:00:01.000 --> 00:00:04.000\n\
<v &lt;script&gt;alert(1)&lt;/script&gt;>Hello there everyone, welcome to the call.\n\n\
00:00:04.500 --> 00:00:09.000\n\
<v Bo \"Chen\" &amp; Co>Look at this &lt;img src=x onerror=alert(1)&gt; please, it is great.\n\n\
00:00:05.000 --> 00:00:07.000\n\
<v &lt;script&gt;alert(1)&lt;/script&gt;>No wait, I really disagree with that idea here.\n\n\
00:00:09.200 --> 00:00:14.000\n\
<v &lt;script&gt;alert(1)&lt;/script&gt;>Fine, &lt;img src=x onerror=alert(1)&gt; it is.\n";

fn hostile() -> Meeting {
    meeting_with(
        load_bytes("<b>evil</b>.vtt", HOSTILE.as_bytes()),
        &["<svg onload=alert(2)>"],
    )
}

#[test]
fn names_and_quotes_are_escaped() {
    let h = hostile();
    assert_eq!(h.m.speakers[0].name, "<script>alert(1)</script>");
    assert!(
        h.t.turns
            .iter()
            .any(|t| t.text.contains("<img src=x onerror=alert(1)>"))
    );
    let report = Report {
        schema: SCHEMA,
        tool: Tool::default(),
        meetings: vec![h.m.clone()],
        errors: vec![],
    };
    let mut pages = vec![
        html::meeting_html(&h.m, &h.bars),
        html::report_html(&report, std::slice::from_ref(&h.bars)),
    ];
    for i in 0..h.m.speakers.len() {
        pages.push(html::speaker_html(&h.m, i, true, &h.bars));
        pages.push(html::speaker_html(&h.m, i, false, &h.bars));
    }
    let mut s = summary(&h.m, Date::new(2026, 3, 1).unwrap());
    s.source = "<i>team</i>.vtt".into();
    pages.push(html::team_html(&team::build(
        vec![s],
        Period::Week,
        None,
        None,
    )));
    for (k, page) in pages.iter().enumerate() {
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"), "page {k}");
        assert!(!lower.contains("<img"), "page {k}");
        assert!(!lower.contains("<svg onload"), "page {k}");
        assert!(
            !lower.contains("<b>evil") && !lower.contains("<i>team"),
            "page {k}"
        );
        assert!(!regex_like_handler(&lower), "page {k}");
        assert_self_contained(page);
    }
    // The meeting page names the speaker, as text.
    assert!(pages[0].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(pages[0].contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(pages[0].contains("Bo &quot;Chen&quot; &amp; Co"));
    assert!(pages[0].contains("&lt;svg onload=alert(2)&gt;"));
    // The first speaker's own page shows their name and their words, as text.
    assert!(pages[3].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(pages[3].contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        pages
            .last()
            .unwrap()
            .contains("&lt;i&gt;team&lt;/i&gt;.vtt")
    );
}

// ---------------------------------------------------------------------------------------
// Privacy

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

#[test]
fn speaker_page_holds_only_own_words_and_no_other_names() {
    for mt in [ami(), zoom()] {
        let (t, m) = (&mt.t, &mt.m);
        for i in 0..m.speakers.len() {
            let page = html::speaker_html(m, i, false, &mt.bars);
            assert!(page.contains(&html::esc(&m.speakers[i].name)));
            assert!(page.contains("Participant"));
            for (j, other) in m.speakers.iter().enumerate() {
                if j == i {
                    continue;
                }
                assert!(
                    !page.contains(&html::esc(&other.name)),
                    "{}'s page names {}",
                    m.speakers[i].name,
                    other.name
                );
            }
            for a in &m.silent_attendees {
                assert!(!page.contains(&html::esc(a)), "roster name {a}");
            }
            let own: Vec<&str> = t
                .segments
                .iter()
                .filter(|s| s.speaker == i)
                .map(|s| s.text.as_str())
                .collect();
            for seg in t.segments.iter().filter(|s| s.speaker != i) {
                if words(&seg.text) >= 4 && !own.iter().any(|o| o.contains(&seg.text)) {
                    assert!(
                        !page.contains(&html::esc(&seg.text)) && !page.contains(&seg.text),
                        "{}'s page quotes {}: {}",
                        m.speakers[i].name,
                        t.speakers[seg.speaker],
                        seg.text
                    );
                }
            }
        }
    }
    // With names shown, other people's names appear, still without their words.
    let a = ami();
    let page = html::speaker_html(&a.m, 0, true, &a.bars);
    assert!(page.contains("MEE018 (ID)"));
    assert!(!page.contains("Participant 2"));
}

#[test]
fn speaker_page_highlights_their_lane() {
    let a = ami();
    let i = speaker_index(&a.m, "MEE018 (ID)");
    let page = html::speaker_html(&a.m, i, false, &a.bars);
    // Their bars are blue, everyone else's grey.
    let mine = a
        .bars
        .iter()
        .filter(|b| b.speaker == i && !b.embedded)
        .count();
    assert_eq!(
        count(
            &page,
            &format!("data-mark=\"turn\" data-speaker=\"{i}\" x=")
        ),
        mine
    );
    assert!(page.contains("Participant 1"));
    assert!(page.contains("Reflection prompts"));
    assert!(page.contains("<span class=\"private\">Private</span>"));
    // Only the interruptions they took part in are marked.
    let theirs =
        a.m.interruptions
            .iter()
            .filter(|e| {
                e.kind == Kind::Interruption && (e.who == "MEE018 (ID)" || e.whom == "MEE018 (ID)")
            })
            .count();
    assert_eq!(count(&page, "data-mark=\"interruption\""), theirs);
}

#[test]
fn untimed_transcript_says_not_available() {
    let text = "Ann: Hello there, how are you all doing today?\nBo: Fine thanks, and you?\n\
                Ann: Good. Let us start with the agenda then.\n";
    let mt = meeting_with(load_bytes("plain.txt", text.as_bytes()), &[]);
    assert!(mt.bars.is_empty());
    let page = html::meeting_html(&mt.m, &mt.bars);
    assert!(page.contains("Not available: the transcript has no timestamps"));
    assert_eq!(count(&page, "<svg role=\"img\""), 0);
    assert_self_contained(&page);
}

// ---------------------------------------------------------------------------------------
// A real browser

/// `/usr/bin/chromium`, or `None` (the test skips) unless `TURNSTAT_REQUIRE_BROWSER=1`.
fn chromium() -> Option<PathBuf> {
    let p = PathBuf::from("/usr/bin/chromium");
    if p.exists() {
        return Some(p);
    }
    if std::env::var("TURNSTAT_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("TURNSTAT_REQUIRE_BROWSER=1 but {} is missing", p.display());
    }
    eprintln!(
        "skipping: {} not found (apt-get install chromium)",
        p.display()
    );
    None
}

/// Runs headless Chromium on a local file with the network closed; returns stdout and
/// stderr. A run that takes more than two minutes is killed and fails the test.
fn run_chromium(bin: &Path, profile: &Path, page: &Path, extra: &[String]) -> (String, String) {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=2000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success(),
                "chromium failed on {}: {status}",
                page.display()
            );
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium timed out on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (out.join().unwrap(), err.join().unwrap())
}

/// Console problems a page caused (Chromium prints console messages with
/// `--enable-logging=stderr`).
fn console_problems(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.contains("ERROR:CONSOLE")
                || l.contains("Uncaught")
                || l.contains("Refused to")
                || (l.contains("CONSOLE") && l.contains("file://"))
                || l.contains("net::ERR_NAME_NOT_RESOLVED")
                || l.contains("Content Security Policy")
        })
        .collect()
}

/// The requests a page made, from Chromium's net log: URL requests whose initiator is a
/// web origin (a `file://` page is the opaque origin `null`), leaving out the browser's own
/// background requests (initiator "not an origin") and local `file:`/`data:` URLs.
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog)
        .unwrap_or_else(|e| panic!("net log {}: {e}", netlog.display()));
    let v: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| {
            // A log cut short at exit lacks its closing brackets.
            serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(',')))
        })
        .unwrap_or_else(|e| panic!("net log {}: {e}", netlog.display()));
    let start = v["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_i64()
        .expect("URL_REQUEST_START_JOB in the net log constants");
    v["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["type"].as_i64() == Some(start))
        .filter(|e| e["params"]["initiator"].as_str() != Some("not an origin"))
        .filter_map(|e| e["params"]["url"].as_str())
        .filter(|u| !u.starts_with("file:") && !u.starts_with("data:"))
        .map(String::from)
        .collect()
}

/// Where the screenshots go: `TURNSTAT_SCREENSHOT_DIR`, else `target/screenshots/`.
fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("TURNSTAT_SCREENSHOT_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn pages_render_in_headless_chromium() {
    let Some(bin) = chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let shots = screenshot_dir();
    let z = zoom();
    let a = ami();
    let t = team_report();
    let fee = speaker_index(&a.m, "FEE019 (UI)");
    let h = hostile();
    struct Case {
        name: &'static str,
        html: String,
        marks: Vec<(&'static str, usize)>,
        screenshot: bool,
    }
    let mut fee_marks = expected_marks(&a);
    for (mark, n) in fee_marks.iter_mut() {
        if *mark == "interruption" || *mark == "overlap" {
            let kind = if *mark == "interruption" {
                Kind::Interruption
            } else {
                Kind::Overlap
            };
            *n =
                a.m.interruptions
                    .iter()
                    .filter(|e| {
                        e.kind == kind
                            && (e.who == a.m.speakers[fee].name || e.whom == a.m.speakers[fee].name)
                    })
                    .count();
        }
    }
    let cases = vec![
        Case {
            name: "zoom-acdc-175",
            html: html::meeting_html(&z.m, &z.bars),
            marks: expected_marks(&z),
            screenshot: true,
        },
        Case {
            name: "ami-es2005a",
            html: html::meeting_html(&a.m, &a.bars),
            marks: expected_marks(&a),
            screenshot: true,
        },
        Case {
            name: "ami-es2005a-speaker-fee019",
            html: html::speaker_html(&a.m, fee, false, &a.bars),
            marks: fee_marks,
            screenshot: true,
        },
        Case {
            name: "team",
            html: html::team_html(&t),
            marks: expected_team_marks(&t),
            screenshot: true,
        },
        Case {
            name: "hostile",
            html: html::meeting_html(&h.m, &h.bars),
            marks: expected_marks(&h),
            screenshot: false,
        },
    ];
    // The harness itself: a page that breaks every rule is caught (console error,
    // external requests).
    let bad = tmp.path().join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html lang=\"en\"><head><title>bad</title></head><body><main>\
         <img src=\"https://example.com/x.png\" alt=\"\"><script>console.error('boom')\
         </script></main></body></html>",
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let netlog = tmp.path().join("bad.netlog.json");
    let (_, stderr) = run_chromium(
        &bin,
        profile.path(),
        &bad,
        &[
            "--dump-dom".into(),
            format!("--log-net-log={}", netlog.display()),
        ],
    );
    assert!(
        !console_problems(&stderr).is_empty(),
        "console error not seen:\n{stderr}"
    );
    assert_eq!(page_requests(&netlog), ["https://example.com/x.png"]);

    for case in &cases {
        let file = tmp.path().join(format!("{}.html", case.name));
        std::fs::write(&file, &case.html).unwrap();
        // The rendered DOM, with the console and the network watched.
        let profile = tempfile::tempdir().unwrap();
        let netlog = tmp.path().join(format!("{}.netlog.json", case.name));
        let (dom, stderr) = run_chromium(
            &bin,
            profile.path(),
            &file,
            &[
                "--dump-dom".into(),
                format!("--log-net-log={}", netlog.display()),
            ],
        );
        assert!(
            dom.contains("</main>"),
            "{}: no DOM dumped; stderr:\n{stderr}",
            case.name
        );
        assert!(
            console_problems(&stderr).is_empty(),
            "{}: console problems:\n{}",
            case.name,
            console_problems(&stderr).join("\n")
        );
        assert_eq!(
            page_requests(&netlog),
            Vec::<String>::new(),
            "{}: requests",
            case.name
        );
        let lower = dom.to_lowercase();
        assert!(!lower.contains("<script"), "{}", case.name);
        assert!(!lower.contains("<img"), "{}", case.name);
        for (mark, n) in &case.marks {
            assert_eq!(
                count(&dom, &format!("data-mark=\"{mark}\"")),
                *n,
                "{}: rendered {mark} marks",
                case.name
            );
        }
        assert_eq!(
            trend_points(&dom),
            trend_points(&case.html),
            "{}: rendered trend points",
            case.name
        );
        // Every chart in the page made it into the rendered DOM, with its text alternative.
        assert_eq!(
            count(&dom, "role=\"img\""),
            count(&case.html, "role=\"img\""),
            "{}",
            case.name
        );
        assert_eq!(count(&dom, "<desc id="), count(&case.html, "<desc id="));
        if !case.screenshot {
            continue;
        }
        // A screenshot, kept for people to look at.
        let png = shots.join(format!("{}.png", case.name));
        let _ = std::fs::remove_file(&png);
        let profile = tempfile::tempdir().unwrap();
        let (_, stderr) = run_chromium(
            &bin,
            profile.path(),
            &file,
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=1280,2400".into(),
            ],
        );
        assert!(
            console_problems(&stderr).is_empty(),
            "{}: console problems:\n{}",
            case.name,
            console_problems(&stderr).join("\n")
        );
        let bytes = std::fs::read(&png)
            .unwrap_or_else(|e| panic!("{}: no screenshot {}: {e}", case.name, png.display()));
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{}: not a PNG",
            case.name
        );
        assert!(
            bytes.len() > 10 * 1024,
            "{}: screenshot of {} bytes",
            case.name,
            bytes.len()
        );
        eprintln!("screenshot: {}", png.display());
    }
}

// ---------------------------------------------------------------------------------------
// The team picture first

/// Every number of the summary (`#summary`) as `(field, value, text)`: the JSON pointer into
/// the team JSON, the value as JSON, and the text shown.
fn summary_fields(page: &str) -> Vec<(String, String, String)> {
    let start = page
        .find("<section id=\"summary\"")
        .expect("a summary section");
    let end = start + page[start..].find("</section>").unwrap();
    let re = regex::Regex::new(r#"<span data-field="([^"]+)" data-value="([^"]*)">([^<]*)</span>"#)
        .unwrap();
    let unescape = |s: &str| {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    re.captures_iter(&page[start..end])
        .map(|c| (unescape(&c[1]), unescape(&c[2]), unescape(&c[3])))
        .collect()
}

/// Checks one summary number against the team JSON: the value the page carries is the
/// model's, and the text shows that value at its precision (a percentage or points in
/// hundredths, `–` for null, `=` for a change that shows as zero).
fn check_summary_field(model: &serde_json::Value, field: &str, value: &str, text: &str) {
    let want = model
        .pointer(field)
        .unwrap_or_else(|| panic!("{field}: not in the model"));
    let got: serde_json::Value =
        serde_json::from_str(value).unwrap_or_else(|e| panic!("{field}: {value}: {e}"));
    assert_eq!(&got, want, "{field}: the page carries {value}");
    let text = text.trim();
    match want {
        serde_json::Value::Null => assert_eq!(text, "–", "{field}"),
        serde_json::Value::String(s) => assert_eq!(text, s, "{field}"),
        serde_json::Value::Number(n) => {
            let v = n.as_f64().unwrap();
            let t = text
                .trim_start_matches(['▲', '▼'])
                .replace('−', "-")
                .replace(" pts", "")
                .replace('%', "");
            if t == "=" {
                assert!(v.abs() < 0.01, "{field}: = for {v}");
                return;
            }
            let shown: f64 = t
                .parse()
                .unwrap_or_else(|e| panic!("{field}: text {text:?}: {e}"));
            let scale = if text.contains('%') || text.contains("pts") {
                100.0
            } else {
                1.0
            };
            let places = t.split('.').nth(1).map_or(0, str::len) as i32;
            let half = 0.5 * 10f64.powi(-places) + 1e-9;
            assert!(
                (shown - v * scale).abs() <= half,
                "{field}: text {text:?} for the value {v}"
            );
        }
        other => panic!("{field}: unexpected {other}"),
    }
}

/// Every number of the team page's summary equals the model (without a browser): on the
/// fixture team and on a hand-made two-period set where "what changed" lists items.
#[test]
fn team_summary_numbers_equal_the_model() {
    for t in [team_report(), what_changed_team()] {
        let page = html::team_html(&t);
        let model = serde_json::to_value(&t).unwrap();
        let fields = summary_fields(&page);
        assert!(
            fields.len() > 10 * t.periods.len(),
            "{} fields",
            fields.len()
        );
        for (field, value, text) in &fields {
            check_summary_field(&model, field, value, text);
        }
        // Every period's team figures are in the summary (up to SUMMARY_PERIODS).
        for k in 0..t.periods.len() {
            assert!(
                fields
                    .iter()
                    .any(|f| f.0 == format!("/periods/{k}/team/gini_mean")),
                "period {k}"
            );
        }
        // The summary opens the page: before the people's panels.
        assert!(page.find("id=\"summary\"").unwrap() < page.find("id=\"trends-h\"").unwrap());
    }
    let t = what_changed_team();
    let fields = summary_fields(&html::team_html(&t));
    let items = t.what_changed.as_ref().unwrap().items.len();
    assert!(items > 0);
    for i in 0..items {
        assert!(
            fields
                .iter()
                .any(|f| f.0 == format!("/what_changed/items/{i}/change")),
            "item {i}"
        );
    }
}

/// A person in one meeting: talk share and time, nothing else.
fn figures(share: f64, minutes: f64) -> team::PersonFigures {
    team::PersonFigures {
        talk_share: Some(share),
        talk_seconds: Some(minutes * 60.0),
        ..Default::default()
    }
}

/// A hand-made meeting of one hour for the "what changed" rule.
fn hand_meeting(
    source: &str,
    date: Date,
    gini: f64,
    competitive: usize,
    people: &[(&str, f64, f64)],
) -> MeetingSummary {
    MeetingSummary {
        source: source.into(),
        series: "weekly".into(),
        not_people: vec![],
        date: Some(date),
        date_source: DateSource::FileName,
        gini: Some(gini),
        evenness: Some(1.0 - gini),
        max_share: people.iter().map(|p| p.1).reduce(f64::max),
        interruptions: competitive,
        interruptions_cooperative: 1,
        interruptions_all: competitive + 1,
        equal_share: Some(1.0 / people.len() as f64),
        silent_attendees: None,
        duration: Some(3600.0),
        people: people
            .iter()
            .map(|(n, s, m)| (n.to_string(), figures(*s, *m)))
            .collect(),
        gate_failures: vec![],
    }
}

/// Two months, one meeting each: the Gini moves by 0.10 (listed), the largest share and the
/// interruptions per hour do not move; Ann and Bo move by 30 and 20
/// points, Cy by 15, Di by 1 (under 2), Ed by 40 but spoke 1 minute in March (under 2
/// minutes), Flo only in March.
fn what_changed_team() -> TeamReport {
    let feb = hand_meeting(
        "feb.vtt",
        Date::new(2026, 2, 10).unwrap(),
        0.30,
        2,
        &[
            ("Ann", 0.50, 30.0),
            ("Bo", 0.10, 6.0),
            ("Cy", 0.20, 12.0),
            ("Di", 0.10, 6.0),
            ("Ed", 0.10, 6.0),
        ],
    );
    let mar = hand_meeting(
        "mar.vtt",
        Date::new(2026, 3, 10).unwrap(),
        0.40,
        2,
        &[
            ("Ann", 0.20, 12.0),
            ("Bo", 0.30, 18.0),
            ("Cy", 0.05, 3.0),
            ("Di", 0.11, 6.6),
            ("Ed", 0.50, 1.0),
            ("Flo", 0.04, 2.4),
        ],
    );
    team::build(vec![mar, feb], Period::Month, None, None)
}

#[test]
fn what_changed_follows_the_rule() {
    let t = what_changed_team();
    let w = t.what_changed.as_ref().unwrap();
    assert_eq!((w.from.as_str(), w.to.as_str()), ("2026-02", "2026-03"));
    let got: Vec<(Option<&str>, &str, f64, f64, f64)> = w
        .items
        .iter()
        .map(|m| (m.person.as_deref(), m.metric, m.before, m.after, m.change))
        .collect();
    assert_eq!(
        got,
        [
            // Team figures first: the Gini moved by 2 thresholds; max share by 0 (0.5 both).
            (None, "gini_mean", 0.3, 0.4, 0.1),
            // People by the size of the move: Ed (1 minute in March) and Di (1 point) are
            // left out, Flo was not there in February.
            (Some("Ann"), "talk_share_mean", 0.5, 0.2, -0.3),
            (Some("Bo"), "talk_share_mean", 0.1, 0.3, 0.2),
            (Some("Cy"), "talk_share_mean", 0.2, 0.05, -0.15),
        ]
    );
    // At most five people, the largest moves.
    let mut many = Vec::new();
    for (k, month) in [2u32, 3].iter().enumerate() {
        let people: Vec<(String, f64, f64)> = (0..8)
            .map(|i| {
                let share = if k == 0 {
                    0.05
                } else {
                    0.05 + 0.01 * (i + 2) as f64
                };
                (format!("P{i}"), share, 10.0)
            })
            .collect();
        let refs: Vec<(&str, f64, f64)> = people
            .iter()
            .map(|(n, s, m)| (n.as_str(), *s, *m))
            .collect();
        many.push(hand_meeting(
            &format!("m{month}.vtt"),
            Date::new(2026, *month, 3).unwrap(),
            0.2,
            0,
            &refs,
        ));
    }
    let t = team::build(many, Period::Month, None, None);
    let names: Vec<&str> = t
        .what_changed
        .as_ref()
        .unwrap()
        .items
        .iter()
        .filter_map(|m| m.person.as_deref())
        .collect();
    assert_eq!(names, ["P7", "P6", "P5", "P4", "P3"]);
    // One period: nothing to compare.
    let one = team::build(
        vec![what_changed_team().meetings[0].clone()],
        Period::Month,
        None,
        None,
    );
    assert!(one.what_changed.is_none());
}

/// The 51 Zoom calls through `turnstat report --by month --out DIR`: team.html is under
/// 300 kB; in headless Chromium at 1280×800 the summary starts above the fold and every
/// number in it equals `team.json`; a screenshot of the top of the page is kept.
#[test]
fn team_summary_is_above_the_fold_in_chromium() {
    let Some(corpus) = crate::util::corpus() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let status = Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
        .args(["report", "-q", "--by", "month", "-f", "json", "--out"])
        .arg(&out)
        .arg(corpus.join("zoom-ethereum-acd"))
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let page = std::fs::read_to_string(out.join("team.html")).unwrap();
    let model: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("team.json")).unwrap()).unwrap();
    assert!(page.len() < 300_000, "team.html is {} bytes", page.len());
    assert_self_contained(&page);
    // Without a browser: the numbers in the page's source.
    let fields = summary_fields(&page);
    assert!(fields.len() > 100, "{} fields", fields.len());
    for (field, value, text) in &fields {
        check_summary_field(&model, field, value, text);
    }
    let Some(bin) = chromium() else {
        return;
    };
    // The page as it is, with a script that measures it: the page's policy forbids scripts,
    // so the probe copy drops that one `<meta>` and adds a script that writes what it finds
    // into an attribute of <html> (changing no layout).
    let probe = page
        .replacen(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; img-src data:\">",
            "",
            1,
        )
        .replacen(
            "</body>",
            "<script>(function(){var s=document.getElementById('summary');\
             var r=s.getBoundingClientRect();var t=s.querySelector('table').getBoundingClientRect();\
             var f=[].map.call(s.querySelectorAll('[data-field]'),function(e){return \
             [e.getAttribute('data-field'),e.getAttribute('data-value'),e.textContent];});\
             var c=s.cloneNode(true);[].forEach.call(c.querySelectorAll('[data-field]'),\
             function(e){e.remove();});document.documentElement.setAttribute('data-probe',\
             JSON.stringify({top:r.top,table:t.top,vh:window.innerHeight,vw:window.innerWidth,\
             fields:f,rest:c.textContent}));})();</script></body>",
            1,
        );
    assert_ne!(probe, page, "the probe was added");
    let file = tmp.path().join("team-probe.html");
    std::fs::write(&file, &probe).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let (dom, stderr) = run_chromium(
        &bin,
        profile.path(),
        &file,
        &["--dump-dom".into(), "--window-size=1280,800".into()],
    );
    let attr = regex::Regex::new(r#"data-probe="([^"]*)""#)
        .unwrap()
        .captures(&dom)
        .unwrap_or_else(|| panic!("no probe in the DOM; stderr:\n{stderr}"))[1]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&attr).unwrap();
    // Headless Chromium's viewport is the window less its (invisible) frame: 657 px of a
    // 1280×800 window here. The summary must start within it, and within 800 px.
    let vh = v["vh"].as_f64().unwrap();
    assert!((600.0..=800.0).contains(&vh), "viewport {vh}");
    assert_eq!(v["vw"].as_f64(), Some(1280.0));
    let top = v["top"].as_f64().unwrap();
    let table = v["table"].as_f64().unwrap();
    assert!(top >= 0.0 && top < vh, "the summary starts at {top} px");
    assert!(table < vh, "the summary table starts at {table} px");
    let rendered = v["fields"].as_array().unwrap();
    assert_eq!(rendered.len(), fields.len(), "fields rendered");
    for f in rendered {
        let f: Vec<&str> = f
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        check_summary_field(&model, f[0], f[1], f[2]);
    }
    // No number in the summary outside a marked field (but the fixed "1,000 words").
    let rest = v["rest"].as_str().unwrap().replace("1,000", "");
    assert!(
        !rest.chars().any(|c| c.is_ascii_digit()),
        "an unmarked number in the summary: {rest}"
    );
    // A screenshot of the top of the page, as a reader first sees it.
    let png = screenshot_dir().join("team-zoom-acd-top.png");
    let _ = std::fs::remove_file(&png);
    let original = tmp.path().join("team.html");
    std::fs::write(&original, &page).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let (_, stderr) = run_chromium(
        &bin,
        profile.path(),
        &original,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,800".into(),
        ],
    );
    assert!(
        console_problems(&stderr).is_empty(),
        "console problems:\n{}",
        console_problems(&stderr).join("\n")
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    eprintln!("screenshot: {}", png.display());
}
