local wn = require("wirenews")
local F = wn.flags

-- texts and classes of every token, for compact expectations
local function tokens_of(s)
  local t = wn.tokens(s)
  local texts, classes = t:column("text"), t:column("class")
  return texts, classes, t
end

local function has(flags, f) return flags & f ~= 0 end

-- every non-space byte covered by exactly one token, in order, in bounds
local function check_cover(s, t)
  local covered = {}
  local last = 0
  for _, a, b in t:each() do
    assert(a >= 1 and b <= #s and a <= b, "span out of bounds")
    assert(a > last, "tokens out of order")
    for k = a, b do covered[k] = true end
    last = b
  end
  for k = 1, #s do
    if not covered[k] then
      local c = s:byte(k)
      assert(c == 32 or (c >= 9 and c <= 13) or c >= 0x80,
        "byte " .. k .. " not covered")
    end
  end
end

describe("tokens", function()
  describe("documented decisions", function()
    it("keeps a hyphenated, apostrophised Arabic name as one word", function()
      local texts, classes, t = tokens_of("Al-Arba'een village")
      assert.same({"Al-Arba'een", "village"}, texts)
      assert.equal("word", classes[1])
      assert.is_true(has(t:flags(1), F.HYPHEN) and has(t:flags(1), F.APOS))
    end)

    it("splits the possessive 's off a name", function()
      local texts, _, t = tokens_of("Khan Sheikhun's market")
      assert.same({"Khan", "Sheikhun", "'s", "market"}, texts)
      assert.is_true(has(t:flags(3), F.CLITIC))
    end)

    it("splits a curly possessive too and folds it to the same hash", function()
      local texts, _, t = tokens_of("Hu’s successor")
      assert.same({"Hu", "’s", "successor"}, texts)
      assert.equal(wn.core.hash("'s"), t:hash(2))
    end)

    it("reads numbers with thousands separators as one number token", function()
      local texts, classes = tokens_of("more than 13,500 people, as many as 2,400")
      assert.same({"more", "than", "13,500", "people", ",", "as", "many", "as", "2,400"}, texts)
      assert.equal("number", classes[3])
      assert.equal("number", classes[9])
    end)

    it("keeps decimals and leading-point decimals", function()
      local texts, classes = tokens_of("5.93 mln and .77")
      assert.same({"5.93", "mln", "and", ".77"}, texts)
      assert.equal("number", classes[1])
      assert.equal("number", classes[4])
    end)

    it("ends a number before a sentence stop", function()
      local texts = tokens_of("bought 1,000.That is")
      assert.same({"bought", "1,000", ".", "That", "is"}, texts)
    end)

    it("keeps a dotted acronym with its final stop", function()
      local texts, _, t = tokens_of("U.S. officials at 5 a.m.")
      assert.same({"U.S.", "officials", "at", "5", "a.m."}, texts)
      assert.is_true(has(t:flags(1), F.DOTTED))
      assert.is_true(has(t:flags(1), F.ALLCAPS))
    end)

    it("keeps an attributive number compound as one word with a digit", function()
      local texts, classes, t = tokens_of("the 11-year rule")
      assert.same({"the", "11-year", "rule"}, texts)
      assert.equal("word", classes[2])
      assert.is_true(has(t:flags(2), F.DIGIT) and has(t:flags(2), F.HYPHEN))
    end)

    it("reads a photo position as brackets around one word", function()
      local texts, classes = tokens_of("his brother (2nd-R) and")
      assert.same({"his", "brother", "(", "2nd-R", ")", "and"}, texts)
      assert.same("punctuation", classes[3])
      assert.same("word", classes[4])
    end)

    it("reads a double hyphen as one punctuation token", function()
      local texts, classes = tokens_of("Homs -- the fifth day")
      assert.same({"Homs", "--", "the", "fifth", "day"}, texts)
      assert.equal("punctuation", classes[2])
    end)

    it("keeps a number range as one number", function()
      local texts, classes = tokens_of("10-15 killed")
      assert.same({"10-15", "killed"}, texts)
      assert.equal("number", classes[1])
    end)

    it("reads scaled figures as words with a digit", function()
      local texts, classes, t = tokens_of("2.4bn and 400K and 21st")
      assert.same({"2.4bn", "and", "400K", "and", "21st"}, texts)
      assert.equal("word", classes[1])
      assert.is_true(has(t:flags(3), F.DIGIT))
    end)

    it("splits run-together sentences at a stop before a capital", function()
      local texts = tokens_of("Hello world.Today is")
      assert.same({"Hello", "world", ".", "Today", "is"}, texts)
    end)

    it("keeps URLs and e-mail addresses whole, without the final stop", function()
      local texts, _, t = tokens_of("see https://www.example.50.com/new-site/a_b.html. Mail Jane.Doe@example.com.")
      assert.same({"see", "https://www.example.50.com/new-site/a_b.html", ".",
                   "Mail", "Jane.Doe@example.com", "."}, texts)
      assert.is_true(has(t:flags(2), F.URL))
      assert.is_true(has(t:flags(5), F.URL))
    end)

    it("groups runs of stops and of ?! into one token", function()
      local texts = tokens_of("that.... Hello?! yes . . .")
      assert.same({"that", "....", "Hello", "?!", "yes", ".", ".", "."}, texts)
    end)

    it("classifies curly quotes, dashes and ellipses as punctuation", function()
      local _, classes = tokens_of("“a” — b – c …")
      assert.same({"punctuation", "word", "punctuation", "punctuation", "word",
                   "punctuation", "word", "punctuation"}, classes)
    end)

    it("treats accented Latin and Arabic letters as word letters", function()
      local texts, classes, t = tokens_of("Kafr Zaytā and دمشق")
      assert.same({"Kafr", "Zaytā", "and", "دمشق"}, texts)
      assert.same({"word", "word", "word", "word"}, classes)
      assert.is_true(has(t:flags(2), F.NONASCII))
    end)

    it("treats no-break and other Unicode spaces as white space", function()
      local texts = tokens_of("a\194\160b\226\128\175c\227\128\128d")
      assert.same({"a", "b", "c", "d"}, texts)
    end)

    it("reads symbols one by one", function()
      local texts, classes = tokens_of("$100.00 and 5% and €3")
      assert.same({"$", "100.00", "and", "5", "%", "and", "€", "3"}, texts)
      assert.equal("symbol", classes[1])
      assert.equal("symbol", classes[5])
    end)
  end)

  describe("flags", function()
    it("marks capitalised and all-caps words", function()
      local t = wn.tokens("Syria UN rebels")
      assert.is_true(has(t:flags(1), F.CAP))
      assert.is_false(has(t:flags(1), F.ALLCAPS))
      assert.is_true(has(t:flags(2), F.ALLCAPS))
      assert.is_false(has(t:flags(3), F.CAP))
    end)

    it("marks the first token of each line and paragraph", function()
      local t = wn.tokens("one two\nthree\n\n  four")
      assert.is_true(has(t:flags(1), F.PARA) and has(t:flags(1), F.LINE))
      assert.is_false(has(t:flags(2), F.LINE))
      assert.is_true(has(t:flags(3), F.LINE))
      assert.is_false(has(t:flags(3), F.PARA))
      assert.is_true(has(t:flags(4), F.PARA))
    end)

    it("counts CRLF line ends as single line breaks", function()
      local t = wn.tokens("one\r\ntwo\r\n\r\nthree")
      assert.is_true(has(t:flags(2), F.LINE))
      assert.is_false(has(t:flags(2), F.PARA))
      assert.is_true(has(t:flags(3), F.PARA))
    end)

    it("gives equal hashes to case variants and different ones otherwise", function()
      local t = wn.tokens("Kfar KFAR kfar Kafr")
      assert.equal(t:hash(1), t:hash(2))
      assert.equal(t:hash(1), t:hash(3))
      assert.not_equal(t:hash(1), t:hash(4))
      assert.equal(wn.core.hash("kfar"), t:hash(1))
    end)

    it("folds accented capitals in the hash", function()
      assert.equal(wn.core.hash("été"), wn.core.hash("ÉTÉ"))
      assert.equal("été", wn.core.fold("ÉTÉ"))
    end)
  end)

  describe("API", function()
    it("gives start, stop, class and flags by index, negative from the end", function()
      local t = wn.tokens("Homs shelled")
      local a, b, c = t:at(1)
      assert.same({1, 4, "word"}, {a, b, c})
      assert.equal("shelled", t:text(-1))
      assert.is_nil(t:at(3))
      assert.is_nil(t:at(0))
      assert.equal(2, #t)
    end)

    it("iterates with each()", function()
      local n = 0
      for i, a, b in wn.tokens("a b c"):each() do n = n + 1; assert.equal(i * 2 - 1, a) end
      assert.equal(3, n)
    end)

    it("reads columns in bulk over a range", function()
      local t = wn.tokens("a bb ccc")
      assert.same({3, 6}, t:column("start", 2, 3))
      assert.same({"bb"}, t:column("text", 2, 2))
      assert.same({}, t:column("text", 3, 2))
    end)

    it("locates the token at or after a byte position", function()
      local t = wn.tokens("ab  cd")
      assert.equal(1, t:locate(2))
      assert.equal(2, t:locate(3))
      assert.is_nil(t:locate(7))
    end)

    it("scans for lexicon words with their payloads", function()
      local lex = wn.core.lexicon({killed = 1, died = 2})
      local idx, vals = wn.tokens("Four KILLED, two died."):scan(lex)
      assert.same({2, 5}, idx)
      assert.same({1, 2}, vals)
      assert.equal(2, #lex)
      assert.equal(2, lex:get("Died"))
    end)

    it("raises on a non-string argument", function()
      assert.has_error(function() wn.tokens(nil) end)
      assert.has_error(function() wn.tokens({}) end)
      local ok, err = pcall(wn.tokens, {})
      assert.is_false(ok)
      assert.matches("bad argument #1", err)
    end)

    it("gives an empty array for empty and blank input", function()
      assert.equal(0, #wn.tokens(""))
      assert.equal(0, #wn.tokens(" \n\t\r\n  "))
    end)

    it("keeps its text alive after the caller drops it", function()
      local t = wn.tokens(string.rep("x", 10) .. " tail")
      collectgarbage(); collectgarbage()
      assert.equal("tail", t:text(2))
      assert.equal(string.rep("x", 10) .. " tail", t:source())
    end)

    it("closes idempotently and fails clearly after close", function()
      local t = wn.tokens("a b")
      t:close(); t:close()
      assert.equal(0, #t)
      assert.matches("closed", tostring(t))
      local ok, err = pcall(t.at, t, 1)
      assert.is_false(ok)
      assert.matches("token array is closed", err)
    end)
  end)

  describe("bad input", function()
    it("turns invalid UTF-8 into reported invalid tokens, losing no byte", function()
      local s = "a\255\254b \192\128 \237\160\128 \244\144\128\128 c\226\130"
      local t = wn.tokens(s)
      check_cover(s, t)
      local classes = t:column("class")
      assert.same({"word", "invalid", "word", "invalid", "invalid", "invalid", "word", "invalid"}, classes)
      assert.equal(2 + 2 + 3 + 4 + 2, t:invalid_bytes())
    end)

    it("keeps NUL bytes as control symbols", function()
      local s = "a\0b"
      local t = wn.tokens(s)
      assert.same({"a", "\0", "b"}, t:column("text"))
      assert.is_true(has(t:flags(2), F.CONTROL))
    end)

    it("covers every byte of the seed articles exactly once", function()
      for _, name in ipairs({"000_db5a172c2a9d69bb.txt", "001_bf672c9905f723ec.txt", "002_e305a3e3bd9f1704.txt"}) do
        local s = assert(io.open("examples/articles/" .. name)):read("a")
        check_cover(s, wn.tokens(s))
      end
    end)

    it("covers random byte soup without leaving the input", function()
      math.randomseed(7)
      for _ = 1, 200 do
        local bytes = {}
        for k = 1, math.random(0, 64) do bytes[k] = string.char(math.random(0, 255)) end
        local s = table.concat(bytes)
        check_cover(s, wn.tokens(s))
      end
    end)

    it("tokenizes a single 10 MB word as one token", function()
      local s = string.rep("a", 10 * 1024 * 1024)
      local t = wn.tokens(s)
      assert.equal(1, #t)
      local a, b = t:at(1)
      assert.same({1, #s}, {a, b})
    end)

    it("tokenizes 100 MB of text in linear time #nosanitize", function()
      local chunk = "The Syrian army shelled Homs, killing at least 47 people. "
      local s = string.rep(chunk, math.floor(100 * 1024 * 1024 / #chunk))
      local t = wn.tokens(s)
      assert.equal(12 * math.floor(100 * 1024 * 1024 / #chunk), #t)
      local _, b = t:at(-1)
      assert.equal(#s - 1, b)
    end)
  end)
end)
