-- wrk script: PUT modify on one instance (INSTANCE_PATH), alternating a description change and an auto-stop change,
-- so that every request writes a new version and every connection crowds the same row. TOKEN comes from the
-- environment.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local result = require("result")

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

done = result.done
