#!/usr/bin/env bash
# Golden comparison of two turnstat binaries: byte-identical outputs, or the differences.
#
# Usage: tests/bench/golden.sh OLD_BINARY NEW_BINARY [DIR…]
#
# Runs both binaries over every folder of ../shared/corpus (CORPUS) and of fixtures/ (or the
# DIRs given) with
#   analyze -q --format json|csv|md|html,  report -q --format json|md|html,  turns --format json
# and, with `--out`, the trees `analyze --out` (per meeting: summary, report.json/html and the
# private per-speaker reports) and `report --out` (team files and the private per-person
# pages) write, and compares the sha256 of each output (stdout, stderr and exit code, each
# hashed; a written tree as the hash of its files' paths and hashes). Prints
# one line per run: `same|DIFF  HASH  command folder` (HASH is the new binary's stdout hash),
# then a summary; exits 1 when any output differs. Used to show that a performance change
# keeps every public output byte-identical (issue 16).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
old=${1:?usage: golden.sh OLD NEW [DIR…]}
new=${2:?usage: golden.sh OLD NEW [DIR…]}
shift 2
corpus=${CORPUS:-$root/../shared/corpus}
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
    for d in "$corpus"/*/ "$root"/fixtures/*/; do
        [ -d "$d" ] && dirs+=("${d%/}")
    done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run BINARY TAG ARGS… → "stdout-hash stderr-hash exit-code"
run() {
    local bin=$1 tag=$2
    shift 2
    # Colour and width off, so that stderr does not depend on the terminal.
    NO_COLOR=1 COLUMNS=100 "$bin" "$@" >"$tmp/$tag.out" 2>"$tmp/$tag.err" </dev/null
    local rc=$?
    printf '%s %s %s\n' "$(sha256sum <"$tmp/$tag.out" | cut -c1-64)" \
        "$(sha256sum <"$tmp/$tag.err" | cut -c1-64)" "$rc"
}

# tree BINARY TAG SUBCOMMAND DIR → the same, for the files `SUBCOMMAND -q --out` writes (the
# hash of `sha256sum` over every written file, paths relative to the output folder).
tree() {
    local bin=$1 tag=$2 sub=$3 dir=$4
    rm -rf "$tmp/$tag.tree"
    NO_COLOR=1 COLUMNS=100 "$bin" "$sub" -q --out "$tmp/$tag.tree" "$dir" \
        >"$tmp/$tag.out" 2>"$tmp/$tag.err" </dev/null
    local rc=$?
    local files
    files=$(cd "$tmp/$tag.tree" 2>/dev/null && find . -type f | LC_ALL=C sort | xargs -r sha256sum)
    printf '%s %s %s\n' "$(printf '%s' "$files" | sha256sum | cut -c1-64)" \
        "$(sha256sum <"$tmp/$tag.err" | cut -c1-64)" "$rc"
}

same=0
diff=0
# compare OLD-RESULT NEW-RESULT LABEL FOLDER: counts and prints one line.
compare() {
    if [ "$1" = "$2" ]; then
        same=$((same + 1))
        printf 'same  %s  %s  %s\n' "${2%% *}" "$3" "${4#"$root"/}"
    else
        diff=$((diff + 1))
        printf 'DIFF  old %s  new %s  %s  %s\n' "$1" "$2" "$3" "$4"
    fi
}
for d in "${dirs[@]}"; do
    for cmd in "analyze -q --format json" "analyze -q --format csv" "analyze -q --format md" \
        "analyze -q --format html" "report -q --format json" "report -q --format md" \
        "report -q --format html" "turns --format json"; do
        # shellcheck disable=SC2086
        compare "$(run "$old" old $cmd "$d")" "$(run "$new" new $cmd "$d")" "$cmd" "$d"
    done
    for sub in analyze report; do
        compare "$(tree "$old" old "$sub" "$d")" "$(tree "$new" new "$sub" "$d")" \
            "$sub -q --out DIR (written files)" "$d"
    done
done
echo "golden: $same identical, $diff different ($(( same + diff )) runs over ${#dirs[@]} folders)"
[ "$diff" -eq 0 ]
