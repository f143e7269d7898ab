//! One integration-test binary (one link step): conformance, corpus, CLI and round trips.

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
mod table;
mod util;
