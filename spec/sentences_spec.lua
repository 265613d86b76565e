local wn = require("wirenews")
local sentences = require("wirenews.sentences")
local testdata = require("support.testdata")

-- The sentences of s as strings.
local function split(s, opts)
  local out = {}
  for _, span in ipairs(wn.sentences(s, opts)) do
    out[#out + 1] = s:sub(span.start, span.stop)
  end
  return out
end

local function is_space_byte(c)
  return c == 32 or (c >= 9 and c <= 13)
end

-- Spans ordered, inside the input, non-overlapping, trimmed, and every
-- token of the text inside exactly one sentence.
local function check_spans(s, spans)
  local last = 0
  for k, span in ipairs(spans) do
    assert(span.start >= 1 and span.stop <= #s, "span " .. k .. " outside")
    assert(span.start <= span.stop, "span " .. k .. " empty")
    assert(span.start > last, "span " .. k .. " overlaps or is out of order")
    assert(not is_space_byte(s:byte(span.start)) and
           not is_space_byte(s:byte(span.stop)), "span " .. k .. " untrimmed")
    last = span.stop
  end
  local toks = wn.tokens(s)
  local k = 1
  for i, a, b in toks:each() do
    while spans[k] and spans[k].stop < a do k = k + 1 end
    local span = spans[k]
    assert(span and span.start <= a and b <= span.stop,
      "token " .. i .. " not inside one sentence")
  end
end

describe("sentences", function()
  describe("API", function()
    it("returns one {start, stop} record per sentence, string.sub style", function()
      local s = "Hello World. My name is Jonas."
      local spans = wn.sentences(s)
      assert.same({ { start = 1, stop = 12 }, { start = 14, stop = 30 } }, spans)
    end)

    it("also returns the token array it split", function()
      local _, toks = wn.sentences("One. Two.")
      assert.equal(4, #toks)
    end)

    it("gives no sentences for empty or white-space-only text", function()
      assert.same({}, wn.sentences(""))
      assert.same({}, wn.sentences(" \n\t\r\n  "))
    end)

    it("raises on a non-string text or a non-table options argument", function()
      assert.has_error(function() wn.sentences(nil) end)
      assert.has_error(function() wn.sentences({}) end)
      assert.has_error(function() wn.sentences("x", 5) end)
      local ok, err = pcall(wn.sentences, 42)
      assert.is_false(ok)
      assert.matches("bad argument #1", err)
    end)

    it("core.sentences returns starts and stops as two arrays", function()
      local toks = wn.tokens("One. Two. Three.")
      local a, w = sentences.lexicons()
      local starts, stops = wn.core.sentences(toks, a, w)
      assert.same({ 1, 6, 11 }, starts)
      assert.same({ 4, 9, 16 }, stops)
    end)

    it("core.sentences checks its arguments", function()
      assert.has_error(function() wn.core.sentences("text") end)
      assert.has_error(function() wn.core.sentences(wn.tokens("a"), {}) end)
      assert.has_error(function()
        wn.core.sentences(wn.tokens("a"), nil, nil, { min_wrap = -1 })
      end)
    end)

    it("works without lexicons (no abbreviations known)", function()
      local toks = wn.tokens("Mr. Smith came. He left.")
      local starts = wn.core.sentences(toks)
      assert.equal(3, #starts)
    end)

    it("iterates with sentences.each", function()
      local seen = {}
      for k, a, b in sentences.each("One. Two.") do seen[k] = { a, b } end
      assert.same({ { 1, 4 }, { 6, 9 } }, seen)
    end)
  end)

  describe("abbreviations from Lua data", function()
    it("does not end a sentence after a title", function()
      assert.same({ "Gen. Dempsey met Lt. Col. Smith in Homs." },
        split("Gen. Dempsey met Lt. Col. Smith in Homs."))
    end)

    it("ends a sentence after a plain abbreviation only before a starter", function()
      assert.same({ "They closed the deal with Briggs & Co.", "It closed yesterday." },
        split("They closed the deal with Briggs & Co. It closed yesterday."))
      assert.same({ "Briggs & Co. Smith said so." },
        split("Briggs & Co. Smith said so."))
    end)

    it("reads months and Reuters state abbreviations", function()
      assert.same({ "On Jan. 20 he flew to Portland, Ore. with aides." },
        split("On Jan. 20 he flew to Portland, Ore. with aides."))
      assert.same({ "Sen. Dole (Kan.) said so." }, split("Sen. Dole (Kan.) said so."))
    end)

    it("counts capitalised entries only for capitalised words", function()
      assert.same({ "He was ill.", "Doctors came." }, split("He was ill. Doctors came."))
      assert.same({ "Chicago, Ill. Doctors came." }, split("Chicago, Ill. Doctors came."))
    end)

    it("takes numeric abbreviations only before a number", function()
      assert.same({ "He is No. 5 on the list." }, split("He is No. 5 on the list."))
      assert.same({ "Please turn to p. 55." }, split("Please turn to p. 55."))
    end)

    it("lets a call add abbreviations without changing the defaults", function()
      local s = "They met the Brig. Gen. and Insp. Gadget in Homs. Gadget said so."
      local extra = { "Gadget" }
      assert.same({ "Foo. Bar went." }, split("Foo. Bar went.", { abbreviations = { "foo" } }))
      assert.same({ "Foo.", "Bar went." }, split("Foo. Bar went."))
      assert.equal(2, #split(s, { abbreviations = { title = extra } }))
    end)

    it("lets users extend the default lists", function()
      local s = "He joined Acme Grp. Smith left."
      assert.same({ "He joined Acme Grp.", "Smith left." }, split(s))
      sentences.add_abbreviations("plain", { "Grp." })
      assert.same({ "He joined Acme Grp. Smith left." }, split(s))
      table.remove(sentences.abbreviations.plain)
      sentences.add_abbreviations("plain", {})     -- drops the cached lexicon
      assert.same({ "He joined Acme Grp.", "Smith left." }, split(s))
      assert.has_error(function() sentences.add_abbreviations("nope", { "x" }) end)
    end)

    it("uses sentence starters after dotted abbreviations", function()
      assert.same({ "I live in the U.S.", "How about you?" },
        split("I live in the U.S. How about you?"))
      assert.same({ "I work for the U.S. Government in Virginia." },
        split("I work for the U.S. Government in Virginia."))
      assert.same({ "He flew to the U.S.", "Thousands protested." },
        split("He flew to the U.S. Thousands protested."))
      assert.same({ "the U.S. Zebras came." }, split("the U.S. Zebras came."))
      assert.same({ "the U.S.", "Zebras came." },
        split("the U.S. Zebras came.", { starters = { "Zebras" } }))
    end)
  end)

  describe("stops", function()
    it("keeps initials inside a name but ends after a pronoun I", function()
      assert.same({ "My name is Jonas E. Smith." }, split("My name is Jonas E. Smith."))
      assert.same({ "We make a good team, you and I.", "Did you see Albert I. Jones?" },
        split("We make a good team, you and I. Did you see Albert I. Jones?"))
      assert.same({ "He named chief executive officer A. Malachi Mixon." },
        split("He named chief executive officer A. Malachi Mixon."))
      assert.same({ "It is Plan B.", "The rest failed." }, split("It is Plan B. The rest failed."))
    end)

    it("keeps a closing quote with the sentence it ends", function()
      assert.same({ 'She turned to him, "This is great."', "She held the book out." },
        split('She turned to him, "This is great." She held the book out.'))
      assert.same({ 'She turned to him, "This is great." she said.' },
        split('She turned to him, "This is great." she said.'))
      assert.same({ "He said \u{201C}we will fight.\u{201D}", "Then he left." },
        split("He said \u{201C}we will fight.\u{201D} Then he left."))
    end)

    it("does not split a quotation of several sentences", function()
      local s = 'Li said, "The issue is at a critical moment. The process is at a crossroads."'
      assert.same({ s }, split(s))
    end)

    it("does not end a sentence at a stop inside brackets", function()
      local s = "He teaches science (He previously worked for 5 years as an engineer.) at the local University."
      assert.same({ s }, split(s))
    end)

    it("treats a stray bracket as ordinary text", function()
      assert.same({ "He said (no.", "Then he left." }, split("He said (no. Then he left."))
    end)

    it("reads three dots as an omission and four as an omission and a stop", function()
      assert.same({ "It is . . . I think so." }, split("It is . . . I think so."))
      assert.same({ "I never meant that....", "She left the store." },
        split("I never meant that.... She left the store."))
      assert.same({ "It was, \u{2026} well, fine." }, split("It was, \u{2026} well, fine."))
    end)

    it("ends at ?! runs but not at Yahoo! inside a sentence", function()
      assert.same({ "Hello?!", "Is that you?" }, split("Hello?! Is that you?"))
      assert.same({ "She works at Yahoo! in the accounting department." },
        split("She works at Yahoo! in the accounting department."))
    end)

    it("keeps a double dash inside the sentence", function()
      assert.same({ "Homs -- the hub of protests -- was shelled." },
        split("Homs -- the hub of protests -- was shelled."))
    end)

    it("ends after e-mail addresses, URLs and amounts", function()
      assert.same({ "Her email is Jane.Doe@example.com.", "I sent her an email." },
        split("Her email is Jane.Doe@example.com. I sent her an email."))
      assert.same({ "See http://example.com/a.html.", "Please check it." },
        split("See http://example.com/a.html. Please check it."))
      assert.same({ "She has $100.00.", "It is in her bag." },
        split("She has $100.00. It is in her bag."))
      assert.same({ "He bought 1,000.", "That is a lot." }, split("He bought 1,000.That is a lot."))
    end)

    it("splits numbered and lettered lists", function()
      assert.same({ "1.) The first item", "2.) The second item" },
        split("1.) The first item 2.) The second item"))
      assert.same({ "a. The first item", "b. The second item" },
        split("a. The first item b. The second item"))
      assert.same({ "\u{2022} 9. The first item", "\u{2022} 10. The second item" },
        split("\u{2022} 9. The first item \u{2022} 10. The second item"))
    end)
  end)

  describe("wire conventions", function()
    it("keeps a dateline inside the first sentence", function()
      assert.same({ "DAMASCUS - The army attacked Homs.", "Dozens died." },
        split("DAMASCUS - The army attacked Homs. Dozens died."))
      assert.same({ "BEIRUT, June 5 (Reuters) - Rebels said so.", "It was late." },
        split("BEIRUT, June 5 (Reuters) - Rebels said so. It was late."))
      assert.same({ "WASHINGTON, Jan. 5 (Reuters) - Rebels said so." },
        split("WASHINGTON, Jan. 5 (Reuters) - Rebels said so."))
      assert.same({ "BEIRUT, June 5 (Reuters) -\nRebels said so." },
        split("BEIRUT, June 5 (Reuters) -\nRebels said so."))
    end)

    it("ends a sentence at a paragraph break even without a stop", function()
      assert.same({ "Syria talks", "The army attacked." },
        split("Syria talks\n\nThe army attacked."))
    end)

    it("joins the wrapped lines of a Reuters body", function()
      local body = "Showers continued throughout the week in\n" ..
        "the Bahia cocoa zone, alleviating the drought since early\n" ..
        "January and improving prospects for the coming temporao,\n" ..
        "although normal humidity levels have not been restored,\n" ..
        "Comissaria Smith said in its weekly review.\n" ..
        "    The dry period means the temporao will be late this year.\n" ..
        "    Arrivals for the week ended February 22 were 155,221 bags\n" ..
        "of 60 kilos making a cumulative total for the season of 5.93\n" ..
        "mln against 5.81 at the same stage last year.\n Reuter\n"
      local got = split(body)
      assert.equal(4, #got)
      assert.matches("^Showers continued .* weekly review%.$", got[1])
      assert.matches("^The dry period", got[2])
      assert.matches("^Arrivals .* last year%.$", got[3])
      assert.equal("Reuter", got[4])
    end)

    it("joins a Reuters first line cut short by its removed dateline", function()
      local body = "Chief Soviet arms negotiator Yuli\n" ..
        "Vorontsov said Soviet and American negotiators would meet again\n" ..
        "next week to discuss the proposals made by the two sides.\n"
      assert.equal(1, #split(body))
    end)

    it("keeps tables of figures one line per unit", function()
      local t = "    Shr 1.78 dlrs vs 1.32 dlrs\n    Net 9,733,000 vs 7,166,000\n" ..
                "    Revs 32.7 mln vs 34.5 mln\n Reuter\n"
      assert.same({ "Shr 1.78 dlrs vs 1.32 dlrs", "Net 9,733,000 vs 7,166,000",
                    "Revs 32.7 mln vs 34.5 mln", "Reuter" }, split(t))
    end)

    it("makes a subhead and a credit line units of their own", function()
      local s = "The assault comes a day after Assad promised to end it.\n" ..
        "Lavrov Urges Talks\n" ..
        "Lavrov on February 8 declined to say whether Moscow thinks so.\n" ..
        "Compiled from agency reports\n" ..
        "Reports say the offensive is targeting several neighborhoods."
      assert.same({ "The assault comes a day after Assad promised to end it.",
        "Lavrov Urges Talks",
        "Lavrov on February 8 declined to say whether Moscow thinks so.",
        "Compiled from agency reports",
        "Reports say the offensive is targeting several neighborhoods." }, split(s))
    end)

    it("joins a line that ends in a function word", function()
      local s = "General Motors Corp said its\nPontiac Division has cut prices.\n"
      assert.equal(1, #split(s))
    end)

    it("joins lines broken before a lower-case word in PDF mode", function()
      local s = "This is a sentence\ncut off in the middle because pdf."
      assert.same({ s }, split(s, { pdf = true }))
    end)
  end)

  describe("seed articles", function()
    local function article(name)
      return testdata.read("examples/articles/" .. name)
    end

    -- the lines of s, without empty ones
    local function lines(s)
      local out = {}
      for line in s:gmatch("[^\n]+") do
        if line:match("%S") then out[#out + 1] = line end
      end
      return out
    end

    it("finds one sentence per line in 000, the dateline inside the first", function()
      local s = article("000_db5a172c2a9d69bb.txt")
      local got = split(s)
      assert.same(lines(s), got)
      assert.matches("^DAMASCUS %- The Syrian army went on a fresh offensive", got[1])
    end)

    it("keeps the closing line 'Agence France-Presse' of 001 its own unit", function()
      local s = article("001_bf672c9905f723ec.txt")
      local got = split(s)
      assert.equal("Agence France-Presse", got[#got])
      assert.same(lines(s), got)
    end)

    it("makes the subhead and the credit line of 002 units of their own", function()
      local s = article("002_e305a3e3bd9f1704.txt")
      local got = split(s)
      local count = {}
      for _, g in ipairs(got) do count[g] = (count[g] or 0) + 1 end
      assert.equal(2, count["Lavrov Urges Talks"])           -- the text repeats
      assert.equal(2, count["Compiled from agency reports"])
      for _, g in ipairs(got) do assert.is_nil(g:find("\n"), g) end
      check_spans(s, wn.sentences(s))
    end)
  end)

  describe("bad input", function()
    it("keeps invalid UTF-8 bytes inside sentences", function()
      local s = "Bad \xff\xfe bytes. Next \xc3 one."
      local spans = wn.sentences(s)
      assert.equal(2, #spans)
      check_spans(s, spans)
    end)

    it("handles NUL bytes inside text", function()
      local s = "One\0two. Three\0."
      local spans = wn.sentences(s)
      assert.same({ "One\0two.", "Three\0." }, split(s))
      check_spans(s, spans)
    end)

    it("treats CRLF line ends like LF", function()
      local lf = "The army attacked Homs on Tuesday.\n\nLavrov Urges Talks\nThe assault came."
      local crlf = lf:gsub("\n", "\r\n")
      assert.same(split(lf), split(crlf))
    end)

    it("returns a 10 MB word as one sentence", function()
      local s = string.rep("a", 10 * 1024 * 1024)
      assert.same({ { start = 1, stop = #s } }, wn.sentences(s))
    end)

    it("stays linear on unclosed brackets, quotes and stops in 256 KB texts", function()
      for _, unit in ipairs({ "( ", "\" ", "a.", ". ", "\u{2022} ", ")! ", "x\n" }) do
        local s = string.rep(unit, 256 * 1024 // #unit)
        check_spans(s, wn.sentences(s))
      end
    end)

    it("splits 40 MB of wire copy with sane output #nosanitize", function()
      local para = "DAMASCUS - The Syrian army went on a fresh offensive against\n" ..
        "rebels on Tuesday, the Observatory said. At least 92 soldiers\n" ..
        "have been killed since Sunday, Mr. Rahman told AFP.\n\n"
      local n = (40 * 1024 * 1024) // #para
      local s = string.rep(para, n)
      local spans = wn.sentences(s)
      assert.equal(2 * n, #spans)
      assert.equal(#s - 2, spans[#spans].stop)
      assert.equal("At least 92 soldiers\nhave been killed since Sunday, Mr. Rahman told AFP.",
        s:sub(spans[2].start, spans[2].stop))
    end)
  end)

  describe("properties", function()
    it("gives ordered, trimmed, non-overlapping spans covering every token", function()
      local alphabet = { "a", "B", ".", " ", "?", "!", "\"", "'", "(", ")", "\n",
        "\n\n", "1", "Mr", "U.S.", "...", "\u{201C}", "\u{201D}", "-", ",", "\xff", "\0" }
      local seed = 7
      local function rand(n)
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed % n + 1
      end
      for _ = 1, 300 do
        local parts = {}
        for k = 1, rand(60) do parts[k] = alphabet[rand(#alphabet)] end
        local s = table.concat(parts)
        check_spans(s, wn.sentences(s))
      end
    end)
  end)
end)
