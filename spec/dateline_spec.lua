local dateline = require("wirenews.dateline")
local testdata = require("spec.support.testdata")
local it_with = testdata.it_with(it, pending)

describe("dateline", function()
  local function parse(s, opts) return dateline.parse(s, opts) end

  it("reads a bare capitalised place before a dash", function()
    local d = parse("DAMASCUS - The Syrian army went on")
    assert.same({"Damascus", "DAMASCUS", 1, 10, 1, 8},
      {d.place, d.place_text, d.start, d.stop, d.place_start, d.place_stop})
    assert.is_nil(d.date)
    assert.is_nil(d.agency)
    assert.equal(12, d.body_start)
  end)

  it("reads place, month, day and agency in the Reuters form", function()
    local d = parse("BEIRUT, June 5 (Reuters) - Syrian forces")
    assert.same({"Beirut", 6, 5, "--06-05", "Reuters"},
      {d.place, d.month, d.day, d.date, d.agency})
    assert.equal("BEIRUT, June 5 (Reuters) -", ("BEIRUT, June 5 (Reuters) - S"):sub(d.start, d.stop))
    d = parse("BEIRUT Nov 5 (Reuters) - x")
    assert.same({"Beirut", "--11-05", "Reuters"}, {d.place, d.date, d.agency})
  end)

  it("keeps a year written in the dateline", function()
    local d = parse("Beirut, Feb 8, 2012 (AFP) - x")
    assert.same({"Beirut", "2012-02-08", "AFP"}, {d.place, d.date, d.agency})
    d = parse("SAN SALVADOR, 3 JAN 90 (RADIO CADENA YSKL) -- x")
    assert.same({"San Salvador", "1990-01-03", "RADIO CADENA YSKL"}, {d.place, d.date, d.agency})
  end)

  it("accepts an em dash and an agency with no date", function()
    local s = "BEIRUT (AP) \226\128\148 Fighting raged"
    local d = parse(s)
    assert.same({"Beirut", "AP"}, {d.place, d.agency})
    assert.equal("BEIRUT (AP) \226\128\148", s:sub(d.start, d.stop))
  end)

  it("reads the Reuters-21578 forms: indents, regions, odd months, no space before the dash", function()
    local d = parse("    PORTLAND, Ore., Feb 26 - ")
    assert.same({"Portland", "Ore.", "--02-26", 5}, {d.place, d.region, d.date, d.start})
    d = parse("ST. PAUL, Minn., MArch 3 -\n    Shares")
    assert.same({"St. Paul", "Minn.", "--03-03"}, {d.place, d.region, d.date})
    assert.same({"--02-26", "--10-12", "--02-01"},
      {parse("CHICAGO, FEb 26- x").date, parse("TOKYO, Oct. 12 - x").date,
       parse("    CHICAGO,\n Feb 1 -\n    ").date})
    d = parse("    KANSAS CITY, Mo. - March 13 - ")
    assert.same({"Kansas City", "--03-13"}, {d.place, d.date})
    assert.equal("--03-13", parse("    ****WASHINGTON, March 13 - ").date)
  end)

  it("reads the FBIS forms of MUC-4: a country in brackets, NO DATE", function()
    local d = parse("ROME (ITALY), 28 APR 89 (ANSA) -- [TEXT] THE ROME")
    assert.same({"Rome", "ITALY", "1989-04-28", "ANSA"}, {d.place, d.region, d.date, d.agency})
    d = parse("MAPUTO (MOZAMBIQUE), NO DATE (DOMESTIC SERVICE) -- [REPORT]")
    assert.same({"Maputo", "MOZAMBIQUE", "DOMESTIC SERVICE"}, {d.place, d.region, d.agency})
    assert.is_nil(d.date)
  end)

  it("uses the article date for the year, stepping back over a new year", function()
    assert.equal("1987-02-26", parse("CHICAGO, Feb 26 - ", {date = "1987-02-27"}).date)
    assert.equal("1986-12-31", parse("CHICAGO, Dec 31 - ", {date = "1987-01-02"}).date)
  end)

  it("rejects running text, impossible days and over-long candidates", function()
    assert.is_nil(parse("Regime loyalists captured a town - and a village"))
    assert.is_nil(parse("BOSTON, Feb 31 - x").date)
    assert.is_nil(parse(("A"):rep(200) .. " - x"))
    assert.is_nil(parse(""))
  end)

  it("links the place through a gazetteer given as a function or an object", function()
    local fake = {Damascus = {name = "Damascus", id = "geo:sy-damascus"}}
    local d = parse("DAMASCUS - x", {gazetteer = function(name) return fake[name] end})
    assert.equal("geo:sy-damascus", d.gazetteer.id)
    assert.equal("geo:sy-damascus", d.place_id)
    local obj = {lookup = function(_, name) return fake[name] end}
    assert.equal("geo:sy-damascus", parse("DAMASCUS - x", {gazetteer = obj}).gazetteer.id)
    assert.is_nil(parse("HOMS - x", {gazetteer = obj}).gazetteer)
    assert.is_nil(parse("DAMASCUS - x", {gazetteer = false}).gazetteer)
  end)

  it("links through a gazetteer object with a match method, whole-name matches only", function()
    local obj = {match = function(_, text)
      if text == "Kfar Zita" then return {{start = 1, stop = 9, kind = "place", name = "Kafr Zita", id = "geo:kz"}} end
      return {{start = 1, stop = 4, kind = "place", name = "Homs", id = "geo:homs"}}
    end}
    assert.equal("geo:kz", parse("KFAR ZITA - x", {gazetteer = obj}).place_id)
    assert.is_nil(parse("HOMS CITY - x", {gazetteer = obj}).place_id)
  end)

  if package.searchpath("wirenews.gazetteer", package.path) then
    it("links the seed's DAMASCUS to the bundled gazetteer by default", function()
      local d = parse("DAMASCUS - The Syrian army")
      assert.equal("Damascus", d.gazetteer.name)
      assert.is_not_nil(d.place_id)
    end)
  end

  it("raises on a non-string argument", function()
    assert.has_error(function() dateline.parse(nil) end)
  end)

  -- MUC-4 DEV, TST1 and TST2 only: TST3 and TST4 are held out.
  it_with("muc4/muc4_dev.jsonl")("parses 99% of the MUC-4 DEV/TST1/TST2 datelines", function()
    local n, parsed, dated = 0, 0, 0
    for _, set in ipairs({"muc4/muc4_dev.jsonl", "muc4/muc4_tst1.jsonl", "muc4/muc4_tst2.jsonl"}) do
      for _, rec in ipairs(testdata.jsonl(set) or {}) do
        n = n + 1
        local d = parse(rec.text)
        if d then
          parsed = parsed + 1
          if d.date and d.date:match("^19[89]%d%-%d%d%-%d%d$") then dated = dated + 1 end
        end
      end
    end
    print(string.format("\n  muc4 datelines: %d messages, parsed %.2f%%, with a full date %.2f%%",
      n, 100 * parsed / n, 100 * dated / n))
    assert.is_true(n >= 1500)
    assert.is_true(parsed / n >= 0.99)
    assert.is_true(dated / n >= 0.9)
  end)

  it_with("reuters21578/reuters_datelines.tsv")(
    "parses 99% of the Reuters-21578 datelines, day and month agreeing with the article date", function()
    local MON = {JAN = 1, FEB = 2, MAR = 3, APR = 4, MAY = 5, JUN = 6,
                 JUL = 7, AUG = 8, SEP = 9, OCT = 10, NOV = 11, DEC = 12}
    local unescape = {n = "\n", t = "\t", r = "\r", ["\\"] = "\\"}
    local rows, parsed, dated, exact, near = 0, 0, 0, 0, 0
    local header = true
    for line in io.lines(testdata.path("reuters21578/reuters_datelines.tsv")) do
      if header then header = false else
        local raw, date = line:match("^[^\t]*\t([^\t]*)\t(.*)$")
        raw = raw:gsub("\\(.)", unescape)
        local d, m = date:match("(%d+)%-(%a%a%a)%-")
        d, m = tonumber(d), MON[m]
        rows = rows + 1
        local r = parse(raw)
        if r then
          parsed = parsed + 1
          if r.day then
            dated = dated + 1
            if r.day == d and r.month == m then exact = exact + 1; near = near + 1
            -- The article date is New York time; Asian datelines run a day ahead.
            elseif (r.month == m and math.abs(r.day - d) == 1)
              or (r.day == 1 and d >= 28 and r.month == m % 12 + 1) then
              near = near + 1
            end
          end
        end
      end
    end
    print(string.format(
      "\n  reuters datelines: %d rows, parsed %.2f%%, with a date %d; day+month exact %.2f%%,"
      .. " within one day (time zones) %.2f%%", rows, 100 * parsed / rows, dated,
      100 * exact / dated, 100 * near / dated))
    assert.equal(19043, rows)
    assert.is_true(parsed / rows >= 0.99)
    assert.is_true(near / dated >= 0.98)
    assert.is_true(exact / dated >= 0.97)
  end)
end)
