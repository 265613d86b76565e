--- Loading rule files in a sandbox.
--
-- A rule file is Lua text run in an environment of its own: the safe parts
-- of the standard library, `lpeg`, `re` and the rule building blocks
-- (`require` knows only "lpeg", "re", "wirenews.dsl" and the bundled rule
-- packs).  No `io`, `os`, `debug`, `load`, `dofile`, `getmetatable`,
-- `rawset`, `collectgarbage` or `string.dump`; binary chunks are refused.
-- Loading runs under an instruction budget (LIMITS.instructions), so a rule
-- file that never terminates fails with an error instead of hanging.
local M = {}

M.LIMITS = {
  instructions = 50000000,   -- VM instructions while the file runs
  string_bytes = 1048576,    -- largest string a rule file may build with rep
  file_bytes = 4194304,      -- largest rule file
}

local ALLOWED_MODULES = {
  lpeg = true, re = true, ["wirenews.dsl"] = true,
}

local function copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local function safe_string()
  local s = copy(string)
  s.dump = nil
  local rep = string.rep
  s.rep = function(str, n, sep)
    local size = #tostring(str) * (tonumber(n) or 0) + #(sep or "") * (tonumber(n) or 0)
    if size > M.LIMITS.string_bytes then
      error("string.rep: result over the rule-file limit of " ..
            M.LIMITS.string_bytes .. " bytes", 2)
    end
    return rep(str, n, sep)
  end
  return s
end

--- A fresh environment for one rule file.
function M.environment(extra)
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next,
    pairs = pairs, pcall = pcall, select = select, tonumber = tonumber,
    tostring = tostring, type = type, xpcall = xpcall,
    setmetatable = setmetatable, rawequal = rawequal, rawlen = rawlen,
    rawget = rawget, print = function() end,
    string = safe_string(), table = copy(table), math = copy(math),
    utf8 = copy(utf8),
    _VERSION = _VERSION,
  }
  env.require = function(name)
    if type(name) ~= "string" then error("require expects a module name", 2) end
    if ALLOWED_MODULES[name] or name:match("^wirenews%.rules%.[%w_]+$") then
      return require(name)
    end
    error("module '" .. name .. "' is not available to rule files", 2)
  end
  env._G = env
  for k, v in pairs(extra or {}) do env[k] = v end
  return env
end

-- Runs fn under an instruction budget; returns pcall-style results.
local function with_budget(fn, ...)
  local limit = M.LIMITS.instructions
  local step = 10000
  local used = 0
  debug.sethook(function()
    used = used + step
    if used > limit then
      debug.sethook()
      error("rule file exceeded the instruction limit (" .. limit ..
            " instructions): does it loop forever?", 2)
    end
  end, "", step)
  local res = table.pack(pcall(fn, ...))
  debug.sethook()
  return table.unpack(res, 1, res.n)
end

-- "file:line: message" from an error raised inside the chunk.
local function where(err, path)
  err = tostring(err)
  if err:find(path, 1, true) then return err end
  return path .. ": " .. err
end

--- Loads a rule file: returns the value it returns, or nil and an error
-- message naming the file and line.
function M.load_file(path, extra)
  if type(path) ~= "string" then error("bad argument #1 to 'load_file' (string expected)", 2) end
  local f, ferr = io.open(path, "rb")
  if not f then return nil, ferr end
  local src = f:read(M.LIMITS.file_bytes + 1)
  f:close()
  if src == nil then src = "" end
  if #src > M.LIMITS.file_bytes then
    return nil, path .. ": rule file larger than " .. M.LIMITS.file_bytes .. " bytes"
  end
  return M.load_string(src, path, extra)
end

--- Loads rule text; `name` is used in error messages.
function M.load_string(src, name, extra)
  if src:sub(1, 1) == "\27" then
    return nil, name .. ": binary chunks are not accepted as rule files"
  end
  local env = M.environment(extra)
  local chunk, err = load(src, "@" .. name, "t", env)
  if not chunk then return nil, err end
  local ok, res = with_budget(chunk)
  if not ok then return nil, where(res, name) end
  if type(res) ~= "table" then
    return nil, name .. ": a rule file must return a table (got " .. type(res) .. ")"
  end
  return res
end

return M
