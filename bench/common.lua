-- bench/common.lua: what every benchmark shares.  Not a benchmark itself
-- (make bench skips it); each bench starts with
--   local bench = dofile("bench/common.lua")
-- run from the repository root, which also points package.path and
-- package.cpath at ./lua and ./build.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/?.so;" .. package.cpath

local cjson = require("cjson")

local bench = {}

bench.testdata = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
bench.reuters_path = bench.testdata .. "/reuters21578/reuters21578.jsonl"

-- The Reuters-21578 texts and their total size in bytes, or nil and the
-- path when the corpus is absent.  Options: dateline = true prefixes each
-- body with its dateline; limit = n keeps the first n texts; until_bytes =
-- n stops once the texts (each counted with extra_bytes more) reach n.
-- Records without a body are skipped.
function bench.reuters(opts)
  opts = opts or {}
  local f = io.open(bench.reuters_path, "rb")
  if not f then return nil, bench.reuters_path end
  local limit = opts.limit or math.huge
  local texts, bytes, budget = {}, 0, 0
  for line in f:lines() do
    local rec = cjson.decode(line)
    if type(rec.body) == "string" then
      local text = rec.body
      if opts.dateline and type(rec.dateline) == "string" then
        text = rec.dateline .. text
      end
      texts[#texts + 1] = text
      bytes = bytes + #text
      budget = budget + #text + (opts.extra_bytes or 0)
      if #texts >= limit then break end
      if opts.until_bytes and budget >= opts.until_bytes then break end
    end
  end
  f:close()
  return texts, bytes
end

-- bench.reuters, or a line saying the bench is skipped and an exit.
function bench.reuters_or_skip(name, opts)
  local texts, bytes = bench.reuters(opts)
  if not texts then
    print(("%s: skipped, %s not found (set WIRENEWS_TESTDATA)")
          :format(name, bytes))
    os.exit(0)
  end
  return texts, bytes
end

-- Best CPU time of rounds runs of fn (a full collection before each),
-- and fn's result of the last run.
function bench.best_of(rounds, fn)
  local best, result = math.huge, nil
  for _ = 1, rounds do
    collectgarbage()
    local t0 = os.clock()
    result = fn()
    best = math.min(best, os.clock() - t0)
  end
  return best, result
end

-- Throughput in MB/s (10^6 bytes) of bytes processed in seconds.
function bench.mbs(bytes, seconds)
  return bytes / 1e6 / seconds
end

return bench
