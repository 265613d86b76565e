--- The rule engine: rule packs in, matches per sentence out.
--
-- A rule pack is a table (usually returned by a rule file):
--   { id = "conflict",
--     lexicons = { victims = {...}, ... },         -- merged across packs
--     rules = { {id = "casualty.passive_killed",
--                triggers = {"killed", "dead"},    -- any of these words, or
--                                                  -- the name of a lexicon
--                pattern = <LPeg pattern> | function(L) return <pattern> end,
--                event = {kind = "killed"}, ...}, ... },
--     disable = {"rule.id", ...} }
-- A later pack adds rules, replaces a rule with the same id, disables rules
-- by id, and adds or overrides lexicon entries.  Patterns given as functions
-- are built from the merged lexicons when the engine is compiled, so a
-- victim noun added by a user file reaches every rule that uses the lexicon.
--
-- Rules run only on sentences that contain one of their trigger words:
-- the trigger words of all rules form one C lexicon, and one scan of the
-- sentence's tokens tells which rules to try.
local core = require("wirenews.core")
local dsl = require("wirenews.dsl")
local lpeg = require("lpeg")
local sandbox = require("wirenews.sandbox")

local M = {}

local Engine = {}
Engine.__index = Engine

--- A new, empty engine.
function M.new()
  return setmetatable({
    rules = {},        -- id -> rule, in the order first added
    order = {},        -- ids in order
    disabled = {},     -- id -> true
    lexicons = {},     -- name -> merged table
    packs = {},        -- ids of the packs added
    compiled = nil,
  }, Engine)
end

local function is_pattern(p) return lpeg.type(p) == "pattern" end

-- Checks one rule; returns nil or a reason.
local function check_rule(r)
  if type(r) ~= "table" then return "a rule must be a table" end
  if type(r.id) ~= "string" or r.id == "" then return "a rule needs a string id" end
  if not (is_pattern(r.pattern) or type(r.pattern) == "function") then
    return "rule '" .. r.id .. "' needs a pattern (an LPeg pattern or a function of the lexicons)"
  end
  if type(r.triggers) == "string" then
    if not r.triggers:match("^[%a_][%w_]*$") then
      return "rule '" .. r.id .. "': triggers names a lexicon: '" .. r.triggers .. "' is not a name"
    end
  elseif r.triggers ~= nil then
    if type(r.triggers) ~= "table" or #r.triggers == 0 then
      return "rule '" .. r.id .. "': triggers must be a non-empty list of words"
    end
    for _, w in ipairs(r.triggers) do
      if type(w) ~= "string" or not w:match("%S") then
        return "rule '" .. r.id .. "': triggers must be words"
      end
    end
  elseif not r.always then
    return "rule '" .. r.id .. "' needs triggers (or always = true)"
  end
  if r.event ~= nil and type(r.event) ~= "table" then
    return "rule '" .. r.id .. "': event must be a table"
  end
  return nil
end

local function merge_into(dst, src)
  for k, v in pairs(src) do
    if type(k) == "number" then dst[#dst + 1] = v else dst[k] = v end
  end
end

--- Adds a pack.  Returns true, or nil and "origin: why".  Packs from
-- user files are `untrusted`: their pattern functions are built, and their
-- rules run, under the sandbox's instruction budget.
function Engine:add(pack, origin, untrusted)
  origin = origin or tostring(pack and pack.id or "pack")
  if type(pack) ~= "table" then return nil, origin .. ": a rule pack must be a table" end
  for name, lex in pairs(pack.lexicons or {}) do
    if type(lex) ~= "table" then
      return nil, origin .. ": lexicon '" .. tostring(name) .. "' must be a table"
    end
  end
  for i, r in ipairs(pack.rules or {}) do
    local why = check_rule(r)
    if why then return nil, origin .. ": rule #" .. i .. ": " .. why end
  end
  for _, id in ipairs(pack.disable or {}) do
    if type(id) ~= "string" then return nil, origin .. ": disable expects rule ids" end
  end
  -- all checked: apply
  for name, lex in pairs(pack.lexicons or {}) do
    self.lexicons[name] = self.lexicons[name] or {}
    merge_into(self.lexicons[name], lex)
  end
  for _, r in ipairs(pack.rules or {}) do
    if not self.rules[r.id] then self.order[#self.order + 1] = r.id end
    local copy = {}
    for k, v in pairs(r) do copy[k] = v end
    copy.origin = origin
    copy.untrusted = untrusted or nil
    self.rules[r.id] = copy
    self.disabled[r.id] = nil
  end
  for _, id in ipairs(pack.disable or {}) do self.disabled[id] = true end
  self.packs[#self.packs + 1] = pack.id or origin
  if untrusted then self.untrusted = true end
  self.compiled = nil
  return true
end

--- Disables a rule by id.
function Engine:disable(id)
  self.disabled[id] = true
  self.compiled = nil
end

--- The active rules, in order, optionally only those of one role.
function Engine:active(role)
  local out = {}
  for _, id in ipairs(self.order) do
    local r = self.rules[id]
    if not self.disabled[id] and (role == nil or (r.role or "event") == role) then
      out[#out + 1] = r
    end
  end
  return out
end

-- The first word of a trigger phrase, the token the C scan looks for.
local function trigger_word(w)
  return (w:match("^%s*([^%s]+)")):lower()
end

--- Builds patterns and the trigger lexicon.  Returns true or nil, err.
function Engine:compile()
  local c = {rules = {}, always = {}, word_rules = {}, words = {}}
  local word_ids = {}
  for _, r in ipairs(self:active()) do
    local p = r.pattern
    if type(p) == "function" then
      local ok, res = sandbox.guarded(sandbox.LIMITS.instructions,
        "rule '" .. r.id .. "'", p, sandbox.readonly(self.lexicons))
      if not ok then return nil, r.origin .. ": rule '" .. r.id .. "': " .. tostring(res) end
      if not is_pattern(res) then
        return nil, r.origin .. ": rule '" .. r.id .. "': pattern function did not return a pattern"
      end
      p = res
    end
    local cr = {id = r.id, rule = r, search = dsl.searcher(p), index = #c.rules + 1,
                priority = tonumber(r.priority) or 0}
    c.rules[#c.rules + 1] = cr
    local triggers = r.triggers
    if type(triggers) == "string" then           -- the words of a lexicon
      local lex = self.lexicons[triggers]
      if type(lex) ~= "table" then
        return nil, r.origin .. ": rule '" .. r.id .. "': no lexicon '" .. triggers .. "' for its triggers"
      end
      triggers = {}
      for k, v in pairs(lex) do triggers[#triggers + 1] = type(k) == "string" and k or v end
      table.sort(triggers)
    end
    if r.always then
      c.always[#c.always + 1] = cr
    else
      for _, w in ipairs(triggers) do
        local tw = trigger_word(w)
        local wid = word_ids[tw]
        if not wid then
          wid = #c.words + 1
          word_ids[tw] = wid
          c.words[wid] = tw
          c.word_rules[wid] = {}
        end
        local list = c.word_rules[wid]
        if list[#list] ~= cr then list[#list + 1] = cr end
      end
    end
  end
  c.lexicon = core.lexicon(word_ids)
  self.compiled = c
  return true
end

--- Rules to try on tokens i..j of toks, in rule order.
function Engine:triggered(toks, i, j)
  local c = self.compiled
  local hits, seen = {}, {}
  local _, wids = toks:scan(c.lexicon, i, j)
  for _, wid in ipairs(wids) do
    for _, cr in ipairs(c.word_rules[wid]) do
      if not seen[cr] then seen[cr] = true; hits[#hits + 1] = cr end
    end
  end
  for _, cr in ipairs(c.always) do
    if not seen[cr] then seen[cr] = true; hits[#hits + 1] = cr end
  end
  -- higher priority first, then the order rules were added in
  table.sort(hits, function(a, b)
    if a.priority ~= b.priority then return a.priority > b.priority end
    return a.index < b.index
  end)
  return hits
end

--- Runs the triggered rules over one sentence.  `subject` is the sentence
-- text lower-cased; ctx the match context (see wirenews.dsl), or a
-- function that builds it, called only when some rule is triggered.  Returns a
-- list of {rule = <rule>, m = <captures with _s/_e>} in rule order.
function Engine:run(subject, ctx, toks, i, j)
  if not self.compiled then assert(self:compile()) end
  if self.untrusted then
    local ok, res = sandbox.guarded(sandbox.LIMITS.match_instructions,
      "rules on one sentence", self.run_rules, self, subject, ctx, toks, i, j)
    if not ok then error(res, 0) end
    return res
  end
  return self:run_rules(subject, ctx, toks, i, j)
end

function Engine:run_rules(subject, ctx, toks, i, j)
  local out = {}
  local hits = self:triggered(toks, i, j)
  if #hits == 0 then return out end
  if type(ctx) == "function" then ctx = ctx() end   -- built only when needed
  for _, cr in ipairs(hits) do
    local init = 1
    while init <= #subject do
      local m = cr.search:match(subject, init, ctx)
      if not m then break end
      out[#out + 1] = {rule = cr.rule, m = m}
      init = (m._e >= m._s) and (m._e + 1) or (m._s + 1)
    end
  end
  return out
end

M.Engine = Engine
return M
