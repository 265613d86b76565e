-- The command line as a user runs it: exit statuses, error messages,
-- several files with some bad, output formats, a closed pipe.
local json = require("cjson")

local function run(args, stdin)
  local cmd = "bin/wirenews " .. args
  if stdin then
    local path = os.tmpname()
    local f = assert(io.open(path, "wb")); f:write(stdin); f:close()
    cmd = cmd .. " < " .. path
  end
  local errpath = os.tmpname()
  local p = io.popen(cmd .. " 2>" .. errpath)
  local out = p:read("a")
  local _, _, code = p:close()
  local ef = io.open(errpath, "rb")
  local err = ef:read("a")
  ef:close()
  os.remove(errpath)
  return code, out, err
end

local SEED = "examples/articles/000_db5a172c2a9d69bb.txt"

describe("wirenews command line #nosanitize", function()
  it("prints its version", function()
    local code, out = run("version")
    assert.equal(0, code)
    assert.matches("^wirenews %d+%.%d+%.%d+\n$", out)
  end)

  it("prints usage and fails on an unknown command or option", function()
    local code, _, err = run("frobnicate")
    assert.equal(2, code)
    assert.matches("unknown command 'frobnicate'", err)
    code, _, err = run("extract --nope " .. SEED)
    assert.equal(2, code)
    assert.matches("unknown option %-%-nope", err)
    code, _, err = run("extract --date 5/6/2012 " .. SEED)
    assert.equal(2, code)
    assert.matches("YYYY%-MM%-DD", err)
  end)

  it("writes one JSON object per article in jsonl", function()
    local code, out = run("extract --format jsonl examples/articles/*.txt")
    assert.equal(0, code)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      n = n + 1
      local rec = json.decode(line)
      assert.is_string(rec.id)
      assert.is_table(rec.events)
    end
    assert.equal(3, n)
  end)

  it("gives byte-identical output in two separate runs", function()
    local _, a = run("extract --format jsonl examples/articles/*.txt")
    local _, b = run("extract --format jsonl examples/articles/*.txt")
    assert.is_true(#a > 1000)
    assert.equal(a, b)
  end)

  it("writes a JSON array with --format json", function()
    local code, out = run("extract --format json " .. SEED)
    assert.equal(0, code)
    local arr = json.decode(out)
    assert.equal(1, #arr)
    assert.equal("000_db5a172c2a9d69bb.txt", arr[1].id)
  end)

  it("writes a readable summary with --format pretty", function()
    local code, out = run("extract --format pretty " .. SEED)
    assert.equal(0, code)
    assert.matches("== 000_db5a172c2a9d69bb.txt", out)
    assert.matches("killed", out)
  end)

  it("reads standard input", function()
    local code, out = run("extract --format jsonl -", "Four civilians were killed in Homs.")
    assert.equal(0, code)
    assert.equal("-", json.decode(out).id)
  end)

  it("reads JSON lines input as a streaming filter", function()
    local input = json.encode({id = "a", text = "Two soldiers were killed.", date = "2012-06-05"}) ..
      "\n" .. json.encode({id = "b", text = "Nothing happened."}) .. "\n"
    local code, out = run("extract --input jsonl --format jsonl", input)
    assert.equal(0, code)
    local ids = {}
    for line in out:gmatch("[^\n]+") do ids[#ids + 1] = json.decode(line).id end
    assert.same({"a", "b"}, ids)
  end)

  it("reports a bad JSON line with its line number and goes on", function()
    local code, out, err = run("extract --input jsonl --format jsonl",
      "{\"text\": \"ok\"}\nnot json\n{\"text\": \"also ok\"}\n")
    assert.equal(1, code)
    assert.matches("%-:2:", err)
    local n = select(2, out:gsub("\n", ""))
    assert.equal(2, n)
  end)

  it("reports a missing file, still processes the good ones, and exits 1", function()
    local code, out, err = run("extract --format jsonl no/such/file.txt " .. SEED)
    assert.equal(1, code)
    assert.matches("no/such/file%.txt", err)
    assert.equal("000_db5a172c2a9d69bb.txt", json.decode(out).id)
  end)

  it("reports a directory given as a file", function()
    local code, _, err = run("extract --format jsonl examples")
    assert.equal(1, code)
    assert.matches("examples", err)
  end)

  it("reports an unreadable file", function()
    local path = os.tmpname()
    os.execute("chmod 000 " .. path)
    local f = io.open(path, "rb")
    if f then
      f:close()
      os.remove(path)
      pending("running as root: every file is readable")
      return
    end
    local code, _, err = run("extract --format jsonl " .. path)
    os.remove(path)
    assert.equal(1, code)
    assert.matches("Permission denied", err)
  end)

  it("stops quietly when the reader closes the pipe", function()
    local p = io.popen("yes 'Four civilians were killed in Homs.' | head -n 20000 > /tmp/wn_many.txt; " ..
      "bin/wirenews tokens /tmp/wn_many.txt 2>/tmp/wn_pipe_err | head -n 1", "r")
    local out = p:read("a")
    p:close()
    local ef = io.open("/tmp/wn_pipe_err"):read("a")
    os.remove("/tmp/wn_many.txt")
    assert.matches('"text":"Four"', out)
    assert.equal("", ef)
  end)

  it("loads a rule file and reports a broken one with file and line", function()
    local code, out = run("extract --format jsonl --rules examples/rules/disasters.lua examples/rules/quake_article.txt")
    assert.equal(0, code)
    local rec = json.decode(out)
    local kinds = {}
    for _, ev in ipairs(rec.events) do kinds[ev.kind] = true end
    assert.is_true(kinds.disaster_killed)
    local code2, _, err = run("extract --rules spec/fixtures/rules/syntax_error.lua " .. SEED)
    assert.equal(1, code2)
    assert.matches("syntax_error%.lua:3:", err)
  end)
end)
