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
