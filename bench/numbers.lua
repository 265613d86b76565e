-- bench/numbers.lua: MB/s of the C number pass (over ready token arrays),
-- of tokenize + numbers, and of the count grammar (wn.counts) over the
-- Reuters-21578 bodies (number-heavy financial news).  The peer, in the
-- same run, is a plain Lua pattern that finds digit runs only (no words,
-- no kinds): the floor any number finder pays.  Run from the repo root:
--   lua5.4 bench/numbers.lua [rounds]
local bench = dofile("bench/common.lua")
local wn = require("wirenews")
local numbers = require("wirenews.numbers")
local counts = require("wirenews.counts")

local rounds = tonumber(arg[1]) or 3
local bodies, bytes = bench.reuters_or_skip("bench/numbers.lua")
local function best_of(fn) return bench.best_of(rounds, fn) end

local mb = bytes / 1e6
local parser = numbers.parser()
local core = wn.core

local toks = {}
for i = 1, #bodies do toks[i] = core.tokenize(bodies[i]) end

local t_c, nnum = best_of(function()
  local n = 0
  for i = 1, #toks do n = n + #core.numbers(parser, toks[i]) end
  return n
end)

local t_tn = best_of(function()
  local n = 0
  for i = 1, #bodies do n = n + #numbers.numbers(bodies[i]) end
  return n
end)

local joined = table.concat(bodies, "\n\n")
local jtoks = core.tokenize(joined)
local t_joined = best_of(function() return #core.numbers(parser, jtoks) end)

local t_counts, ncount = best_of(function()
  local n = 0
  for i = 1, #bodies do n = n + #counts.counts(bodies[i]) end
  return n
end)

local t_peer, npeer = best_of(function()
  local n = 0
  for i = 1, #bodies do
    for _ in bodies[i]:gmatch("%d[%d,.]*") do n = n + 1 end
  end
  return n
end)

print(("Reuters-21578 bodies: %d texts, %.1f MB, best of %d rounds")
      :format(#bodies, mb, rounds))
print(("C numbers over tokens:        %8.1f MB/s  (%d numbers)")
      :format(bench.mbs(bytes, t_c), nnum))
print(("C numbers, bodies joined:     %8.1f MB/s")
      :format(bench.mbs(#joined, t_joined)))
print(("tokenize + numbers:           %8.1f MB/s"):format(bench.mbs(bytes, t_tn)))
print(("wn.counts (tokens, numbers, grammar): %8.1f MB/s  (%d counts)")
      :format(bench.mbs(bytes, t_counts), ncount))
print(("peer, Lua gmatch digit runs:  %8.1f MB/s  (%d runs)")
      :format(bench.mbs(bytes, t_peer), npeer))
print(("ratio C numbers / Lua digit runs: %.1fx"):format(t_peer / t_c))
