-- The default conflict pack, one behaviour per test, on sentences written
-- for these tests (the seed articles are checked in extract_spec.lua).
local wn = require("wirenews")
local json = require("wirenews.json")

local function null(v) return v == nil or v == json.null end

local function events(text, opts)
  return wn.extract(text, opts).events
end

-- The counted events of a text as "kind qualifier value victim" strings.
local function counted(text, opts)
  local out = {}
  for _, ev in ipairs(events(text, opts)) do
    if not null(ev.count) then
      out[#out + 1] = table.concat({ev.kind, ev.count.qualifier, tostring(ev.count.value),
        null(ev.victim) and "-" or ev.victim}, " ")
    end
  end
  return out
end

local function first_of(text, kind)
  for _, ev in ipairs(events(text)) do if ev.kind == kind then return ev end end
end

describe("default conflict rules", function()
  describe("casualties", function()
    it("reads the passive 'were killed'", function()
      assert.same({"killed exact 12 civilians"}, counted("Twelve civilians were killed in Aleppo."))
    end)

    it("reads the active 'the clashes killed'", function()
      assert.same({"killed exact 10 soldiers"}, counted("The clashes killed 10 soldiers near Homs."))
    end)

    it("reads 'claimed at least 35 lives'", function()
      assert.same({"killed at_least 35 lives"}, counted("The violence claimed at least 35 lives on Monday."))
    end)

    it("reads 'has cost thousands of lives' as a vague cumulative toll", function()
      local ev = first_of("The war has cost thousands of lives.", "killed")
      assert.same({"vague", 1000, true}, {ev.count.qualifier, ev.count.value, ev.cumulative})
    end)

    it("reads 'the death toll rose to'", function()
      assert.same({"killed exact 52 -"}, counted("The death toll from the bombing rose to 52, officials said."))
    end)

    it("reads 'N dead'", function()
      assert.same({"killed exact 14 people"}, counted("A car bomb left 14 people dead in Idlib."))
    end)

    it("reads 'massacre of more than 100 people'", function()
      local ev = first_of("The massacre of more than 100 people shocked the world.", "killed")
      assert.same({"more_than", 100, 101}, {ev.count.qualifier, ev.count.value, ev.count.low})
    end)

    it("reads 'have died since' as cumulative", function()
      local ev = first_of("Some 300 detainees have died since March.", "killed")
      assert.same({"about", 300, true}, {ev.count.qualifier, ev.count.value, ev.cumulative})
    end)

    it("reads wounded and injured", function()
      assert.same({"wounded exact 7 civilians"}, counted("Seven civilians were wounded by shelling."))
      assert.same({"wounded exact 20 people"}, counted("The blast injured 20 people."))
    end)

    it("keeps the class of the victims", function()
      local ev = first_of("Three rebel fighters were killed.", "killed")
      assert.equal("combatant", ev.victim_class)
      ev = first_of("Five soldiers were killed.", "killed")
      assert.equal("military", ev.victim_class)
      ev = first_of("Five children were killed.", "killed")
      assert.equal("civilian", ev.victim_class)
    end)

    it("links an 'including' subset to its whole", function()
      local evs = events("Shelling killed 20 civilians, including eight children.")
      local n = 0
      for i, ev in ipairs(evs) do
        if not null(ev.count) and ev.count.value == 8 then
          n = n + 1
          assert.equal(20, evs[ev.part_of + 1].count.value)
        end
        assert.is_true(i >= 1)
      end
      assert.equal(1, n)
    end)

    it("links a figure reported again to its first report instead of adding it", function()
      local evs = {}
      for _, ev in ipairs(events("Nine people were killed in Hama on Monday.\n" ..
          "Activists said the nine people were killed by shelling.")) do
        if ev.kind == "killed" then evs[#evs + 1] = ev end
      end
      assert.equal(2, #evs)
      assert.is_true(null(evs[1].same_as))
      assert.equal(0, evs[2].same_as)
    end)

    it("does not count years, dates, durations, ordinals or attributes", function()
      assert.same({}, counted("In 2011, on May 25, after 15 months and on the fifth day of the 11-year rule, " ..
        "the six-country council met."))
    end)

    it("does not report a number that is not a casualty", function()
      assert.same({}, counted("The truce was supposed to protect three million people."))
    end)
  end)

  describe("displacement", function()
    it("reads 'pushed 400,000 people from their homes'", function()
      assert.same({"displaced exact 400000 people"}, counted("The fighting pushed 400,000 people from their homes."))
    end)

    it("reads 'driven millions from their homes'", function()
      local ev = first_of("The war has driven millions from their homes.", "displaced")
      assert.same({"vague", 1000000}, {ev.count.qualifier, ev.count.value})
    end)

    it("reads 'fled'", function()
      assert.same({"displaced about 2000 families"}, counted("About 2,000 families fled the town."))
    end)
  end)

  describe("territorial control", function()
    it("reads 'seized control of' with the place", function()
      local ev = first_of("Rebels seized control of Maarat al-Numan on Sunday.", "captured")
      assert.is_not_nil(ev)
    end)

    it("reads 'came under regime control' with the places before it", function()
      local ev = first_of("The town of Kafr Nabl came under regime control.", "captured")
      assert.is_not_nil(ev)
      assert.equal("control.came_under", ev.rule)
    end)

    it("reads 'recaptured' and 'withdrew from'", function()
      assert.is_not_nil(first_of("Troops recaptured the village.", "captured"))
      assert.is_not_nil(first_of("The rebels withdrew from Homs.", "withdrawal"))
    end)

    it("does not read a refusal to withdraw as a withdrawal", function()
      assert.is_nil(first_of("The group said it would never withdraw from the zone.", "withdrawal"))
    end)
  end)

  describe("attacks, clashes and arrests", function()
    it("gives each attack word its subtype", function()
      assert.equal("shelling", first_of("Artillery shelling hit the town.", "attack").subtype)
      assert.equal("air_strike", first_of("Air strikes hit the town.", "attack").subtype)
      assert.equal("bombardment", first_of("Heavy bombardment hit the town.", "attack").subtype)
      assert.equal("assault", first_of("Troops began storming the district.", "attack").subtype)
    end)

    it("reads clashes and arrests", function()
      assert.is_not_nil(first_of("Rebels clashed with troops.", "clash"))
      local ev = first_of("Police arrested 30 protesters.", "arrest")
      assert.same({30, "protesters"}, {ev.count.value, ev.victim})
      ev = first_of("Gunmen kidnapped 31 people.", "abduction")
      assert.same({31, "people"}, {ev.count.value, ev.victim})
      assert.is_nil(first_of("Gunmen kidnapped 31 people.", "arrest"))
    end)
  end)

  describe("sources", function()
    it("takes a named source after the statement", function()
      local ev = first_of("Four civilians were killed, the Syrian Observatory for Human Rights said.", "killed")
      assert.equal("Syrian Observatory for Human Rights", ev.source.name)
    end)

    it("resolves 'It said' and 'the group said' to the last named source", function()
      local evs = events("The Syrian Observatory for Human Rights reported clashes in Hama.\n" ..
        "It said two soldiers were killed.\nFive rebels were killed, the group said.")
      local n = 0
      for _, ev in ipairs(evs) do
        if ev.kind == "killed" then
          n = n + 1
          assert.equal("Syrian Observatory for Human Rights", ev.source.name)
        end
      end
      assert.equal(2, n)
    end)

    it("reads 'according to the UN'", function()
      local ev = first_of("Ten civilians were killed, according to the UN.", "killed")
      assert.equal("United Nations", ev.source.name)
    end)

    it("reads 'a war monitor said'", function()
      local ev = first_of("Six soldiers were killed, a war monitor said.", "killed")
      assert.is_false(null(ev.source))
    end)
  end)

  describe("places", function()
    it("offers the last town named before when the sentence names none", function()
      local ev = first_of("Troops shelled Homs on Tuesday.\nAt least 47 people were killed overnight.", "killed")
      assert.is_true(null(ev.place))
      assert.same({"Homs", true}, {ev.place_inferred.text, ev.place_inferred.inferred})
    end)

    it("does not infer a country as the place", function()
      local ev = first_of("Fighting went on in Syria.\nAt least 47 people were killed overnight.", "killed")
      assert.is_true(null(ev.place_inferred))
    end)
  end)

  describe("flags", function()
    it("flags a toll since a point in time as cumulative", function()
      assert.is_true(first_of("At least 92 soldiers have been killed since Sunday.", "killed").cumulative)
      assert.is_false(first_of("At least 92 soldiers were killed on Sunday.", "killed").cumulative)
    end)

    it("flags an unconfirmed report", function()
      local ev = first_of("Nine people were killed in Hama. This could not be independently confirmed.", "killed")
      assert.is_true(ev.unconfirmed)
    end)

    it("resolves the time against the article date, leaning to the past", function()
      local ev = first_of("Nine people were killed on Tuesday.", "killed")
      assert.is_false(null(ev.time))
      ev = wn.extract("Nine people were killed on Tuesday.", {date = "2012-06-07"}).events[1]
      assert.equal("2012-06-05", ev.time.value)
    end)
  end)

  describe("quotes", function()
    it("finds straight and curly quotes with a named speaker", function()
      local q = wn.extract('"We will fight on," said Rami Abdul Rahman.').quotes[1]
      assert.same({"We will fight on,", "Rami Abdul Rahman"}, {q.text, q.speaker})
      q = wn.extract("“We will fight on,” Lavrov said.").quotes[1]
      assert.same({"We will fight on,", "Sergei Lavrov"}, {q.text, q.speaker})
    end)

    it("resolves 'he said' to the last person cited before it", function()
      local rec = wn.extract('Kofi Annan said talks would resume.\n"There is no other way," he said.')
      assert.equal("Kofi Annan", rec.quotes[1].speaker)
    end)
  end)

  describe("records", function()
    it("carries span, sentence and rule on every event", function()
      local text = "Rebels clashed with troops. Twelve civilians were killed in Aleppo."
      for _, ev in ipairs(events(text)) do
        assert.is_string(ev.rule)
        assert.is_true(ev.start >= 1 and ev.stop <= #text)
        assert.truthy(text:find(ev.sentence, 1, true))
      end
    end)

    it("gives an empty record for empty and blank input", function()
      local rec = wn.extract("")
      assert.same({}, rec.events)
      assert.same({}, wn.extract(" \n\n ").events)
    end)

    it("raises on a non-string text", function()
      assert.has_error(function() wn.extract(42) end)
      assert.has_error(function() wn.extract("x", "y") end)
    end)

    it("keeps invalid UTF-8 addressable and reports it", function()
      local rec = wn.extract("Five soldiers were killed \255 in Homs.")
      assert.equal(1, #rec.events)
      assert.is_table(rec.warnings.invalid_utf8)
    end)
  end)
end)
