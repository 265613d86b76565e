local wn = require("wirenews")
local counts = require("wirenews.counts")
local numbers = require("wirenews.numbers")
local testdata = require("support.testdata")

-- The single count of a text.
local function one(text)
  local cs = wn.counts(text)
  assert.equal(1, #cs, "expected one count in: " .. text)
  return cs[1]
end

local function brief(c)
  return {c.text, c.value, c.qualifier, c.low, c.high}
end

describe("counts: qualifiers", function()
  it("reads each qualifier with its default low/high", function()
    assert.same({"at least 47", 47, "at_least", 47, nil}, brief(one("at least 47 people")))
    assert.same({"no fewer than 5", 5, "at_least", 5, nil}, brief(one("no fewer than 5 people")))
    assert.same({"more than 800", 800, "more_than", 801, nil}, brief(one("more than 800 civilians")))
    assert.same({"upwards of 90", 90, "more_than", 91, nil}, brief(one("upwards of 90 dead")))
    assert.same({"As many as 2,400", 2400, "at_most", nil, 2400}, brief(one("As many as 2,400 died")))
    assert.same({"up to 20", 20, "at_most", nil, 20}, brief(one("up to 20 people")))
    assert.same({"fewer than 10", 10, "less_than", nil, 9}, brief(one("fewer than 10 people")))
    assert.same({"nearly 30", 30, "nearly", nil, 29}, brief(one("nearly 30 combatants")))
    assert.same({"just under 50", 50, "nearly", nil, 49}, brief(one("just under 50 dead")))
    assert.same({"an estimated 300", 300, "about", nil, nil}, brief(one("an estimated 300 refugees")))
    assert.same({"some 300", 300, "about", nil, nil}, brief(one("some 300 refugees")))
    assert.same({"47", 47, "exact", 47, 47}, brief(one("47 people")))
  end)

  it("prefers the longest qualifier", function()
    assert.same({"no more than 5", 5, "at_most", nil, 5}, brief(one("no more than 5 people")))
  end)

  it("reads vague quantities, with and without a qualifier", function()
    assert.same({"thousands of", 1000, "vague", 1000, nil}, brief(one("thousands of lives")))
    assert.same({"tens of thousands of", 10000, "vague", 10000, nil},
                brief(one("tens of thousands of people")))
    assert.same({"more than a dozen", 12, "more_than", 13, nil},
                brief(one("more than a dozen soldiers")))
  end)

  it("reads postfix qualifiers", function()
    assert.same({"20 or more", 20, "at_least", 20, nil}, brief(one("20 or more people")))
    assert.same({"50 or so", 50, "about", nil, nil}, brief(one("50 or so people")))
  end)

  it("ignores a qualifier word with no number after it", function()
    assert.same({"5", 5, "exact", 5, 5}, brief(one("Over the weekend 5 died")))
  end)

  it("lets users add qualifier phrases", function()
    table.insert(counts.qualifiers.at_least, "not fewer than")
    counts.compile()
    assert.same({"not fewer than 7", 7, "at_least", 7, nil}, brief(one("not fewer than 7 people")))
    table.remove(counts.qualifiers.at_least)
    counts.compile()
  end)
end)

describe("counts: ranges and hedged upper figures", function()
  it("reads ranges with their low and high ends", function()
    for _, t in ipairs{"between 10 and 15", "10 to 15", "10-15"} do
      local c = one(t .. " people")
      assert.same({t, 10, "at_least", 10, 15}, brief(c))
      assert.is_true(c.range)
    end
    assert.same({"two or three", 2, "at_least", 2, 3}, brief(one("two or three soldiers")))
  end)

  it("gives a range the kind of its second end", function()
    assert.same({}, wn.counts("for three to four days"))
    assert.same({}, wn.counts("10 to 15 km away"))
  end)

  it("does not read a change 'from 30 to 47' as a range", function()
    assert.equal(2, #wn.counts("the toll rose from 30 to 47"))
  end)

  it("does not read a list joined by 'and' as a range", function()
    local cs = wn.counts("10 regime loyalists and 18 opposition fighters, including 13 extremists")
    assert.same({{"10", 10, "exact", 10, 10}, {"18", 18, "exact", 18, 18},
                 {"13", 13, "exact", 13, 13}},
                {brief(cs[1]), brief(cs[2]), brief(cs[3])})
  end)

  it("takes a hedged upper figure as the high end", function()
    local cs = wn.counts("at least 10 people were killed and possibly as many as 20, activists said.")
    assert.equal(1, #cs)
    assert.same({"at least 10", 10, "at_least", 10, 20}, brief(cs[1]))
    assert.equal("and possibly as many as 20", cs[1].upper.text)
  end)

  it("follows the configurable low/high policy", function()
    local saved = counts.policy.about_band
    counts.policy.about_band = 0.1
    assert.same({"about 100", 100, "about", 90, 110}, brief(one("about 100 people")))
    counts.policy.about_band = saved
    counts.policy.range_value = "high"
    assert.equal(15, one("10-15 people").value)
    counts.policy.range_value = "low"
  end)
end)

describe("counts: what is never a count", function()
  it("skips years, dates, durations, ordinals, attributives, money and percentages", function()
    local text = "In 2011, on May 25 and February 8, for 15 months, the fifth day, " ..
                 "the 11-year rule, a six-country council, (2nd-R), $5 million, 25 percent, " ..
                 "the last five decades, at 10:30"
    assert.same({}, wn.counts(text))
  end)
end)

describe("counts: the rule-engine entry points", function()
  local text = "Clashes killed at least 92 soldiers and 13 rebels."
  local nums = numbers.numbers(text)

  it("answers whether a count starts at a byte and where it ends", function()
    local c = counts.at(text, nums, 16)
    assert.same({"at least 92", 16, 26}, {c.text, c.start, c.stop})
    assert.is_nil(counts.at(text, nums, 17))       -- inside a word
    assert.equal("92", counts.at(text, nums, 25).text)
    assert.equal("13", counts.at(text, nums, 41).text)
    assert.is_nil(counts.at(text, nums, 1))
  end)

  it("reads the counts of an existing token array", function()
    local cs, nums2 = counts.from_tokens(text, wn.tokens(text))
    assert.same(wn.counts(text), cs)
    assert.equal(2, #nums2)
  end)

  it("lists the counts of a sentence span only", function()
    local cs = counts.in_span(text, nums, 36, #text)
    assert.equal(1, #cs)
    assert.equal(13, cs[1].value)
  end)
end)

-- Every count of the seed articles, with value and qualifier.
describe("counts: seed articles", function()
  local function counts_of(name)
    local text = testdata.read("examples/articles/" .. name)
    local got = {}
    for _, c in ipairs(wn.counts(text)) do
      got[#got + 1] = {c.text, c.value, c.qualifier}
    end
    return got
  end

  it("finds every count of article 000 and nothing else", function()
    assert.same({
      {"four", 4, "exact"}, {"several", 3, "vague"}, {"two", 2, "exact"},
      {"at least 92", 92, "at_least"}, {"at least 35", 35, "at_least"},
      {"thousands of", 1000, "vague"}, {"more than 100", 100, "more_than"},
      {"As many as 2,400", 2400, "at_most"},
      {"more than 13,500", 13500, "more_than"},
    }, counts_of("000_db5a172c2a9d69bb.txt"))
  end)

  it("finds every count of article 001 and nothing else", function()
    assert.same({
      {"nearly 30", 30, "nearly"}, {"10", 10, "exact"}, {"18", 18, "exact"},
      {"13", 13, "exact"}, {"three million", 3000000, "exact"},
      {"more than 800", 800, "more_than"}, {"400,000", 400000, "exact"},
      {"more than 370,000", 370000, "more_than"}, {"millions", 1000000, "vague"},
    }, counts_of("001_bf672c9905f723ec.txt"))
  end)

  it("finds every count of article 002 and nothing else", function()
    local once = {
      {"several", 3, "vague"}, {"at least 47", 47, "at_least"},
      {"four", 4, "exact"}, {"18", 18, "exact"},
    }
    local twice = {}
    for _, c in ipairs(once) do twice[#twice + 1] = c end
    for _, c in ipairs(once) do twice[#twice + 1] = c end
    assert.same(twice, counts_of("002_e305a3e3bd9f1704.txt"))
  end)

  it("kinds the non-count numbers of the seeds", function()
    local text = testdata.read("examples/articles/000_db5a172c2a9d69bb.txt") ..
                 testdata.read("examples/articles/001_bf672c9905f723ec.txt") ..
                 testdata.read("examples/articles/002_e305a3e3bd9f1704.txt")
    local kinds = {}
    local nums = wn.numbers(text)
    for i = 1, #nums do kinds[nums[i].text] = nums[i].kind end
    assert.same({
      ["12"] = "date", ["25"] = "date", ["8"] = "date", ["15"] = "duration",
      three = "duration", fifth = "ordinal", ["11-year"] = "attributive",
      ["six-country"] = "attributive", ["2nd-R"] = "position",
      ["2011"] = "year", five = "duration",
    }, {
      ["12"] = kinds["12"], ["25"] = kinds["25"], ["8"] = kinds["8"],
      ["15"] = kinds["15"], three = kinds["three"], fifth = kinds["fifth"],
      ["11-year"] = kinds["11-year"], ["six-country"] = kinds["six-country"],
      ["2nd-R"] = kinds["2nd-R"], ["2011"] = kinds["2011"], five = kinds["five"],
    })
  end)
end)

describe("counts: bad input", function()
  it("gives sensible counts for malformed numbers", function()
    assert.same({}, wn.counts("1,2,3,4"))          -- list items, not counts
    assert.same({}, wn.counts("999999999999999999999 1e400"))
    assert.same({"5", 5, "exact", 5, 5}, brief(one("--5")))
    assert.equal(3, #wn.counts("one one one"))
    assert.same({}, wn.counts(""))
  end)
end)
