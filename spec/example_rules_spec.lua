-- A user rule file adds a new event kind without recompiling:
-- examples/rules/disasters.lua on examples/rules/quake_article.txt.
local wn = require("wirenews")
local support = require("spec.support.testdata")

describe("example rule file: disasters", function()
  local text = support.read("examples/rules/quake_article.txt")

  local function counted(rec, kind)
    local out = {}
    for _, ev in ipairs(rec.events) do
      if ev.kind == kind and type(ev.count) == "table" then out[#out + 1] = ev end
    end
    return out
  end

  it("is not extracted by the default pack alone", function()
    local rec = wn.extract(text, {engine = wn.new_engine()})
    assert.equal(0, #counted(rec, "disaster_killed"))
  end)

  it("loads in the sandbox and adds disaster casualties", function()
    local engine = wn.new_engine()
    assert.is_true(wn.load_rules("examples/rules/disasters.lua", engine))
    local rec = wn.extract(text, {engine = engine})
    local killed = counted(rec, "disaster_killed")
    assert.equal(2, #killed)
    assert.same({41, "at_least"}, {killed[1].count.value, killed[1].count.qualifier})
    assert.equal("disaster.active_killed", killed[1].rule)
    assert.same({29, "exact", "people"}, {killed[2].count.value, killed[2].count.qualifier, killed[2].victim})
    local injured = counted(rec, "disaster_injured")
    assert.equal(1, #injured)
    assert.same({300, "more_than"}, {injured[1].count.value, injured[1].count.qualifier})
    local displaced = counted(rec, "disaster_displaced")
    assert.equal(1, #displaced)
    assert.same({5000, "residents", "civilian"},
      {displaced[1].count.value, displaced[1].victim, displaced[1].victim_class})
  end)

  it("does not change the default engine used by other callers", function()
    local engine = wn.new_engine()
    assert.is_true(wn.load_rules("examples/rules/disasters.lua", engine))
    local rec = wn.extract(text)
    assert.equal(0, #counted(rec, "disaster_killed"))
  end)
end)
