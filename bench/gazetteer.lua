-- bench/gazetteer.lua: load time, memory and matching speed of the
-- gazetteer over the Reuters-21578 bodies, with the bundled gazetteer and
-- with 1,000,000 synthetic names.  Run from the repository root:
--   lua5.4 bench/gazetteer.lua [number of synthetic names]
local bench = dofile("bench/common.lua")
local wn = require("wirenews")
local gazetteer = require("wirenews.gazetteer")

local NSYNTH = tonumber(arg[1]) or 1000000
local best_of = bench.best_of

local bodies, bytes = bench.reuters_or_skip("bench/gazetteer.lua")
print(("Reuters bodies: %d documents, %.1f MB"):format(#bodies, bytes / 1e6))

local function kb() collectgarbage(); collectgarbage(); return collectgarbage("count") end

-- Tokens of every body, made once: the gazetteer is measured on them.
local toks = {}
local t_tok = best_of(3, function()
  for i, b in ipairs(bodies) do toks[i] = wn.tokens(b) end
end)
print(("tokenize only:                %8.1f MB/s"):format(bench.mbs(bytes, t_tok)))

local function measure(label, gz)
  local found = 0
  local t_scan = best_of(3, function()
    found = 0
    for i = 1, #toks do found = found + #gz:scan(toks[i]) end
  end)
  local t_text = best_of(2, function()
    for i = 1, #bodies do gz:scan(bodies[i]) end
  end)
  local t_match = best_of(2, function()
    for i = 1, #toks do gz:match(toks[i]) end
  end)
  print(("%s: %d matches"):format(label, found))
  print(("  scan on token arrays:       %8.1f MB/s"):format(bench.mbs(bytes, t_scan)))
  print(("  tokenize + scan from text:  %8.1f MB/s"):format(bench.mbs(bytes, t_text)))
  print(("  match (a table per match):  %8.1f MB/s"):format(bench.mbs(bytes, t_match)))
end

-- The bundled gazetteer.
do
  local before = kb()
  local t0 = os.clock()
  local gz = gazetteer.default()
  local t_load = os.clock() - t0
  print(("bundled gazetteer: %d records, %d names, loaded in %.3f s; "
         .. "C structure %.1f MB, Lua heap +%.1f MB (data modules included)")
        :format(#gz, gz:names(), t_load, gz:memory() / 1e6, (kb() - before) / 1024))
  measure("bundled gazetteer", gz)
end

-- Synthetic names: words from syllables, and one name in ten built on a
-- capitalised word of the Reuters text so the trie is busy on real text.
local syll = { "ka", "zi", "ta", "mu", "ro", "bel", "dun", "sar", "qo", "lim",
               "har", "nes", "vo", "pil", "tuk", "me", "das", "jor", "fa", "wen" }
local real, seen = {}, {}
for i = 1, math.min(#bodies, 4000) do
  for w in bodies[i]:gmatch("%u%l+") do
    if not seen[w] then seen[w] = true; real[#real + 1] = w end
  end
end
table.sort(real)
math.randomseed(42)
local function synth_word()
  local w = syll[math.random(#syll)] .. syll[math.random(#syll)]
  if math.random() < 0.5 then w = w .. syll[math.random(#syll)] end
  return w:sub(1, 1):upper() .. w:sub(2)
end

local tsv_path = os.tmpname()
do
  local t0 = os.clock()
  local f = assert(io.open(tsv_path, "wb"))
  local buf = {}
  for i = 1, NSYNTH do
    local words = {}
    for k = 1, math.random(1, 3) do
      words[k] = (math.random() < 0.1) and real[math.random(#real)] or synth_word()
    end
    buf[#buf + 1] = ("syn:%d\t%s\tplace\t\tXX\t\t%.4f\t%.4f\n"):format(
      i, table.concat(words, " "), math.random() * 180 - 90, math.random() * 360 - 180)
    if #buf == 10000 then f:write(table.concat(buf)); buf = {} end
  end
  f:write(table.concat(buf))
  f:close()
  print(("synthetic TSV: %d names written in %.2f s"):format(NSYNTH, os.clock() - t0))
end

do
  local before = kb()
  local gz = wn.gazetteer()
  local t0 = os.clock()
  local n = assert(gz:load(tsv_path))
  local t_load = os.clock() - t0
  print(("synthetic gazetteer: %d records, %d names, loaded in %.2f s (%.0f names/s); "
         .. "C structure %.1f MB, Lua heap +%.1f MB")
        :format(n, gz:names(), t_load, gz:names() / t_load, gz:memory() / 1e6,
                (kb() - before) / 1024))
  measure("synthetic gazetteer", gz)
  gz:close()
end
os.remove(tsv_path)
