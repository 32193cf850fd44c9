#!/usr/bin/env bash
# Runs Qianxiang's whole test suite: the store tests on SQLite and on
# PostgreSQL, the browser tests in a real headless Chromium. On a fresh
# machine it installs and starts what is missing first (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "need root to install $*" >&2; return 1; fi
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Chromium (and CJK fonts, so screenshots show Chinese) for the browser tests.
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium"
  apt_install chromium chromium-driver fonts-noto-cjk
fi

# PostgreSQL at 127.0.0.1:5432 with a database "test", unless the caller
# points QIANXIANG_TEST_PG elsewhere.
if [ -z "${QIANXIANG_TEST_PG:-}" ]; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      echo "installing postgresql"
      apt_install postgresql
    fi
    ver=$(ls /etc/postgresql | sort -V | tail -n 1)
    hba=/etc/postgresql/$ver/main/pg_hba.conf
    # Tests connect as postgres over TCP without a password.
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    fi
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start || pg_ctlcluster "$ver" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null
  fi
  export QIANXIANG_TEST_PG="postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
fi

go vet ./...
go test -count=1 -timeout 20m "$@" ./...

# The read replica: a primary and a streaming standby of the test's own,
# made with the PostgreSQL server binaries (skipped, saying so, without them).
scripts/replica-test.sh

# Every fuzz target (parsers of outside input: workbooks, CSV, rosters,
# targets, tasks, JSON bodies, project filters, dates, amounts, project
# codes, GeoJSON) runs briefly, so a new crasher in CI fails the build.
# The budget is a count of inputs, not a duration: Go 1.26's fuzz
# coordinator can fail a target with a bare "context deadline exceeded"
# when a -fuzztime duration ends while a worker is mid-input (go.dev/issue/75804,
# fixed in Go 1.27), which failed CI once with nothing found. 10,000 inputs
# take 1-25 s per target here (the task sheet is the slowest, ~430/s).
fuzztime=${QIANXIANG_FUZZTIME:-10000x}
for pkg in . ./excel ./web; do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    echo "fuzz $pkg $target ($fuzztime)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
  done
done

# CI (.ci/run sets QIANXIANG_RACE=1) runs the packages whose code runs
# concurrently again under the race detector: app (the services, the
# import and write locks), store (the connection pools, the audit chain's
# lock) and web (the server and its middleware). The whole suite under
# -race costs far more than these three; see README. The race detector
# needs cgo, so a C compiler.
if [ -n "${QIANXIANG_RACE:-}" ]; then
  if ! command -v gcc >/dev/null 2>&1; then
    echo "installing gcc (the race detector needs cgo)"
    apt_install gcc libc6-dev
  fi
  echo "race detector: go test -race ./app ./store ./web"
  CGO_ENABLED=1 go test -race -count=1 -timeout 45m "$@" ./app ./store ./web
fi
