-- wrk script: the modify operation (PUT) on one instance, alternating a description change and an
-- auto-stop change, so every request writes a new version. INSTANCE_PATH and TOKEN come from the environment.
wrk.method = "PUT"
wrk.path = os.getenv("INSTANCE_PATH")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

local bodies = {
  '{"description": "machine learning python2.7 notebook"}',
  '{"spec": {"auto_stop": {"enable": true, "duration": 7200, "prompt": false}}}',
}
local n = 0

request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % 2) + 1])
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency)
  io.write(string.format("requests %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
