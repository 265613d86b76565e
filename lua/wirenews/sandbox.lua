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
  pattern_nodes = 2000000,   -- estimated LPeg tree nodes of one pattern
  match_instructions = 20000000, -- VM instructions of rule code per sentence
}

local lpeg = require("lpeg")

local ALLOWED_MODULES = {
  lpeg = true, re = true, ["wirenews.dsl"] = true,
}

-- Read-only views of shared module tables, so a rule file cannot change
-- `lpeg`, `re` or the building blocks for everyone else.
local function readonly(t, cache)
  cache = cache or setmetatable({}, {__mode = "k"})
  if type(t) ~= "table" then return t end
  if cache[t] then return cache[t] end
  local proxy = setmetatable({}, {
    __index = function(_, k) return readonly(t[k], cache) end,
    __newindex = function(_, k)
      error("rule files cannot change shared module field '" .. tostring(k) .. "'", 2)
    end,
    __pairs = function() return function(_, k)
      local nk, nv = next(t, k)
      return nk, readonly(nv, cache)
    end, t, nil end,
    __len = function() return #t end,
    __metatable = false,
  })
  cache[t] = proxy
  return proxy
end
M.readonly = readonly

-- LPeg trees are built in C, out of reach of the instruction budget, and
-- can grow exponentially (p = p * p in a loop).  While rule code runs, the
-- pattern operators keep an estimate of each pattern's size and refuse to
-- build one over LIMITS.pattern_nodes.
local pattern_mt = getmetatable(lpeg.P(1))
local OPS = {"__add", "__sub", "__mul", "__div", "__pow", "__unm", "__len"}

local function guard_patterns()
  local sizes = setmetatable({}, {__mode = "k"})
  local saved = {}
  local function size(x)
    if lpeg.type(x) == "pattern" then return sizes[x] or 1 end
    if type(x) == "string" then return #x + 1 end
    return 1
  end
  for _, op in ipairs(OPS) do
    local real = pattern_mt[op]
    saved[op] = real
    if real then
      pattern_mt[op] = function(a, b)
        local n
        if op == "__pow" then
          local k = math.abs(tonumber(b) or 1)
          n = size(a) * (k + 1)
        elseif op == "__unm" or op == "__len" then
          n = size(a) + 1
        else
          n = size(a) + size(b) + 1
        end
        if n > M.LIMITS.pattern_nodes then
          error("pattern too large (over " .. M.LIMITS.pattern_nodes ..
                " nodes): simplify the rule", 2)
        end
        local r = real(a, b)
        if lpeg.type(r) == "pattern" then sizes[r] = n end
        return r
      end
    end
  end
  -- ("x"):rep(n) reaches string.rep through the string metatable: point
  -- it at the guarded copy while rule code runs
  local string_mt = getmetatable("")
  local saved_index = string_mt.__index
  string_mt.__index = M.safe_string
  return function()
    for _, op in ipairs(OPS) do pattern_mt[op] = saved[op] end
    string_mt.__index = saved_index
  end
end

local function copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local function safe_string()
  local s = copy(string)
  s.dump = nil
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
M.safe_string = safe_string()

--- A fresh environment for one rule file.
function M.environment(extra)
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next,
    pairs = pairs, pcall = pcall, select = select, tonumber = tonumber,
    tostring = tostring, type = type, xpcall = xpcall,
    setmetatable = setmetatable, rawequal = rawequal, rawlen = rawlen,
    rawget = rawget, print = function() end,
    string = readonly(M.safe_string), table = copy(table), math = copy(math),
    utf8 = copy(utf8),
    _VERSION = _VERSION,
  }
  env.require = function(name)
    if type(name) ~= "string" then error("require expects a module name", 2) end
    if ALLOWED_MODULES[name] or name:match("^wirenews%.rules%.[%w_]+$") then
      return readonly(require(name))
    end
    error("module '" .. name .. "' is not available to rule files", 2)
  end
  env._G = env
  for k, v in pairs(extra or {}) do env[k] = v end
  return env
end

--- Runs fn(...) under an instruction budget and the pattern-size guard;
-- returns pcall-style results.  `what` names the work in the error.
function M.guarded(limit, what, fn, ...)
  local step = 10000
  local used = 0
  local old_hook, old_mask, old_count = debug.gethook()
  debug.sethook(function()
    used = used + step
    if used > limit then
      debug.sethook()
      error(what .. " exceeded the instruction limit (" .. limit ..
            " instructions): does it loop forever?", 2)
    end
  end, "", step)
  local restore = guard_patterns()
  local res = table.pack(pcall(fn, ...))
  restore()
  debug.sethook(old_hook, old_mask, old_count)
  return table.unpack(res, 1, res.n)
end

local function with_budget(fn, ...)
  return M.guarded(M.LIMITS.instructions, "rule file", fn, ...)
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
