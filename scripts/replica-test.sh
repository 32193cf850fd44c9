#!/usr/bin/env bash
# Sets up a PostgreSQL primary and a streaming standby of it on free ports
# under a temporary folder (Debian's server binaries, run as the postgres
# user when called as root), runs the read-replica test against the pair
# (TestReadReplica*, cmd/qianxiang: reads served by the
# standby, a write visible on the page that made it, a primary restarted
# under a running server), and removes both. Takes well under a
# minute. scripts/test.sh calls it when the binaries are installed.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_basebackup" ]; then
  echo "replica test skipped: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
  exit 0
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

tmp=$(mktemp -d /tmp/qx-replica.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
cleanup() {
  as_pg "$bin/pg_ctl" -D "$tmp/standby" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$bin/pg_ctl" -D "$tmp/primary" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

p1=$(free_port)
p2=$(free_port)
while [ "$p2" = "$p1" ]; do p2=$(free_port); done

as_pg "$bin/initdb" -D "$tmp/primary" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
cat >>"$tmp/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $p1
unix_socket_directories = '$tmp'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
CONF
as_pg "$bin/pg_ctl" -D "$tmp/primary" -l "$tmp/primary.log" -w -t 60 start >/dev/null

# The standby: a base backup that streams the WAL, with standby.signal
# and primary_conninfo written by -R.
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$tmp/standby" -R -X stream
cat >>"$tmp/standby/postgresql.conf" <<CONF
port = $p2
CONF
as_pg "$bin/pg_ctl" -D "$tmp/standby" -l "$tmp/standby.log" -w -t 60 start >/dev/null

export QIANXIANG_REPLICA_PRIMARY="postgres://postgres@127.0.0.1:$p1/postgres?sslmode=disable"
export QIANXIANG_REPLICA_STANDBY="postgres://postgres@127.0.0.1:$p2/postgres?sslmode=disable"
# TestReadReplicaPrimaryRestart restarts this primary (its own cluster).
export QIANXIANG_REPLICA_PRIMARY_DATA="$tmp/primary" QIANXIANG_PG_BIN="$bin"
# TestReadReplica stops and starts the standby.
export QIANXIANG_REPLICA_STANDBY_DATA="$tmp/standby"
echo "replica test: primary on :$p1, standby on :$p2 ($bin)"
go test -count=1 -timeout 10m -run 'TestReadReplica' -v ./cmd/qianxiang "$@"
