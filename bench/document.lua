-- Benchmark of the document stage over the Reuters-21578 bodies, each
-- prefixed with its dateline: cleaning (wn.document), dateline parsing and
-- time expressions (over the kept spans), in MB/s of input text.
--   lua5.4 bench/document.lua [max_articles]
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/?.so;" .. package.cpath
local cjson = require("cjson")
local document = require("wirenews.document")
local dateline = require("wirenews.dateline")
local times = require("wirenews.times")

local dir = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
local path = dir .. "/reuters21578/reuters21578.jsonl"
local limit = tonumber(arg[1]) or math.huge

local texts, bytes = {}, 0
for line in io.lines(path) do
  local r = cjson.decode(line)
  if r.body ~= cjson.null then
    local t = (r.dateline ~= cjson.null and r.dateline or "") .. r.body
    texts[#texts + 1] = t
    bytes = bytes + #t
    if #texts >= limit then break end
  end
end

local function timed(name, fn)
  collectgarbage("collect")
  local t0 = os.clock()
  local n = fn()
  local dt = os.clock() - t0
  print(string.format("%-28s %8.2f MB/s  (%.2f s, %d records)", name, bytes / dt / 1e6, dt, n))
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
