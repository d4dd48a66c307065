-- wrk script: GET detail of one instance. INSTANCE_PATH and TOKEN come from the environment.
wrk.method = "GET"
wrk.path = os.getenv("INSTANCE_PATH")
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

done = function(summary, latency)
  io.write(string.format("requests %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
