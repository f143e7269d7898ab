//! `turnstat.toml`: `Config::parse` and what is derived from a config (gates, people,
//! rosters, lexicon directories); also the gate expression parser on raw text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use turnstat::config::Config;
use turnstat::gates::Gate;
use turnstat::speakers::People;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Gate::parse(text);
    match Config::parse(text, Path::new("dir/turnstat.toml")) {
        Ok(cfg) => {
            for g in &cfg.gates.fail_on {
                Gate::parse(g).expect("a validated gate parses");
            }
            let _ = cfg.lexicon_dirs();
            let source = "exports/acdc_2026-02-19_175.vtt";
            let series = cfg.series_rules().series_of(source);
            let roster = cfg.roster_for(source, &series);
            let mut not_people = turnstat::nonpeople::NonPeople::builtin();
            not_people.extend(cfg.speakers.not_people.iter().map(String::as_str));
            let people = People::new(&cfg.speakers.aliases, &cfg.speakers.exclude);
            for name in roster.iter().chain(cfg.speakers.exclude.iter()) {
                let _ = people.canonical(name);
                let _ = not_people.anonymize(name, turnstat::speakers::pseudonym);
            }
        }
        Err(e) => {
            let _ = e.to_string();
            if let Some(line) = e.line {
                assert!(
                    line >= 1 && line <= text.split('\n').count(),
                    "line {line} out of range"
                );
            }
        }
    }
});
