#!/usr/bin/env bash
# Renders turnstat HTML reports in headless Chromium, as the browser test does, for a look
# by hand: one PNG per page next to it (or in $TURNSTAT_SCREENSHOT_DIR), plus the console
# messages the page caused. The network is closed (every host name fails to resolve).
#
#   tests/browser/screenshot.sh report.html speakers/ann.html team.html
#
# The automated checks (mark counts, console, net log, screenshots of the bundled
# fixtures) are `cargo test --test integration html::pages_render_in_headless_chromium`.
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "no $chromium (apt-get install -y chromium)" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: $0 PAGE.html..." >&2; exit 2; }
for page in "$@"; do
  abs=$(realpath "$page")
  out_dir=${TURNSTAT_SCREENSHOT_DIR:-$(dirname "$abs")}
  mkdir -p "$out_dir"
  png="$out_dir/$(basename "${abs%.html}").png"
  profile=$(mktemp -d)
  log=$(mktemp)
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --no-default-browser-check --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --hide-scrollbars --force-device-scale-factor=1 \
    --host-resolver-rules='MAP * ~NOTFOUND' --enable-logging=stderr --v=0 \
    --virtual-time-budget=2000 --user-data-dir="$profile" --window-size=1280,2400 \
    --screenshot="$png" "file://$abs" 2>"$log" >/dev/null || true
  echo "$png"
  grep -E 'CONSOLE|Uncaught|Content Security Policy' "$log" || true
  rm -rf "$profile" "$log"
done
