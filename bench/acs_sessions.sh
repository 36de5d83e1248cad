#!/usr/bin/env bash
# End-to-end ACS figure: `cpe simulate` against `acs serve` on loopback, minimal periodic
# sessions (Inform, empty POST, 204). Prints sessions/s and the ACS process's CPU time per
# session, read from /proc over a window after every device has booted.
# Usage: bench/acs_sessions.sh [devices] [periodic-interval-seconds] [window-seconds]
# PRESETS=DIR installs the presets of DIR/presets.json (replacing the default ones) and the
# provision scripts DIR/*.js (bench/presets: ten presets, three of them scripts, one being
# the default bootstrap script with the bench's interval); without it the ACS runs with no
# presets at all (the default bootstrap preset is removed: it would set a one-hour interval).
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES="${1:-1000}"
INTERVAL="${2:-5}"
WINDOW="${3:-30}"
# BIN_DIR runs prebuilt binaries instead (e.g. a build with frame pointers, for profiling).
BIN_DIR="${BIN_DIR:-}"
if [ -z "$BIN_DIR" ]; then
    cargo build --release -q -p acs -p cpe
    BIN_DIR=./target/release
fi
WORK="$(mktemp -d)"
trap 'kill $ACS_PID $SIM_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
RUST_LOG=warn "$BIN_DIR/acs" serve --cwmp-listen 127.0.0.1:27547 --nbi-listen 127.0.0.1:27557 \
    --fs-listen 127.0.0.1:27567 --database "sqlite://$WORK/acs.db" &
ACS_PID=$!
sleep 1
API=http://127.0.0.1:27557/api/v1
curl -sf -X DELETE "$API/presets/bootstrap" >/dev/null
if [ -n "${PRESETS:-}" ]; then
    for script in "$PRESETS"/*.js; do
        curl -sf -X PUT --data-binary "@$script" -H 'content-type: text/javascript' \
            "$API/provisions/$(basename "$script" .js)" >/dev/null
    done
    python3 - "$PRESETS/presets.json" "$API" <<'PY'
import json, sys, urllib.request
presets = json.load(open(sys.argv[1]))
for name, body in presets.items():
    req = urllib.request.Request(f"{sys.argv[2]}/presets/{name}", data=json.dumps(body).encode(),
                                 method="PUT", headers={"content-type": "application/json"})
    urllib.request.urlopen(req).read()
print(f"installed {len(presets)} presets", file=sys.stderr)
PY
fi
"$BIN_DIR/cpe" simulate --acs-url http://127.0.0.1:27547/ --count "$DEVICES" \
    --periodic-interval "$INTERVAL" --duration $((INTERVAL * 3 + WINDOW + 5)) --json > "$WORK/summary.json" &
SIM_PID=$!
finished() { curl -s http://127.0.0.1:27557/metrics | awk '/^acs_sessions_finished_total/ {print $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$ACS_PID/stat"; }
# Let every device boot (the first informs spread over one interval) and settle.
sleep $((INTERVAL * 2 + 2))
S0=$(finished); C0=$(cpu_ticks); T0=$(date +%s.%N)
if [ -n "${PERF_OUT:-}" ]; then
    perf record -e cpu-clock -F 2000 -g -p "$ACS_PID" -o "$PERF_OUT" -- sleep "$WINDOW" >/dev/null 2>&1
else
    sleep "$WINDOW"
fi
S1=$(finished); C1=$(cpu_ticks); T1=$(date +%s.%N)
HZ=$(getconf CLK_TCK)
python3 - "$S0" "$S1" "$C0" "$C1" "$T0" "$T1" "$HZ" "$DEVICES" "$INTERVAL" <<'PY'
import sys
s0, s1, c0, c1 = map(float, sys.argv[1:5]); t0, t1 = map(float, sys.argv[5:7]); hz = float(sys.argv[7])
sessions = s1 - s0; secs = t1 - t0; cpu = (c1 - c0) / hz
print(f"devices {sys.argv[8]}, periodic interval {sys.argv[9]} s, window {secs:.1f} s")
print(f"sessions in window: {sessions:.0f} ({sessions / secs:.0f}/s)")
print(f"ACS CPU in window: {cpu:.2f} s")
if sessions:
    print(f"ACS CPU per session: {cpu / sessions * 1e6:.0f} us")
PY
echo "RPCs the ACS sent (whole run, including the first sessions):"
curl -s http://127.0.0.1:27557/metrics | grep '^acs_rpcs_total' || echo "none"
wait $SIM_PID || true
echo "simulator summary:"; cat "$WORK/summary.json"
