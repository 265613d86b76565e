--- Building blocks for rule patterns.
--
-- Rules are LPeg patterns over the lower-cased text of one sentence (ASCII
-- lower-casing keeps byte offsets).  Blocks that need what the C core found
-- (counts, numbers, gazetteer matches) read it from the match context, the
-- extra argument given to `pattern:match(subject, 1, ctx)` (lpeg.Carg(1)),
-- so a compiled pattern holds no state and can be shared.
--
-- A context has, keyed by sentence-relative start position:
--   ctx.count_at[pos]  = count record with .next (position after it)
--   ctx.ent_at[pos]    = list of entity records with .kind and .next
--   ctx.num_at[pos]    = number record with .kind and .next
-- Rule files get these blocks through `require("wirenews.dsl")`.
local lpeg = require("lpeg")
local re = require("re")

local P, S, R, V = lpeg.P, lpeg.S, lpeg.R, lpeg.V
local C, Cc, Cg, Ct, Cp, Cmt, Carg = lpeg.C, lpeg.Cc, lpeg.Cg, lpeg.Ct,
  lpeg.Cp, lpeg.Cmt, lpeg.Carg

local M = {}

-- Letters and digits of any script: every byte >= 0x80 counts as a letter
-- byte, so UTF-8 words stay whole.
local ALNUM = R("az", "AZ", "09") + R("\128\255")
local INWORD = ALNUM + S"'-" * #ALNUM
local EDGE = -ALNUM
local SPACE = S" \t\r\n" + P"\194\160"

M.ALNUM, M.EDGE = ALNUM, EDGE
--- White space between words (at least one).
M.WS = SPACE^1
--- Spacing and the punctuation that may sit between the words of a phrase:
-- white space, commas, and dashes standing alone.
M.SP = (SPACE + S",;" + P"--" * #SPACE)^0
--- Any one word.
M.WORD = ALNUM * INWORD^0

local SP, WORD = M.SP, M.WORD

-- A phrase: its words in order, any white space between, whole words only.
local function phrase(s)
  local p
  for w in s:lower():gmatch("%S+") do
    p = p and (p * M.WS * P(w)) or P(w)
  end
  assert(p, "empty phrase")
  return p * EDGE
end

--- Whole words, case-insensitive: W"were killed", W{"killed", "died"}.
-- A list becomes one ordered choice, longest phrase first.
function M.W(x)
  if type(x) == "string" then return phrase(x) end
  assert(type(x) == "table", "W expects a string or a list of strings")
  local list = {}
  for k, v in pairs(x) do
    list[#list + 1] = type(k) == "string" and k or v
  end
  table.sort(list, function(a, b)
    if #a ~= #b then return #a > #b end
    return a < b
  end)
  local p
  for _, w in ipairs(list) do p = p and (p + phrase(w)) or phrase(w) end
  assert(p, "W: empty word list")
  return p
end

--- Optional element: OPT(W"also").
function M.OPT(p) return p^-1 end

-- Looks a context table up at the current position.
local function lookup(field, filter)
  return Cmt(Carg(1), function(_, pos, ctx)
    local entry = ctx[field][pos]
    if entry == nil then return false end
    if filter then
      entry = filter(entry)
      if entry == nil then return false end
    end
    return entry.next, entry
  end)
end

--- A count expression starting here ("at least 47", "nearly 30",
-- "thousands of"); captures the count record as `count`.
M.COUNT = Cg(lookup("count_at"), "count")

--- A number of the given kind (or any kind) starting here, captured as
-- `number`: NUM"year", NUM().
function M.NUM(kind)
  return Cg(lookup("num_at", function(n)
    if kind == nil or n.kind == kind then return n end
  end), "number")
end

--- A gazetteer match of a kind ("place", "actor", "org", "person"), or of
-- any of a list of kinds; captured under `name` (default: the kind).
function M.ENT(kinds, name)
  local want = {}
  if type(kinds) == "string" then want[kinds] = true
  elseif type(kinds) == "table" then for _, k in ipairs(kinds) do want[k] = true end end
  local function pick(list)
    for _, e in ipairs(list) do
      if kinds == nil or want[e.kind] or (e.class and want[e.class]) then return e end
    end
  end
  return Cg(lookup("ent_at", pick), name or (type(kinds) == "string" and kinds or "entity"))
end

--- Text captured under a name, with its sentence-relative span:
-- AS("victim", p) gives {text = ..., s = first, e = last}.
function M.AS(name, p)
  return Cg(Ct(Cg(Cp(), "s") * Cg(C(p), "text") * Cg(Cp() / function(x) return x - 1 end, "e")), name)
end

--- Up to n words, then p: GAP(n, p).  Built as a bounded recursion, so the
-- shortest gap that lets p match wins (LPeg repetition would not backtrack).
function M.GAP(n, p)
  local g = p
  for _ = 1, n do g = p + WORD * SP * g end
  return g
end

--- A sequence of elements joined by SP: seq{COUNT, VICTIM, W"were killed"}.
-- A GAP marker {gap = n} between two elements allows up to n words there.
function M.seq(list)
  local out
  for k = #list, 1, -1 do
    local e = list[k]
    if type(e) == "table" and e.gap then
      assert(out, "seq: a gap needs an element after it")
      out = M.GAP(e.gap, out)
    else
      if type(e) == "string" then e = phrase(e) end
      out = out and (e * SP * out) or e
    end
  end
  assert(out, "seq: empty sequence")
  return out
end

--- A gap marker for seq: seq{A, gap(3), B}.
function M.gap(n) return {gap = n} end

--- A victim phrase: up to `mods` modifier words before a noun from the
-- lexicon (a table noun -> class), captured as `victim` = {text, noun,
-- class, s, e}.  Modifiers may set the class: {rebel = "combatant"}.
function M.VICTIM(nouns, modifiers, mods)
  mods = mods or 3
  local noun_p = M.W(nouns)
  local lex = {}
  for k, v in pairs(nouns) do if type(k) == "string" then lex[k] = v end end
  local mod_class = modifiers or {}
  local body = M.GAP(mods, C(noun_p))
  return Cg(Cmt(Cp() * C(body) * Cp(), function(_, _, s, text, noun, e)
    local class = lex[noun] or "unknown"
    -- a modifier word that names a side overrides the noun's class
    for w in text:gmatch("[%w%-']+") do
      local c = mod_class[w]
      if c and w ~= noun then class = c; break end
    end
    return true, {text = text, noun = noun, class = class, s = s, e = e - 1}
  end), "victim")
end

--- Constant fields into the capture table: SET{kind = "killed"}.
function M.SET(fields)
  local p = P(true)
  for k, v in pairs(fields) do p = p * Cg(Cc(v), k) end
  return p
end

--- Sugar that reads like the design notes:
--   rule "casualty.passive" { triggers = {...}, pattern = ..., event = {...} }
function M.rule(id)
  return function(spec)
    spec.id = id
    return spec
  end
end

--- Compiles a `re` expression with the blocks available as %names:
-- RE([[ {| %COUNT %SP %VICTIM %SP 'were' %SP 'killed' |} ]], {VICTIM = ...}).
function M.RE(src, defs)
  local all = {COUNT = M.COUNT, SP = M.SP, WS = M.WS, WORD = M.WORD, EDGE = M.EDGE}
  for k, v in pairs(defs or {}) do all[k] = v end
  return re.compile(src, all)
end

--- The search pattern for a rule: tries the rule at each word start and at
-- each other character of the subject, returning a table of captures with
-- `_s`/`_e` (sentence-relative span), or nothing.
function M.searcher(p)
  local hit = Ct(Cg(Cp(), "_s") * p * Cg(Cp() / function(x) return x - 1 end, "_e"))
  return P{ hit + (WORD + 1) * V(1) }
end

--- All matches of a rule in a subject, left to right, non-overlapping.
function M.find_all(p, subject, ctx)
  local search = M.searcher(p)
  local out, init = {}, 1
  while init <= #subject do
    local m = search:match(subject, init, ctx)
    if not m then break end
    out[#out + 1] = m
    init = (m._e >= m._s) and (m._e + 1) or (m._s + 1)
  end
  return out
end

M.lpeg, M.re = lpeg, re
M.P, M.S, M.R, M.C, M.Cc, M.Cg, M.Ct, M.Cp = P, S, R, C, Cc, Cg, Ct, Cp

return M
