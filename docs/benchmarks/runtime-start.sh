#!/usr/bin/env bash
# The process runtime under a burst: COUNT instances created at once against a server started with
# DEMANAGER_RUNTIME=process on PORT. Prints the time from each create request to the first read that shows it
# RUNNING (p50, max; reads every 100 ms), the resident memory of each notebook's Jupyter server, and a baseline
# measured in the same run: one bare jupyter-server started by hand, time to answer /api/status and its memory.
# Deletes what it created. Needs bash, curl, awk and jupyter-server.
set -euo pipefail
PORT=${PORT:-18081}
COUNT=${COUNT:-20}
DATA_DIR=${DATA_DIR:?the DEMANAGER_DATA_DIR of the server}
API=http://localhost:$PORT/v1/demo-project/demanager/instances
AUTH='X-Auth-Token: dev-token'
now_ms() { date +%s%3N; }
status_of() { curl -s "$API/$1" -H "$AUTH" | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d '"' -f 4; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
percentiles() { sort -n | awk '{v[NR]=$1} END {print "p50", v[int((NR+1)/2)], "ms, max", v[NR], "ms"}'; }

# Baseline: a bare Jupyter Server, nothing around it.
bare=$(mktemp -d)
chmod 711 "$(dirname "$bare")" 2>/dev/null || true
as_notebook_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown demanager-notebook: "$bare"
  as_notebook_user=(setpriv --reuid=demanager-notebook --regid=demanager-notebook --init-groups --inh-caps=-all --)
fi
start=$(now_ms)
JUPYTER_TOKEN=baseline HOME=$bare JUPYTER_RUNTIME_DIR=$bare/rt "${as_notebook_user[@]}" jupyter-server --ServerApp.ip=127.0.0.1 \
  --ServerApp.port=43999 --ServerApp.port_retries=0 --ServerApp.open_browser=False --ServerApp.root_dir="$bare" \
  >"$bare/log" 2>&1 &
bare_pid=$!
until curl -sf -H 'Authorization: token baseline' http://127.0.0.1:43999/api/status >/dev/null; do sleep 0.1; done
echo "baseline: bare jupyter-server answers after $(( $(now_ms) - start )) ms, RSS $(( $(rss_kb $bare_pid) / 1024 )) MiB"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true; rm -rf "$bare"

declare -A created_at
ids=()
for n in $(seq 1 "$COUNT"); do
  created_at[$n]=$(now_ms)
  id=$(curl -s -X POST "$API" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"name\": \"burst-$n\", \"profile_id\": \"Python3\", \"flavor\": \"modelarts.vm.cpu.2u\", \"spec\": {\"storage\": {\"type\": \"evs\"}}}" \
    | grep -o '"id":"DE-[^"]*"' | cut -d '"' -f 4)
  ids+=("$id")
done
declare -A running_at
deadline=$(( $(now_ms) + 300000 ))
while [ ${#running_at[@]} -lt "$COUNT" ] && [ "$(now_ms)" -lt "$deadline" ]; do
  for n in $(seq 1 "$COUNT"); do
    [ -n "${running_at[$n]:-}" ] && continue
    s=$(status_of "${ids[$((n - 1))]}")
    if [ "$s" = RUNNING ]; then running_at[$n]=$(now_ms); elif [ "$s" != CREATING ]; then running_at[$n]=failed; fi
  done
  sleep 0.1
done
echo "RUNNING: $(for n in "${!running_at[@]}"; do [ "${running_at[$n]}" != failed ] && echo x; done | wc -l) of $COUNT"
for n in "${!running_at[@]}"; do
  [ "${running_at[$n]}" != failed ] && echo $(( running_at[$n] - created_at[$n] ))
done | percentiles | sed 's/^/time to RUNNING: /'
for pid_file in "$DATA_DIR"/notebooks/*/notebook.pid; do rss_kb "$(cat "$pid_file")"; done \
  | awk '{s+=$1; if ($1>m) m=$1; n++} END {printf "notebook RSS: mean %d MiB, max %d MiB over %d notebooks\n", s/n/1024, m/1024, n}'

for id in "${ids[@]}"; do
  curl -s -o /dev/null -X POST "$API/$id/action" -H "$AUTH" -H 'Content-Type: application/json' -d '{"action": "stop"}'
done
sleep 10
for id in "${ids[@]}"; do curl -s -o /dev/null -X DELETE "$API/$id" -H "$AUTH"; done
