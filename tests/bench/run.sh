#!/usr/bin/env bash
# The performance benchmark of turnstat (see the README's "Performance" section).
#
# Usage: tests/bench/run.sh [MEETINGS] [MINUTES] [RUNS]      (defaults: 200 60 5)
#
# In one run, on the same machine state:
#   1. builds release (`cargo build --release --locked`, plus the corpus generator and the
#      stage benchmark), installs the Python baseline's deps (webvtt-py 0.6.0,
#      vaderSentiment 3.3.2) into a venv under target/bench/;
#   2. generates the corpus (tests/bench/gen.rs, seed 1): MEETINGS WebVTT meetings of
#      MINUTES minutes, 3 Zoom-style for every 2 Teams-style;
#   3. end to end: `turnstat analyze -q -f jsonl DIR > /dev/null` (every metric on) and
#      tests/bench/baseline.py on the same DIR, RUNS times each, alternating; prints the
#      median wall time, throughput and the ratio; the same on ../shared/corpus
#      (zoom-ethereum-acd + ami-vtt) when present, given as its .vtt files with `--no-chat`:
#      the Zoom chat exports beside the transcripts would otherwise be paired with them (or,
#      with `--no-chat` on the folders, read alone), work the baseline does not do;
#   4. stage figures: `cargo bench --bench stages` on both corpora (parse + turns,
#      dynamics metrics, inclusive matching, VADER on 1 and 2 threads, …);
#   5. start-up: `echo hi | turnstat check -` (hyperfine when installed, else a loop);
#   6. peak RSS (`/usr/bin/time -v`) of `analyze -f jsonl` and of `report -f json` for 10
#      and for 1,000 meetings.
# Prints the machine (nproc, CPU model, load average before and after) with the figures.
# Benchmarks are not tests: nothing here runs under `cargo test`.
# Environment: BENCH_DIR (default target/bench), PYTHON (default python3), SKIP_RSS=1,
# SKIP_STAGES=1, CORPUS (default ../shared/corpus), TURNSTAT (the binary timed; default the
# release build, e.g. an older commit's binary for a before/after in the same hour).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
meetings=${1:-200}
minutes=${2:-60}
runs=${3:-5}
work=${BENCH_DIR:-$root/target/bench}
python=${PYTHON:-python3}
real=${CORPUS:-$root/../shared/corpus}
mkdir -p "$work"

log() { printf '%s\n' "$*" >&2; }

# --- build -------------------------------------------------------------------------------
log "building (release)…"
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example gen_corpus
ts=${TURNSTAT:-$root/target/release/turnstat}
gen="$root/target/release/examples/gen_corpus"

# --- Python baseline -----------------------------------------------------------------------
venv="$work/venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import webvtt, vaderSentiment' 2>/dev/null; then
    log "installing the baseline's deps into $venv…"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check webvtt-py==0.6.0 vaderSentiment==3.3.2
fi
py="$venv/bin/python"

# --- corpus ----------------------------------------------------------------------------------
corpus() { # corpus N M → directory
    local dir="$work/corpus-$1x$2"
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        "$gen" "$dir" "$1" "$2" >&2
        touch "$dir/.done"
    fi
    echo "$dir"
}
main_corpus=$(corpus "$meetings" "$minutes")
real_dirs=()
for d in zoom-ethereum-acd ami-vtt; do
    [ -d "$real/$d" ] && real_dirs+=("$real/$d")
done

# --- helpers ---------------------------------------------------------------------------------
now() { date +%s%N; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
bytes_of() { find "$@" -type f -name '*.vtt' ! -name '.*' -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
files_of() { find "$@" -type f -name '*.vtt' ! -name '.*' | wc -l; }
# One run of a command (output discarded): "wall-seconds cpu-seconds" (CPU = user + system,
# from /usr/bin/time, 10 ms resolution).
wall() {
    local t0 t1 cpu
    cpu=$(mktemp)
    t0=$(now)
    /usr/bin/time -f '%U %S' -o "$cpu" "$@" >/dev/null 2>&1 || true
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'NR == 1 {printf "%.4f %.2f\n", (b - a) / 1e9, $1 + $2}' "$cpu"
    rm -f "$cpu"
}
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "# turnstat benchmark"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   machine: $(nproc) cores, ${cpu_model:-unknown CPU}, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "turnstat $("$ts" --version | awk '{print $2}'), rustc $(rustc --version | awk '{print $2}'), $("$py" --version), webvtt-py 0.6.0, vaderSentiment 3.3.2"
echo "load average before: $(load)"
echo

# --- end to end ------------------------------------------------------------------------------
end_to_end() { # name [turnstat flags…] -- path... → prints one table row
    local name=$1
    shift
    local flags=()
    while [ "$1" != -- ]; do
        flags+=("$1")
        shift
    done
    shift
    local mb n tsr pyr
    mb=$(bytes_of "$@" | awk '{printf "%.1f", $1 / 1e6}')
    n=$(files_of "$@")
    tsr=$(mktemp)
    pyr=$(mktemp)
    # Warm the page cache and the binaries.
    "$ts" analyze -q -f jsonl "${flags[@]}" "$@" >/dev/null 2>&1 || true
    for ((r = 0; r < runs; r++)); do
        if ((r % 2 == 0)); then
            wall "$ts" analyze -q -f jsonl "${flags[@]}" "$@" >>"$tsr"
            wall "$py" "$here/baseline.py" "$@" >>"$pyr"
        else
            wall "$py" "$here/baseline.py" "$@" >>"$pyr"
            wall "$ts" analyze -q -f jsonl "${flags[@]}" "$@" >>"$tsr"
        fi
    done
    local t p tc pc
    t=$(cut -d' ' -f1 "$tsr" | median)
    p=$(cut -d' ' -f1 "$pyr" | median)
    tc=$(cut -d' ' -f2 "$tsr" | median)
    pc=$(cut -d' ' -f2 "$pyr" | median)
    awk -v name="$name" -v n="$n" -v mb="$mb" -v t="$t" -v p="$p" -v tc="$tc" -v pc="$pc" \
        -v runs="$runs" 'BEGIN {
        printf "| %s | %d files, %s MB | %.3f s (%.1f MB/s), CPU %.2f s | %.2f s (%.2f MB/s), CPU %.2f s | **%.1f×** | %.1f× | %d |\n",
            name, n, mb, t, mb / t, tc, p, mb / p, pc, p / t, pc / tc, runs }'
    rm -f "$tsr" "$pyr"
}
echo "## End to end: turnstat analyze -q -f jsonl (every metric) vs tests/bench/baseline.py"
echo
echo "Medians; ratio = baseline time / turnstat time (wall: turnstat on all cores, the baseline on"
echo "one; CPU: user + system seconds, which is less sensitive to other load on the machine)."
echo
echo "| corpus | size | turnstat | Python baseline | wall ratio | CPU ratio | runs |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
end_to_end "generated ${meetings}×${minutes} min" -- "$main_corpus"
if [ ${#real_dirs[@]} -gt 0 ]; then
    # The transcripts only, chats not paired: what the baseline reads.
    mapfile -t real_vtts < <(find "${real_dirs[@]}" -type f -name '*.vtt' ! -name '.*' | sort)
    end_to_end "shared/corpus (zoom-ethereum-acd + ami-vtt, .vtt, --no-chat)" --no-chat -- "${real_vtts[@]}"
fi
echo

# --- stages ----------------------------------------------------------------------------------
if [ "${SKIP_STAGES:-0}" != 1 ]; then
    echo "## Stages (cargo bench --bench stages; one core unless said)"
    echo
    echo '```'
    cargo bench --locked --quiet --bench stages -- "$main_corpus" 2>/dev/null | grep -v '^stage '
    if [ ${#real_dirs[@]} -gt 0 ]; then
        cargo bench --locked --quiet --bench stages -- "${real_dirs[@]}" 2>/dev/null | grep -v '^stage '
    fi
    echo '```'
    echo
fi

# --- start-up --------------------------------------------------------------------------------
echo "## Start-up: echo hi | turnstat check - (lexicons ready)"
echo
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs 100 --style none --export-json "$work/startup.json" \
        "sh -c 'echo hi | $ts check -'" "sh -c '$ts --version'" >/dev/null 2>&1 || true
    awk 'BEGIN {RS=","} /"median"/ {split($0, a, ":"); m[++n] = a[2] * 1000}
        END {printf "median %.1f ms (hyperfine, 100 runs, includes sh); `turnstat --version` the same way: %.1f ms\n", m[1], m[2]}' "$work/startup.json"
else
    s=$(mktemp)
    for ((i = 0; i < 50; i++)); do
        t0=$(now)
        echo hi | "$ts" check - >/dev/null
        t1=$(now)
        echo "$(((t1 - t0) / 1000))" >>"$s"
    done
    echo "median $(median <"$s" | awk '{printf "%.1f", $1 / 1000}') ms (50 runs)"
    rm -f "$s"
fi
echo

# --- peak RSS --------------------------------------------------------------------------------
if [ "${SKIP_RSS:-0}" != 1 ]; then
    rss() { # command… → peak RSS in MB
        /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.1f", $6 / 1024}'
    }
    small=$(corpus 10 "$minutes")
    mid=$(corpus 100 "$minutes")
    large=$(corpus 1000 "$minutes")
    echo "## Peak RSS (/usr/bin/time -v), meetings of $minutes min"
    echo
    echo "| command | 10 meetings | 100 meetings | 1,000 meetings | 1,000 / 10 |"
    echo "| --- | --- | --- | --- | --- |"
    for cmd in "analyze -q -f jsonl" "report -q -f json"; do
        # shellcheck disable=SC2086
        a=$(rss "$ts" $cmd "$small")
        # shellcheck disable=SC2086
        m=$(rss "$ts" $cmd "$mid")
        # shellcheck disable=SC2086
        b=$(rss "$ts" $cmd "$large")
        awk -v c="$cmd" -v a="$a" -v m="$m" -v b="$b" 'BEGIN {printf "| turnstat %s | %.1f MB | %.1f MB | %.1f MB | %.2f× |\n", c, a, m, b, b / a}'
    done
    echo
fi
echo "load average after: $(load)"
