-- Hostile input for the C core: malformed bytes, huge and degenerate
-- texts, and the lifetime of the userdata.  Nothing may crash, drop text
-- silently or hang; rejected input gives a clear error.
local wn = require("wirenews")
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
  end)

  it("tokenizes a 100 MB single token #nosanitize", function()
    local text = string.rep("a", 100000000)
    local toks = wn.tokens(text)
    assert.equal(1, #toks)
    local start, stop = toks:at(1)
    assert.same({1, 100000000}, {start, stop})
    toks:close()
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

  it("splits a 100 MB single line with stops #nosanitize", function()
    local text = string.rep("Rebels fled. They said so, 1,000 of them. ", 2380953)
    assert.is_true(#text > 100000000)
    local spans, toks = wn.sentences(text)
    assert.equal(2 * 2380953, #spans)
    assert.equal(#text - 1, spans[#spans].stop)
    toks:close()
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

  it("raises on wrong argument types", function()
    assert.error_matches(function() core.tokenize(nil) end, "bad argument #1")
    assert.error_matches(function() core.tokenize({}) end, "bad argument #1")
    assert.error_matches(function() core.lexicon("x") end, "bad argument #1")
    assert.error_matches(function() core.lexicon{{}} end, "expected strings")
    assert.error_matches(function() wn.tokens("a").at(core.lexicon{}, 1) end,
                         "wirenews.Tokens expected")
  end)
end)
