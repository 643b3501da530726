# Starts, reuses and stops a local PostgreSQL cluster for development and tests.
# Source it after common.sh. As root, PostgreSQL runs as the 'postgres' user (it refuses to run
# as root), so the data folder must be reachable by that user.

pg_bindir() {
  ensure_packages "command -v initdb || ls /usr/lib/postgresql/*/bin/initdb" postgresql \
    || return 1
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    echo "PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL 15 or" \
      "later, or set NIGHTPOS_POSTGRES to a running server." >&2
    return 1
  fi
  echo "$dir"
}

# Runs a PostgreSQL binary as the user that owns the cluster.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The data folder for cluster $1 (e.g. "postgres" or "postgres-test"): inside the checkout's
# ignored .local folder, or under /tmp when the checkout is out of the postgres user's reach.
pg_datadir() {
  local name=$1 root
  root=$(nightpos_root)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    if ! runuser -u postgres -- test -x "$root"; then
      echo "/tmp/nightpos-$(echo "$root" | md5sum | cut -c1-8)/$name"
      return
    fi
  fi
  echo "$root/.local/$name"
}

# Starts cluster $1 unless it already runs, on a free port from $2; extra settings follow
# (e.g. "fsync=off"). Prints the port it listens on.
pg_start() {
  local name=$1 first_port=$2
  shift 2
  local bindir datadir port
  bindir=$(pg_bindir) || return 1
  datadir=$(pg_datadir "$name")

  if [ -f "$datadir/postmaster.pid" ] && pg_as_owner "$bindir/pg_ctl" -D "$datadir" status \
    >/dev/null 2>&1; then
    sed -n 4p "$datadir/postmaster.pid"
    return
  fi

  if [ ! -f "$datadir/PG_VERSION" ]; then
    mkdir -p "$datadir"
    [ "$(id -u)" = 0 ] && chown postgres "$datadir" "$(dirname "$datadir")"
    chmod 700 "$datadir"
    pg_as_owner "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$datadir.initdb.log" 2>&1 || {
      cat "$datadir.initdb.log" >&2
      return 1
    }
  fi

  port=$(free_port "$first_port")
  local options="-c listen_addresses=127.0.0.1 -c port=$port -k $datadir -c max_connections=300"
  for setting in "$@"; do
    options="$options -c $setting"
  done
  pg_as_owner "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -o "$options" -w \
    -t 60 start >/dev/null || {
    tail -n 20 "$datadir/server.log" >&2
    return 1
  }
  echo "$port"
}

pg_stop() {
  local name=$1 bindir datadir
  bindir=$(pg_bindir) || return 1
  datadir=$(pg_datadir "$name")
  [ -f "$datadir/postmaster.pid" ] || return 0
  pg_as_owner "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
}

# Creates database $2 on the local server at port $1 unless it exists.
pg_ensure_database() {
  local port=$1 database=$2 bindir
  bindir=$(pg_bindir) || return 1
  if ! "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
    "select 1 from pg_database where datname = '$database'" postgres | grep -q 1; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
  fi
}
