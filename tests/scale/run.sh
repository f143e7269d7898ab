#!/usr/bin/env bash
# Scale test (not a cargo test; takes many minutes): memory and time of turnstat on
#   - a generated 1 GB input directory, with `turnstat report` and `turnstat analyze -f jsonl`;
#   - one generated 200 MB file, with `turnstat analyze -f jsonl`.
# Prints wall time and maximum RSS (GNU time -v) per run.
#
#   tests/scale/run.sh                      # 1000 MB directory, 200 MB file
#   SCALE_DIR_MB=100 SCALE_FILE_MB=20 tests/scale/run.sh   # a quicker look
#   SCALE_WORK=/big/disk tests/scale/run.sh               # where the inputs go (default: a temp dir)
#   SCALE_WORK=/tmp/scale SCALE_KEEP=1 tests/scale/run.sh  # keep (and reuse) the generated inputs
#
# Needs GNU time at /usr/bin/time. Builds the release binary (`cargo build --release --locked`).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir_mb="${SCALE_DIR_MB:-1000}"
file_mb="${SCALE_FILE_MB:-200}"
work="${SCALE_WORK:-$(mktemp -d)}"
keep="${SCALE_KEEP:-0}"
cleanup() {
    rm -f "$work/out"
    [ "$keep" = 1 ] || rm -rf "$work/in" "$work/big.vtt"
}
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }

cargo build --release --locked
bin="$PWD/target/release/turnstat"
mkdir -p target/scale "$work"
rustc -O --edition 2024 -o target/scale/gen tests/scale/gen.rs

if [ ! -d "$work/in" ]; then
    echo "generating $dir_mb MB of meetings in $work/in"
    target/scale/gen dir "$work/in" "$dir_mb"
fi
if [ ! -f "$work/big.vtt" ]; then
    echo "generating one $file_mb MB meeting in $work/big.vtt"
    target/scale/gen file "$work/big.vtt" "$file_mb"
fi
du -sh "$work/in" "$work/big.vtt"

measure() { # measure LABEL CMD...: run, print wall time, max RSS and exit code
    local label="$1"
    shift
    local log
    log="$(mktemp)"
    local status=0
    /usr/bin/time -v "$@" >"$work/out" 2>"$log" || status=$?
    local wall rss
    wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
    rss="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
    printf '%-36s wall %9s  max RSS %8.1f MB  exit %s  output %s lines, %s bytes\n' "$label" "$wall" \
        "$(echo "$rss / 1024" | bc -l)" "$status" "$(wc -l <"$work/out")" "$(wc -c <"$work/out")"
    grep -v -E '^\s' "$log" | grep -v '^turnstat: .*warning' | tail -n 3 || true
    rm -f "$log"
}

echo
echo "== results ($(nproc) cores)"
measure "report (1 GB dir)" "$bin" report -q -f json "$work/in"
measure "analyze -f jsonl (1 GB dir)" "$bin" analyze -q -f jsonl "$work/in"
measure "analyze -f jsonl (200 MB file)" "$bin" analyze -q -f jsonl "$work/big.vtt"
measure "report (200 MB file)" "$bin" report -q -f json "$work/big.vtt"
measure "turns -f json (200 MB file)" "$bin" turns -q -f json "$work/big.vtt"
echo "(inputs: $(find "$work/in" -type f | wc -l) files, $(du -sh "$work/in" | cut -f1) in $work/in; $(du -sh "$work/big.vtt" | cut -f1) in $work/big.vtt)"
