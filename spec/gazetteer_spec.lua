-- Gazetteer: normalisation, matching, files, bundled data, seeds.
local wn = require("wirenews")
local gazetteer = require("wirenews.gazetteer")

local function ids(ms)
  local out = {}
  for i, m in ipairs(ms) do out[i] = m.id end
  return out
end

local function texts(ms)
  local out = {}
  for i, m in ipairs(ms) do out[i] = m.text end
  return out
end

-- A gazetteer with one entry per name given (id = the name).
local function gaz_of(names, variants)
  local gz = wn.gazetteer{ variants = variants }
  for _, n in ipairs(names) do
    assert(gz:add{ id = n, name = n, kind = "place" })
  end
  return gz
end

local tmpfile = require("spec.support.testdata").tmpfile

describe("gazetteer normalisation", function()
  it("folds case, removes diacritics and transliteration marks", function()
    local gz = wn.gazetteer()
    assert.equal(gz:keys("Ḥamā"), gz:keys("Hama"))
    assert.equal(gz:keys("Kafr Zaytā"), gz:keys("Kfar Zayta"))
    assert.equal(gz:keys("Arbaʿeen"), gz:keys("Arba'een"))
    assert.equal(gz:keys("Maʾarrat"), gz:keys("Maarat"))
    assert.equal(gz:keys("Şanlıurfa"), gz:keys("Sanliurfa"))
    assert.equal(gz:keys("Médecins"), gz:keys("Medecins"))
  end)

  it("merges the transliteration variants of the key", function()
    local gz = wn.gazetteer()
    local same = {
      { "Kfar Zita", "Kafr Zita" }, { "Khaldiyeh", "Khaldiyah" },
      { "Khaldiyeh", "Khaldiya" }, { "Khalidieh", "Khalidiyeh" },
      { "Zeytun", "Zaytoun" }, { "Karm al-Zeytun", "Karm el Zaytoun" },
      { "Sheikhoun", "Shaykhun" }, { "Latamneh", "Latamnah" },
      { "Assad", "Asad" }, { "Lattakia", "Latakia" }, { "Houla", "Hula" },
      { "Deir", "Dayr" }, { "Al-Hafa", "Al Hafa" }, { "Al-Hafa", "Hafa" },
      { "ar-Raqqa", "Raqqa" }, { "Tell Rifaat", "Tall Rifaat" },
      { "Abdel Rahman", "Abdul Rahman" }, { "Arbaeen", "Arbain" },
    }
    for _, p in ipairs(same) do
      assert.are.equal(gz:keys(p[1]), gz:keys(p[2]), p[1] .. " / " .. p[2])
    end
  end)

  it("keeps apart names that differ (Homs/Hama, Hama/Hamas, Assad/Assadi ...)", function()
    local gz = wn.gazetteer()
    local apart = {
      { "Homs", "Hama" }, { "Hama", "Hamas" }, { "Assad", "Assadi" },
      { "Iran", "Iraq" }, { "Sunni", "Sanaa" }, { "Mali", "Malé" },
      { "Idlib", "Idleb" }, { "Aleppo", "Alep" }, { "Beirut", "Beira" },
      { "Kfar Zita", "Kfar Nabl" }, { "Daraa", "Dara'a Street" },
      { "Raqqa", "Rakka" }, { "Kafranbel", "Kfar Nabel" }, { "Salma", "Salamiyeh" },
      { "Khan Sheikhun", "Khan Arnabah" }, { "Jordan", "Jordanian" },
      { "Ma'an", "Man" }, { "USS", "US" }, { "Tyre", "Tire" },
    }
    for _, p in ipairs(apart) do
      assert.are_not.equal(gz:keys(p[1]), gz:keys(p[2]), p[1] .. " / " .. p[2])
    end
    -- and as whole gazetteers: each name finds only itself
    local names = {}
    for _, p in ipairs(apart) do names[#names + 1] = p[1]; names[#names + 1] = p[2] end
    local g = gaz_of(names)
    for _, n in ipairs(names) do
      local got = ids(g:match(n))
      assert.same({ n }, got)
    end
  end)

  it("merges spellings through the word table (Deir Ezzor, ez-Zor, al-Zour)", function()
    local g = gaz_of{ "Deir ez-Zor", "Khaldiyeh" }
    assert.same({ "Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor" },
                ids(g:match("Deir Ezzor, Deir ez-Zor, Deir al-Zour")))
    assert.same({ "Khaldiyeh", "Khaldiyeh" }, ids(g:match("Khaldiyeh and Khalidiyeh")))
  end)

  it("takes a variant key extended by the user in a Lua table", function()
    local v = {}
    for k, x in pairs(require("wirenews.data.variants")) do v[k] = x end
    local words = { { "Hims", "Homs" } }
    for _, w in ipairs(v.words) do words[#words + 1] = w end
    v.words = words
    local g = gaz_of({ "Homs" }, v)
    assert.same({ "Homs", "Homs" }, ids(g:match("Hims, or Homs")))
    assert.same({}, ids(gaz_of{ "Homs" }:match("Hims")))   -- not by default
  end)

  it("rejects a malformed variant key", function()
    assert.has_error(function() wn.gazetteer{ variants = { rules = { { "" , "x" } } } } end)
    assert.has_error(function() wn.gazetteer{ variants = { rules = { "ou" } } } end)
  end)
end)

describe("gazetteer matching", function()
  local g
  setup(function()
    g = wn.gazetteer()
    assert(g:add{
      { id = "homs", name = "Homs", kind = "place" },
      { id = "hama", name = "Hama", kind = "place" },
      { id = "hamas", name = "Hamas", kind = "actor" },
      { id = "assad", name = "Bashar al-Assad", kind = "person", surname = "Assad" },
      { id = "un", name = "UN", kind = "org", aliases = { "United Nations" } },
      { id = "unsc", name = "UN Security Council", kind = "org" },
      { id = "rebels", name = "rebels", kind = "actor", case = "any" },
      { id = "hafa", name = "Al-Hafa", kind = "place" },
      { id = "kz", name = "Kfar Zita", kind = "place", aliases = { "Kafr Zita" } },
    })
  end)

  it("requires the capitals of a name, and acronyms exactly", function()
    assert.same({}, ids(g:match("the homs and hama of it")))
    assert.same({ "homs" }, ids(g:match("HOMS")))
    assert.same({}, ids(g:match("Un peu, un")))
    assert.same({ "un", "un" }, ids(g:match("the UN and the U.N.")))
    assert.same({ "rebels", "rebels", "rebels" }, ids(g:match("Rebels, rebels, REBELS")))
  end)

  it("reads a short word in capitals as an acronym, not a name", function()
    local gz = wn.gazetteer()
    assert(gz:add{ { id = "of", name = "Of", kind = "place" },
                   { id = "homs", name = "Homs", kind = "place" } })
    assert.same({ "of", "homs" }, ids(gz:match("Of, near HOMS")))
    assert.same({}, ids(gz:match("OFF THE RECORD")))
  end)

  it("never matches inside a word or a URL", function()
    assert.same({}, ids(g:match("Assadi Homsi Hamasi")))
    assert.same({ "hamas" }, ids(g:match("Hamas")))
    assert.same({}, ids(g:match("see http://example.com/homs/Homs-news and www.Hama.org")))
  end)

  it("finds longest-leftmost matches, or all of them", function()
    local ms = g:match("the UN Security Council met")
    assert.same({ "unsc" }, ids(ms))
    assert.equal(5, ms[1].start)
    assert.equal(23, ms[1].stop)
    assert.same({ "un", "unsc" }, ids(g:match("UN Security Council", "all")))
  end)

  it("treats hyphen and space alike and the article as optional", function()
    local ms = g:match("Al-Hafa, Al Hafa, al-Hafa and Hafa")
    assert.same({ "hafa", "hafa", "hafa", "hafa" }, ids(ms))
    assert.same({ "Al-Hafa", "Al Hafa", "al-Hafa", "Hafa" }, texts(ms))
    assert.same({ "assad" }, ids(g:match("President Bashar Al Assad's regime")))
  end)

  it("gives spans that string.sub accepts, and token indices", function()
    local text = "Troops entered Kafr Zita, near Hama."
    for _, m in ipairs(g:match(text)) do
      assert.equal(m.text, text:sub(m.start, m.stop))
      assert.is_true(m.first <= m.last)
    end
  end)

  it("matches an existing token array the same as its text", function()
    local text = "Rebels in Homs and Kfar Zita; the UN Security Council."
    local toks = wn.tokens(text)
    assert.same(g:match(text), g:match(toks))
    local ms = g:scan(toks)
    assert.equal(4, #ms)
    local start, stop, rec, tag, first, last = ms:at(2)
    assert.same({ 11, 14, 1, 0, 3, 3 }, { start, stop, rec, tag, first, last })
    assert.same({ 1, 11, 20, 35 }, ms:column("start"))
    assert.matches("4 matches", tostring(ms))
    ms:close()
    ms:close()
    assert.equal(0, #ms)
  end)

  it("returns entry fields with each match", function()
    local gz = wn.gazetteer()
    assert(gz:add{ id = "163345", name = "Homs", kind = "place", country = "SY",
                   admin = "Homs", lat = 34.72682, lon = 36.72339, class = "city",
                   note = "extra field" })
    local m = gz:match("Homs")[1]
    assert.same({ "163345", "Homs", "place", "SY", "Homs", "city", "extra field", "name" },
                { m.id, m.name, m.kind, m.country, m.admin, m.class, m.note, m.form })
    assert.near(34.72682, m.lat, 1e-9)
    assert.near(36.72339, m.lon, 1e-9)
  end)

  it("prefers the higher priority among entries of the same name", function()
    local gz = wn.gazetteer()
    assert(gz:add{ { id = "gov", name = "Hama", kind = "place", priority = -10,
                     aliases = { "Hama province" } },
                   { id = "city", name = "Hama", kind = "place", priority = 5 } })
    assert.same({ "city", "gov" }, ids(gz:match("Hama and Hama province")))
    assert.same({ "city", "gov", "city", "gov", "gov" },
                ids(gz:match("Hama and Hama province", "all")))
  end)

  it("reads surnames after a full mention, or alone when allowed", function()
    local gz = wn.gazetteer()
    assert(gz:add{
      { id = "li", name = "Li Baodong", kind = "person", surname = "Li" },
      { id = "lavrov", name = "Sergei Lavrov", kind = "person", surname = "Lavrov" },
      { id = "hillary", name = "Hillary Clinton", kind = "person", surname = "Clinton",
        surname_alone = false },
      { id = "bill", name = "Bill Clinton", kind = "person", surname = "Clinton",
        surname_alone = false },
    })
    assert.same({}, ids(gz:match("Li said so.")))
    assert.same({ "li", "li" }, ids(gz:match("Li Baodong spoke. Li said so.")))
    assert.same({ "lavrov" }, ids(gz:match("Lavrov said so.")))
    assert.same({}, ids(gz:match("Clinton said so.")))
    assert.same({ "bill", "bill" }, ids(gz:match("Bill Clinton came. Clinton said so.")))
    assert.same({ "hillary", "hillary" }, ids(gz:match("Hillary Clinton came. Clinton said.")))
    local m = gz:match("Li Baodong spoke. Li said so.")[2]
    assert.equal("surname", m.form)
  end)

  it("rejects bad entries with a reason", function()
    local gz = wn.gazetteer()
    local cases = {
      { { name = "X", kind = "place" }, "missing id" },
      { { id = "a", kind = "place" }, "missing name" },
      { { id = "a", name = "--", kind = "place" }, "missing name" },
      { { id = "a", name = "X" }, "missing kind" },
      { { id = "a", name = "X", kind = "place", lat = 1 }, "together" },
      { { id = "a", name = "X", kind = "place", lat = 91, lon = 1 }, "lat" },
      { { id = "a", name = "X", kind = "place", aliases = "Y" }, "aliases" },
      { { id = "a", name = "X", kind = "place", case = "upper" }, "case" },
      { { id = "a", name = "X", kind = "place", priority = 1.5 }, "priority" },
    }
    for _, c in ipairs(cases) do
      local ok, err = gz:add(c[1])
      assert.is_nil(ok)
      assert.matches(c[2], err, 1, true)
    end
    local ok, err = gz:add{ { id = "a", name = "A", kind = "place" }, { id = "b", name = "B" } }
    assert.is_nil(ok)
    assert.equal("entry 2 (b): missing kind", err)
  end)
end)

describe("gazetteer files", function()
  it("loads a TSV file with the documented columns", function()
    local path = tmpfile(table.concat({
      "# id\tname\tkind\tcanonical\tcountry\tadmin\tlat\tlon\taliases\tclass\tcase\tpriority",
      "163345\tHoms\tplace\tHoms\tSY\tHoms\t34.72682\t36.72339\tHims\tcity",
      "",
      "wn:actor:rebels\trebels\tactor\t\t\t\t\t\tinsurgents\tnon_state_armed\tany\t5",
    }, "\n") .. "\n")
    local gz = wn.gazetteer()
    assert.equal(2, gz:load(path))
    local ms = gz:match("Hims: insurgents and Homs")
    assert.same({ "163345", "wn:actor:rebels", "163345" }, ids(ms))
    assert.same({ "alias", "alias", "name" }, { ms[1].form, ms[2].form, ms[3].form })
    assert.equal("non_state_armed", ms[2].class)
    os.remove(path)
  end)

  it("reports a malformed line as file:line: why and adds nothing", function()
    local gz = wn.gazetteer()
    local bad = {
      { "a\tHoms\tplace\nb\tHama\n", ":2: expected at least 3" },
      { "a\tHoms\tplace\n\n# c\nb\tHama\tplace\t\t\t\t99\t1\n", ":4: latitude" },
      { "a\tHoms\tplace\t\t\t\tx\t1\n", ":1: latitude" },
      { "a\tHoms\tplace\t\t\t\t\t\tHims||Hums\n", ":1: empty alias" },
      { "a\tHoms\tplace\n\255\tx\tplace\n", ":2: invalid UTF-8" },
    }
    for _, b in ipairs(bad) do
      local path = tmpfile(b[1])
      local ok, err = gz:load(path)
      assert.is_nil(ok)
      assert.equal(path, err:sub(1, #path))
      assert.matches(b[2], err, 1, true)
      os.remove(path)
    end
    assert.equal(0, #gz)
  end)

  it("loads a Lua data file and names the bad entry", function()
    local good = tmpfile('return { { id = "x", name = "Homs", kind = "place" } }', ".lua")
    local bad = tmpfile('return { { id = "x", name = "Homs", kind = "place" }, { id = "y", name = "Hama" } }', ".lua")
    local broken = tmpfile('return {', ".lua")
    local gz = wn.gazetteer()
    assert.equal(1, gz:load(good))
    local ok, err = gz:load(bad)
    assert.is_nil(ok)
    assert.equal(bad .. ": entry 2 (y): missing kind", err)
    ok, err = gz:load(broken)
    assert.is_nil(ok)
    assert.matches(broken, err, 1, true)
    ok, err = gz:load("/nonexistent/places.tsv")
    assert.is_nil(ok)
    assert.matches("nonexistent", err)
    for _, p in ipairs{ good, bad, broken } do os.remove(p) end
  end)

  it("raises on programmer errors", function()
    local gz = wn.gazetteer()
    assert.has_error(function() gz:load(42) end)
    assert.has_error(function() gz:match(42) end)
    assert.has_error(function() gz:match("x", "shortest") end)
  end)

  it("closes idempotently and says so", function()
    local gz = wn.gazetteer()
    assert.matches("0 records", tostring(gz))
    gz:close()
    gz:close()
    assert.matches("closed", tostring(gz))
    assert.has_error(function() gz:match("Homs") end)
  end)
end)

-- A naive reference matcher over the same simple texts: words of lower-case
-- letters, separated by spaces, hyphens or commas; names are word lists.
local function reference(entries, text, all)
  local units = {}
  local pos = 1
  while pos <= #text do
    local s, e = text:find("%a+", pos)
    local c = s and text:sub(pos, s - 1) or text:sub(pos)
    for p in c:gmatch("()[,]") do units[#units + 1] = { word = ",", s = pos + p - 1, e = pos + p - 1 } end
    if not s then break end
    units[#units + 1] = { word = text:sub(s, e), s = s, e = e }
    pos = e + 1
  end
  table.sort(units, function(a, b) return a.s < b.s end)
  local function fits(name, i)
    for k, w in ipairs(name.words) do
      local u = units[i + k - 1]
      if not u or u.word:lower() ~= w:lower() then return false end
      if name.case == "name" and w:match("^%u") and not u.word:match("^%u") then return false end
    end
    return true
  end
  local out, i = {}, 1
  while i <= #units do
    local best
    for _, nm in ipairs(entries) do
      if fits(nm, i) then
        if all then
          out[#out + 1] = { nm.id, units[i].s, units[i + #nm.words - 1].e }
        elseif not best or #nm.words > #best.words then
          best = nm
        end
      end
    end
    if best then
      out[#out + 1] = { best.id, units[i].s, units[i + #best.words - 1].e }
      i = i + #best.words
    else
      i = i + 1
    end
  end
  if all then
    table.sort(out, function(a, b)
      if a[2] ~= b[2] then return a[2] < b[2] end
      if a[3] ~= b[3] then return a[3] < b[3] end
      return a[1] < b[1]
    end)
  end
  return out
end

describe("gazetteer against a naive reference matcher", function()
  it("gives identical results on random texts and dictionaries", function()
    math.randomseed(20240611)
    local syll = { "ka", "zi", "ta", "mu", "ro", "bel", "dun", "sar", "qo", "lim" }
    local vocab = {}
    for i = 1, 14 do
      local w = syll[math.random(#syll)] .. syll[math.random(#syll)]
      vocab[i] = w
    end
    local function word(cap)
      local w = vocab[math.random(#vocab)]
      if cap then w = w:sub(1, 1):upper() .. w:sub(2) end
      return w
    end
    local none = { rules = {}, articles = {}, words = {} }
    for round = 1, 60 do
      local entries, gz = {}, wn.gazetteer{ variants = none }
      for e = 1, math.random(1, 25) do
        local words = {}
        local cap = math.random() < 0.5
        for k = 1, math.random(1, 3) do words[k] = word(cap and math.random() < 0.7) end
        local nm = { id = ("e%d"):format(e), words = words,
                     case = math.random() < 0.5 and "name" or "any" }
        entries[#entries + 1] = nm
        assert(gz:add{ id = nm.id, name = table.concat(words, " "), kind = "place",
                       case = nm.case })
      end
      -- the reference keeps the first of equal-length fits: order entries so
      -- that the gazetteer's tie rule (earlier added wins) is the same
      local parts = {}
      for k = 1, math.random(1, 60) do
        parts[#parts + 1] = word(math.random() < 0.4)
        local r = math.random()
        parts[#parts + 1] = r < 0.15 and "-" or r < 0.25 and ", " or " "
      end
      local text = table.concat(parts)
      for _, mode in ipairs{ "longest", "all" } do
        local want = reference(entries, text, mode == "all")
        local got = {}
        for _, m in ipairs(gz:match(text, mode)) do got[#got + 1] = { m.id, m.start, m.stop } end
        if mode == "all" then
          table.sort(got, function(a, b)
            if a[2] ~= b[2] then return a[2] < b[2] end
            if a[3] ~= b[3] then return a[3] < b[3] end
            return a[1] < b[1]
          end)
        end
        assert.same(want, got, ("round %d (%s): %s"):format(round, mode, text))
      end
    end
  end)
end)

describe("bundled gazetteer", function()
  local seeds = {}
  setup(function()
    for _, f in ipairs{ "000_db5a172c2a9d69bb.txt", "001_bf672c9905f723ec.txt",
                        "002_e305a3e3bd9f1704.txt" } do
      local fh = assert(io.open("examples/articles/" .. f, "rb"))
      seeds[f] = fh:read("a")
      fh:close()
    end
  end)

  local function find(ents, text)
    for _, e in ipairs(ents) do if e.text == text then return e end end
    return nil
  end

  local expected = {
    ["000_db5a172c2a9d69bb.txt"] = {
      { "DAMASCUS", "place" }, { "Syrian army", "actor" }, { "rebels", "actor" },
      { "Russia", "place" }, { "China", "place" }, { "UN", "org" }, { "Syria", "place" },
      { "pro-regime militiamen", "actor" }, { "Kfar Zita", "place" },
      { "province of Hama", "place" },
      { "Syrian Observatory for Human Rights", "org" }, { "Kfar Oweid", "place" },
      { "Idlib", "place" }, { "Turkey", "place" }, { "Homs", "place" },
      { "Latakia", "place" }, { "Mediterranean", "place" }, { "Al-Hafa", "place" },
      { "Free Syrian Army", "actor" }, { "Deir Ezzor", "place" },
      { "UN Security Council", "org" }, { "Vladimir Putin", "person" },
      { "Hu Jintao", "person" }, { "Xi Jinping", "person" }, { "Beijing", "place" },
      { "Saint Petersburg", "place" }, { "EU", "org" }, { "Herman Van Rompuy", "person" },
      { "European Union", "org" }, { "Arab League", "org" }, { "Kofi Annan", "person" },
      { "Li Baodong", "person" }, { "Houla", "place" }, { "Annan", "person" },
      { "Assad", "person" }, { "Hillary Clinton", "person" }, { "Washington", "place" },
      { "New York", "place" }, { "Li", "person" }, { "United States", "place" },
      { "Kremlin", "org" }, { "the Britain-based Observatory", "org" },
      { "government forces", "actor" }, { "civilians", "actor" },
    },
    ["001_bf672c9905f723ec.txt"] = {
      { "Regime loyalists", "actor" }, { "extremists", "actor" }, { "a war monitor", "org" },
      { "Al-Zakat", "place" }, { "Al-Arba'een", "place" }, { "Hama province", "place" },
      { "Khan Sheikhun", "place" }, { "Kafr Zita", "place" }, { "Al-Latamneh", "place" },
      { "northern Hama", "place" }, { "Hayat Tahrir al-Sham", "actor" }, { "HTS", "actor" },
      { "Al-Qaeda", "actor" }, { "Northern Hama", "place" }, { "Idlib", "place" },
      { "Aleppo", "place" }, { "Bashar Al Assad", "person" }, { "Russia", "place" },
      { "Moscow", "place" }, { "Damascus", "place" }, { "Rami Abdul Rahman", "person" },
      { "the Britain-based monitor", "org" }, { "UN", "org" },
      { "Agence France-Presse", "org" },
    },
    ["002_e305a3e3bd9f1704.txt"] = {
      { "Syrian government forces", "actor" }, { "Homs", "place" },
      { "Bashar al-Assad", "person" }, { "Syria", "place" },
      { "London-based Syrian Observatory for Human Rights", "org" },
      { "Syrian Army troops", "actor" }, { "Bayadah", "place" }, { "Bab Amr", "place" },
      { "Khaldiyeh", "place" }, { "Karm al-Zeytun", "place" },
      { "Local Coordination Committees", "org" }, { "Khalidiyeh", "place" },
      { "Inshaat", "place" }, { "Omar Idibi", "person" }, { "Lavrov", "person" },
      { "Sergei Lavrov", "person" }, { "Moscow", "place" },
      { "Gulf Cooperation Council", "org" }, { "Arab League", "org" },
      { "Damascus", "place" }, { "Ahmet Davutoglu", "person" }, { "Davutoglu", "person" },
      { "Washington", "place" }, { "U.S.", "place" }, { "Recep Tayyip Erdogan", "person" },
      { "Dmitry Medvedev", "person" },
    },
  }

  for file, want in pairs(expected) do
    it("finds every named entity with its kind in seed " .. file, function()
      local ents = wn.entities(seeds[file])
      for _, w in ipairs(want) do
        local e = find(ents, w[1])
        assert.is_not_nil(e, "missing: " .. w[1])
        assert.equal(w[2], e.kind, w[1])
        assert.equal(w[1], seeds[file]:sub(e.start, e.stop))
        assert.is_string(e.id)
        assert.is_string(e.name)
      end
    end)
  end

  it("gives Kfar Zita and Kafr Zita one id, and Khaldiyeh and Khalidiyeh", function()
    local a = find(wn.entities(seeds["000_db5a172c2a9d69bb.txt"]), "Kfar Zita")
    local b = find(wn.entities(seeds["001_bf672c9905f723ec.txt"]), "Kafr Zita")
    assert.equal(a.id, b.id)
    assert.equal("168620", a.id)       -- GeoNames: Kafr Zaytā
    local ents = wn.entities(seeds["002_e305a3e3bd9f1704.txt"])
    assert.equal(find(ents, "Khaldiyeh").id, find(ents, "Khalidiyeh").id)
    assert.equal("Homs", find(ents, "Khaldiyeh").admin)
  end)

  it("reads Hama province and Northern Hama as the governorate, Homs as the city", function()
    local ents = wn.entities(seeds["001_bf672c9905f723ec.txt"])
    assert.equal("wn:adm1:sy:hama", find(ents, "Hama province").id)
    assert.equal("wn:adm1:sy:hama", find(ents, "Northern Hama").id)
    assert.equal("wn:adm1:sy:hama", find(ents, "northern Hama").id)
    assert.equal("governorate", find(ents, "Hama province").class)
    local homs = find(wn.entities(seeds["002_e305a3e3bd9f1704.txt"]), "Homs")
    assert.equal("169577", homs.id)
    assert.equal("city", homs.class)
    assert.near(34.72682, homs.lat, 1e-4)
    assert.same({ "place" }, { wn.entities("Hama")[1].kind })
    assert.equal("170017", wn.entities("Hama")[1].id)
  end)

  it("makes no false match on ordinary words", function()
    local ents = wn.entities("see http://example.com/homs, the homs page; Assadi "
      .. "and Hamas met in the hall; he said he would ban it; an army of one.")
    local got = {}
    for _, e in ipairs(ents) do got[#got + 1] = e.text end
    assert.same({ "Hamas" }, got)
    assert.equal("actor", ents[1].kind)
  end)

  it("returns records in the output contract's shape", function()
    local e = wn.entities("Clashes in Homs.")[1]
    assert.same({ "place", "Homs", "Homs", "169577", 12, 15, "SY", "Homs" },
                { e.kind, e.text, e.name, e.id, e.start, e.stop, e.country, e.admin })
    local actor = wn.entities("the Syrian Observatory for Human Rights said")[1]
    assert.same({ "org", "monitor" }, { actor.kind, actor.class })
  end)

  it("knows when roles were held (Medvedev was president until May 2012)", function()
    local gz = gazetteer.default()
    local m = gz:match("Dmitry Medvedev")[1]
    assert.equal("President of Russia", gazetteer.role_at(m, "2012-02-08").title)
    assert.equal("Prime Minister of Russia", gazetteer.role_at(m, "2012-06-05").title)
    local putin = gz:match("Vladimir Putin")[1]
    assert.equal("Prime Minister of Russia", gazetteer.role_at(putin, "2012-02-08").title)
    assert.equal("President of Russia", gazetteer.role_at(putin, "2012-06-05").title)
  end)

  it("loads every bundled data module as plain data", function()
    for _, mod in ipairs{ "wirenews.data.places", "wirenews.data.actors",
                          "wirenews.data.people", "wirenews.data.variants" } do
      assert.is_table(require(mod))
    end
    local gz = gazetteer.default()
    assert.is_true(#gz > 3000)
    assert.is_true(gz:memory() > 0)
    local classes = {}
    for _, e in ipairs(require("wirenews.data.actors")) do classes[e.class] = true end
    for _, c in ipairs{ "state_military", "non_state_armed", "jihadist", "civilian",
                        "monitor", "international", "media" } do
      assert.is_true(classes[c], c)
    end
  end)
end)
