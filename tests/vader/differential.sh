#!/usr/bin/env bash
# Differential test of turnstat::sentiment against Python vaderSentiment 3.3.2 (PyPI).
#
# Usage: tests/vader/differential.sh [--timing] [--keep] [--no-unicode-probes]
#
#   --timing             also time Python and the Rust benchmark on the ground-truth
#                        sentences in this run and print the Rust/Python ratio
#   --keep               keep the whole temp dir (venv, sdist, outputs)
#   --no-unicode-probes  skip the ~245k one-code-point probe lines (saves ~15 s)
#
# What it does, in a fresh temp dir: installs vaderSentiment==3.3.2 into a venv (PYTHON,
# default python3; the reference is CPython 3.11), downloads the sdist, checks that
# lexicons/vader/ holds the sdist's lexicon files byte for byte, extracts VADER's 23,703
# ground-truth sentences from the nested additional_resources/hutto_ICWSM_2014.tar.gz (they
# are third-party texts, fetched here, never committed), adds tests/vader/cases.txt and
# reference.py's odd inputs, 50,000 seeded random rule-dense lines and (unless
# --no-unicode-probes) two probe lines per code point, then scores every line with Python
# (raw: module `round` shadowed by the identity; rounded: the normal call) and with
# `cargo run --release --locked --example vader_score`, and compares all 8 fields of every
# line as strings (shortest round-trip floats, so equal strings mean equal f64). Prints the
# counts and the first 20 mismatches; exits 1 on any mismatch.
#
# The ground-truth sentences stay in $TMPDIR/vader-diff.*/sentences.txt (path printed) for
# `VADER_SENTENCES=… cargo bench --bench vader`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
timing=0
keep=0
probes=1
for arg in "$@"; do
    case "$arg" in
    --timing) timing=1 ;;
    --keep) keep=1 ;;
    --no-unicode-probes) probes=0 ;;
    -h | --help)
        sed -n '2,26p' "$0"
        exit 0
        ;;
    *)
        echo "unknown argument: $arg (try --help)" >&2
        exit 2
        ;;
    esac
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/vader-diff.XXXXXX")"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [ "$keep" = 0 ]; then
        find "$tmp" -mindepth 1 -maxdepth 1 ! -name sentences.txt -exec rm -rf {} +
    fi
}
trap cleanup EXIT

PYTHON="${PYTHON:-python3}"
echo "== Python reference: vaderSentiment 3.3.2 on $("$PYTHON" --version 2>&1)"
"$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check vaderSentiment==3.3.2
if "$py" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 12) else 1)'; then
    echo "warning: CPython >= 3.12 sums floats with compensation; raw values of 3.3.2 may" \
        "then differ in the last bit from CPython 3.11, the reference of this port" >&2
fi

echo "== sdist and ground truth"
"$py" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    vaderSentiment==3.3.2 -d "$tmp/sdist"
tar -xzf "$tmp/sdist/vaderSentiment-3.3.2.tar.gz" -C "$tmp"
sdist="$tmp/vaderSentiment-3.3.2"
for f in vader_lexicon.txt emoji_utf8_lexicon.txt; do
    cmp "$sdist/vaderSentiment/$f" "$root/lexicons/vader/$f"
done
cmp "$sdist/LICENSE.txt" "$root/lexicons/vader/LICENSE"
echo "lexicons/vader/ is byte-identical to the 3.3.2 sdist"
mkdir -p "$tmp/gt"
tar -xzf "$sdist/additional_resources/hutto_ICWSM_2014.tar.gz" -C "$tmp/gt"

"$py" - "$tmp/gt" "$tmp/sentences.txt" <<'EOF'
import glob, os, sys
src, dst = sys.argv[1], sys.argv[2]
names = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]
out = []
for name in names:
    (path,) = glob.glob(os.path.join(src, "**", name + "_GroundTruth.txt"), recursive=True)
    text = open(path, "rb").read().decode("utf-8")
    rows = [r for r in text.split("\r\n") if r]
    for r in rows:
        _id, _rating, sentence = r.split("\t", 2)
        assert "\n" not in sentence and not sentence.endswith("\r"), r
        out.append(sentence)
    print("  %-36s %6d" % (name + "_GroundTruth.txt", len(rows)))
assert len(out) == 23703, "expected 23,703 ground-truth sentences, got %d" % len(out)
open(dst, "wb").write("".join(s + "\n" for s in out).encode("utf-8"))
print("  %-36s %6d" % ("total", len(out)))
EOF

echo "== inputs"
"$py" "$here/reference.py" --odd-cases >"$tmp/odd.txt"
"$py" "$here/reference.py" --fuzz-cases >"$tmp/fuzz.txt"
if [ "$probes" = 1 ]; then
    "$py" "$here/reference.py" --unicode-probes >"$tmp/probes.txt"
else
    : >"$tmp/probes.txt"
fi
"$py" - "$tmp" "$here/cases.txt" <<'EOF'
import os, sys
tmp, cases = sys.argv[1], sys.argv[2]
def lines(path):
    data = open(path, "rb").read().decode("utf-8")
    if data.endswith("\n"):
        data = data[:-1]
    return [] if data == "" and os.path.getsize(path) == 0 else data.split("\n")
sections = [
    ("ground truth", lines(os.path.join(tmp, "sentences.txt"))),
    ("tests/vader/cases.txt", lines(cases)),
    ("odd inputs", lines(os.path.join(tmp, "odd.txt"))),
    ("rule fuzz", lines(os.path.join(tmp, "fuzz.txt"))),
    ("unicode probes", lines(os.path.join(tmp, "probes.txt"))),
]
assert len(sections[1][1]) >= 60, "cases.txt should hold at least 60 cases"
with open(os.path.join(tmp, "all.txt"), "wb") as f:
    for _, ls in sections:
        f.write("".join(l + "\n" for l in ls).encode("utf-8"))
with open(os.path.join(tmp, "sections.tsv"), "w") as f:
    for name, ls in sections:
        f.write("%s\t%d\n" % (name, len(ls)))
        print("  %-24s %7d lines" % (name, len(ls)))
EOF

echo "== scoring with Python"
"$py" "$here/reference.py" <"$tmp/all.txt" >"$tmp/expected.tsv"
echo "== scoring with Rust"
(cd "$root" && cargo run --quiet --release --locked --example vader_score) \
    <"$tmp/all.txt" >"$tmp/got.tsv"

echo "== comparing"
status=0
"$py" - "$tmp" <<'EOF' || status=$?
import os, sys
tmp = sys.argv[1]
def read(name):
    data = open(os.path.join(tmp, name), "rb").read().decode("utf-8")
    return data[:-1].split("\n") if data else []
inputs, expected, got = read("all.txt"), read("expected.tsv"), read("got.tsv")
sections = [(n, int(c)) for n, c in (l.split("\t") for l in read("sections.tsv"))]
if not (len(inputs) == len(expected) == len(got)):
    print("line counts differ: input %d, python %d, rust %d" % (len(inputs), len(expected), len(got)))
    sys.exit(1)
labels = ["compound", "pos", "neu", "neg"]
labels = ["raw " + l for l in labels] + ["rounded " + l for l in labels]
bad = []
start = 0
for name, count in sections:
    rows = range(start, start + count)
    mism = [i for i in rows if expected[i] != got[i]]
    fields = sum(1 for i in mism for a, b in zip(expected[i].split("\t"), got[i].split("\t")) if a != b)
    print("  %-24s %7d lines  %7d identical  %d mismatching (%d fields)"
          % (name, count, count - len(mism), len(mism), fields))
    bad += [(name, i) for i in mism]
    start += count
total = len(inputs)
print("  %-24s %7d lines  %7d identical  %d mismatching" % ("all", total, total - len(bad), len(bad)))
for name, i in bad[:20]:
    text = inputs[i]
    shown = repr(text if len(text) <= 120 else text[:117] + "...")
    print("\n  [%s, line %d] %s" % (name, i + 1, shown))
    for label, a, b in zip(labels, expected[i].split("\t"), got[i].split("\t")):
        mark = "  " if a == b else "!="
        print("    %s %-16s python %-24s rust %s" % (mark, label, a, b))
sys.exit(1 if bad else 0)
EOF
if [ "$status" = 0 ]; then
    echo "OK: Rust equals Python vaderSentiment 3.3.2 on every line (raw and rounded)"
else
    echo "FAIL: differences from Python vaderSentiment 3.3.2" >&2
fi

timing_run() {
    echo "== timing on the ground-truth sentences (same machine, same run)"
    local py_sps bench rs_sps
    py_sps="$("$py" "$here/reference.py" --time <"$tmp/sentences.txt")" || return 1
    bench="$(cd "$root" && VADER_SENTENCES="$tmp/sentences.txt" cargo bench --quiet --locked --bench vader)" ||
        return 1
    echo "$bench"
    rs_sps="$(sed -n 's/^vader_bench sps1=\([0-9]*\) .*/\1/p' <<<"$bench")"
    [ -n "$rs_sps" ] || return 1
    "$py" -c 'import sys
p, r = float(sys.argv[1]), float(sys.argv[2])
print("  python 3.3.2, 1 thread: %10.0f sentences/s (%.1f us/sentence)" % (p, 1e6 / p))
print("  rust / python (1 thread each): %.1fx" % (r / p))' "$py_sps" "$rs_sps"
}
if [ "$timing" = 1 ]; then
    timing_run || echo "warning: timing failed (the comparison result above stands)" >&2
fi

echo "ground-truth sentences kept at $tmp/sentences.txt (VADER_SENTENCES for the benchmark)"
exit "$status"
