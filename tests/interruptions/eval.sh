#!/usr/bin/env bash
# Interruption classifier against people's labels: prints precision, recall and F1 for the
# GAP development half (../shared/corpus/interruptions-gap, read in place) and for our own
# labelled AMI and Zoom sets (fixtures/interruptions/), plus the three-class confusion tables.
# Needs ../shared/corpus. The same test runs in `cargo test` (and in CI, with the corpus).
#   tests/interruptions/eval.sh            # tables
#   DUMP=/tmp/events.tsv tests/interruptions/eval.sh   # also every labelled row with its event
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d ../shared/corpus/interruptions-gap ] || { echo "needs ../shared/corpus" >&2; exit 2; }
export TURNSTAT_REQUIRE_CORPUS=1
if [ -n "${DUMP:-}" ]; then export TURNSTAT_EVAL_DUMP="$DUMP"; fi
cargo test --locked --release --test integration interruption_eval -- --nocapture --exact \
  interruption_eval::interruption_eval 2>&1 | grep -E '^\||^[a-z]+: rows|^test result'
