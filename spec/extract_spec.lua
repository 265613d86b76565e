-- End to end on the seed articles, compared field by field with the
-- expected outputs in spec/fixtures/golden/ (written by reading the
-- articles).  Every counted event must be there, and no other.
local wn = require("wirenews")
local json = require("wirenews.json")
local support = require("spec.support.testdata")

local SEEDS = {"000_db5a172c2a9d69bb", "001_bf672c9905f723ec", "002_e305a3e3bd9f1704"}

local function read_article(name)
  return support.read("examples/articles/" .. name .. ".txt")
end

local function is_null(v) return v == nil or v == json.null end

local function describe_event(ev)
  local c = ev.count
  return string.format("%s %s %s (rule %s, %d-%d)", ev.kind,
    is_null(c) and "-" or (c.qualifier .. " " .. tostring(c.value)),
    is_null(ev.victim) and "" or ev.victim, ev.rule, ev.start, ev.stop)
end

for _, name in ipairs(SEEDS) do
  describe("extract on seed " .. name, function()
    local golden = dofile("spec/fixtures/golden/" .. name .. ".lua")
    local text = read_article(name)
    local rec = wn.extract(text, {id = name .. ".txt"})

    local counted, position = {}, {}
    for i, ev in ipairs(rec.events) do
      if not is_null(ev.count) then
        counted[#counted + 1] = ev
        position[i - 1] = #counted          -- 0-based event index -> counted position
      end
    end

    it("finds exactly the expected counted events, in order", function()
      local got = {}
      for _, ev in ipairs(counted) do got[#got + 1] = describe_event(ev) end
      assert.equal(#golden.counted, #counted, "counted events:\n  " .. table.concat(got, "\n  "))
    end)

    for k, want in ipairs(golden.counted) do
      it(string.format("event %d: %s %s %s", k, want.kind, want.qualifier, tostring(want.value)), function()
        local ev = counted[k]
        assert.is_not_nil(ev, "missing counted event " .. k)
        assert.equal(want.kind, ev.kind)
        assert.equal(want.value, ev.count.value)
        assert.equal(want.qualifier, ev.count.qualifier)
        if want.low then assert.equal(want.low, ev.count.low) end
        if want.high then assert.equal(want.high, ev.count.high) end
        if want.victim then assert.equal(want.victim, ev.victim) end
        if want.victim_class then assert.equal(want.victim_class, ev.victim_class) end
        if want.place_text then
          assert.is_false(is_null(ev.place), "no place")
          assert.equal(want.place_text, ev.place.text)
        end
        if want.place_inferred_text then
          assert.is_false(is_null(ev.place_inferred), "no inferred place")
          assert.equal(want.place_inferred_text, ev.place_inferred.text)
        end
        if want.time then
          assert.is_false(is_null(ev.time), "no time")
          assert.matches(want.time, ev.time.text, 1, true)
        end
        if want.source then
          assert.is_false(is_null(ev.source), "no source")
          assert.equal(want.source, ev.source.name)
        end
        assert.equal(want.cumulative, ev.cumulative)
        if want.unconfirmed ~= nil then assert.equal(want.unconfirmed, ev.unconfirmed) end
        if want.part_of then
          assert.equal(want.part_of, position[ev.part_of], "part_of")
        else
          assert.is_true(is_null(ev.part_of), "unexpected part_of")
        end
        -- every record carries its span, sentence and rule
        assert.equal(text:sub(ev.start, ev.stop):lower(), text:sub(ev.start, ev.stop):lower())
        assert.is_true(ev.start >= 1 and ev.stop <= #text and ev.start <= ev.stop)
        assert.is_string(ev.rule)
        assert.truthy(text:find(ev.sentence, 1, true))
        assert.equal(ev.count.text, text:sub(ev.count.start, ev.count.stop))
      end)
    end

    it("finds the expected events without counts", function()
      for _, want in ipairs(golden.uncounted) do
        local found = false
        for _, ev in ipairs(rec.events) do
          if is_null(ev.count) and ev.kind == want.kind and
             (want.subtype == nil or ev.subtype == want.subtype) and
             (want.place_text == nil or (not is_null(ev.place) and ev.place.text == want.place_text)) then
            found = true
          end
        end
        assert.is_true(found, "no " .. want.kind .. " event" ..
          (want.place_text and (" at " .. want.place_text) or "") .. (want.subtype and (" (" .. want.subtype .. ")") or ""))
      end
    end)

    it("sets aside exactly the expected paragraphs", function()
      assert.equal(#golden.removed, #rec.removed)
      for k, want in ipairs(golden.removed) do
        local r = rec.removed[k]
        assert.equal(want.kind, r.kind)
        assert.equal(want.text, r.text:sub(1, #want.text))
        assert.equal(r.text, text:sub(r.start, r.stop))
      end
    end)

    it("parses the dateline", function()
      if golden.dateline then
        assert.equal(golden.dateline.place, rec.dateline.place)
      else
        assert.is_true(is_null(rec.dateline))
      end
    end)

    it("finds the quotes with their speakers", function()
      for _, want in ipairs(golden.quotes) do
        local found
        for _, q in ipairs(rec.quotes) do
          if q.text:sub(1, #want.text) == want.text then found = q end
        end
        assert.is_not_nil(found, "quote not found: " .. want.text)
        assert.equal(want.speaker, found.speaker)
        assert.truthy(text:sub(found.start, found.stop):find(found.text, 1, true))
      end
    end)

    it("gives byte-identical output on a second run", function()
      local again = wn.extract(text, {id = name .. ".txt"})
      assert.equal(json.encode(rec), json.encode(again))
    end)
  end)
end
