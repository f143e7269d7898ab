//! turnstat: meeting transcripts → speaker turns → conversation metrics → reports.
//!
//! The data flows one way: [`ingest`] (bytes of any supported export → [`model::Transcript`]
//! with speaker segments) → [`turns`] (segments → speaker turns) → metrics → report model →
//! [`render`]ers. Everything here is a library; `main.rs` only parses the command line, calls
//! [`commands::run`] and maps the result to an exit code.
//!
//! The command line is layered, each layer depending only on those below it (checked by
//! `tests/layering.rs`): [`cli`] defines the arguments (clap) and nothing else; [`settings`]
//! resolves flags and `turnstat.toml` into settings; [`commands`] holds one module per
//! subcommand. The models ([`report`], with the team report in [`report::team`]) and their
//! [`render`]ers never reach up to those three.
#![warn(missing_docs)]

pub mod batch;
pub mod chat;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod diag;
pub mod discover;
pub mod gates;
pub mod inclusive;
pub mod ingest;
pub mod lang;
pub mod metrics;
pub mod model;
pub mod namefind;
pub mod names;
pub mod nonpeople;
pub mod ordered;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod report;
pub mod sentiment;
pub mod series;
pub mod settings;
pub mod speakers;
pub mod turns;
