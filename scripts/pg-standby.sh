#!/usr/bin/env bash
# A hot standby of this machine's PostgreSQL cluster on the same machine, for testing read replicas
# and failover (docs/operations.md). Streaming replication from 127.0.0.1:5432 with pg_basebackup.
#
#   scripts/pg-standby.sh start     copy the primary, start the standby on port 5433 (read-only)
#   scripts/pg-standby.sh status    is it in recovery, how far behind
#   scripts/pg-standby.sh promote   make the standby a primary (failover drill)
#   scripts/pg-standby.sh stop      stop it and remove its data directory
#
# Environment: STANDBY_PORT (5433), STANDBY_DIR (/var/lib/postgresql/yangfan-standby),
# PRIMARY_HOST (127.0.0.1), PRIMARY_PORT (5432). Run as root or as the postgres user. The primary's
# pg_hba.conf gets one line allowing replication from 127.0.0.1 (trust, like the test cluster).
set -euo pipefail

PORT=${STANDBY_PORT:-5433}
DIR=${STANDBY_DIR:-/var/lib/postgresql/yangfan-standby}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
VERSION=$(ls /etc/postgresql | sort -n | tail -1)
BIN=/usr/lib/postgresql/${VERSION}/bin
HBA=/etc/postgresql/${VERSION}/main/pg_hba.conf

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

allow_replication() {
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
    echo "host replication all 127.0.0.1/32 trust  # yangfan standby (scripts/pg-standby.sh)" >>"$HBA"
    psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -qAtc 'select pg_reload_conf()' >/dev/null
  fi
}

start() {
  if as_postgres "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
    echo "standby already running on port $PORT"
    return
  fi
  allow_replication
  rm -rf "$DIR"
  mkdir -p "$DIR" && chown postgres:postgres "$DIR" 2>/dev/null || true
  chmod 700 "$DIR"
  echo "copying the primary ${PRIMARY_HOST}:${PRIMARY_PORT} into $DIR …"
  as_postgres "$BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream -c fast
  # Debian keeps the configuration outside the data directory: the standby gets its own.
  cat >"$DIR/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
max_connections = 100
CONF
  cat >"$DIR/pg_hba.conf" <<CONF
local all all trust
host all all 127.0.0.1/32 trust
CONF
  chown postgres:postgres "$DIR/postgresql.conf" "$DIR/pg_hba.conf" 2>/dev/null || true
  as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/standby.log" -w start >/dev/null
  status
}

status() {
  psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qAtc "select case when pg_is_in_recovery()
    then 'standby on port $PORT, replay behind by ' || coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0) || ' bytes'
    else 'primary on port $PORT (promoted)' end"
}

promote() {
  as_postgres "$BIN/pg_ctl" -D "$DIR" -w promote >/dev/null
  status
}

stop() {
  as_postgres "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  echo "standby stopped and removed"
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  promote) promote ;;
  stop) stop ;;
  *) echo "usage: $0 start|status|promote|stop" >&2; exit 2 ;;
esac
