local document = require("wirenews.document")
local testdata = require("spec.support.testdata")

local function seed(name)
  return testdata.read("examples/articles/" .. name)
end

-- Every byte of text is in a kept paragraph, in one removed record, or is
-- white space; kept paragraphs and removed records never overlap.
local function assert_nothing_lost(text, doc)
  local owner = {}
  local function claim(s, e, who)
    for i = s, e do
      assert(owner[i] == nil, "byte " .. i .. " claimed twice")
      owner[i] = who
    end
  end
  for _, p in ipairs(doc.paragraphs) do
    if p.kept then claim(p.start, p.stop, "kept") end
  end
  for _, r in ipairs(doc.removed) do
    assert.equal(r.text, text:sub(r.start, r.stop))
    claim(r.start, r.stop, "removed")
  end
  for i = 1, #text do
    if not owner[i] then
      assert(text:sub(i, i):match("%s"), "byte " .. i .. " lost: " .. text:sub(i, i + 20))
    end
  end
end

local function removed_of(doc, kind)
  local out = {}
  for _, r in ipairs(doc.removed) do
    if r.kind == kind then out[#out + 1] = r.text end
  end
  return out
end

local function kept_text(doc)
  local parts = {}
  for _, _, t in doc:kept() do parts[#parts + 1] = t end
  return table.concat(parts, "\n")
end

local function count(s, needle)
  local n, init = 0, 1
  while true do
    local a, b = s:find(needle, init, true)
    if not a then return n end
    n, init = n + 1, b + 1
  end
end

describe("document cleaning on the seed articles", function()
  it("sets aside 002's repeated body so the 47 killed appear once in kept text", function()
    local text = seed("002_e305a3e3bd9f1704.txt")
    local doc = document.clean(text)
    assert.equal(2, count(text, "at least 47 people"))
    assert.equal(1, count(kept_text(doc), "at least 47 people"))
    local dups = removed_of(doc, "duplicate")
    assert.equal(16, #dups)
    for _, r in ipairs(doc.removed) do
      if r.kind == "duplicate" then
        assert.equal("duplicate.exact", r.rule)
        assert.is_true(r.of_start < r.start)
      end
    end
    assert_nothing_lost(text, doc)
  end)

  it("removes 002's subhead and both of its credit lines with their kinds and rules", function()
    local doc = document.clean(seed("002_e305a3e3bd9f1704.txt"))
    assert.same({"Lavrov Urges Talks", "Lavrov Urges Talks"}, removed_of(doc, "subhead"))
    assert.same({"Compiled from agency reports", "Compiled from agency reports"},
      removed_of(doc, "credit"))
    -- everything else is kept: 37 paragraphs, 16 repeats, 2 subheads, 2 credits
    assert.equal(37, #doc.paragraphs)
    assert.equal(20, #doc.removed)
    assert.equal(17, #doc.spans)
    for _, r in ipairs(doc.removed) do
      if r.kind == "credit" then assert.equal("credit.compiled", r.rule) end
      if r.kind == "subhead" then assert.equal("subhead.title_case", r.rule) end
    end
  end)

  it("removes 001's two photo captions and its credit line, keeping every other paragraph", function()
    local text = seed("001_bf672c9905f723ec.txt")
    local doc = document.clean(text)
    local captions = removed_of(doc, "caption")
    assert.equal(2, #captions)
    assert.truthy(captions[1]:find("^A Syrian sits for tea"))
    assert.truthy(captions[2]:find("^Displaced Syrians return home"))
    assert.same({"Agence France-Presse"}, removed_of(doc, "credit"))
    assert.equal(3, #doc.removed)
    assert.equal(15, #doc.spans)
    assert.truthy(kept_text(doc):find("Moscow and Damascus have since resumed air strikes.", 1, true))
    assert_nothing_lost(text, doc)
  end)

  it("keeps every paragraph of 000 and reads its dateline as Damascus", function()
    local text = seed("000_db5a172c2a9d69bb.txt")
    local doc = document.clean(text)
    assert.same({}, doc.removed)
    assert.equal(23, #doc.paragraphs)
    assert.equal("Damascus", doc.dateline.place)
    assert.same({1, 10}, {doc.dateline.start, doc.dateline.stop})
    -- the kept span of the first paragraph starts after the dateline
    assert.equal(12, doc.spans[1].start)
    assert.truthy(text:sub(doc.spans[1].start):find("^The Syrian army"))
  end)

  it("reports 'extremistsrefused' with the split 'extremists refused' and its offsets", function()
    local text = seed("001_bf672c9905f723ec.txt")
    local doc = document.clean(text)
    assert.equal(1, #doc.warnings.run_together)
    local w = doc.warnings.run_together[1]
    assert.same({"extremistsrefused", "extremists refused", "high"}, {w.text, w.split, w.confidence})
    assert.equal("extremistsrefused", text:sub(w.start, w.stop))
  end)

  it("reports no run-together words in 000 and 002, whose words are all real", function()
    assert.same({}, document.clean(seed("000_db5a172c2a9d69bb.txt")).warnings.run_together)
    assert.same({}, document.clean(seed("002_e305a3e3bd9f1704.txt")).warnings.run_together)
  end)
end)

describe("document paragraphs", function()
  it("joins wrapped Reuters lines into indented paragraphs and strips the sign-off", function()
    local text = "    CHICAGO, Feb 26 - Standard Oil said it\nwould form a venture.\n"
      .. "    The venture will be called\nBP Trading.\n Reuter\n"
    local doc = document.clean(text, {date = "1987-02-26"})
    assert.equal("indent", doc.mode)
    assert.equal(3, #doc.paragraphs)
    assert.equal("Chicago", doc.dateline.place)
    assert.equal("1987-02-26", doc.dateline.date)
    assert.same({"Reuter"}, removed_of(doc, "credit"))
    assert.equal("The venture will be called\nBP Trading.",
      text:sub(doc.paragraphs[2].start, doc.paragraphs[2].stop))
    assert_nothing_lost(text, doc)
  end)

  it("splits blank-line separated blocks of wrapped lines", function()
    local text = "Fighting went on in\nthe north of the country.\n\nRebels said they\nheld the town.\n"
    local paras, mode = document.paragraphs(text)
    assert.equal("blank", mode)
    assert.equal(2, #paras)
  end)

  it("sets aside a re-filed paragraph with a small edit as a near duplicate", function()
    local a = "Activists said at least 20 people were killed in shelling of the town of Rastan on Sunday morning."
    local b = "Activists said at least 20 people were killed in heavy shelling of the town of Rastan on Sunday morning."
    local doc = document.clean(a .. "\nSomething else happened in Homs later in the day.\n" .. b .. "\n")
    assert.equal(1, #doc.removed)
    assert.same({"duplicate", "duplicate.near"}, {doc.removed[1].kind, doc.removed[1].rule})
    assert.is_true(doc.removed[1].similarity >= 0.6 and doc.removed[1].similarity < 1)
  end)

  it("keeps a re-filed paragraph whose figures changed: that is an update, not a repeat", function()
    local a = "Activists said at least 20 people were killed in shelling of the town of Rastan on Sunday morning."
    local b = "Activists said at least 25 people were killed in shelling of the town of Rastan on Sunday morning."
    assert.same({}, document.clean(a .. "\n" .. b .. "\n").removed)
  end)

  it("keeps short narrative lines and attributed present-tense lines", function()
    local text = "Moscow and Damascus have since resumed air strikes.\n"
      .. "Reports say the offensive is targeting several neighborhoods.\n"
      .. "The assault comes a day after Assad promised talks.\n"
      .. "Rebels hold the town, activists said.\n"
    local doc = document.clean(text)
    assert.same({}, doc.removed)
  end)

  it("classifies credit lines, bylines and boilerplate by rule", function()
    local text = "Rebels shelled the airport on Monday, the army said.\n"
      .. "(Reporting by Oliver Holmes; Editing by Alistair Lyon)\n"
      .. "Copyright 2012 Agence France-Presse\n(AFP)\nBy Kathleen Hays\nClick here for more\n"
    local doc = document.clean(text)
    local rules = {}
    for _, r in ipairs(doc.removed) do rules[#rules + 1] = r.rule end
    assert.same({"credit.reporting_by", "credit.copyright", "credit.agency_name",
                 "credit.byline", "boilerplate.web"}, rules)
  end)

  it("takes an extended rule module from opts.rules", function()
    local base = require("wirenews.rules.cleaning")
    local mine = setmetatable({rules = {
      {id = "credit.mypaper", kind = "credit", patterns = {"^my paper staff$"}},
    }}, {__index = base})
    for _, r in ipairs(base.rules) do table.insert(mine.rules, r) end
    local doc = document.clean("Rebels shelled the airport on Monday.\nMy Paper Staff\n", {rules = mine})
    assert.same({"credit.mypaper"}, {doc.removed[1].rule})
  end)
end)

describe("document on bad input", function()
  it("returns an empty document for empty or blank input", function()
    for _, text in ipairs({"", "   \n\r\n\t\n"}) do
      local doc = document.clean(text)
      assert.same({}, doc.paragraphs)
      assert.same({}, doc.removed)
      assert.same({}, doc.spans)
      assert.is_nil(doc.dateline)
    end
  end)

  it("keeps the first of a document that is all duplicates", function()
    local line = "At least 12 people were killed in an air strike on the market of Maarat al-Numan.\n"
    local text = line:rep(50)
    local doc = document.clean(text)
    assert.equal(1, #doc.spans)
    assert.equal(49, #removed_of(doc, "duplicate"))
    assert_nothing_lost(text, doc)
  end)

  it("handles a 1 MB paragraph as one kept paragraph", function()
    local text = ("Shelling continued in the city and its suburbs through the night. "):rep(16000)
    assert.is_true(#text > 1000000)
    local doc = document.clean(text)
    -- one line; each sentence is the same, but a paragraph is not its own duplicate
    assert.equal(1, #doc.paragraphs)
    assert.is_true(doc.paragraphs[1].kept)
    assert_nothing_lost(text, doc)
  end)

  it("keeps text without any paragraph break as one paragraph", function()
    local text = "Troops stormed the district. Activists said 30 people died. The army denied it."
    local doc = document.clean(text)
    assert.equal(1, #doc.paragraphs)
    assert.same({1, #text}, {doc.spans[1].start, doc.spans[1].stop})
  end)

  it("treats Windows line ends like Unix ones and keeps offsets on the original", function()
    local unix = seed("001_bf672c9905f723ec.txt")
    local dos = unix:gsub("\n", "\r\n")
    local a, b = document.clean(unix), document.clean(dos)
    assert.equal(#a.paragraphs, #b.paragraphs)
    assert.equal(#a.removed, #b.removed)
    for i, r in ipairs(b.removed) do
      assert.equal(a.removed[i].text, r.text)
      assert.equal(r.text, dos:sub(r.start, r.stop))
    end
    assert_nothing_lost(dos, b)
  end)

  it("removes a caption-looking first line into `removed` but keeps a dateline lead", function()
    local caption = "A boy walks past a destroyed building in Aleppo (L) on June 3.\n"
      .. "Rebels said they had taken the airport.\n"
    local doc = document.clean(caption)
    assert.same({"caption"}, {doc.removed[1].kind})
    assert_nothing_lost(caption, doc)
    local lead = "ALEPPO (AFP) - A boy walks past a destroyed building (L) on June 3.\n"
      .. "Rebels said they had taken the airport.\n"
    doc = document.clean(lead)
    assert.same({}, doc.removed)
    assert.equal("Aleppo", doc.dateline.place)
  end)

  it("reports invalid UTF-8 and keeps the bad bytes in their paragraph", function()
    local text = "Rebels took the town of Qusa\255ir on Sunday.\nThe army denied it.\n"
    local doc = document.clean(text)
    assert.same({first = 29, count = 1}, doc.warnings.invalid_utf8)
    assert.equal(2, #doc.spans)
    assert.truthy(kept_text(doc):find("\255", 1, true))
    assert_nothing_lost(text, doc)
  end)

  it("raises on a non-string argument", function()
    assert.has_error(function() document.clean(42) end)
  end)
end)

describe("wirenews module table", function()
  it("exposes document, clean, dateline and times", function()
    local wn = require("wirenews")
    local text = testdata.read("examples/articles/000_db5a172c2a9d69bb.txt")
    local doc = wn.document(text, {date = "2012-06-05"})
    assert.equal("Damascus", doc.dateline.place)
    assert.equal(wn.document, wn.clean)
    assert.equal("Damascus", wn.dateline(text).place)
    -- times over the kept spans only
    local t = wn.times(text, {date = "2012-06-05", spans = doc.spans})
    assert.equal("on Tuesday", t[1].text)
    assert.equal("2012-06-05", t[1].value)
  end)
end)

describe("core.fingerprint", function()
  local core = require("wirenews.core")
  it("gives equal keys to paragraphs that differ in case, spacing and punctuation only", function()
    local a = core.fingerprint("At least 47 people were killed.")
    local b = core.fingerprint("at  least 47 PEOPLE -- were killed")
    assert.equal(a.key, b.key)
    assert.same({6, 5}, {a.words, a.alpha_words})
    assert.equal(4, #a.shingles)
  end)
  it("raises on a bad shingle size or limit", function()
    assert.has_error(function() core.fingerprint("x", 0) end)
    assert.has_error(function() core.fingerprint("x", 3, 5000) end)
    assert.has_error(function() core.fingerprint(nil) end)
  end)
end)

-- The C helpers of the rule tests must agree byte for byte with the Lua
-- patterns they replace (the cleaning rules are written against those).
describe("core.count_words, core.first_words and core.fold_space_lower", function()
  local core = require("wirenews.core")
  local function random_text(rng, n)
    local alphabet = "aZ09 '-\t\n\r\v\f.,()\195\169\255"
    local t = {}
    for i = 1, n do
      local k = rng(#alphabet)
      t[i] = alphabet:sub(k, k)
    end
    return table.concat(t)
  end
  it("counts the words the Lua pattern %w[%w'%-]* finds, also within a range", function()
    local seed_ = 12345
    local function rng(n) seed_ = (seed_ * 1103515245 + 12345) % 2147483648; return seed_ % n + 1 end
    for _ = 1, 2000 do
      local s = random_text(rng, rng(40) - 1)
      local _, want = s:gsub("%w[%w'%-]*", "")
      assert.equal(want, core.count_words(s))
      local i, j = rng(#s + 1), rng(#s + 1) - 1
      local _, want_range = s:sub(i, j):gsub("%w[%w'%-]*", "")
      assert.equal(want_range, core.count_words(s, i, j))
    end
  end)
  it("lists the first n words as s:gmatch(\"%w[%w'%-]*\") gives them", function()
    local seed_ = 31337
    local function rng(n) seed_ = (seed_ * 1103515245 + 12345) % 2147483648; return seed_ % n + 1 end
    for _ = 1, 2000 do
      local s = random_text(rng, rng(40) - 1)
      local max = rng(10) - 1
      local want = {}
      for w in s:gmatch("%w[%w'%-]*") do
        if #want >= max then break end
        want[#want + 1] = w
      end
      assert.same(want, core.first_words(s, max))
    end
    assert.has_error(function() core.first_words("x", -1) end)
  end)
  it("lower-cases and collapses white space as s:lower():gsub('%s+', ' ')", function()
    local seed_ = 777
    local function rng(n) seed_ = (seed_ * 1103515245 + 12345) % 2147483648; return seed_ % n + 1 end
    for _ = 1, 2000 do
      local s = random_text(rng, rng(40) - 1)
      assert.equal((s:lower():gsub("%s+", " ")), core.fold_space_lower(s))
    end
    assert.equal("(reporting by jane doe)", core.fold_space_lower("(Reporting BY  Jane\r\n\tDoe)"))
  end)
  it("raises on a non-string argument", function()
    assert.has_error(function() core.count_words(nil) end)
    assert.has_error(function() core.fold_space_lower({}) end)
  end)
end)

describe("core.paragraphs", function()
  local core = require("wirenews.core")
  -- The Lua definition the C code follows: lines end at \n, \r\n or \r;
  -- a line of spaces, tabs, form and vertical feeds is blank.
  local function reference(text)
    local lines, pos = {}, 1
    while pos <= #text do
      local e = text:find("[\r\n]", pos)
      local stop = e and e - 1 or #text
      local first = text:find("[^ \t\f\v]", pos)
      local blank = not first or first > stop
      lines[#lines + 1] = {start = pos, stop = stop, blank = blank, indented = not blank and first > pos}
      pos = not e and #text + 1 or (text:sub(e, e + 1) == "\r\n" and e + 2 or e + 1)
    end
    local indented, wrapped, nonblank, blanks = 0, 0, 0, 0
    for i, l in ipairs(lines) do
      if l.blank then blanks = blanks + 1
      else
        nonblank = nonblank + 1
        if l.indented and i > 1 then indented = indented + 1 end
        if not text:sub(l.stop, l.stop):match("[%.!?:\"'%)%]]") then wrapped = wrapped + 1 end
      end
    end
    local mode = (indented > 0 and indented < nonblank) and "indent"
      or (blanks > 0 and wrapped * 2 >= nonblank) and "blank" or "line"
    local paras, open_start, open_stop = {}, nil, nil
    local function close()
      if open_start then
        local s = text:find("%S", open_start)
        if s and s <= open_stop then
          local e = open_stop
          while text:find("^%s", e) do e = e - 1 end
          paras[#paras + 1] = {start = s, stop = e}
        end
      end
      open_start = nil
    end
    for _, l in ipairs(lines) do
      if l.blank then close()
      else
        if mode == "line" or (mode == "indent" and l.indented) then close() end
        open_start = open_start or l.start
        open_stop = l.stop
      end
    end
    close()
    return paras, mode
  end

  it("splits as the Lua definition does on random line structures", function()
    local pieces = {"a", "B", " ", "\t", "\n", "\r", "\r\n", "\f", "\v", ".", ")", "word ", "\n  ", "\n\n"}
    local seed_ = 99
    local function rng(n) seed_ = (seed_ * 1103515245 + 12345) % 2147483648; return seed_ % n + 1 end
    for _ = 1, 5000 do
      local t = {}
      for i = 1, rng(30) - 1 do t[i] = pieces[rng(#pieces)] end
      local text = table.concat(t)
      local want, want_mode = reference(text)
      local got, got_mode = core.paragraphs(text)
      assert.equal(want_mode, got_mode, string.format("%q", text))
      assert.same(want, got, string.format("%q", text))
    end
  end)
  it("reads Reuters indented paragraphs and trims them", function()
    local text = "    First line\nwraps here.\n    Second one.\n"
    local paras, mode = core.paragraphs(text)
    assert.equal("indent", mode)
    assert.same({{start = 5, stop = 26}, {start = 32, stop = 42}}, paras)
    assert.equal("First line\nwraps here.", text:sub(5, 26))
  end)
end)

describe("core.dedup", function()
  local core = require("wirenews.core")
  local cfg = require("wirenews.rules.cleaning").duplicates
  it("reports exact and near repeats with the paragraph repeated and the similarity", function()
    local d = core.dedup(cfg)
    local a = "Rebels shelled the northern town of Qusayr on Monday killing at least 12 civilians, activists said."
    assert.is_nil(d:check(1, a))
    local of, sim, rule = d:check(2, a:upper())
    assert.same({1, 1.0, "duplicate.exact"}, {of, sim, rule})
    of, sim, rule = d:check(3, a:gsub("said", "reported"))
    assert.same({1, "duplicate.near"}, {of, rule})
    assert.is_true(sim >= cfg.threshold and sim < 1)
    assert.is_nil(d:check(4, a:gsub("12", "15")))            -- new figures: news
    assert.matches("wirenews.Dedup", tostring(d))
  end)
  it("raises on a bad configuration or argument", function()
    assert.has_error(function() core.dedup({}) end)
    local bad = {}
    for k, v in pairs(cfg) do bad[k] = v end
    bad.shingle = 9
    assert.has_error(function() core.dedup(bad) end)
    local d = core.dedup(cfg)
    assert.has_error(function() d:check(0, "x") end)
    assert.has_error(function() d:check(1, nil) end)
  end)
end)

describe("core.wordset", function()
  local core = require("wirenews.core")
  local list = "extremists\nrefused\nzebra\nzebra\nthe\n"
  it("answers membership exactly, from the lower-case runs of the list", function()
    local ws = core.wordset(list)
    assert.is_true(ws:has("zebra"))
    assert.is_false(ws:has("zebr"))
    assert.is_false(ws:has("Zebra"))
    assert.is_false(ws:has(""))
    assert.matches("4 words", tostring(ws))
  end)
  it("finds the unknown all-lower-case words the Lua pattern %f[%a](%l+)%f[%A] finds", function()
    local ws = core.wordset(list)
    local pieces = {"zebra", "Zebra", "extremistsrefused", "the", "thee", " ", ", ", "-", "\195\169", "9", "'s", "\n"}
    local seed_ = 4242
    local function rng(n) seed_ = (seed_ * 1103515245 + 12345) % 2147483648; return seed_ % n + 1 end
    for _ = 1, 2000 do
      local t = {}
      for i = 1, rng(12) - 1 do t[i] = pieces[rng(#pieces)] end
      local s = table.concat(t)
      local min = rng(6) - 1
      local want = {}
      for b, w, e in s:gmatch("()%f[%a](%l+)%f[%A]()") do
        local set = {extremists = true, refused = true, zebra = true, the = true}
        if #w >= min and not set[w] then want[#want + 1] = b; want[#want + 1] = e - 1 end
      end
      assert.same(want, ws:unknown(s, min), string.format("%q", s))
    end
  end)
  it("raises on bad arguments", function()
    assert.has_error(function() core.wordset(nil) end)
    local ws = core.wordset(list)
    assert.has_error(function() ws:unknown(nil) end)
    assert.has_error(function() ws:unknown("x", -1) end)
  end)
end)
