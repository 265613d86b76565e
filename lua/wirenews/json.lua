--- JSON output with a fixed key order, so the same input and rules give
-- byte-identical output (Lua's table order is not stable across runs).
-- Strings are escaped by lua-cjson; keys follow the output contract's
-- order, then any other keys alphabetically.
local cjson = require("cjson")

local M = {}

M.null = cjson.null

local ORDER = {
  "id", "dateline", "removed", "warnings", "entities", "times", "events", "quotes",
  "kind", "subtype", "count", "value", "qualifier", "low", "high", "text",
  "name", "victim", "victim_class", "perpetrator", "place", "place_inferred", "places", "admin",
  "time", "source", "speaker", "cumulative", "part_of", "same_as", "unconfirmed",
  "place", "date", "agency", "class", "country", "lat", "lon",
  "rule", "sentence", "sentence_truncated", "sentence_start", "sentence_stop",
  "start", "stop",
}
local RANK = {}
for i, k in ipairs(ORDER) do if not RANK[k] then RANK[k] = i end end

local function key_less(a, b)
  local ra, rb = RANK[a] or 1000, RANK[b] or 1000
  if ra ~= rb then return ra < rb end
  return a < b
end

local function is_array(t)
  local n = #t
  if n > 0 then return true end
  return next(t) == nil and getmetatable(t) == M.array_mt
end

--- Marks an empty table as an array so it encodes as [] (default: {}).
M.array_mt = {}
function M.array(t) return setmetatable(t or {}, M.array_mt) end

local encode

local function encode_number(x)
  if math.type(x) == "integer" then return string.format("%d", x) end
  if x ~= x or x == math.huge or x == -math.huge then return "null" end
  if x == math.floor(x) and math.abs(x) < 2^53 then return string.format("%d", math.tointeger(x)) end
  return string.format("%.14g", x)
end

encode = function(v, out, indent, depth)
  local t = type(v)
  if v == nil or v == M.null then out[#out + 1] = "null"
  elseif t == "boolean" then out[#out + 1] = v and "true" or "false"
  elseif t == "number" then out[#out + 1] = encode_number(v)
  elseif t == "string" then out[#out + 1] = cjson.encode(v)
  elseif t == "table" then
    local nl = indent and ("\n" .. string.rep(indent, depth + 1)) or ""
    local close = indent and ("\n" .. string.rep(indent, depth)) or ""
    if is_array(v) then
      if #v == 0 then out[#out + 1] = "[]"; return end
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = nl
        encode(v[i], out, indent, depth + 1)
      end
      out[#out + 1] = close .. "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys, key_less)
      if #keys == 0 then out[#out + 1] = "{}"; return end
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = nl .. cjson.encode(k) .. (indent and ": " or ":")
        local val = v[k]
        if val == nil then val = v[tonumber(k)] end
        encode(val, out, indent, depth + 1)
      end
      out[#out + 1] = close .. "}"
    end
  else
    error("json: cannot encode a " .. t)
  end
end

--- Encodes v; `indent` (a string such as "  ") pretty-prints.
function M.encode(v, indent)
  local out = {}
  encode(v, out, indent, 0)
  return table.concat(out)
end

M.decode = cjson.decode
return M
