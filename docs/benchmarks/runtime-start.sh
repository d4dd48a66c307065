#!/usr/bin/env bash
# The process runtime under a burst: COUNT instances created at once. Starts the server jar on the process runtime
# in a temporary data folder (embedded PostgreSQL, a free port, notebooks on any free port), sends the COUNT create
# requests in parallel, and prints the time from each create request to the first read that shows it RUNNING (p50,
# max; one list read every 100 ms or so), the resident memory of each notebook's Jupyter server, and a baseline measured in the
# same run: one bare jupyter-server started by hand, its time to answer /api/status and its memory. Prints the load
# average before and after: the machine may be shared. Deletes what it created and stops what it started.
# Needs bash, curl, awk, python3 (for a free port), a JDK 17+ and jupyter-server; run from the repository's root after
# ./mvnw -q -B package -DskipTests.
set -euo pipefail
COUNT=${COUNT:-20}
JAR=${JAR:-bootstrap/target/demanager-server.jar}
NOTEBOOK_USER=${NOTEBOOK_USER:-demanager-notebook}
AUTH='X-Auth-Token: dev-token'
now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json_field() { python3 -c "import json, sys; print(json.load(sys.stdin).get('$1', ''))"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
percentiles() { sort -n | awk '{v[NR]=$1} END {print "p50", v[int((NR+1)/2)], "ms, max", v[NR], "ms"}'; }

work=$(mktemp -d)
chmod 711 "$work"
server_pid=
# Notebooks outlive the server: whatever still serves a folder of this run is killed too, found by that folder.
cleanup() {
  set +e
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  for process in /proc/[0-9]*; do
    { tr '\0' '\n' <"$process/cmdline"; } 2>/dev/null | grep -q "^--ServerApp.root_dir=$work/" && kill -9 "${process#/proc/}"
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# Baseline: a bare Jupyter Server, nothing around it, as the same unprivileged user.
bare=$work/bare
mkdir -p "$bare"
as_notebook_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown "$NOTEBOOK_USER": "$bare"
  as_notebook_user=(setpriv --reuid="$NOTEBOOK_USER" --regid="$NOTEBOOK_USER" --init-groups --inh-caps=-all --)
fi
bare_port=$(free_port)
start=$(now_ms)
env -i PATH="$PATH" LANG=C.UTF-8 JUPYTER_TOKEN=baseline HOME="$bare" JUPYTER_RUNTIME_DIR="$bare/rt" \
  "${as_notebook_user[@]}" jupyter-server --ServerApp.ip=127.0.0.1 --ServerApp.port="$bare_port" \
  --ServerApp.port_retries=0 --ServerApp.open_browser=False --ServerApp.root_dir="$bare" >"$work/bare.log" 2>&1 &
bare_pid=$!
until curl -sf -H 'Authorization: token baseline' "http://127.0.0.1:$bare_port/api/status" >/dev/null; do sleep 0.1; done
echo "baseline: a bare jupyter-server answers after $(( $(now_ms) - start )) ms, RSS $(( $(rss_kb $bare_pid) / 1024 )) MiB"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true

port=$(free_port)
API=http://127.0.0.1:$port/v1/demo-project/demanager/instances
env DEMANAGER_RUNTIME=process DEMANAGER_DATA_DIR="$work/data" DEMANAGER_HOST=127.0.0.1 DEMANAGER_PORT="$port" \
  DEMANAGER_NOTEBOOK_PORTS=0 DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS=300 DEMANAGER_NOTEBOOK_USER="$NOTEBOOK_USER" \
  java -Xmx512m -jar "$JAR" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done

# A create answered 503 (the server's database pool is busy: Retry-After) is sent again, as a client would; the time
# to RUNNING counts from the first request.
creators=()
for n in $(seq 1 "$COUNT"); do
  (
    echo "$(now_ms)" >"$work/created-$n"
    until grep -q '^DE-' "$work/id-$n" 2>/dev/null; do
      curl -s -X POST "$API" -H "$AUTH" -H 'Content-Type: application/json' \
        -d "{\"name\": \"burst-$n\", \"profile_id\": \"Python3\", \"flavor\": \"modelarts.vm.cpu.2u\", \"spec\": {\"storage\": {\"type\": \"evs\"}}}" \
        | json_field id >"$work/id-$n"
      grep -q '^DE-' "$work/id-$n" || { echo x >>"$work/retries"; sleep 1; }
    done
  ) &
  creators+=($!)
done
wait "${creators[@]}"
# One list request per round, not one read per instance: the poll must not load the machine it measures. A round
# the server answers 503 (busy) is read again.
declare -A running_at=()
deadline=$(( $(now_ms) + 600000 ))
while [ ${#running_at[@]} -lt "$COUNT" ] && [ "$(now_ms)" -lt "$deadline" ]; do
  curl -s "$API?de_type=Notebook&limit=1000" -H "$AUTH" >"$work/list" || true
  python3 -c 'import json, sys
try:
    for instance in json.load(open(sys.argv[1]))["instances"]: print(instance["id"], instance["status"])
except (ValueError, KeyError): pass' "$work/list" >"$work/statuses"
  at=$(now_ms)
  for n in $(seq 1 "$COUNT"); do
    [ -n "${running_at[$n]:-}" ] && continue
    s=$(awk -v id="$(cat "$work/id-$n")" '$1 == id {print $2}' "$work/statuses")
    if [ "$s" = RUNNING ]; then running_at[$n]=$at
    elif [ -n "$s" ] && [ "$s" != CREATING ]; then running_at[$n]=failed; echo "burst-$n: $s"; fi
  done
  sleep 0.1
done
echo "creates sent again after a 503: $(cat "$work/retries" 2>/dev/null | wc -l)"
echo "RUNNING: $(for n in "${!running_at[@]}"; do [ "${running_at[$n]}" != failed ] && echo x; done | wc -l) of $COUNT"
for n in "${!running_at[@]}"; do
  [ "${running_at[$n]}" != failed ] && echo $(( running_at[$n] - $(cat "$work/created-$n") ))
done | percentiles | sed 's/^/time from the create request to RUNNING: /'
for pid_file in "$work"/data/notebooks/*/notebook.pid; do rss_kb "$(cat "$pid_file")"; done \
  | awk '{s+=$1; if ($1>m) m=$1; n++} END {printf "notebook RSS: mean %d MiB, max %d MiB over %d notebooks\n", s/n/1024, m/1024, n}'
echo "server RSS: $(( $(rss_kb "$server_pid") / 1024 )) MiB"
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# A running instance is stopped before it is deleted, as the API asks.
for n in $(seq 1 "$COUNT"); do
  curl -s -o /dev/null -X POST "$API/$(cat "$work/id-$n")/action" -H "$AUTH" -H 'Content-Type: application/json' -d '{"action": "stop"}'
done
for n in $(seq 1 "$COUNT"); do
  until [ "$(curl -s "$API/$(cat "$work/id-$n")" -H "$AUTH" | json_field status)" != STOPPING ]; do sleep 0.5; done
  curl -s -o /dev/null -X DELETE "$API/$(cat "$work/id-$n")" -H "$AUTH"
done
until [ -z "$(ls -A "$work/data/notebooks")" ]; do sleep 0.5; done
