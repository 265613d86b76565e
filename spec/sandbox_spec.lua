-- Rule files run in a sandbox: no file system, no process, no way to hang
-- or to change what other rule files see; every error names file and line.
local sandbox = require("wirenews.sandbox")
local rules = require("wirenews.rules")
local testdata = require("spec.support.testdata")

local DIR = "spec/fixtures/rules/"

local function load(name) return sandbox.load_file(DIR .. name) end

describe("rule file sandbox", function()
  it("reports a syntax error with file and line", function()
    local pack, err = load("syntax_error.lua")
    assert.is_nil(pack)
    assert.matches("syntax_error%.lua:3:", err)
  end)

  it("reports a runtime error with file and line", function()
    local pack, err = load("runtime_error.lua")
    assert.is_nil(pack)
    assert.matches("runtime_error%.lua:3:", err)
  end)

  it("stops a rule file that never terminates", function()
    local pack, err = load("infinite_loop.lua")
    assert.is_nil(pack)
    assert.matches("infinite_loop%.lua:3:.*instruction limit", err)
  end)

  it("has no os.execute", function()
    os.remove("/tmp/wirenews_pwned")
    local pack, err = load("os_execute.lua")
    assert.is_nil(pack)
    assert.matches("os_execute%.lua:1:.*'os'", err)
    assert.is_nil(io.open("/tmp/wirenews_pwned"))
  end)

  it("has no io.open", function()
    local pack, err = load("io_open.lua")
    assert.is_nil(pack)
    assert.matches("io_open%.lua:1:.*'io'", err)
  end)

  it("refuses require of modules outside the allowed list", function()
    local pack, err = load("require_os.lua")
    assert.is_nil(pack)
    assert.matches("require_os%.lua:1: module 'os' is not available to rule files", err)
    assert.is_nil(io.open("/tmp/wirenews_pwned"))
  end)

  it("refuses binary chunks", function()
    local path = testdata.tmpfile(string.dump(function() return {} end))
    local pack, err = sandbox.load_file(path)
    os.remove(path)
    assert.is_nil(pack)
    assert.matches("binary chunks are not accepted", err)
  end)

  it("cannot change shared modules for other rule files", function()
    local pack, err = load("change_shared.lua")
    assert.is_nil(pack)
    assert.matches("change_shared%.lua:2:.*cannot change shared module field 'P'", err)
    assert.is_function(require("lpeg").P)
  end)

  it("cannot change the string library everyone uses", function()
    local pack, err = load("change_string.lua")
    assert.is_nil(pack)
    assert.matches("change_string%.lua:1:", err)
    assert.equal("abc", ("ABC"):lower())
  end)

  it("refuses to build an exponentially large pattern", function()
    local pack, err = load("huge_pattern.lua")
    assert.is_nil(pack)
    assert.matches("huge_pattern%.lua:3:.*pattern too large", err)
  end)

  it("bounds string.rep, also through the string metatable", function()
    local pack, err = load("huge_rep.lua")
    assert.is_nil(pack)
    assert.matches("huge_rep%.lua:1:.*string%.rep", err)
    assert.equal("xx", ("x"):rep(2))
  end)

  it("requires a rule file to return a table", function()
    local pack, err = load("not_a_table.lua")
    assert.is_nil(pack)
    assert.matches("not_a_table%.lua: a rule file must return a table", err)
  end)

  it("hides load, dofile, debug, getmetatable, collectgarbage and rawset", function()
    local pack = assert(load("missing_globals.lua"))
    assert.same({loaded = true, dofile = true, debug = true, getmetatable = true,
                 collectgarbage = true, rawset = true}, pack)
  end)

  it("reports a missing file as nil and a message", function()
    local pack, err = load("no_such_file.lua")
    assert.is_nil(pack)
    assert.matches("no_such_file%.lua", err)
  end)

  it("restores the debug hook and operators after loading", function()
    load("infinite_loop.lua")
    assert.is_nil(debug.gethook())
    local lpeg = require("lpeg")
    local p = lpeg.P"a"
    for _ = 1, 12 do p = p * p end    -- fine outside rule files
    assert.is_not_nil(p:match(string.rep("a", 4096)))
  end)
end)

describe("rule packs", function()
  it("names the rule file and rule when a rule has no id", function()
    local pack = assert(load("rule_without_id.lua"))
    local e = rules.new()
    local ok, err = e:add(pack, DIR .. "rule_without_id.lua", true)
    assert.is_nil(ok)
    assert.matches("rule_without_id%.lua: rule #1: a rule needs a string id", err)
  end)

  it("stops a pattern function that never terminates", function()
    local pack = assert(load("slow_pattern_function.lua"))
    local e = rules.new()
    assert.is_true(e:add(pack, "slow_pattern_function.lua", true))
    local ok, err = e:compile()
    assert.is_nil(ok)
    assert.matches("slow_pattern_function%.lua.*instruction limit", err)
  end)
end)
