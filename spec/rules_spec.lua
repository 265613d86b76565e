-- The rule building blocks and the engine, on hand-made contexts (the
-- counts and entities the C core would find), independent of the data.
local dsl = require("wirenews.dsl")
local rules = require("wirenews.rules")
local core = require("wirenews.core")

local W, seq, gap, COUNT, ENT, VICTIM = dsl.W, dsl.seq, dsl.gap, dsl.COUNT, dsl.ENT, dsl.VICTIM

-- A context with counts at the byte positions of the given substrings.
local function ctx_for(s, counts, ents)
  local ctx = {count_at = {}, ent_at = {}, num_at = {}}
  for text, value in pairs(counts or {}) do
    local a, b = s:find(text, 1, true)
    ctx.count_at[a] = {value = value, text = text, start = a, stop = b, next = b + 1}
  end
  for text, kind in pairs(ents or {}) do
    local a, b = s:find(text, 1, true)
    ctx.ent_at[a] = {{kind = kind, name = text, start = a, stop = b, next = b + 1}}
  end
  return ctx
end

local nouns = {civilians = "civilian", fighters = "combatant", people = "unknown",
               soldiers = "military", babies = "civilian"}

describe("rule building blocks", function()
  it("W matches whole words only, case-insensitively on the lower-cased text", function()
    local p = W"killed"
    assert.is_not_nil((p * -1):match("killed"))
    assert.is_nil(p:match("killedx"))
    assert.is_not_nil(W"were killed":match("were \n  killed"))
  end)

  it("W of a list tries the longest phrase first", function()
    local p = dsl.lpeg.C(W{"killed", "killed or wounded"})
    assert.equal("killed or wounded", p:match("killed or wounded"))
    assert.equal("killed", p:match("killed and"))
  end)

  it("seq joins elements with spacing and commas", function()
    local p = seq{W"including", W"13", W"extremists"}
    assert.is_not_nil(p:match("including  13, extremists"))
  end)

  it("gap allows up to n words and no more", function()
    local p = seq{W"killed", gap(2), W"civilians"}
    assert.is_not_nil(p:match("killed two more civilians"))
    assert.is_nil(p:match("killed one two three civilians"))
  end)

  it("COUNT matches where the context has a count and captures it", function()
    local s = "four civilians were killed"
    local ctx = ctx_for(s, {four = 4})
    local m = dsl.find_all(seq{COUNT, VICTIM(nouns), W"were killed"}, s, ctx)
    assert.equal(1, #m)
    assert.equal(4, m[1].count.value)
    assert.same({1, 26}, {m[1]._s, m[1]._e})
  end)

  it("VICTIM takes up to three modifiers and a class from side words", function()
    local s = "18 prematurely born babies and 2 rebel fighters and 3 opposition people"
    local ctx = ctx_for(s, {["18"] = 18, ["2 "] = 2, ["3 "] = 3})
    ctx.count_at[s:find("2 ", 1, true)].next = s:find("2 ", 1, true) + 1
    ctx.count_at[s:find("3 ", 1, true)].next = s:find("3 ", 1, true) + 1
    local m = dsl.find_all(seq{COUNT, VICTIM(nouns, {rebel = "combatant", opposition = "combatant"})}, s, ctx)
    assert.equal(3, #m)
    assert.same({"prematurely born babies", "civilian"}, {m[1].victim.text, m[1].victim.class})
    assert.same({"rebel fighters", "combatant"}, {m[2].victim.text, m[2].victim.class})
    assert.same({"opposition people", "combatant"}, {m[3].victim.text, m[3].victim.class})
  end)

  it("ENT matches a gazetteer match of the wanted kind only", function()
    local s = "seized control of kfar zita"
    local ctx = ctx_for(s, nil, {["kfar zita"] = "place"})
    local m = dsl.find_all(seq{W"seized control of", ENT"place"}, s, ctx)
    assert.equal("kfar zita", m[1].place.name)
    assert.equal(0, #dsl.find_all(seq{W"seized control of", ENT"person"}, s, ctx))
  end)

  it("RE compiles re syntax with the blocks as names", function()
    local s = "47 people were killed"
    local ctx = ctx_for(s, {["47"] = 47})
    local p = dsl.RE([[ {| %COUNT %SP %VICTIM %SP 'were' %SP 'killed' |} ]], {VICTIM = VICTIM(nouns)})
    local m = p:match(s, 1, ctx)
    assert.equal(47, m.count.value)
    assert.equal("people", m.victim.noun)
  end)
end)

describe("rule engine", function()
  local function pack(extra)
    local p = {
      id = "test",
      lexicons = {victims = {people = "unknown"}},
      rules = {
        {id = "k", triggers = {"killed"}, event = {kind = "killed"},
         pattern = function(L) return seq{COUNT, VICTIM(L.victims), W"were killed"} end},
        {id = "c", triggers = {"clashed"}, event = {kind = "clash"}, pattern = W"clashed"},
      },
    }
    for k, v in pairs(extra or {}) do p[k] = v end
    return p
  end

  local function run(e, s, counts)
    local toks = core.tokenize(s)
    return e:run(s, ctx_for(s, counts), toks, 1, #toks)
  end

  it("runs only the rules whose trigger words are in the sentence", function()
    local e = rules.new()
    assert.is_true(e:add(pack()))
    local found = run(e, "rebels clashed", {})
    assert.equal(1, #found)
    assert.equal("c", found[1].rule.id)
    assert.equal(0, #run(e, "nothing happened here", {}))
  end)

  it("lets a later pack extend a lexicon used by earlier rules", function()
    local e = rules.new()
    assert.is_true(e:add(pack()))
    assert.equal(0, #run(e, "5 detainees were killed", {["5"] = 5}))
    assert.is_true(e:add({lexicons = {victims = {detainees = "civilian"}}}))
    local found = run(e, "5 detainees were killed", {["5"] = 5})
    assert.equal(1, #found)
    assert.equal("detainees", found[1].m.victim.noun)
  end)

  it("takes a rule's triggers from a named lexicon, extended by later packs", function()
    local e = rules.new()
    assert.is_true(e:add({lexicons = {fights = {"clashed"}},
      rules = {{id = "f", triggers = "fights", event = {kind = "clash"},
                pattern = function(L) return W(L.fights) end}}}))
    assert.equal(0, #run(e, "rebels fought", {}))
    assert.is_true(e:add({lexicons = {fights = {"fought"}}}))
    assert.equal(1, #run(e, "rebels fought", {}))
    assert.equal(1, #run(e, "rebels clashed", {}))
  end)

  it("names the missing lexicon when triggers refer to none", function()
    local e = rules.new()
    assert.is_true(e:add({rules = {{id = "g", triggers = "nothing_here", pattern = W"x"}}}, "p.lua"))
    local ok, err = e:compile()
    assert.is_nil(ok)
    assert.matches("p%.lua: rule 'g': no lexicon 'nothing_here'", err)
  end)

  it("lets a later pack replace a rule by id and disable one", function()
    local e = rules.new()
    assert.is_true(e:add(pack()))
    assert.is_true(e:add({rules = {{id = "c", triggers = {"fought"}, pattern = W"fought",
                                    event = {kind = "clash"}}}, disable = {"k"}}))
    assert.equal(0, #run(e, "rebels clashed", {}))
    assert.equal(1, #run(e, "rebels fought", {}))
    assert.equal(0, #run(e, "5 people were killed", {["5"] = 5}))
  end)

  it("rejects a malformed pack without changing the engine", function()
    local e = rules.new()
    assert.is_true(e:add(pack()))
    local ok, err = e:add({rules = {{id = "bad", triggers = {}, pattern = W"x"}}}, "mine.lua")
    assert.is_nil(ok)
    assert.matches("mine%.lua: rule #1: rule 'bad': triggers must be a non%-empty list", err)
    assert.equal(2, #e:active())
  end)

  it("finds every non-overlapping match of a rule in a sentence", function()
    local e = rules.new()
    assert.is_true(e:add(pack()))
    local s = "5 people were killed and 7 people were killed"
    local found = run(e, s, {["5"] = 5, ["7"] = 7})
    assert.equal(2, #found)
    assert.equal(7, found[2].m.count.value)
  end)
end)
