-- Where the third-party test data lives: one setting, WIRENEWS_TESTDATA,
-- defaulting to ../shared/testdata.  Specs that need it call
-- testdata.path(...) and mark themselves pending (skipped) when it is nil,
-- so `make test` passes on a fresh clone without the shared folder.
local cjson = require("cjson")

local M = {}
M.dir = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"

--- Full path of a file under the test data folder, or nil when absent.
function M.path(rel)
  local p = M.dir .. "/" .. rel
  local f = io.open(p, "rb")
  if not f then return nil end
  f:close()
  return p
end

--- Records of a JSON Lines file, or nil when absent.
function M.jsonl(rel)
  local p = M.path(rel)
  if not p then return nil end
  local out = {}
  for line in io.lines(p) do
    if line:match("%S") then out[#out + 1] = cjson.decode(line) end
  end
  return out
end

--- A function it_with(rel) for a spec: busted's `it` when the data file
-- rel exists, else a pending (skipped) test that says what is missing.
-- busted's `it` and `pending` live in the spec's environment, not in this
-- module's, so the spec hands them over:
--   local it_with = testdata.it_with(it, pending)
--   it_with("duckling_dates/dates.jsonl")("passes ...", function() ... end)
function M.it_with(it_fn, pending_fn)
  return function(rel)
    if M.path(rel) then return it_fn end
    return function(name)
      pending_fn(name .. " (skipped: " .. M.dir .. "/" .. rel .. " not found)")
    end
  end
end

--- Writes content to a new temporary file and returns its path; ext (e.g.
-- ".lua") is added to the name when given.  The caller removes the file.
function M.tmpfile(content, ext)
  local base = os.tmpname()
  local path = base .. (ext or "")
  if ext then os.remove(base) end
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

--- Reads a whole file of the repository (fixtures, examples).
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

return M
