--- wirenews.gazetteer: places, actors, organisations and people found in
-- text.  The matching runs in C (csrc/gazetteer.c); this module adds entry
-- tables, TSV and Lua data files, and the policy for surnames.
--
--   local gz = wn.gazetteer()                 -- empty, default variant key
--   gz:add{id = "wn:place:sy:kfar-zita", name = "Kfar Zita", kind = "place",
--          aliases = {"Kafr Zita"}, country = "SY", admin = "Hama"}
--   assert(gz:load("my_places.tsv"))          -- nil, "file:line: why" on error
--   for _, m in ipairs(gz:match(text)) do print(m.kind, m.name, m.id, m.start, m.stop) end
local core = require("wirenews.core")

local M = {}

local Gazetteer = {}
Gazetteer.__index = Gazetteer

-- Tags the C side returns with each match: which kind of name matched.
local TAG_NAME, TAG_ALIAS, TAG_SURNAME, TAG_SURNAME_AFTER = 0, 1, 2, 3

-- Entry fields stored in C; any other field is kept in Lua and copied into
-- the entry's matches (roles, title, ...).
local STANDARD = {
  id = true, name = true, kind = true, canonical = true, country = true,
  admin = true, lat = true, lon = true, aliases = true, class = true,
  case = true, priority = true, surname = true, surname_alone = true,
}

--- A new gazetteer.  opts.variants: the variant key (default
-- wirenews.data.variants); opts.data: entries, or paths of files to load.
function M.new(opts)
  opts = opts or {}
  local variants = opts.variants or require("wirenews.data.variants")
  local self = setmetatable({
    _c = core.gazetteer(variants),
    _extras = {},          -- record number -> entry table with extra fields
    _surname_key = {},     -- record number -> key of the person's surname
    _by_surname = {},      -- surname key -> array of record numbers
  }, Gazetteer)
  if opts.data then
    for i, d in ipairs(opts.data) do
      local ok, err
      if type(d) == "string" then ok, err = self:load(d) else ok, err = self:add(d) end
      if not ok then error(("gazetteer data %d: %s"):format(i, err), 2) end
    end
  end
  return self
end

local function has_word(s)
  return type(s) == "string" and s:find("[%w\128-\255]") ~= nil
end

-- Why entry e cannot be added, or nil.
local function check_entry(e)
  if type(e) ~= "table" then return "entry is not a table" end
  if e.id == nil or e.id == "" then return "missing id" end
  if type(e.id) ~= "string" and math.type(e.id) ~= "integer" then
    return "id must be a string or an integer"
  end
  if not has_word(e.name) then return "missing name (a string with a letter or digit)" end
  if type(e.kind) ~= "string" or e.kind == "" then return "missing kind" end
  if e.canonical ~= nil and type(e.canonical) ~= "string" then
    return "canonical must be a string"
  end
  if (e.lat == nil) ~= (e.lon == nil) then
    return "lat and lon must be given together"
  end
  if e.lat ~= nil then
    if type(e.lat) ~= "number" or e.lat < -90 or e.lat > 90 then
      return "lat must be a number in -90..90"
    end
    if type(e.lon) ~= "number" or e.lon < -180 or e.lon > 180 then
      return "lon must be a number in -180..180"
    end
  end
  if e.aliases ~= nil then
    if type(e.aliases) ~= "table" then return "aliases must be an array of names" end
    for i, a in ipairs(e.aliases) do
      if not has_word(a) then return ("alias %d is not a name"):format(i) end
    end
  end
  if e.surname ~= nil and not has_word(e.surname) then return "surname is not a name" end
  if e.case ~= nil and e.case ~= "name" and e.case ~= "any" then
    return 'case must be "name" or "any"'
  end
  if e.priority ~= nil and (math.type(e.priority) ~= "integer"
      or e.priority < -1000 or e.priority > 1000) then
    return "priority must be an integer in -1000..1000"
  end
  for _, k in ipairs{"country", "admin", "class"} do
    if e[k] ~= nil and type(e[k]) ~= "string" then return k .. " must be a string" end
  end
  return nil
end

-- Does a surname match on its own?  Declared by surname_alone, else only
-- surnames of four letters or more ("Li", "Hu" need a full mention first).
local function surname_alone(e)
  if e.surname_alone ~= nil then return e.surname_alone end
  return #e.surname >= 4
end

function Gazetteer:_add_one(e)
  local why = check_entry(e)
  if why then return nil, why end
  local c, prio = self._c, e.priority or 0
  local rec = c:add_record{
    id = tostring(e.id), canonical = e.canonical or e.name, kind = e.kind,
    country = e.country, admin = e.admin, class = e.class,
    lat = e.lat, lon = e.lon,
  }
  local ok, err = c:add_name(rec, e.name, e.case, TAG_NAME, prio)
  if not ok then return nil, err end
  for _, a in ipairs(e.aliases or {}) do
    ok, err = c:add_name(rec, a, e.case, TAG_ALIAS, prio)
    if not ok then return nil, err end
  end
  if e.surname then
    local alone = surname_alone(e)
    -- a surname that may stand alone wins over one that may not
    ok, err = c:add_name(rec, e.surname, e.case,
                         alone and TAG_SURNAME or TAG_SURNAME_AFTER,
                         prio + (alone and 1 or 0))
    if not ok then return nil, err end
    local key = c:keys(e.surname)
    self._surname_key[rec] = key
    local list = self._by_surname[key] or {}
    list[#list + 1] = rec
    self._by_surname[key] = list
  end
  for k in pairs(e) do
    if not STANDARD[k] then self._extras[rec] = e; break end
  end
  return true
end

--- Adds one entry, or an array of entries.  Returns true, or nil and
-- "entry N (id): why" (entries before the bad one stay added).
function Gazetteer:add(e)
  if type(e) ~= "table" then return nil, "entry is not a table" end
  if e.id ~= nil or e.name ~= nil then return self:_add_one(e) end
  for i, x in ipairs(e) do
    local ok, err = self:_add_one(x)
    if not ok then
      local id = type(x) == "table" and x.id and (" (" .. tostring(x.id) .. ")") or ""
      return nil, ("entry %d%s: %s"):format(i, id, err)
    end
  end
  return true
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

--- Loads a TSV file (.tsv, .txt) or a Lua data file (.lua) returning an
-- array of entries.  Returns the number of records added, or nil and
-- "file:line: why" (TSV) / "file: entry N (id): why" (Lua).
function Gazetteer:load(path)
  if type(path) ~= "string" then error("gazetteer:load: path expected", 2) end
  if path:match("%.lua$") then
    local chunk, err = loadfile(path, "t", {})
    if not chunk then return nil, err end
    local ok, data = pcall(chunk)
    if not ok then return nil, path .. ": " .. tostring(data) end
    if type(data) ~= "table" then return nil, path .. ": does not return a table" end
    local before = #self._c
    local added, why = self:add(data)
    if not added then return nil, path .. ": " .. why end
    return #self._c - before
  end
  local text, err = read_file(path)
  if not text then return nil, err end
  return self._c:load_tsv(text, path)
end

-- Copies an entry's extra fields (roles, title ...) into match m.
local function add_extras(m, e)
  for k, v in pairs(e) do
    if not STANDARD[k] and m[k] == nil then m[k] = v end
  end
end

--- Matches in text or a token array (wn.tokens): an array of tables
-- {kind, name, id, text, start, stop, first, last (token indices), form
-- ("name"|"alias"|"surname"), record, country, admin, class, lat, lon, and
-- the entry's extra fields}.  mode "all" gives every name at every
-- position (overlapping); the default is longest-leftmost.
--
-- Surnames: a surname alone ("Lavrov") names the person whose entry lets
-- it stand alone, unless another person with that surname was named in
-- full earlier in the same text, who is then meant.  A surname that may
-- not stand alone ("Li") matches only after a full mention.
function Gazetteer:match(x, mode)
  local ms = self._c:match(x, mode)
  local out, seen = {}, {}
  for _, m in ipairs(ms) do
    local keep = true
    if m.tag >= TAG_SURNAME then
      keep = self:_resolve_surname(m, seen)
    elseif self._surname_key[m.record] then
      seen[self._surname_key[m.record]] = m.record
    end
    if keep then
      local e = self._extras[m.record]
      if e then add_extras(m, e) end
      out[#out + 1] = m
    end
  end
  return out
end

-- Points surname match m at the person meant; false when nobody is.
function Gazetteer:_resolve_surname(m, seen)
  local key = self._surname_key[m.record]
  local prior = key and seen[key]
  if prior and prior ~= m.record then
    local r = self._c:record(prior)
    for k, v in pairs(r) do m[k] = v end
    return true
  end
  return prior ~= nil or m.tag == TAG_SURNAME
end

--- Raw matches as a userdata (C array): #ms, ms:at(i) -> start, stop,
-- record, tag, first, last; ms:column(field).  No policy, no tables.
function Gazetteer:scan(x, mode) return self._c:scan(x, mode) end

--- The fields of record number rec (as in matches).
function Gazetteer:record(rec)
  local r = self._c:record(rec)
  local e = self._extras[rec]
  if e then add_extras(r, e) end
  return r
end

--- The keys of the words of s, joined by spaces: what matching compares
-- (before the `words` equivalences of the variant key).
function Gazetteer:keys(s) return self._c:keys(s) end

--- Bytes held by the C structure.
function Gazetteer:memory() return self._c:memory() end
function Gazetteer:names() return self._c:names() end
function Gazetteer:__len() return #self._c end
function Gazetteer:__tostring() return tostring(self._c) end
function Gazetteer:close() self._c:close() end

--- The role of a person entry (or match) in force on date ("YYYY-MM-DD"):
-- roles = {{title = "President of Russia", from = "2008-05-07",
-- to = "2012-05-07"}, ...}; open ends are nil.  Returns the role table or nil.
function M.role_at(e, date)
  for _, r in ipairs(e.roles or {}) do
    if (r.from == nil or r.from <= date) and (r.to == nil or date < r.to) then
      return r
    end
  end
  return nil
end

-- The bundled gazetteer, built on first use.
local default
function M.default()
  if not default then
    default = M.new()
    for _, mod in ipairs{"wirenews.data.places", "wirenews.data.actors",
                         "wirenews.data.people"} do
      local ok, err = default:add(require(mod))
      if not ok then error(mod .. ": " .. err) end
    end
  end
  return default
end

local ENTITY_FIELDS = { "class", "country", "admin", "lat", "lon" }

--- Entities of a text with the bundled gazetteer (or opts.gazetteer):
-- records {kind, text, name, id, start, stop} plus class, country, admin,
-- lat, lon where known, as in the output contract.
function M.entities(text, opts)
  local gz = opts and opts.gazetteer or M.default()
  local out = {}
  for _, m in ipairs(gz:match(text)) do
    local r = { kind = m.kind, text = m.text, name = m.name, id = m.id,
                start = m.start, stop = m.stop }
    for _, k in ipairs(ENTITY_FIELDS) do r[k] = m[k] end
    if m.form == "surname" then r.form = "surname" end
    out[#out + 1] = r
  end
  return out
end

return M
