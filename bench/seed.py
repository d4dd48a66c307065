#!/usr/bin/env python3
"""Creates COUNT instances through the API (8 connections at once) and prints the path of each, one a line. A create
answered 503 (the server is busy) is sent again a moment later.

Usage: seed.py BASE_URL TOKEN PROJECT COUNT PREFIX
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, token, project, count, prefix = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlsplit(base)
collection = f"/v1/{project}/demanager/instances"
paths = [None] * count
failures = []


def create(worker, workers):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for n in range(worker, count, workers):
        body = json.dumps({"name": f"{prefix}-{n}", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                           "description": "benchmark", "spec": {"storage": {"type": "evs"}}})
        for attempt in range(20):
            connection.request("POST", collection, body, {"X-Auth-Token": token, "Content-Type": "application/json"})
            answer = connection.getresponse()
            document = answer.read()
            if answer.status != 503:
                break
            time.sleep(0.5)
        if answer.status != 200:
            failures.append(f"{answer.status} {document[:200]!r}")
            return
        paths[n] = f"{collection}/{json.loads(document)['id']}"
    connection.close()


workers = [threading.Thread(target=create, args=(w, 8)) for w in range(8)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
if failures:
    sys.exit(f"seeding failed: {failures[0]}")
print("\n".join(paths))
