-- Scaling of the C stages: CPU time at 1x and 10x input size and their
-- ratio (about 10 when the work is linear; 100 would be quadratic), on
-- Reuters bodies and on hostile shapes (one huge line, empty paragraphs,
-- nested brackets, a long number).  Run from the repo root:
--   lua5.4 bench/scaling.lua [MB]        (1x size, default 1 MB)
-- Prints one row per stage and input; no assertion, this is a measurement.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/?.so;" .. package.cpath
local wn = require("wirenews")
local cjson = require("cjson")

local MB = 1024 * 1024
local base = math.floor((tonumber(arg[1]) or 1) * MB)

-- The Reuters bodies, joined as paragraphs, until n bytes.
local function reuters(n)
  local dir = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
  local f = io.open(dir .. "/reuters21578/reuters21578.jsonl", "rb")
  if not f then return nil end
  local parts, size = {}, 0
  for line in f:lines() do
    local body = cjson.decode(line).body
    if type(body) == "string" then
      parts[#parts + 1] = body
      size = size + #body + 2
      if size >= n then break end
    end
  end
  f:close()
  if size < n then                       -- repeat when the corpus is short
    local all = table.concat(parts, "\n\n")
    return string.rep(all, n // #all + 1, "\n\n"):sub(1, n)
  end
  return table.concat(parts, "\n\n"):sub(1, n)
end

-- Inputs of about n bytes each.
local shapes = {
  {"reuters", reuters},
  {"one line", function(n) return string.rep("Rebels shelled Aleppo, ", n // 23) end},
  {"empty paragraphs", function(n) return string.rep("\n\n", n // 2) .. "end" end},
  {"nested brackets", function(n)
    local k = n // 10
    return string.rep("([\u{AB}\"", k) .. "x" .. string.rep("\"\u{BB}])", k)
  end},
  {"long number", function(n) return string.rep("9", n) end},
}

-- The stages measured: name and a function of the text.
local stages = {
  {"tokenize", function(text) wn.tokens(text):close() end},
}

local function cpu_time(fn, text, runs)
  local best = math.huge
  for _ = 1, runs do
    collectgarbage()
    local t0 = os.clock()
    fn(text)
    best = math.min(best, os.clock() - t0)
  end
  return best
end

print(string.format("%-10s %-17s %8s %9s %9s %7s %8s", "stage", "input",
                    "1x MB", "1x s", "10x s", "ratio", "MB/s"))
for _, shape in ipairs(shapes) do
  local small = shape[2](base)
  if small then
    local large = shape[2](base * 10)
    for _, stage in ipairs(stages) do
      local t1 = cpu_time(stage[2], small, 3)
      local t10 = cpu_time(stage[2], large, 2)
      print(string.format("%-10s %-17s %8.2f %9.4f %9.4f %7.1f %8.1f",
                          stage[1], shape[1], #small / MB, t1, t10,
                          t10 / math.max(t1, 1e-6), #large / MB / t10))
    end
  end
end
