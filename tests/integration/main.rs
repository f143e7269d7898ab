//! One integration-test binary (one link step): conformance, corpus, CLI and round trips.

mod chat;
mod chat_reports;
mod cli;
mod conformance;
mod corpus;
mod dynamics;
mod exports;
mod hardening;
mod html;
mod interruption_eval;
mod languages;
mod render;
mod reports;
mod series_people;
mod table;
mod util;
