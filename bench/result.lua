-- Shared by the wrk scripts: one machine-readable line per run (latencies in ms; non2xx counts answers that were
-- neither 2xx nor 3xx, plus socket errors and timeouts; timeouts counts the requests not answered within wrk's
-- --timeout, which bench/run sets to 10 s, on their own as well).
local result = {}

function result.done(summary, latency)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p99=%.2f max=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout, errors.timeout))
end

return result
