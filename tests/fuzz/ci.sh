#!/usr/bin/env bash
# Builds every fuzz target and runs each one briefly (CI smoke run), or longer by hand.
#
#   tests/fuzz/ci.sh                 # build, seed corpora, run every target 20 s
#   FUZZ_SECONDS=600 tests/fuzz/ci.sh json_aws_transcribe detect   # chosen targets, longer
#   FUZZ_RUNS=10000000 FUZZ_SECONDS=0 tests/fuzz/ci.sh               # 10 M executions each
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`); stable Rust works with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes -Z flags). Built without a sanitizer: the crate forbids
# `unsafe`, and the uninstrumented build runs several times faster. Seeds come from
# fixtures/ (and ../shared/corpus when present); corpora and crashes stay in tests/fuzz/corpus
# and tests/fuzz/artifacts (git-ignored). A crash, a timeout (10 s) or more than 2 GB RSS
# fails the run; its input is in tests/fuzz/artifacts/<target>/. Reproduce with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz -s none <target> <artifact>
# and keep the minimised input (`cargo fuzz tmin`) in fixtures/malformed/fuzz-* (see its README).
set -euo pipefail
cd "$(dirname "$0")/../.."
export RUSTC_BOOTSTRAP=1
seconds="${FUZZ_SECONDS:-20}"
# FUZZ_RUNS=N stops each target after N executions (the hardening bar is 10 million); with it,
# FUZZ_SECONDS=0 means no time limit.
runs="${FUZZ_RUNS:--1}"
all=(ingest_webvtt ingest_srt ingest_sbv ingest_rttm ingest_text ingest_json json_turnstat
    json_deepgram json_assemblyai json_aws_transcribe json_revai json_whisper json_podcast
    detect lexicon config chat analyze ingest_meet ingest_otter docx docx_xml)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

cargo fuzz build --fuzz-dir tests/fuzz -s none
bin="tests/fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release"

seed() { # seed TARGET FILE...: copy seed files into the target's corpus (kept across runs)
    local dir="tests/fuzz/corpus/$1"
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && cp -n "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    return 0
}
roots=(fixtures)
[ -d ../shared/corpus ] && roots+=(../shared/corpus)
files() { find "${roots[@]}" -type f -name "$1" -size -256k | sort; }
mapfile -t vtt < <(files '*.vtt')
mapfile -t srt < <(files '*.srt')
mapfile -t sbv < <(files '*.sbv')
mapfile -t rttm < <(files '*.rttm')
mapfile -t txt < <(files '*.txt')
mapfile -t json < <(files '*.json')
mapfile -t md < <(files '*.md')
mapfile -t docx < <(files '*.docx')
seed ingest_webvtt "${vtt[@]}"
seed ingest_srt "${srt[@]}"
seed ingest_sbv "${sbv[@]}"
seed ingest_rttm "${rttm[@]}"
seed ingest_text "${txt[@]}"
seed ingest_meet "${md[@]}" "${txt[@]::5}"
seed ingest_otter "${txt[@]}"
seed docx "${docx[@]}" tests/fuzz/seeds/docx/*
seed docx_xml tests/fuzz/seeds/docx_xml/*
for t in ingest_json json_turnstat json_deepgram json_assemblyai json_aws_transcribe json_revai \
    json_whisper json_podcast; do
    seed "$t" "${json[@]}"
done
seed detect "${vtt[@]::20}" "${srt[@]}" "${sbv[@]}" "${rttm[@]::5}" "${txt[@]::5}" "${json[@]}"
seed config fixtures/config/*.toml
# The chat parser: synthetic chats of every layout (tests/fuzz/seeds/chat), the chat-log
# fixture, and the corpus's Zoom chat exports when present (seeded, never committed).
mapfile -t chats < <(find "${roots[@]}" -type f \( -name '*.chat.txt' -o -path '*/zoom-chat/*' \) \
    -size -256k | sort)
seed chat tests/fuzz/seeds/chat/* fixtures/malformed/text-zoom-chat-log.txt "${chats[@]::10}"
seed lexicon lexicons/inclusive/*.toml
mkdir -p tests/fuzz/corpus/analyze
# Inputs that once failed a target (tests/fuzz/regressions/<target>/) run first, every time.
for d in tests/fuzz/regressions/*/; do
    seed "$(basename "$d")" "$d"*
done
# The malformed corpus is a good seed for every ingest target.
for t in ingest_webvtt ingest_srt ingest_sbv ingest_rttm ingest_text ingest_json detect \
    ingest_meet ingest_otter docx; do
    seed "$t" fixtures/malformed/*
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for t in "${targets[@]}"; do
    echo "== $t (${seconds}s, runs $runs)"
    status=0
    mkdir -p "tests/fuzz/artifacts/$t"
    # The binary directly: `cargo fuzz run` would rebuild when sources changed meanwhile.
    "$bin/$t" "tests/fuzz/corpus/$t" -artifact_prefix="tests/fuzz/artifacts/$t/" \
        -max_total_time="$seconds" -runs="$runs" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 60 "$log" >&2
        echo "fuzz target $t failed (exit $status): reproducer in tests/fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
