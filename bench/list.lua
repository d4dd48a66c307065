-- wrk script: GET the first page of 50 of a project's instances (COLLECTION_PATH). TOKEN comes from the environment.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local result = require("result")

wrk.path = os.getenv("COLLECTION_PATH") .. "?de_type=Notebook&limit=50"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or "dev-token"

done = result.done
