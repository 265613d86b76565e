-- Builds the seed corpora of the fuzz harnesses at run time:
--   lua5.4 csrc/fuzz/seeds.lua OUTDIR
-- writes OUTDIR/text (prose for the tokenizer, sentence splitter and
-- number parser), OUTDIR/lexset (word lists), OUTDIR/normalize (the
-- default variant key and words) and OUTDIR/gazetteer (a
-- gazetteer TSV made of the text's capitalised names, a NUL byte, the
-- text) from the seed articles and the third-party test data ($WIRENEWS_TESTDATA, default
-- ../shared/testdata; skipped when absent).  The output is git-ignored:
-- third-party data is never committed.  Inputs stay under MAX bytes, the
-- -max_len the harnesses run with.
local cjson = require("cjson")

local out = assert(arg[1], "usage: seeds.lua OUTDIR")
local testdata = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
local MAX = 4000
local REUTERS_EVERY = 200           -- about 100 Reuters bodies

local counts = {}

local function write(kind, name, data)
  local f = assert(io.open(out .. "/" .. kind .. "/" .. name, "wb"))
  f:write(data)
  f:close()
  counts[kind] = (counts[kind] or 0) + 1
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- Pieces of at most MAX bytes, cut after a newline where there is one.
local function chunks(text)
  local pieces, i = {}, 1
  while i <= #text do
    local j = math.min(i + MAX - 1, #text)
    if j < #text then
      local nl = text:sub(i, j):match(".*()\n")
      if nl and nl > 1 then j = i + nl - 1 end
    end
    pieces[#pieces + 1] = text:sub(i, j)
    i = j + 1
  end
  return pieces
end

local function each_jsonl(rel, fn)
  local path = testdata .. "/" .. rel
  local f = io.open(path, "rb")
  if not f then return end
  local n = 0
  for line in f:lines() do
    if line:match("%S") then
      n = n + 1
      fn(cjson.decode(line), n)
    end
  end
  f:close()
end

local function articles()
  local list = {}
  local p = io.popen("ls examples/articles/*.txt 2>/dev/null")
  for path in p:lines() do list[#list + 1] = path end
  p:close()
  return list
end

-- Gazetteer TSV lines from the capitalised words and word pairs of text:
-- varied columns (aliases, case policy, priority) so every loader path runs.
local function gazetteer_of(text)
  local lines, seen = {}, {}
  local function add(name)
    if seen[name] or #lines >= 40 then return end
    seen[name] = true
    local k = #lines + 1
    local cols = { "g" .. (k % 7 == 0 and 1 or k), name, k % 2 == 0 and "place" or "actor" }
    if k % 3 == 0 then
      cols[4], cols[5], cols[6], cols[7], cols[8] = name:upper(), "SY", "", "34.5", "36.7"
      cols[9] = name:lower() .. "|" .. name:gsub("%s", "-")
    end
    if k % 5 == 0 then cols[10], cols[11], cols[12] = "", "any", tostring(k % 11 - 5) end
    lines[#lines + 1] = table.concat(cols, "\t")
  end
  for a, b in text:gmatch("(%u[%a']+)%s+(%u[%a']+)") do add(a .. " " .. b) end
  for w in text:gmatch("%u[%a'-]+") do add(w) end
  return table.concat(lines, "\n")
end

local function gazetteer_seed(name, text)
  local tsv = gazetteer_of(text)
  write("gazetteer", name, tsv .. "\0" .. text:sub(1, MAX - #tsv - 1))
end

local function text_seeds()
  local words = {}
  for _, path in ipairs(articles()) do
    local base = path:match("([^/]+)%.txt$")
    local s = read(path)
    for k, piece in ipairs(chunks(s)) do
      write("text", base .. "_" .. k, piece)
      gazetteer_seed(base .. "_" .. k, piece:sub(1, 2500))
    end
    for w in s:gmatch("[^%s%p]+") do words[#words + 1] = w end
  end
  for _, rel in ipairs{"golden_rules_sbd/sentences.jsonl",
                       "golden_rules_sbd/sentences_extra.jsonl"} do
    each_jsonl(rel, function(r, n)
      write("text", rel:match("([%w_]+)%.jsonl") .. "_" .. n, r.text)
    end)
  end
  for _, rel in ipairs{"duckling_numbers/numbers.jsonl",
                       "duckling_numbers/money.jsonl",
                       "duckling_numbers/ordinals.jsonl"} do
    each_jsonl(rel, function(r, n)
      write("text", rel:match("([%w_]+)%.jsonl") .. "_" .. n, r.text)
    end)
  end
  local batch = {}                  -- dates: twenty expressions a file
  each_jsonl("duckling_dates/dates.jsonl", function(r, n)
    batch[#batch + 1] = r.text
    if #batch == 20 then
      write("text", "dates_" .. n, table.concat(batch, "\n"))
      batch = {}
    end
  end)
  each_jsonl("reuters21578/reuters21578.jsonl", function(r, n)
    if n % REUTERS_EVERY == 0 and type(r.body) == "string" and r.body ~= "" then
      local name = string.format("reuters_%d", math.tointeger(r.id) or n)
      write("text", name, chunks(r.body)[1])
      if n % (REUTERS_EVERY * 5) == 0 then
        gazetteer_seed(name, r.body:sub(1, 2500))
      end
    end
  end)
  return words
end

-- fuzz_normalize: the default variant key (lua/wirenews/data/variants.lua)
-- as "from=to" and "@article" lines, then words of the text to normalise.
local function normalize_seeds(words)
  local ok, variants = pcall(dofile, "lua/wirenews/data/variants.lua")
  if not ok or type(variants) ~= "table" then return end
  local head, solo = {}, {}
  for _, a in ipairs(variants.solo_articles or {}) do solo[a] = true end
  for _, r in ipairs(variants.rules or {}) do head[#head + 1] = r[1] .. "=" .. r[2] end
  for _, a in ipairs(variants.articles or {}) do
    head[#head + 1] = (solo[a] and "@@" or "@") .. a
  end
  local config = table.concat(head, "\n")
  for start = 1, #words, 200 do
    local list = {}
    for i = start, math.min(start + 199, #words) do list[#list + 1] = words[i] end
    write("normalize", "words_" .. start, config .. "\n" .. table.concat(list, "\n"))
  end
end

-- Word lists for fuzz_lexset: a leading even byte means "lines of words".
local function lexset_seeds(words)
  for start = 1, #words, 300 do
    local list = {}
    for i = start, math.min(start + 299, #words) do list[#list + 1] = words[i] end
    write("lexset", "words_" .. start, "\0" .. table.concat(list, "\n"))
  end
end

os.execute("mkdir -p '" .. out .. "/text' '" .. out .. "/lexset' '" .. out ..
           "/gazetteer' '" .. out .. "/normalize'")
local words = text_seeds()
lexset_seeds(words)
normalize_seeds(words)
for kind, n in pairs(counts) do
  io.write(string.format("seeds: %s/%s %d inputs\n", out, kind, n))
end
