local times = require("wirenews.times")
local testdata = require("spec.support.testdata")
local duckling = require("spec.support.duckling_times")
local it_with = testdata.it_with(it, pending)

-- The single record found in text, checked to cover exactly `expect`.
local function one(text, expect, opts)
  local recs = times.find(text, opts)
  assert.equal(1, #recs, "records in: " .. text)
  local r = recs[1]
  assert.equal(expect, r.text)
  assert.equal(expect, text:sub(r.start, r.stop))
  assert.is_string(r.rule)
  return r
end

local JUNE5 = {date = "2012-06-05"} -- a Tuesday

describe("times: absolute dates", function()
  it("reads month-day dates, leaning to the past without a year", function()
    assert.equal("2012-02-08", one("Homs on February 8 -- the fifth", "on February 8", JUNE5).value)
    assert.equal("2012-05-25", one("the May 25 massacre", "May 25", JUNE5).value)
    assert.equal("2011-12-30", one("clashes on December 30 killed", "on December 30", {date = "2012-01-03"}).value)
    assert.equal("2012-06-20", one("a vote on June 20", "on June 20", JUNE5).value)
  end)

  it("keeps a written year and reads day-month order", function()
    local r = one("Beirut on June 5, 2012 at", "on June 5, 2012")
    assert.same({"2012-06-05", "date", "day"}, {r.value, r.kind, r.grain})
    assert.equal("2012-02-08", one("as of 8 Feb 2012 the", "8 Feb 2012").value)
    assert.equal("2015-03-03", one("on 2015-03-03 it", "2015-03-03").value)
  end)

  it("reads years after a preposition but not bare counts", function()
    local r = one("protests in 2011.", "in 2011")
    assert.same({"2011", "year"}, {r.value, r.grain})
    assert.same({}, times.find("some 2000 people fled", JUNE5))
  end)

  it("reads months alone only when capitalised", function()
    assert.equal("2012-03", one("talks in March failed", "in March", JUNE5).value)
    assert.same({}, times.find("they may march on the capital", JUNE5))
  end)
end)

describe("times: weekdays and parts of day", function()
  it("resolves a bare weekday to the latest such day on or before the article date", function()
    assert.equal("2012-06-05", one("offensive on Tuesday as", "on Tuesday", JUNE5).value)
    assert.equal("2012-06-03", one("killed since Sunday", "since Sunday", JUNE5).from)
    assert.equal("2012-05-31", one("the council on Thursday", "on Thursday", JUNE5).value)
  end)

  it("takes weekday abbreviations only where a date or the phrase end follows", function()
    assert.same({}, times.find("Sun Co was the first to cut prices", JUNE5))
    assert.same({}, times.find("the poll in the Sun tabloid showed", JUNE5))
    assert.equal("2012-06-01", one("closed Fri., up 5", "Fri.", JUNE5).value)
  end)

  it("follows Duckling's next-weekday convention with lean = future", function()
    assert.equal("2012-06-12", one("on Tuesday", "on Tuesday", {date = "2012-06-05", lean = "future"}).value)
  end)

  it("reads last/next weekdays", function()
    assert.equal("2012-05-29", one("last Tuesday", "last Tuesday", JUNE5).value)
    assert.equal("2012-06-13", one("next Wednesday", "next Wednesday", JUNE5).value)
  end)

  it("reads parts of day alone and with a weekday", function()
    local r = one("four civilians were killed overnight in", "overnight", JUNE5)
    assert.same({"part_of_day", "night", "2012-06-05"}, {r.kind, r.part, r.value})
    r = one("troops at dawn began", "at dawn", JUNE5)
    assert.same({"dawn", "2012-06-05"}, {r.part, r.value})
    r = one("control on Monday morning, the", "on Monday morning", JUNE5)
    assert.same({"weekday", "morning", "2012-06-04"}, {r.kind, r.part, r.value})
    assert.equal("2012-06-04", one("shelling last night", "last night", JUNE5).value)
  end)
end)

describe("times: relative expressions, durations and intervals", function()
  it("resolves yesterday, last month and earlier this week", function()
    assert.equal("2012-06-04", one("said yesterday", "yesterday", JUNE5).value)
    local r = one("killed last month", "last month", JUNE5)
    assert.same({"2012-05", "month"}, {r.value, r.grain})
    r = one("Earlier this week, Moscow", "Earlier this week", {date = "2012-02-08"})
    assert.same({"2012-02-06", "week", "earlier"}, {r.value, r.grain, r.part})
    assert.equal("2018-09", one("deal struck in September last year was", "in September last year", {date = "2019-08-07"}).value)
    assert.equal("2012-05-29", one("one week ago", "one week ago", JUNE5).value)
  end)

  it("keeps 'a day after' unresolved: its anchor is an event", function()
    local r = one("The assault comes a day after Assad promised", "a day after", JUNE5)
    assert.same({"relative", "event", 1}, {r.kind, r.anchor, r.offset})
    assert.is_nil(r.value)
  end)

  it("reads since-intervals up to the article date", function()
    local r = one("civilians since the end of April, the", "since the end of April", {date = "2019-08-07"})
    assert.same({"interval", "2019-04", "2019-08-07", "end"}, {r.kind, r.from, r.to, r.part})
    r = one("protests since March -- Bayadah", "since March", {date = "2012-02-08"})
    assert.equal("2011-03", r.from)
    r = one("killed since the uprising began in 2011.", "since the uprising began in 2011")
    assert.same({"2011", "year"}, {r.from, r.grain})
  end)

  it("does not read the tail of a grouped number as a count", function()
    assert.same({}, times.find("Revs 3,056,000 vs 2,545,000 Year Shr loss 43 cts", JUNE5))
  end)

  it("reads a year after a comma in since-intervals", function()
    assert.equal("1984-10", one("officer since October, 1984.", "since October, 1984").from)
  end)

  it("reads durations as ISO 8601 periods", function()
    assert.same({"duration", "P3D"}, (function(r) return {r.kind, r.value} end)(
      one("After three days of bombardment", "three days")))
    assert.equal("P15M", one("end the 15 months of bloodshed", "15 months").value)
  end)

  it("reads day ranges", function()
    local r = one("talks from July 13 to 15 in Geneva", "from July 13 to 15", JUNE5)
    assert.same({"2012-07-13", "2012-07-15"}, {r.from, r.to})
    r = one("between June 1 and June 3", "between June 1 and June 3", JUNE5)
    assert.same({"2012-06-01", "2012-06-03"}, {r.from, r.to})
  end)
end)

describe("times without an article date", function()
  it("returns relative expressions unresolved, never guessed", function()
    for _, text in ipairs({"on Tuesday", "yesterday", "last month", "February 8", "overnight",
                           "since Sunday", "at dawn", "in March"}) do
      local recs = times.find(text)
      assert.equal(1, #recs, text)
      assert.is_nil(recs[1].value, text)
    end
    assert.equal("--02-08", times.find("February 8")[1].partial)
  end)

  it("takes the article date from a dateline that has a year", function()
    local recs = times.find("Beirut, Feb 8, 2012 (AFP) - Troops shelled Homs on Tuesday.")
    local last = recs[#recs]
    assert.same({"on Tuesday", "2012-02-07"}, {last.text, last.value})
    recs = times.find("BEIRUT, Feb 8 (Reuters) - Troops shelled Homs on Tuesday.")
    assert.is_nil(recs[#recs].value)
  end)

  it("still resolves what is absolute", function()
    assert.equal("2012-06-05", times.find("June 5, 2012")[1].value)
    assert.equal("2011", times.find("in 2011")[1].value)
  end)

  it("rejects a malformed article date and a non-string text", function()
    assert.has_error(function() times.find("on Tuesday", {date = "5 June"}) end)
    assert.has_error(function() times.find(nil) end)
  end)

  it("finds nothing in empty text and limits the search to given spans", function()
    assert.same({}, times.find(""))
    local text = "on Tuesday. Removed caption on Monday."
    local recs = times.find(text, {date = "2012-06-05", spans = {{start = 1, stop = 11}}})
    assert.equal(1, #recs)
    assert.equal("on Tuesday", recs[1].text)
  end)
end)

describe("times conformance (Duckling English corpus)", function()
  it_with("duckling_dates/dates.jsonl")(
    "passes the in-scope categories under both conventions and prints the rates by category", function()
    local by, out_of_scope = duckling.score(testdata.jsonl("duckling_dates/dates.jsonl"))
    duckling.score_intervals(testdata.jsonl("duckling_dates/date_intervals.jsonl"), by)
    local names = {}
    for k in pairs(by) do names[#names + 1] = k end
    table.sort(names)
    local n, past, future = 0, 0, 0
    print(string.format("\n  duckling: %d cases out of scope (clock times, holidays, quarters, numeric forms)", out_of_scope))
    print(string.format("  %-18s %5s %14s %18s", "category", "cases", "news (past)", "duckling (future)"))
    for _, k in ipairs(names) do
      local s = by[k]
      print(string.format("  %-18s %5d %8d %4.0f%% %12d %4.0f%%", k, s.n, s.past,
        100 * s.past / s.n, s.future, 100 * s.future / s.n))
      -- "last N weeks": Duckling aligns to calendar weeks/months, news means
      -- a rolling window ending today; printed, not scored.
      if k ~= "last_next_n" then
        n, past, future = n + s.n, past + s.past, future + s.future
      end
    end
    print(string.format("  scored total: %d cases, news convention %.1f%%, Duckling convention %.1f%%",
      n, 100 * past / n, 100 * future / n))
    assert.is_true(n >= 100)
    assert.is_true(future / n >= 0.95)
    assert.is_true(past / n >= 0.90)
    for _, k in ipairs(names) do
      if k ~= "last_next_n" then assert.is_true(by[k].future / by[k].n >= 0.8, k) end
    end
  end)

  it_with("duckling_dates/dates_negative.jsonl")("finds no time in Duckling's negative cases", function()
    local cases = testdata.jsonl("duckling_dates/dates_negative.jsonl")
    assert.equal(28, #cases)
    for _, c in ipairs(cases) do
      assert.same({}, times.find(c.text, {date = "2013-02-12"}), c.text)
    end
  end)
end)
