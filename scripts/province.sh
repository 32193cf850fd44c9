#!/usr/bin/env bash
# Generates a province (issue 13): CITIES cities × PROJECTS projects with
# MONTHS months of reports and problems, one database per city as each
# city runs its own server. Prints the time each city took and the size.
#
#   scripts/province.sh sqlite DIR                       # DIR/city-01.db …
#   scripts/province.sh postgres postgres://…/db         # schemas city_01 …
#
# Environment: CITIES (11), PROJECTS (5000), MONTHS (12), YEAR (last year,
# so all twelve months are past), QX (a built qianxiang; built if unset).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?sqlite DIR or postgres URL}
where=${2:?}
cities=${CITIES:-11}
projects=${PROJECTS:-5000}
months=${MONTHS:-12}
year=${YEAR:-$(( $(date +%Y) - 1 ))}
qx=${QX:-}
if [ -z "$qx" ]; then
  qx=$(mktemp -d)/qianxiang
  go build -o "$qx" ./cmd/qianxiang
fi
start=$(date +%s.%N)
for i in $(seq -w 1 "$cities"); do
  case $kind in
  sqlite)
    mkdir -p "$where"
    db="$where/city-$i.db"
    rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"
    ;;
  postgres)
    psql "$where" -qc "DROP SCHEMA IF EXISTS city_$i CASCADE; CREATE SCHEMA city_$i" >/dev/null
    sep='?'; case $where in *\?*) sep='&';; esac
    db="$where${sep}search_path=city_$i"
    export QIANXIANG_AUDIT_KEY_FILE=${QIANXIANG_AUDIT_KEY_FILE:-$(mktemp -d)/province.key}
    ;;
  *) echo "kind must be sqlite or postgres" >&2; exit 2 ;;
  esac
  t0=$(date +%s.%N)
  out=$("$qx" demo --db "$db" --projects "$projects" --months "$months" --year "$year" --seed "$((10#$i))" | tail -n 1)
  t1=$(date +%s.%N)
  printf 'city %s: %s (wall %.1fs)\n' "$i" "$out" "$(echo "$t1 - $t0" | bc)"
done
end=$(date +%s.%N)
printf 'province: %d cities × %d projects, %d months, total wall %.1fs\n' "$cities" "$projects" "$months" "$(echo "$end - $start" | bc)"
case $kind in
sqlite) du -ch "$where"/city-*.db | tail -n 1 | sed 's/^/size on disk: /' ;;
postgres) psql "$where" -tAc "SELECT 'size in PostgreSQL: ' || pg_size_pretty(SUM(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'city\_%' AND c.relkind = 'r'" ;;
esac
