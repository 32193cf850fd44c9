#!/bin/sh
# The registry API against PocketBase, side by side (issue 14; BENCHMARKS.md,
# section 6).
#
#   PB_BIN=/path/to/pocketbase scripts/peer-pocketbase.sh
#   PB_BIN=/path/to/pocketbase scripts/peer-pocketbase.sh --rounds 2   # a quick try
#
# PB_BIN is a PocketBase binary you obtained yourself (e.g. from the
# releases page, https://github.com/pocketbase/pocketbase/releases; the
# figures in BENCHMARKS.md are v0.39.11): this repository neither ships nor
# builds it. The script builds qianxiang and qxbench, seeds a city of
# $PROJECTS projects of 2023 (default 10,000) into a new SQLite database and
# writes the same rows for the peer, starts `qianxiang serve`, has
# `qxbench peer` start PocketBase on a new data directory and load it
# through its CLI and HTTP API (collection, indexes, list rule, rows, a
# user), checks that both answer the same 50 projects in the same order
# with the same total (`qxbench same`), and then runs `qxbench run`: 64
# clients loading one server then the other, alternating. Extra arguments
# go to `qxbench run` and override its flags. Both servers are stopped and
# the temporary directory removed on exit, also on error or Ctrl-C.
#
# Needs: go, curl, free ports $OURS_ADDR (127.0.0.1:8091) and $PEER_ADDR
# (127.0.0.1:8090).
set -eu
cd "$(dirname "$0")/.."
if [ -z "${PB_BIN:-}" ]; then
	cat >&2 <<'EOF'
peer-pocketbase.sh needs PB_BIN: the path to a PocketBase binary, e.g.
  a release from https://github.com/pocketbase/pocketbase/releases
  (BENCHMARKS.md section 6 used v0.39.11), unpacked anywhere:

  PB_BIN=$HOME/pocketbase/pocketbase scripts/peer-pocketbase.sh

This repository does not ship or build PocketBase.
EOF
	exit 2
fi
if [ ! -x "$PB_BIN" ]; then
	echo "PB_BIN=$PB_BIN is not an executable file" >&2
	exit 2
fi
case $PB_BIN in /*) ;; *) PB_BIN=$PWD/$PB_BIN ;; esac
PROJECTS=${PROJECTS:-10000}
OURS_ADDR=${OURS_ADDR:-127.0.0.1:8091}
PEER_ADDR=${PEER_ADDR:-127.0.0.1:8090}

tmp=$(mktemp -d)
qx_pid=
cleanup() {
	status=$?
	if [ -n "$qx_pid" ]; then
		kill "$qx_pid" 2>/dev/null || true
		wait "$qx_pid" 2>/dev/null || true
	fi
	# PocketBase is not our child (qxbench peer started it): its pid file
	# is written as soon as it starts.
	if [ -f "$tmp/pb/pocketbase.pid" ]; then
		pb_pid=$(cat "$tmp/pb/pocketbase.pid")
		kill "$pb_pid" 2>/dev/null || true
		i=0
		while kill -0 "$pb_pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		kill -9 "$pb_pid" 2>/dev/null || true
	fi
	if [ $status -ne 0 ]; then
		for log in "$tmp/qianxiang.log" "$tmp/pb/serve.log"; do
			[ -s "$log" ] && { echo "--- last lines of $(basename "$log"):" >&2; tail -n 20 "$log" >&2; }
		done
	fi
	rm -rf "$tmp"
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "ours: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(go version)"
go build -o "$tmp/qianxiang" ./cmd/qianxiang
go build -o "$tmp/qxbench" ./cmd/qxbench
"$tmp/qxbench" seed --db "$tmp/bench.db" --projects "$PROJECTS" --year 2023 --rows "$tmp/rows.jsonl" >"$tmp/token.txt"

"$tmp/qianxiang" serve --db "$tmp/bench.db" --addr "$OURS_ADDR" --log-level warn >"$tmp/qianxiang.log" 2>&1 &
qx_pid=$!
i=0
until curl -sf -o /dev/null "http://$OURS_ADDR/api/v1/healthz"; do
	i=$((i + 1))
	if [ $i -gt 150 ] || ! kill -0 "$qx_pid" 2>/dev/null; then
		echo "qianxiang did not answer on $OURS_ADDR" >&2
		exit 1
	fi
	sleep 0.2
done

"$tmp/qxbench" peer --pocketbase "$PB_BIN" --rows "$tmp/rows.jsonl" --dir "$tmp/pb" --addr "$PEER_ADDR" >"$tmp/peer.txt"
pb_pid=$(sed -n 's/^pid=//p' "$tmp/peer.txt")
pb_url=$(sed -n 's/^url=//p' "$tmp/peer.txt")
pb_token=$(sed -n 's/^token=//p' "$tmp/peer.txt")

ours="http://$OURS_ADDR/api/v1/projects?year=2023&org=141102&sort=-annual_plan&per_page=50"
peer="$pb_url/api/collections/projects/records?filter=(year%3D2023%20%26%26%20org%3D'141102')&sort=-annual_plan&perPage=50"
ours_auth="Bearer $(cat "$tmp/token.txt")"

"$tmp/qxbench" same --a "$ours" --a-auth "$ours_auth" --b "$peer" --b-auth "$pb_token"
echo "load before: $(cat /proc/loadavg 2>/dev/null || uptime)"
echo "start: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
"$tmp/qxbench" run --clients 64 --round 5s --rounds 6 \
	--a "qianxiang=$ours" --a-pid "$qx_pid" --a-auth "$ours_auth" \
	--b "pocketbase=$peer" --b-pid "$pb_pid" --b-auth "$pb_token" "$@"
echo "end: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "load after: $(cat /proc/loadavg 2>/dev/null || uptime)"
