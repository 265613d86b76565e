-- wn.extract on hostile input: sensible results, nothing lost, bounded
-- output.  (Time at 1x and 10x size is measured by bench/scaling.lua.)
local wn = require("wirenews")

local function kept_bytes_ok(text, rec)
  for _, r in ipairs(rec.removed) do
    assert.equal(r.text, text:sub(r.start, r.stop))
  end
  for _, ev in ipairs(rec.events) do
    assert.is_true(ev.start >= 1 and ev.stop <= #text and ev.start <= ev.stop)
  end
end

describe("extract on hostile input", function()
  it("handles one sentence with thousands of events, with a bounded sentence field", function()
    local text = string.rep("Four people were killed in Homs and ", 3000)
    local rec = wn.extract(text)
    assert.equal(3000, #rec.events)
    local ev = rec.events[1500]
    assert.is_true(ev.sentence_truncated)
    assert.is_true(#ev.sentence <= 2000 + 200)
    assert.truthy(text:find(ev.sentence, 1, true))
    assert.equal(1, ev.sentence_start)
    kept_bytes_ok(text, rec)
  end)

  it("handles a long conjunct chain", function()
    local text = "Shelling killed " .. string.rep("4 people and ", 2000) .. "5 soldiers."
    local rec = wn.extract(text)
    local killed = 0
    for _, ev in ipairs(rec.events) do if ev.kind == "killed" then killed = killed + 1 end end
    assert.equal(2001, killed)
    kept_bytes_ok(text, rec)
  end)

  it("handles deeply nested quotes and brackets", function()
    local text = string.rep("(\"[", 5000) .. "Two soldiers were killed." .. string.rep("]\")", 5000)
    local rec = wn.extract(text)
    assert.equal(1, #rec.events)
    kept_bytes_ok(text, rec)
  end)

  it("handles thousands of quotes in one paragraph", function()
    local text = string.rep('"We will fight," he said. ', 3000)
    local rec = wn.extract(text)
    assert.equal(3000, #rec.quotes)
  end)

  it("does not report a number with 100,000 digits (an overflow) as a count", function()
    local rec = wn.extract(string.rep("9", 100000) .. " people were killed.")
    assert.same({}, rec.events)
    assert.matches('"events":%[%]', require("wirenews.json").encode(rec))
  end)

  it("handles a document that is all duplicates", function()
    local text = string.rep("Five soldiers were killed in Idlib.\n\n", 1000)
    local rec = wn.extract(text)
    assert.equal(1, #rec.events)
    assert.equal(999, #rec.removed)
  end)

  it("handles Windows line ends, NUL bytes and invalid UTF-8", function()
    local text = "DAMASCUS - Four civilians\0 were killed.\r\n\r\nTwo soldiers were killed \255\254 in Homs.\r\n"
    local rec = wn.extract(text)
    assert.equal("Damascus", rec.dateline.place)
    -- a NUL inside "civilians were killed" breaks that phrase; the bad
    -- bytes after "killed" do not break the second one
    assert.equal(1, #rec.events)
    assert.equal(2, rec.events[1].count.value)
    assert.is_table(rec.warnings.invalid_utf8)
    kept_bytes_ok(text, rec)
  end)

  it("rejects a malformed article date clearly", function()
    local ok, err = pcall(wn.extract, "Four people were killed on Monday.", {date = "2012-13-45"})
    assert.is_false(ok)
    assert.matches("YYYY%-MM%-DD", err)
  end)
end)
