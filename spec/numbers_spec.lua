local wn = require("wirenews")
local numbers = require("wirenews.numbers")
local testdata = require("support.testdata")

-- The numbers of a text as {text, value, kind} triples, for assert.same.
local function found(text)
  local out = {}
  local nums = wn.numbers(text)
  for i = 1, #nums do
    local r = nums[i]
    out[#out + 1] = {r.text, r.value, r.kind}
  end
  return out
end

local function only(text)
  local nums = wn.numbers(text)
  assert.equal(1, #nums, "expected one number in " .. text)
  return nums[1]
end

describe("numbers: digits", function()
  it("reads thousands separators and decimals", function()
    assert.same({{"13,500", 13500, "cardinal"}, {"5.93", 5.93, "cardinal"}},
                found("13,500 and 5.93"))
    assert.equal(0.77, only(".77").value)
    assert.equal(100000, only("100,000.0").value)
  end)

  it("multiplies digits by scale words and suffixes", function()
    assert.equal(3500000, only("3.5 million").value)
    assert.equal(2400000000, only("2.4bn").value)
    assert.equal(400000, only("400K").value)
    assert.equal(5930000, only("5.93 mln").value)
    assert.equal(1200000, only(".0012G").value)
    assert.equal(3000000, only("30 lakh").value)
  end)

  it("keeps a range with its upper end", function()
    local r = only("10-15")
    assert.equal(10, r.value)
    assert.equal(15, r.high)
    assert.is_true(r.range)
    r = only("10-15 thousand")
    assert.same({10000, 15000}, {r.value, r.high})
  end)

  it("reads signs only where they are signs", function()
    assert.equal(-504, only("-504").value)
    assert.equal(-1200000, only("minus 1,200,000").value)
    assert.same({{"10", 10, "cardinal"}, {"15", 15, "cardinal"}},
                found("10 - 15"))
    assert.equal(5, only("--5").value)
  end)

  it("reads fractions written with a slash", function()
    local r = only("3/15")
    assert.equal("fraction", r.kind)
    assert.equal(0.2, r.value)
  end)
end)

describe("numbers: words", function()
  it("reads number words with hyphens and 'and'", function()
    assert.equal(28, only("twenty-eight").value)
    assert.equal(320, only("three hundred and twenty").value)
    assert.equal(721012, only("seven hundred twenty-one thousand and twelve").value)
    assert.equal(3000000, only("three million").value)
    assert.equal(2500000, only("two and a half million").value)
  end)

  it("reads 'point' decimals and Indian scales", function()
    assert.equal(2200000, only("two point two million").value)
    assert.equal(31256721,
      only("three crore twelve lakh fifty-six thousand seven hundred twenty-one").value)
  end)

  it("does not read the pronoun 'no one' as a number", function()
    assert.same({}, found("No one was hurt"))
    assert.same({{"one", 1, "cardinal"}}, found("one of the soldiers"))
  end)

  it("keeps unrelated number words apart", function()
    assert.same({{"one", 1, "cardinal"}, {"one", 1, "cardinal"},
                 {"one", 1, "cardinal"}}, found("one one one"))
  end)

  it("joins a number broken across lines but not across paragraphs", function()
    assert.equal(300, only("three\nhundred").value)
    assert.same({{"three", 3, "cardinal"}}, found("three\n\nhundred"))
  end)

  it("merges a number glossed in brackets", function()
    local r = only("forty-five (45)")
    assert.equal(45, r.value)
    assert.is_true(r.gloss)
  end)
end)

describe("numbers: vague quantities", function()
  it("codes vague words with the policy figures", function()
    assert.same({{"dozens of", 12, "vague"}}, found("dozens of"))
    assert.same({{"tens of thousands", 10000, "vague"}}, found("tens of thousands"))
    assert.same({{"hundreds of thousands of", 100000, "vague"}},
                found("hundreds of thousands of"))
    assert.same({{"a handful of", 3, "vague"}}, found("a handful of"))
    assert.same({{"several hundred", 300, "vague"}}, found("several hundred"))
    assert.same({{"a couple of hundred", 200, "vague"}}, found("a couple of hundred"))
    assert.same({{"a few dozen", 36, "vague"}}, found("a few dozen"))
    assert.same({{"millions", 1000000, "vague"}}, found("millions"))
  end)

  it("reads a number before a vague noun as exact", function()
    assert.same({{"two dozen", 24, "cardinal"}}, found("two dozen"))
    assert.same({{"three thousands", 3000, "cardinal"}}, found("three thousands"))
  end)

  it("lets a parser change the coding policy without touching others", function()
    local p = numbers.new_parser({dozens = 24, many = 10})
    local nums = numbers.numbers("dozens of them, many more", p)
    assert.equal(24, nums[1].value)
    assert.equal(10, nums[2].value)
    assert.equal(12, wn.numbers("dozens of")[1].value)
    assert.is_nil(numbers.new_parser({three = 4}))
  end)

  it("sets a figure in the default policy", function()
    assert.is_true(numbers.set_vague("scores", 25))
    assert.equal(25, wn.numbers("scores of")[1].value)
    assert.is_true(numbers.set_vague("scores", 20))
    local ok, err = numbers.set_vague("three", 4)
    assert.is_nil(ok)
    assert.matches("not a vague", err)
  end)
end)

describe("numbers: kinds that are never counts", function()
  it("tells years apart", function()
    assert.equal("year", only("in 2011").kind)
    assert.equal("year", only("1987").kind)
    assert.equal("year", only("the 1990s").kind)
    assert.same({"year", 1986, 1987}, {only("1986/87").kind, only("1986/87").value,
                                       only("1986/87").high})
    assert.equal("cardinal", only("more than 2000").kind)
  end)

  it("tells days of the month next to a month name", function()
    for _, t in ipairs{"May 25", "April 12", "February 8", "8 Feb", "25th May"} do
      assert.equal("date", only(t).kind, t)
    end
    assert.equal("cardinal", only("may 25").kind)
  end)

  it("tells clock times", function()
    assert.same({"time", 1030}, {only("10:30").kind, only("10:30").value})
    assert.equal(1500, only("3 pm").value)
    assert.equal(1500, only("3pm").value)
    assert.equal("time", only("0900 GMT").kind)
  end)

  it("tells durations, attributive compounds and photo positions", function()
    assert.equal("duration", only("15 months").kind)
    assert.equal("duration", only("three days").kind)
    assert.equal("duration", only("the last five decades").kind)
    assert.equal("attributive", only("11-year rule").kind)
    assert.equal("attributive", only("six-country council").kind)
    assert.equal("attributive", only("15-month").kind)
    assert.equal("position", only("(2nd-R)").kind)
  end)

  it("tells ordinals and fractions", function()
    assert.same({"ordinal", 5}, {only("the fifth day").kind, only("the fifth day").value})
    assert.equal(21, only("21st").value)
    assert.equal("fraction", only("half").kind)
    assert.equal(1 / 3, only("a third of").value)
    assert.equal("ordinal", only("a third attack").kind)
    assert.equal(2 / 3, only("two thirds").value)
    assert.same({"fraction", 2 / 3}, {only("two-thirds of").kind, only("two-thirds of").value})
    assert.equal(0.2, only("one-fifth").value)
  end)

  it("flags money and percentages", function()
    assert.is_true(only("$5 million").money)
    assert.is_true(only("5 mln dlrs").money)
    assert.is_true(only("20 euros").money)
    assert.is_true(only("5%").percent)
    assert.is_true(only("5.2 pct").percent)
    assert.is_true(only("12 per cent").percent)
  end)

  it("kinds measures", function()
    assert.equal("measure", only("5 km").kind)
    assert.equal("measure", only("155mm").kind)
  end)
end)

describe("numbers: bad input", function()
  it("splits a badly grouped list into its items", function()
    assert.same({{"1", 1, "cardinal"}, {"2", 2, "cardinal"}, {"3", 3, "cardinal"},
                 {"4", 4, "cardinal"}}, found("1,2,3,4"))
    assert.is_true(wn.numbers("1,2,3,4")[2].list)
  end)

  it("marks digits beyond a double's precision or range", function()
    local r = only("999999999999999999999")
    assert.is_true(r.inexact)
    assert.near(1e21, r.value, 1e6)
    r = only("1e400")
    assert.is_true(r.overflow)
    assert.equal(math.huge, r.value)
  end)

  it("survives a megabyte of digits", function()
    local r = only(string.rep("7", 1 << 20))
    assert.is_true(r.overflow)
    assert.equal(1 << 20, r.stop)
  end)

  it("flags a vague composition that grows beyond a double", function()
    local r = only("tens" .. string.rep(" of thousands", 120))
    assert.is_true(r.overflow)
    assert.equal("vague", r.kind)
  end)

  it("does not multiply repeated scales", function()
    assert.same({{"one million one", 1000001, "cardinal"}},
                found("one million one million"))
    assert.same({{"three million", 3000000, "cardinal"}}, found("three million million"))
  end)

  it("survives a megabyte of fraction digits", function()
    local r = only("0." .. string.rep("0", 1 << 20) .. "1")
    assert.equal(0, r.value)
  end)

  it("gives nothing for text without numbers, and for empty text", function()
    assert.equal(0, #wn.numbers(""))
    assert.equal(0, #wn.numbers("no numbers here, a plan B"))
  end)

  it("keeps going past invalid UTF-8", function()
    assert.same({{"12", 12, "cardinal"}}, found("\xff\xfe 12 \xc3"))
  end)
end)

describe("numbers: the Numbers userdata", function()
  local text = "at least 92 soldiers and 13,500 people"
  local nums = wn.numbers(text)

  it("indexes records lazily and in bulk", function()
    assert.equal(2, #nums)
    assert.same(nums[2], nums:records()[2])
    assert.same({92, 13500}, nums:column("value"))
    assert.equal("13,500", text:sub(nums[2].start, nums[2].stop))
    assert.is_nil(nums[3])
  end)

  it("finds a number by its start byte and by a byte span", function()
    assert.equal(2, nums:find(26))
    assert.is_nil(nums:find(27))
    assert.same({1, 1}, {nums:within(1, 20)})
    local a, b = nums:within(30, 40)
    assert.is_true(b < a)
  end)

  it("reads without tables through at()", function()
    local s, e, v, k = nums:at(1)
    assert.same({10, 11, 92, "cardinal"}, {s, e, v, k})
  end)

  it("is computed from an existing token array", function()
    local toks = wn.tokens(text)
    local again = numbers.from_tokens(toks)
    assert.same(nums:records(), again:records())
    assert.equal(3, again[1].first)
    assert.equal("92", toks:text(again[1].first))
  end)

  it("closes idempotently and says so", function()
    local n2 = wn.numbers("one")
    assert.matches("1 numbers", tostring(n2))
    n2:close()
    n2:close()
    assert.matches("closed", tostring(n2))
    assert.equal(0, #n2)
    assert.has_error(function() n2:get(1) end)
  end)

  it("raises on wrong argument types", function()
    assert.has_error(function() numbers.from_tokens("text") end)
    assert.has_error(function() nums:find("x") end)
  end)
end)

-- Duckling's corpus: the whole phrase must give exactly one number that
-- covers it, with that value (and kind ordinal for the ordinals).
local function conformance(rel, want_ordinal)
  local rows = testdata.jsonl(rel)
  local pass, fails = 0, {}
  for _, row in ipairs(rows) do
    local nums = wn.numbers(row.text)
    local r = #nums == 1 and nums[1]
    local tol = 1e-9 * math.max(1, math.abs(row.value))
    if r and r.start == 1 and r.stop == #row.text and
       math.abs(r.value - row.value) <= tol and
       (r.kind == "ordinal") == want_ordinal then
      pass = pass + 1
    else
      fails[#fails + 1] = row.text
    end
  end
  local rate = pass / #rows
  print(string.format("\n%s: %d/%d pass (%.1f%%); failing: %s", rel, pass,
                      #rows, 100 * rate, table.concat(fails, " | ")))
  return rate
end
local it_with = testdata.it_with(it, pending)

describe("numbers: Duckling conformance", function()
  it_with("duckling_numbers/numbers.jsonl")(
    "reads 98% or more of the cardinal corpus", function()
      assert.is_true(conformance("duckling_numbers/numbers.jsonl", false) >= 0.98)
    end)
  it_with("duckling_numbers/ordinals.jsonl")(
    "reads 98% or more of the ordinal corpus", function()
      assert.is_true(conformance("duckling_numbers/ordinals.jsonl", true) >= 0.98)
    end)
end)
