-- wrk script: PUT modify spread over many instances, each request on one drawn at random from INSTANCE_PATHS (a
-- file with one instance path per line), as a fleet of users would; description and auto stop in each request.
-- TOKEN comes from the environment.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local result = require("result")

wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

local paths = {}
for line in io.lines(os.getenv("INSTANCE_PATHS")) do
  paths[#paths + 1] = line
end
local body = '{"description": "machine learning python2.7 notebook", "spec": {"auto_stop": {"enable": true, "duration": 7200}}}'

request = function()
  return wrk.format("PUT", paths[math.random(#paths)], nil, body)
end

done = result.done
