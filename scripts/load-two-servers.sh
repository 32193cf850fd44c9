#!/bin/sh
# The deadline day on PostgreSQL with two servers (issue 13, item 5).
#
#   scripts/load-two-servers.sh                      # the demo city, 500 clients, 2 minutes
#   scripts/load-two-servers.sh -projects 5000       # the 5,000-project city
#   scripts/load-two-servers.sh -clients 50 -duration 20s   # a quick try
#
# Builds qianxiang and qxload, makes a fresh schema in the PostgreSQL of
# $QIANXIANG_TEST_PG (default: the local test database), and runs qxload
# there: it builds the city with the clock at the 25th of this month,
# 10:00 (the deadline day), starts two `qianxiang serve` processes on two
# loopback ports against that schema with their clocks set the same way,
# spreads every client's requests over both (round robin, as a reverse
# proxy; leaders log in once and use their session cookie on both), stops
# the servers and prints the figures and the servers' warnings. The schema
# is dropped at the end. Extra flags go to qxload and override the
# defaults below.
set -eu
cd "$(dirname "$0")/.."
PG=${QIANXIANG_TEST_PG:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}
case $PG in *\?*) sep='&' ;; *) sep='?' ;; esac
schema=qxload_$(date +%s)_$$
tmp=$(mktemp -d)
trap 'psql "$PG" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
go build -o "$tmp/qianxiang" ./cmd/qianxiang
go build -o "$tmp/qxload" ./cmd/qxload
psql "$PG" -qc "CREATE SCHEMA $schema"
echo "uptime before: $(uptime)"
"$tmp/qxload" -db "$PG${sep}search_path=$schema" -servers 2 -bin "$tmp/qianxiang" \
	-clients 500 -duration 2m -think 5s -mix reporter=70,reviewer=10,leader=10,public=10 "$@" || status=$?
echo "uptime after: $(uptime)"
exit ${status:-0}
