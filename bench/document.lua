-- Benchmark of the document stage over the Reuters-21578 bodies, each
-- prefixed with its dateline: cleaning (wn.document), dateline parsing and
-- time expressions (over the kept spans), in MB/s of input text.
--   lua5.4 bench/document.lua [max_articles]
local bench = dofile("bench/common.lua")
local document = require("wirenews.document")
local dateline = require("wirenews.dateline")
local times = require("wirenews.times")

local limit = tonumber(arg[1]) or math.huge
local texts, bytes = bench.reuters_or_skip("bench/document.lua",
                                           {dateline = true, limit = limit})

-- One run (these stages are slow enough for one to be steady).
local function timed(name, fn)
  local dt, n = bench.best_of(1, fn)
  print(string.format("%-28s %8.2f MB/s  (%.2f s, %d records)", name,
                      bench.mbs(bytes, dt), dt, n))
  return dt
end

print(string.format("%d articles, %.1f MB", #texts, bytes / 1e6))
timed("dateline", function()
  local n = 0
  for _, t in ipairs(texts) do if dateline.parse(t) then n = n + 1 end end
  return n
end)
timed("times (whole text)", function()
  local n = 0
  for _, t in ipairs(texts) do n = n + #times.find(t, {date = "1987-03-01"}) end
  return n
end)
timed("document (clean+dateline)", function()
  local n = 0
  for _, t in ipairs(texts) do n = n + #document.clean(t).removed end
  return n
end)
timed("document + times (kept)", function()
  local n = 0
  for _, t in ipairs(texts) do
    local doc = document.clean(t)
    n = n + #times.find(t, {date = "1987-03-01", spans = doc.spans})
  end
  return n
end)
print(string.format("memory after run: %.1f MB (Lua heap)", collectgarbage("count") / 1024))
