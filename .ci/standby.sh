#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL server on 127.0.0.1:5433, for
# the DATABASE_READ_URL tests (src/db/read-replica.test.ts). Made once per
# machine with pg_basebackup -R (Debian keeps the primary's configuration in
# /etc/postgresql, so the standby gets a small one of its own); later runs
# find it running. Needs root (runs the server as the postgres user).
set -euo pipefail
STANDBY_PORT=5433
STANDBY_DIR=/var/lib/postgresql/sogd-standby
if pg_isready -h 127.0.0.1 -p "$STANDBY_PORT" -q; then exit 0; fi
version=$(ls /etc/postgresql | head -n1)
bin=/usr/lib/postgresql/$version/bin
hba=$(psql -h 127.0.0.1 -U postgres -qAtc 'SHOW hba_file')
# Replication connections match only a "replication" line of pg_hba.conf.
if ! grep -Eq '^host[[:space:]]+replication' "$hba"; then
  echo 'host replication all 127.0.0.1/32 trust' >>"$hba"
  psql -h 127.0.0.1 -U postgres -qAtc 'SELECT pg_reload_conf()' >/dev/null
fi
rm -rf "$STANDBY_DIR"
runuser -u postgres -- "$bin/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$STANDBY_DIR" -R -X stream -c fast
cat >"$STANDBY_DIR/postgresql.conf" <<CONF
port = $STANDBY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
max_connections = 100
shared_buffers = 64MB
hba_file = '$STANDBY_DIR/pg_hba.conf'
CONF
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$STANDBY_DIR/pg_hba.conf"
chown postgres:postgres "$STANDBY_DIR/postgresql.conf" "$STANDBY_DIR/pg_hba.conf"
runuser -u postgres -- "$bin/pg_ctl" -D "$STANDBY_DIR" -l "$STANDBY_DIR/server.log" -w start >/dev/null
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$STANDBY_PORT" -q && exit 0; sleep 1; done
echo "LỖI: the PostgreSQL standby on port $STANDBY_PORT did not start; see $STANDBY_DIR/server.log" >&2
exit 1
