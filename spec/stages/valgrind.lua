-- The workload of the valgrind stage (spec/stages/valgrind.sh): every C
-- entry point of wirenews.core over the seed articles and a sample of
-- Reuters bodies, including error paths, closed objects and collection,
-- so valgrind sees each allocation made and freed.  Run from the repo
-- root: lua5.4 spec/stages/valgrind.lua [REUTERS_EVERY]
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/?.so;" .. package.cpath
local wn = require("wirenews")
local core = wn.core
local cjson = require("cjson")

local every = tonumber(arg[1]) or 200   -- about 100 Reuters bodies

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local texts = {}
do
  local p = io.popen("ls examples/articles/*.txt")
  for path in p:lines() do texts[#texts + 1] = read(path) end
  p:close()
  local dir = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
  local f = io.open(dir .. "/reuters21578/reuters21578.jsonl", "rb")
  if f then
    local n = 0
    for line in f:lines() do
      n = n + 1
      if n % every == 0 then
        local r = cjson.decode(line)
        if type(r.body) == "string" then texts[#texts + 1] = r.body end
      end
    end
    f:close()
  end
  -- hostile bits: invalid UTF-8, NUL bytes, empty input
  texts[#texts + 1] = "caf\xC3\xA9 \xC0\xAF \xED\xA0\x80 \x80\0 x\0"
  texts[#texts + 1] = ""
end

local lexicon = core.lexicon{"killed", "said", "Syria", ["rebels"] = 7}
local sentences = require("wirenews.sentences")
local gazetteer = require("wirenews.gazetteer")
local places = gazetteer.default()
local found, bytes, nsent, nmatch, nnum = 0, 0, 0, 0, 0
for i, text in ipairs(texts) do
  bytes = bytes + #text
  local toks = wn.tokens(text)
  local idx = toks:scan(lexicon)
  found = found + #idx
  local words = toks:column("text")
  assert(#words == #toks)
  for k = 1, #toks, 7 do toks:at(k); toks:text(k) end
  toks:locate(#text // 2)
  local starts = sentences.spans(toks, i % 3 == 0 and { pdf = true } or nil)
  nsent = nsent + #starts
  nsent = nsent + #wn.sentences(text, { abbreviations = { "Fla" } })
  nmatch = nmatch + #places:match(toks, i % 4 == 0 and "all" or nil)
  local nums = wn.numbers(text)
  nnum = nnum + #nums + #wn.counts(text)
  if #nums > 0 then nums:records(); nums:within(1, #text); nums:find(1) end
  local scanned = places:scan(text)
  if #scanned > 0 then scanned:at(1); scanned:column("record") end
  if i % 5 == 0 then scanned:close() end
  if i % 2 == 0 then toks:close() end       -- closed now, collected later
end

-- closed objects fail cleanly; __gc after close is a no-op
local toks = wn.tokens("one two")
toks:close()
assert(not pcall(toks.at, toks, 1))
local lx = core.lexicon{"a"}
lx:close()
assert(not pcall(lx.get, lx, "a"))
-- argument errors raise after partial construction
assert(not pcall(core.lexicon, {1, 2, 3}))
assert(not pcall(core.lexicon, {x = 1 << 40}))
assert(not pcall(core.sentences, wn.tokens("a"), nil, nil, { min_wrap = -1 }))

-- gazetteers: TSV errors, a closed gazetteer, one collected with matches alive
do
  local gz = wn.gazetteer()
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write("a\tHoms\tplace\t\t\t\t\t\tHims|Hums\nb\t\u{AB}\tplace\n")
  f:close()
  assert(not gz:load(path))
  f = assert(io.open(path, "wb"))
  f:write("a\tHoms\tplace\t\t\t\t34.7\t36.7\tHims|Hums\tcity\tname\t3\n")
  f:close()
  assert(gz:load(path) == 1)
  os.remove(path)
  local alive = gz:scan("Hims and Homs")
  assert(#gz:match("Hims and Homs", "all") == 2)
  gz:close()
  assert(not pcall(gz.match, gz, "Homs"))
  gz = nil
  collectgarbage()
  assert(#alive == 2)
end

-- a token array outlives the last reference to its text
do
  local t = wn.tokens(string.rep("keep me alive ", 1000))
  collectgarbage(); collectgarbage()
  assert(t:text(3000) == "alive")
end
-- gazetteer: the bundled one over every text, both modes, from text and
-- from tokens; a TSV load that fails in each pass (and is undone); bad
-- variant keys; closed objects
local entities = 0
do
  local gazetteer = require("wirenews.gazetteer")
  local gz = gazetteer.default()
  for i, text in ipairs(texts) do
    entities = entities + #gz:match(text)
    local ms = gz:scan(wn.tokens(text), "all")
    if #ms > 0 then ms:at(1); ms:column("record") end
    if i % 2 == 0 then ms:close() end
  end
  local own = wn.gazetteer()
  assert(own._c:load_tsv("a\tHoms\tplace\t\tSY\t\t34.7\t36.7\tHims|Hums\n", "t"))
  assert(not own._c:load_tsv("b\tHama\tplace\nc\tIdlib\n", "t"))
  assert(not own._c:load_tsv("b\tHama\tplace\nc\tIdlib\tplace\t\t\t\t\t\tId\1lib\n", "t"))
  assert(#own:match("Homs, Hama, Idlib") == 1)
  assert(not pcall(wn.gazetteer, {variants = {rules = {"ou"}}}))
  assert(not pcall(wn.gazetteer, {variants = {words = {{"", "x"}}}}))
  own:close()
  assert(not pcall(own.match, own, "Homs"))
end

collectgarbage(); collectgarbage()
print(string.format("valgrind workload: %d texts, %d bytes, %d lexicon hits, "
                    .. "%d sentences, %d gazetteer matches, %d numbers and counts, "
                    .. "%d entities", #texts, bytes, found, nsent, nmatch, nnum,
                    entities))
