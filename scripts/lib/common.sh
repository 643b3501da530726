# Helpers shared by the scripts in this folder. Source it; it defines functions only.

nightpos_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Prints the first port from $1 upwards on which nothing listens on 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Waits up to $2 seconds (default 60) for something to listen on 127.0.0.1:$1.
wait_for_port() {
  local port=$1 limit=${2:-60} waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    sleep 0.5
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 2)) ]; then
      echo "nothing listens on 127.0.0.1:$port after ${limit}s" >&2
      return 1
    fi
  done
}

# A random key of 32 hexadecimal characters.
random_key() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

# Makes sure the Debian packages named after a command are installed: `ensure_packages CHECK
# PACKAGE...` runs CHECK (a shell test) and, when it fails, installs the packages with apt-get
# when this machine has it and we are root, or says what to install otherwise.
ensure_packages() {
  local check=$1
  shift
  eval "$check" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing $* ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    fi
    return 0
  fi
  echo "Missing: $* (install them with your system's package manager)." >&2
  return 1
}
