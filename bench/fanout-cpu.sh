#!/usr/bin/env bash
# CPU the silo process spends per fanned-out event: a Release silo (embedded SQLite) on loopback,
# 1 000 SignalR subscribers in a process of their own (the fan-out bench's client mode), then 10 s
# idle and 1 000 events posted one per request about every 20 ms. Prints idle cores and CPU per event.
#   bench/fanout-cpu.sh [silo binary]      (default: this tree's Release build)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
silo=${1:-$root/Silo/bin/Release/net10.0/OrleansEvents.Silo}
clients=$root/bench/OrleansEvents.Bench/bin/Release/net10.0/OrleansEvents.Bench.dll
[ -x "$silo" ] && [ -f "$clients" ] || { echo "build first: dotnet build Silo -c Release && dotnet build bench/OrleansEvents.Bench -c Release" >&2; exit 2; }
key=bench-admin-key-0123456789
work=$(mktemp -d)
cd "$work"
"$silo" --urls http://127.0.0.1:5077 --Orleans:SiloPort=11711 --Orleans:GatewayPort=30711 --Auth:ApiKeys:0:Key=$key \
  --Auth:ApiKeys:0:Role=admin --Gateway:RateLimit:Enabled=false --Gateway:HubStatsInterval=01:00:00 > silo.log 2>&1 &
silo_pid=$!
for _ in $(seq 120); do curl -sf -o /dev/null http://127.0.0.1:5077/health/ready && break; sleep 0.5; done
mkfifo commands
DOTNET_gcServer=1 dotnet "$clients" fanout-clients --hub "ws://127.0.0.1:5077/hubs/events?access_token=$key" --subscribers 1000 < commands > clients.log 2>&1 &
clients_pid=$!
exec 3> commands   # held open: the subscribers run until it closes
trap 'exec 3>&-; kill $silo_pid $clients_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
sleep 20   # the subscribers connect
cpu() { awk '{print $14 + $15}' /proc/$silo_pid/stat; }   # user + system, in clock ticks (1/100 s)
post() {
  local pids=()
  for _ in $(seq "$1"); do
    curl -s -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      -d '{"event_type":"bench.tick","severity":"info","lead_id":"bench","message":"t","context":{"seq":1}}' \
      http://127.0.0.1:5077/api/events & pids+=($!)
    sleep 0.02
  done
  wait "${pids[@]}" || true
}
post 500; sleep 5   # warm-up
t0=$(cpu); sleep 10; t1=$(cpu)
started=$(date +%s.%N); post 1000; ended=$(date +%s.%N); t2=$(cpu)
echo "idle: $(echo "scale=3; ($t1 - $t0) / 1000" | bc) cores with 1000 subscribers connected"
echo "1000 events in $(echo "scale=1; ($ended - $started) / 1" | bc) s: $(echo "scale=2; ($t2 - $t1) * 10 / 1000" | bc) ms of silo CPU per event"
