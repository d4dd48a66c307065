#!/usr/bin/env python3
"""Stop/start cycles: each of CONNECTIONS workers owns instances of PATHS_FILE and, for DURATION seconds, stops one,
waits until it is STOPPED, starts it, waits until it is RUNNING, then takes the next. Prints the same RESULT line as
the wrk scripts, for the stop and start requests only (the reads that wait are not counted), and cycles/s.

Usage: cycle.py BASE_URL TOKEN PATHS_FILE CONNECTIONS DURATION_SECONDS
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, token, paths_file, connections, duration = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
url = urllib.parse.urlsplit(base)
paths = [line.strip() for line in open(paths_file) if line.strip()]
headers = {"X-Auth-Token": token, "Content-Type": "application/json"}
latencies, failures, cycles = [], [], [0]
lock = threading.Lock()
deadline = time.monotonic() + duration


def call(connection, method, path, body=None):
    started = time.perf_counter()
    connection.request(method, path, body, headers)
    answer = connection.getresponse()
    document = answer.read()
    return answer.status, document, time.perf_counter() - started


def await_status(connection, path, wanted):
    while True:
        status, document, _ = call(connection, "GET", path)
        if status != 200:
            return f"GET {status}"
        if json.loads(document)["status"] == wanted:
            return None
        time.sleep(0.002)


def work(worker):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    mine = paths[worker::connections]
    n = 0
    while time.monotonic() < deadline:
        path = mine[n % len(mine)]
        n += 1
        for action, reached in (("stop", "STOPPED"), ("start", "RUNNING")):
            status, document, seconds = call(connection, "POST", path + "/action", json.dumps({"action": action}))
            with lock:
                latencies.append(seconds)
                if status != 200:
                    failures.append(f"{action} {status} {document[:120]!r}")
            if status != 200:
                return
            failure = await_status(connection, path, reached)
            if failure:
                with lock:
                    failures.append(failure)
                return
        with lock:
            cycles[0] += 1


started = time.monotonic()
workers = [threading.Thread(target=work, args=(w,)) for w in range(connections)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
elapsed = time.monotonic() - started
latencies.sort()


def percentile(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000 if latencies else 0


print(f"RESULT requests={len(latencies)} rps={len(latencies) / elapsed:.0f} p50={percentile(50):.2f} "
      f"p99={percentile(99):.2f} max={latencies[-1] * 1000 if latencies else 0:.2f} non2xx={len(failures)} "
      f"cycles_per_s={cycles[0] / elapsed:.1f}")
if failures:
    print("first failure: " + failures[0], file=sys.stderr)
