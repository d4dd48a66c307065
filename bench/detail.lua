-- wrk script: GET detail, each request of an instance drawn at random from INSTANCE_PATHS (a file with one instance
-- path per line). TOKEN comes from the environment.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local result = require("result")

wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

local paths = {}
for line in io.lines(os.getenv("INSTANCE_PATHS")) do
  paths[#paths + 1] = line
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = result.done
