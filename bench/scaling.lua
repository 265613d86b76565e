-- Scaling of the C stages (tokenizer, sentence splitter, number parser,
-- gazetteer match with the bundled gazetteer): CPU time at 1x and 10x input size and their
-- ratio (about 10 when the work is linear; 100 would be quadratic), on
-- Reuters bodies and on hostile shapes (one huge line, empty paragraphs,
-- nested brackets, a long number).  Run from the repo root:
--   lua5.4 bench/scaling.lua [MB] [extract]   (1x size, default 1 MB)
-- With "extract", the whole Lua pipeline (wn.extract) is measured too, at
-- 8 KB and 80 KB: it is far slower than the C stages.
-- Prints one row per stage and input; no assertion, this is a measurement.
local bench = dofile("bench/common.lua")
local wn = require("wirenews")

local MB = 1024 * 1024
local base = math.floor((tonumber(arg[1]) or 1) * MB)

-- The Reuters bodies, joined as paragraphs, until n bytes.
local function reuters(n)
  local parts = bench.reuters({until_bytes = n, extra_bytes = 2})
  if not parts then return nil end
  local all = table.concat(parts, "\n\n")
  if #all + 2 < n then                   -- repeat when the corpus is short
    return string.rep(all, n // #all + 1, "\n\n"):sub(1, n)
  end
  return all:sub(1, n)
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
  {"short lines", function(n) return string.rep("Aleppo\n", n // 7) end},
  {"abbreviations", function(n)
    return string.rep("Gen. Mr. U.S. No. 5 a.m. (Co.) ", n // 31)
  end},
  {"one sentence", function(n)
    return string.rep("Rebels killed 5 people in Homs, ", n // 32)
  end},
  {"quote marks", function(n) return string.rep('"', n) end},
}

local sentences = require("wirenews.sentences")
local abbrevs, words = sentences.lexicons()
local places = require("wirenews.gazetteer").default()
local parser = require("wirenews.numbers").parser()

-- The stages measured: name, what is timed, and (untimed) what it needs
-- from the text, e.g. the token array.
local stages = {
  {"tokenize", function(text) wn.tokens(text):close() end},
  {"sentences", function(toks) wn.core.sentences(toks, abbrevs, words) end,
   wn.tokens},
  {"numbers", function(toks) wn.core.numbers(parser, toks):close() end,
   wn.tokens},
  {"gazetteer", function(toks) places:scan(toks):close() end, wn.tokens},
}

local function cpu_time(stage, text, runs)
  local input = stage[3] and stage[3](text) or text
  return (bench.best_of(runs, function() stage[2](input) end))
end

print(string.format("%-10s %-17s %8s %9s %9s %7s %8s", "stage", "input",
                    "1x MB", "1x s", "10x s", "ratio", "MB/s"))
for _, shape in ipairs(shapes) do
  local small = shape[2](base)
  if small then
    local large = shape[2](base * 10)
    for _, stage in ipairs(stages) do
      local t1 = cpu_time(stage, small, 3)
      local t10 = cpu_time(stage, large, 2)
      -- under a millisecond the clock's resolution decides the ratio
      local ratio = t1 >= 0.001 and string.format("%7.1f", t10 / t1) or "      -"
      local rate = t10 >= 0.001 and string.format("%8.1f", #large / MB / t10)
                   or "       -"
      print(string.format("%-10s %-17s %8.2f %9.4f %9.4f %s %s", stage[1],
                          shape[1], #small / MB, t1, t10, ratio, rate))
    end
  end
end

if arg[2] == "extract" then
  local kb = 8 * 1024
  wn.extract("Rebels killed 5 people in Homs.")   -- loads rules and data
  print(string.format("\n%-10s %-17s %8s %9s %9s %7s", "stage", "input",
                      "1x KB", "1x s", "10x s", "ratio"))
  for _, shape in ipairs(shapes) do
    local small = shape[2](kb)
    if small then
      local stage = {"extract", wn.extract}
      local t1 = cpu_time(stage, small, 1)
      local t10 = cpu_time(stage, shape[2](kb * 10), 1)
      print(string.format("%-10s %-17s %8.1f %9.3f %9.3f %7.1f", "extract",
                          shape[1], #small / 1024, t1, t10,
                          t10 / math.max(t1, 1e-3)))
    end
  end
end
