-- Hostile input for the C core: malformed bytes, huge and degenerate
-- texts, and the lifetime of the userdata.  Nothing may crash, drop text
-- silently or hang; rejected input gives a clear error.
local wn = require("wirenews")
local testdata = require("spec.support.testdata")
local core = wn.core

-- Every byte of text that is not white space lies in exactly one token,
-- in order: the tokens' texts joined equal the text with spaces removed.
-- (Checks only ASCII white space, which is all these inputs contain.)
local function assert_covers(toks, text)
  local prev = 0
  for i, start, stop in toks:each() do
    assert(start > prev, "token " .. i .. " overlaps the one before")
    assert(not text:sub(prev + 1, start - 1):find("%S"),
           "bytes before token " .. i .. " are dropped")
    prev = stop
  end
  assert(not text:sub(prev + 1):find("%S"), "bytes after the last token are dropped")
end

local function classes(toks)
  return toks:column("class")
end

describe("hostile bytes", function()
  it("turns invalid UTF-8 into invalid tokens and counts the bytes", function()
    local text = "ok \x80\xBF\xFE then \xC3"
    local toks = wn.tokens(text)
    assert.same({"ok", "\x80\xBF\xFE", "then", "\xC3"}, toks:column("text"))
    assert.same({"word", "invalid", "word", "invalid"}, classes(toks))
    assert.equal(4, toks:invalid_bytes())
    assert_covers(toks, text)
  end)

  it("rejects overlong encodings byte by byte", function()
    for _, bad in ipairs{"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF"} do
      local toks = wn.tokens(bad)
      assert.equal(#bad, toks:invalid_bytes())
      local ok, first = core.utf8_check(bad)
      assert.is_false(ok)
      assert.equal(1, first)
      assert_covers(toks, bad)
    end
  end)

  it("rejects UTF-8 encoded surrogates, paired or not", function()
    local text = "a\xED\xA0\x80\xED\xB0\x80b \xED\xBF\xBF"
    local toks = wn.tokens(text)
    assert.equal(9, toks:invalid_bytes())
    assert.same({"a", "\xED\xA0\x80\xED\xB0\x80", "b", "\xED\xBF\xBF"},
                toks:column("text"))
    assert.is_false((core.utf8_check(text)))
  end)

  it("rejects code points above U+10FFFF and truncated sequences", function()
    local text = "\xF4\x90\x80\x80 x \xE2\x82"
    local toks = wn.tokens(text)
    assert.equal(6, toks:invalid_bytes())
    assert_covers(toks, text)
  end)

  it("keeps NUL bytes as control tokens and does not stop at them", function()
    local text = "before\0after \0\0 end"
    local toks = wn.tokens(text)
    assert.same({"before", "\0", "after", "\0", "\0", "end"}, toks:column("text"))
    assert.truthy(toks:flags(2) & wn.flags.CONTROL ~= 0)
    assert_covers(toks, text)
  end)

  it("hashes invalid bytes without reading past the end", function()
    assert.equal(core.hash("\xE2\x82"), core.hash("\xE2\x82"))
    assert.not_equal(core.hash("\xE2"), core.hash("\xE2\x82"))
    assert.equal("\xE2\x82", core.fold("\xE2\x82"))
  end)
end)

describe("degenerate sizes", function()
  it("tokenizes a 100 MB single line of words #nosanitize", function()
    local word = string.rep("x", 99) .. " "
    local text = string.rep(word, 1000000)
    assert.equal(100000000, #text)
    local toks = wn.tokens(text)
    assert.equal(1000000, #toks)
    local start, stop = toks:at(-1)
    assert.same({99999901, 99999999}, {start, stop})
    toks:close()
    text = nil
    collectgarbage(); collectgarbage()
  end)

  it("tokenizes a 100 MB single token #nosanitize", function()
    local text = string.rep("a", 100000000)
    local toks = wn.tokens(text)
    assert.equal(1, #toks)
    local start, stop = toks:at(1)
    assert.same({1, 100000000}, {start, stop})
    toks:close()
    text = nil
    collectgarbage(); collectgarbage()
  end)

  it("handles 1,000,000 empty paragraphs", function()
    local text = string.rep("\n\n", 1000000) .. "end"
    local toks = wn.tokens(text)
    assert.equal(1, #toks)
    local start, _, _, flags = toks:at(1)
    assert.equal(2000001, start)
    assert.truthy(flags & wn.flags.PARA ~= 0)
  end)

  it("handles 1,000,000 one-word paragraphs", function()
    local toks = wn.tokens(string.rep("a\n\n", 1000000))
    assert.equal(1000000, #toks)
    assert.truthy(toks:flags(1000000) & wn.flags.PARA ~= 0)
  end)

  it("handles deeply nested quotes and brackets", function()
    local depth = 100000
    local open = string.rep("(\"[\u{AB}\u{201C}", depth)
    local close = string.rep("\u{201D}\u{BB}]\")", depth)
    local text = open .. "core" .. close
    local toks = wn.tokens(text)
    assert.equal(10 * depth + 1, #toks)
    assert.equal("core", toks:text(5 * depth + 1))
    assert_covers(toks, text)
  end)

  it("keeps a number of 10,000 digits as one number token", function()
    local digits = string.rep("9", 10000)
    local toks = wn.tokens("about " .. digits .. " dead")
    assert.equal(3, #toks)
    assert.equal("number", toks:class(2))
    assert.equal(digits, toks:text(2))
    local grouped = "1" .. string.rep(",000", 3333)
    assert.equal(grouped, wn.tokens(grouped):text(1))
  end)

  it("tokenizes the empty string and pure white space to nothing", function()
    assert.equal(0, #wn.tokens(""))
    assert.equal(0, #wn.tokens(" \t\r\n\u{A0}\u{2028}\u{3000}"))
  end)

  it("builds a lexicon of 100,000 words and finds each", function()
    local words = {}
    for i = 1, 100000 do words[i] = "w" .. i end
    local lx = core.lexicon(words)
    assert.equal(100000, #lx)
    assert.equal(1, lx:get("W1"))
    assert.equal(100000, lx:get("w100000"))
    assert.is_nil(lx:get("w100001"))
  end)
end)

describe("hostile text for the sentence splitter", function()
  -- Spans are ordered, do not overlap and hold every token exactly once.
  local function assert_partition(spans, toks)
    local k = 1
    for i, s in ipairs(spans) do
      local start = toks:at(k)
      assert(start == s.start, "sentence " .. i .. " does not start at the next token")
      while k <= #toks and select(2, toks:at(k)) < s.stop do k = k + 1 end
      assert(select(2, toks:at(k)) == s.stop, "sentence " .. i .. " stops inside a token")
      k = k + 1
    end
    assert(k == #toks + 1, "tokens left out of every sentence")
  end

  it("splits 1,000,000 one-word paragraphs into as many sentences", function()
    local spans, toks = wn.sentences(string.rep("Aleppo\n\n", 1000000))
    assert.equal(1000000, #spans)
    assert.same({start = 8 * 999999 + 1, stop = 8 * 999999 + 6}, spans[1000000])
    assert_partition(spans, toks)
  end)

  it("finds one sentence after 1,000,000 empty paragraphs", function()
    local spans = wn.sentences(string.rep("\n\n", 1000000) .. "Rebels fled.")
    assert.same({{start = 2000001, stop = 2000012}}, spans)
  end)

  -- Sentences of 64 bytes and 3 tokens keep the arrays near 100 MB in all;
  -- the C stages after the splitter run over the same line.
  it("splits a 100 MB single line with stops, then numbers and places #nosanitize", function()
    local unit = "X" .. string.rep("x", 29) .. " " .. string.rep("y", 30) .. ". "
    local n = 100000000 // #unit + 1
    local text = string.rep(unit, n)
    assert.is_true(#text > 100000000)
    local toks = wn.tokens(text)
    local starts, stops = require("wirenews.sentences").spans(toks)
    assert.equal(n, #starts)
    assert.equal(#text - 1, stops[#stops])
    starts, stops = nil, nil
    assert.equal(0, #wn.core.numbers(require("wirenews.numbers").parser(), toks))
    local gz = wn.gazetteer()
    assert(gz:add{id = "y", name = string.rep("y", 30), kind = "place", case = "any"})
    assert.equal(n, #gz:scan(toks))
    toks:close()
    text = nil
    collectgarbage(); collectgarbage()
  end)

  it("handles deeply nested quotes and brackets", function()
    local depth = 50000
    local text = string.rep("(\"[\u{AB}", depth) .. "Dead. Wounded." ..
                 string.rep("\u{BB}]\")", depth) .. " Then more."
    local spans, toks = wn.sentences(text)
    assert.is_true(#spans >= 1)
    assert_partition(spans, toks)
  end)

  it("keeps invalid bytes and NULs inside sentences", function()
    local text = "Bad \xFF\xFE bytes. Then \0 a NUL. \xED\xA0\x80!"
    local spans, toks = wn.sentences(text)
    assert_partition(spans, toks)
    assert.equal(#text, spans[#spans].stop)
  end)

  it("splits the empty string and pure white space into nothing", function()
    assert.same({}, (wn.sentences("")))
    assert.same({}, (wn.sentences(" \n\n \t")))
  end)

  it("works on a token array whose text is only referenced by it", function()
    local toks = wn.tokens(table.concat({"One.", "Two.", "Three."}, " "))
    collectgarbage(); collectgarbage()
    local starts, stops = require("wirenews.sentences").spans(toks)
    assert.same({1, 6, 11}, starts)
    assert.same({4, 9, 16}, stops)
  end)
end)

describe("hostile text for the number parser", function()
  it("reads a number of 10,000 digits as an overflowing cardinal, not a count", function()
    local digits = string.rep("9", 10000)
    local nums = wn.numbers("about " .. digits .. " dead")
    assert.equal(1, #nums)
    local r = nums[1]
    assert.same({"cardinal", 7, 10006, math.huge, true, true},
                {r.kind, r.start, r.stop, r.value, r.overflow, r.inexact})
    assert.equal(0, #wn.counts("killed " .. digits .. " people"))
    local grouped = wn.numbers("1" .. string.rep(",000", 3333))
    assert.is_true(grouped[1].overflow)
    assert.equal(13333, grouped[1].stop)
  end)

  it("reads 100,000 number words one after another", function()
    local nums = wn.numbers(string.rep("one ", 100000))
    assert.equal(100000, #nums)
    assert.equal(1, nums[100000].value)
  end)

  it("finds numbers after 1,000,000 empty paragraphs and in nested brackets", function()
    local nums = wn.numbers(string.rep("\n\n", 1000000) .. "12 dead")
    assert.same({12, 2000001}, {nums[1].value, nums[1].start})
    local nested = string.rep("([\"", 30000) .. "13,500" .. string.rep("\"])", 30000)
    assert.equal(13500, wn.numbers(nested)[1].value)
  end)

  it("keeps invalid bytes and NULs out of numbers", function()
    local nums = wn.numbers("\xFF12\0 34\xED\xA0\x80 five\0")
    assert.same({12, 34, 5}, {nums[1].value, nums[2].value, nums[3].value})
  end)

  it("keeps a number array valid after its text is collected", function()
    local nums = wn.numbers(table.concat({"killed", "42", "people"}, " "))
    collectgarbage(); collectgarbage()
    assert.equal("42", nums[1].text)
    nums:close(); nums:close()
    assert.error_matches(function() nums:get(1) end, "number array is closed")
    assert.equal(0, #nums)
  end)
end)

describe("hostile gazetteer data", function()
  -- Writes text to a temporary file, loads it into a fresh gazetteer.
  local function load_tsv(text, gz)
    local path = testdata.tmpfile(text)
    gz = gz or wn.gazetteer()
    local n, err = gz:load(path)
    os.remove(path)
    return gz, n, err and err:gsub("^[^:]*:", "FILE:")
  end

  it("loads a line with 100,000 aliases and matches the last one", function()
    local aliases = {}
    for i = 1, 100000 do aliases[i] = "Qrya" .. i end
    local gz, n = load_tsv("big\tKfar Zita\tplace\t\t\t\t\t\t" ..
                           table.concat(aliases, "|") .. "\n")
    assert.equal(1, n)
    assert.equal(100001, gz:names())
    local m = gz:match("shelling in Qrya100000 and Kfar Zita")
    assert.same({"Qrya100000", "Kfar Zita"}, {m[1].text, m[2].text})
    assert.same({"big", "big"}, {m[1].id, m[2].id})
  end)

  it("keeps records with duplicate ids apart and matches deterministically", function()
    local tsv = "dup\tAleppo\tplace\ndup\tAleppo\tactor\ndup\tHalab\tplace\n"
    local gz, n = load_tsv(tsv)
    assert.equal(3, n)
    local m = gz:match("Aleppo and Halab")
    assert.same({"dup", "dup"}, {m[1].id, m[2].id})
    assert.equal("place", m[1].kind)            -- the first added wins
    assert.equal(3, #gz:match("Aleppo and Halab", "all"))
    assert.same(m, (load_tsv(tsv)):match("Aleppo and Halab"))
  end)

  it("rejects a file with a bad line and leaves the gazetteer unchanged", function()
    local gz = load_tsv("a\tHoms\tplace\n")
    local before = gz:names()
    local _, n, err = load_tsv("b\tHama\tplace\nbad\t\u{AB}\tplace\n", gz)
    assert.is_nil(n)
    assert.equal("FILE:2: name has no word to match, or over 32 words", err)
    _, n, err = load_tsv("c\tIdlib\tplace\t\t\t\t\t\tIdleb|\u{BB}\n", gz)
    assert.is_nil(n)
    assert.equal("FILE:1: alias 2 has no word to match, or over 32 words", err)
    assert.equal(1, #gz)
    assert.equal(before, gz:names())
    assert.same({}, gz:match("Hama and Idlib and Idleb"))
  end)

  it("rejects names of more than 32 words", function()
    local long = string.rep("Wadi ", 33) .. "Barada"
    local _, n, err = load_tsv("w\t" .. long .. "\tplace\n")
    assert.is_nil(n)
    assert.matches("FILE:1: name has no word to match, or over 32 words", err, 1, true)
  end)

  it("rejects NUL bytes in fields instead of cutting the id", function()
    local _, n, err = load_tsv("x\0y\tHoms\tplace\n")
    assert.is_nil(n)
    assert.equal("FILE:1: NUL byte in a field", err)
  end)

  it("rejects invalid UTF-8 and too many fields with the line", function()
    local _, n, err = load_tsv("# ok\n\na\tHoms\xFF\tplace\n")
    assert.is_nil(n)
    assert.equal("FILE:3: invalid UTF-8", err)
    _, n, err = load_tsv("a\tHoms\tplace" .. string.rep("\tx", 10) .. "\n")
    assert.is_nil(n)
    assert.equal("FILE:1: more than 12 tab-separated fields", err)
  end)

  it("loads an empty file and a file of comments as no records", function()
    local _, n = load_tsv("")
    assert.equal(0, n)
    _, n = load_tsv("# nothing\n\n\r\n")
    assert.equal(0, n)
  end)

  it("never returns overlapping longest matches when an article is a name", function()
    local gz = load_tsv("a\tAl\tactor\nh\tAl-Hafa\tplace\n")
    local m = gz:match("in Al-Hafa today")
    assert.equal(2, #m)
    assert.is_true(m[2].start > m[1].stop)
    assert.same({"Al", "Hafa"}, {m[1].text, m[2].text})
  end)

  it("matches a name with a lone article inside it to its own spelling", function()
    local gz = load_tsv("dz\tDeir ez-Zor\tplace\nj\tJisr ash Shughur\tplace\n")
    for _, text in ipairs{"Deir ez-Zor", "Deir ez Zor", "Deir Ez Zor", "Deir Zor",
                          "Jisr ash Shughur", "Jisr ash-Shughur", "Jisr Shughur"} do
      local m = gz:match("in " .. text .. " today")
      assert.equal(1, #m, text)
      assert.equal(text, m[1].text)
    end
  end)

  it("matches hostile text without crashing", function()
    local gz = wn.gazetteer()
    load_tsv("k\tKfar Zita\tplace\t\t\t\t\t\tKafr Zita\n", gz)
    local nested = string.rep("(\"[\u{AB}", 20000) .. "Kfar Zita" ..
                   string.rep("\u{BB}]\")", 20000)
    assert.equal(1, #gz:match(nested))
    assert.equal(0, #gz:match("\xFF\xFE\0Kfar\0Zita\xED\xA0\x80"))
    assert.equal(100000, #gz:match(string.rep("Kafr Zita\n\n", 100000)))
  end)
end)

describe("userdata lifetime", function()
  it("keeps a token array valid after its text string is collected", function()
    local toks
    do
      local parts = {}
      for i = 1, 1000 do parts[i] = "word" .. i end
      toks = wn.tokens(table.concat(parts, " "))  -- the only reference
    end
    collectgarbage(); collectgarbage()
    assert.equal("word1000", toks:text(1000))
    assert.equal(1000, select(2, toks:source():gsub("%S+", "")))
  end)

  it("makes close idempotent and lets __gc run after it", function()
    local toks = wn.tokens("one two")
    toks:close()
    toks:close()
    assert.equal(0, #toks)
    assert.equal("wirenews.Tokens (closed)", tostring(toks))
    toks = nil
    collectgarbage(); collectgarbage()
    local lx = core.lexicon{"a"}
    lx:close(); lx:close()
    assert.equal("wirenews.Lexicon (closed)", tostring(lx))
    lx = nil
    collectgarbage(); collectgarbage()
  end)

  it("closes with a to-be-closed variable", function()
    local outer
    do
      local toks <close> = wn.tokens("a b c")
      outer = toks
      assert.equal(3, #toks)
    end
    assert.equal("wirenews.Tokens (closed)", tostring(outer))
  end)

  it("fails clearly when a closed object is used", function()
    local toks = wn.tokens("one two")
    toks:close()
    assert.error_matches(function() toks:at(1) end, "token array is closed")
    assert.error_matches(function() toks:column("text") end, "token array is closed")
    local lx = core.lexicon{"one"}
    lx:close()
    assert.error_matches(function() lx:get("one") end, "lexicon is closed")
    local open = wn.tokens("one")
    assert.error_matches(function() open:scan(lx) end, "lexicon is closed")
    assert.error_matches(function() core.sentences(toks) end, "token array is closed")
    assert.error_matches(function() core.sentences(open, lx) end, "lexicon is closed")
  end)

  it("accepts extreme integer indices without overflow", function()
    local toks = wn.tokens("a b")
    local iter, state = toks:each()
    assert.is_nil(iter(state, math.maxinteger))   -- was a signed overflow
    assert.is_nil(iter(state, math.mininteger))
    assert.equal(2, (iter(state, 1)))
    assert.is_nil(toks:at(math.mininteger))
    assert.is_nil(toks:at(math.maxinteger))
    assert.same({1, 3}, toks:column("start", math.mininteger, math.maxinteger))
    assert.same({}, toks:column("start", math.maxinteger, math.mininteger))
    assert.is_nil(toks:locate(math.maxinteger))
    assert.equal(1, toks:locate(math.mininteger))
  end)

  it("closes gazetteers and their match arrays idempotently", function()
    local gz = wn.gazetteer()
    assert(gz:add{id = "h", name = "Homs", kind = "place"})
    local ms = gz:scan("Homs and Homs")
    assert.equal(2, #ms)
    ms:close(); ms:close()
    assert.equal("wirenews.GazetteerMatches (closed)", tostring(ms))
    assert.error_matches(function() ms:at(1) end, "matches are closed")
    local live = gz:scan("Homs")
    gz:close(); gz:close()
    assert.equal("wirenews.Gazetteer (closed)", tostring(gz))
    assert.error_matches(function() gz:match("Homs") end, "gazetteer is closed")
    assert.equal(1, (live:at(1)))            -- results outlive the gazetteer
    gz, ms, live = nil, nil, nil
    collectgarbage(); collectgarbage()
  end)

  -- Under the sanitizer build (busted --run=sanitize) any signed overflow
  -- or out-of-bounds read in a binding aborts the run, so this sweep fails.
  it("takes extreme integers in every method without undefined behaviour", function()
    local gz = wn.gazetteer()
    assert(gz:add{id = "h", name = "Homs", kind = "place"})
    local toks = wn.tokens("1 and 2 in Homs")
    local objects = {
      toks, core.lexicon{"a"}, wn.numbers("1 and 2 and 3"),
      core.number_parser(), gz._c, gz:scan("Homs"),
    }
    local ints = {math.maxinteger, math.mininteger, -1, 0, 1, 2}
    local firsts = {false, "start", "value", "text", "record"}
    local calls = 0
    for _, obj in ipairs(objects) do
      for name, fn in pairs(getmetatable(obj)) do
        if type(fn) == "function" and not name:match("^__") and name ~= "close" then
          for _, first in ipairs(firsts) do
            for _, a in ipairs(ints) do
              for _, b in ipairs(ints) do
                if first then pcall(fn, obj, first, a, b) else pcall(fn, obj, a, b) end
                calls = calls + 1
              end
            end
          end
        end
      end
    end
    assert.is_true(calls > 1000)
  end)

  it("raises on wrong argument types", function()
    assert.error_matches(function() core.tokenize(nil) end, "bad argument #1")
    assert.error_matches(function() core.tokenize({}) end, "bad argument #1")
    assert.error_matches(function() core.lexicon("x") end, "bad argument #1")
    assert.error_matches(function() core.lexicon{{}} end, "expected strings")
    assert.error_matches(function() wn.tokens("a").at(core.lexicon{}, 1) end,
                         "wirenews.Tokens expected")
  end)
end)
