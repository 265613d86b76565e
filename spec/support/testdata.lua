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

--- `it` when the file exists, else a pending test that says what is missing.
function M.it_with(rel)
  if M.path(rel) then return it end
  return function(name)
    pending(name .. " (skipped: " .. M.dir .. "/" .. rel .. " not found)")
  end
end

--- Reads a whole file of the repository (fixtures, examples).
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

return M
