-- wrk script: the modify operation (PUT) spread over many instances, each request on a random one, as a
-- fleet of users would. INSTANCE_PATHS names a file with one instance path per line; TOKEN comes from the
-- environment.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

local paths = {}
for line in io.lines(os.getenv("INSTANCE_PATHS")) do
  paths[#paths + 1] = line
end
local body = '{"description": "machine learning python2.7 notebook", "spec": {"auto_stop": {"enable": true, "duration": 7200}}}'

request = function()
  return wrk.format(nil, paths[math.random(#paths)], nil, body)
end

done = function(summary, latency)
  io.write(string.format("requests %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
