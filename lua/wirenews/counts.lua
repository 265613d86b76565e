--- wirenews.counts: count expressions ("at least 92", "between 10 and 15",
-- "tens of thousands") built on the numbers the C core finds.
--
-- A count is a table following the output contract (design.md):
--   value      the number as stated (vague words: the coding-policy figure;
--              ranges: the low end, see policy.range_value)
--   qualifier  exact | at_least | more_than | at_most | less_than |
--              nearly | about | vague
--   low, high  bounds from the low/high policy below (nil when unbounded)
--   text, start, stop   the expression, qualifier included (1-based bytes)
-- and, beyond the contract: `number` (index into the Numbers array),
-- `kind` (cardinal or vague), `range = true` for "10-15" and "between 10
-- and 15", `upper = {text, start, stop, qualifier}` for a hedged upper
-- figure ("at least 10 ... and possibly as many as 20").
--
-- Qualifier phrases are data (M.qualifiers); after changing them call
-- M.compile().  Matching is ASCII case-insensitive and keeps byte offsets.
local lpeg = require("lpeg")
local numbers = require("wirenews.numbers")

local P, S, C, Cc, Cp, V = lpeg.P, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cp, lpeg.V

local M = {}

--- Qualifier lexicon: qualifier -> phrases that come before the number.
M.qualifiers = {
  at_least = {"at least", "no fewer than", "no less than", "not less than",
              "a minimum of", "at the very least"},
  more_than = {"more than", "over", "upwards of", "in excess of",
               "well over", "just over", "above"},
  at_most = {"up to", "as many as", "at most", "no more than",
             "not more than", "a maximum of", "as much as"},
  less_than = {"fewer than", "less than", "under"},
  nearly = {"nearly", "almost", "close to", "just under", "just short of",
            "approaching"},
  about = {"about", "around", "some", "roughly", "approximately",
           "an estimated", "estimated", "circa", "an approximate"},
  exact = {"exactly", "precisely", "a total of"},
  between = {"between"},               -- opens a range: "between 10 and 15"
}

--- Phrases after the number that set the qualifier: "10 or more".
M.postfixes = {
  at_least = {"or more", "and more", "or above"},
  about = {"or so"},
}

--- Hedges that join a hedged upper figure: "and possibly as many as 20".
M.hedges = {"possibly", "perhaps", "maybe", "probably", "potentially",
            "even"}

--- Words joining the two ends of a range: "10 to 15", "two or three".
M.range_joiners = {"to", "or", "-", "\226\128\147", "\226\128\148"}

--- Number kinds that can be counts (years, dates, durations, ordinals,
-- attributive numbers, positions, fractions and measures never are).
M.countable_kinds = {cardinal = true, vague = true}

--- The low/high policy.  `bounds[q](value, policy)` returns low, high for
-- a count with qualifier q; ranges and hedged upper figures then set the
-- high end from the text.  Change the numbers here or replace a function.
M.policy = {
  more_than_step = 1,   -- more_than 800 -> low 801
  less_than_step = 1,   -- less_than 30 -> high 29
  nearly_step = 1,      -- nearly 30 -> high 29
  about_band = nil,     -- e.g. 0.1: about 100 -> low 90, high 110 (rounded)
  range_value = "low",  -- value of a range: "low" (as ACLED), "high", "mid"
}

local floor, ceil = math.floor, math.ceil

M.bounds = {
  exact = function(v) return v, v end,
  at_least = function(v) return v, nil end,
  more_than = function(v, p) return floor(v) + p.more_than_step, nil end,
  at_most = function(v) return nil, v end,
  less_than = function(v, p) return nil, ceil(v) - p.less_than_step end,
  nearly = function(v, p) return nil, ceil(v) - p.nearly_step end,
  about = function(v, p)
    local b = p.about_band
    if not b then return nil, nil end
    return floor(v - v * b + 0.5), floor(v + v * b + 0.5)
  end,
  vague = function(v) return v, nil end,
}

-- ------------------------------------------------------------ patterns

local alnum = lpeg.R("az", "AZ", "09")
local space = S(" \t\r\n") + P("\194\160")
local SP = space ^ 1
local SP0 = space ^ 0
local word_end = -alnum

-- Case-insensitive phrase, any spacing between its words.
local function phrase(s)
  local patt = P(true)
  local i = 1
  while i <= #s do
    local ch = s:sub(i, i)
    if ch == " " then
      patt = patt * SP
      while s:sub(i + 1, i + 1) == " " do i = i + 1 end
    elseif ch:match("%a") then
      patt = patt * S(ch:lower() .. ch:upper())
    else
      patt = patt * P(ch)
    end
    i = i + 1
  end
  if s:match("%w$") then patt = patt * word_end end
  return patt
end

-- One choice over phrases, longest first, capturing `tag` when given.
local function choice(list, tag)
  local sorted = {}
  for i, s in ipairs(list) do sorted[i] = s end
  table.sort(sorted, function(a, b) return #a > #b end)
  local patt = P(false)
  for _, s in ipairs(sorted) do patt = patt + phrase(s) end
  if tag then patt = patt * Cc(tag) end
  return patt
end

local function tagged(map, reversed)
  local names = {}
  for name in pairs(map) do names[#names + 1] = name end
  table.sort(names)                    -- deterministic order
  -- longest phrases first across all qualifiers, so "no more than"
  -- (at_most) wins over "more than" (more_than) at the same position
  local all = {}
  for _, name in ipairs(names) do
    for _, s in ipairs(map[name]) do all[#all + 1] = {s, name} end
  end
  table.sort(all, function(a, b)
    if #a[1] ~= #b[1] then return #a[1] > #b[1] end
    return a[1] < b[1]
  end)
  local patt = P(false)
  for _, e in ipairs(all) do
    local text = reversed and e[1]:reverse() or e[1]
    patt = patt + phrase(text) * Cc(e[2])
  end
  return patt
end

local pat = {}

--- Rebuilds the patterns from M.qualifiers, M.postfixes, M.hedges and
-- M.range_joiners; call it after changing them.
function M.compile()
  local qual = tagged(M.qualifiers)
  -- qualifier at a position: tag, position after it and its spacing
  pat.qual_at = qual * SP0 * Cp()
  -- qualifier ending right before a number, matched on the reversed text
  -- before it: tag, and the position after it (phrases reversed, longest
  -- first; a phrase's reversed word end is its word start in the text)
  pat.qual_rev = SP0 * tagged(M.qualifiers, true) * Cp()
  pat.and_at = SP * phrase("and") * SP * Cp()
  local joiners = choice(M.range_joiners)
  pat.range_at = SP0 * joiners * SP0 * Cp()
  pat.postfix_at = SP * tagged(M.postfixes) * Cp()
  local upper = tagged({at_most = M.qualifiers.at_most,
                        about = M.qualifiers.about})
  local hedge = choice(M.hedges)
  -- ", and possibly as many as" / "and perhaps": start, tag, position of
  -- the figure; the search stays inside the sentence
  local lead = P"," * SP0 * (phrase("and") * SP)^-1 + phrase("and") * SP
  pat.hedged = P({
    Cp() * lead * hedge * SP * (upper * SP0 + Cc("exact")) * Cp()
    + alnum^1 * V(1)
    + (1 - S(".;!?") - alnum) * V(1)
  })
  pat.from_before = P({ phrase("from") * SP0 * -1 + 1 * V(1) })
end

M.compile()

-- ------------------------------------------------------------- counts

--- Is number i of nums a possible count?
function M.countable(nums, i)
  local _, _, value, kind, flags = nums:at(i)
  if not M.countable_kinds[kind] then return false end
  local f = numbers.flag_bits
  if flags & f.not_count ~= 0 then return false end
  return value >= 0 and value == floor(value)
end

local function policy_bounds(qualifier, value)
  local fn = M.bounds[qualifier]
  if not fn then return nil, nil end
  return fn(value, M.policy)
end

-- Number index starting at byte p when countable.
local function countable_at(nums, p)
  local j = nums:find(p)
  if j and M.countable(nums, j) then return j end
  return nil
end

-- The count built on number i, its expression starting at `start` with
-- qualifier q (nil: none).  Returns the count and the set of further
-- number indices it consumed.
local function build(text, nums, i, q, start)
  local r = nums[i]
  local used = {}
  local count = {
    value = r.value, kind = r.kind, number = i,
    start = start, stop = r.stop,
  }
  local low, high = r.value, r.high
  local ranged = r.range or false
  if q == "between" then
    local p = pat.and_at:match(text, r.stop + 1)
    local j = p and countable_at(nums, p)
    local r2 = j and nums[j]
    if not (r2 and r2.value > r.value) then return nil end
    high, ranged, count.stop, used[j] = r2.value, true, r2.stop, true
    q = nil
  elseif not ranged and not pat.from_before:match(text:sub(math.max(1, start - 8), start - 1)) then
    local p = pat.range_at:match(text, r.stop + 1)
    local j = p and nums:find(p)
    if j and not M.countable(nums, j) then
      return nil                       -- "three to four days": a duration
    end
    local r2 = j and nums[j]
    if r2 and r2.value > r.value and not r2.range then
      high, ranged, count.stop, used[j] = r2.value, true, r2.stop, true
    end
  end
  if not q then
    local tag, p = pat.postfix_at:match(text, count.stop + 1)
    if tag then q, count.stop = tag, p - 1 end
  end
  q = q or (r.kind == "vague" and "vague" or "exact")
  if ranged then
    local v = M.policy.range_value
    count.range = true
    count.value = v == "high" and high or v == "mid" and (low + high) / 2 or low
    if q == "exact" then q = "at_least" end
  end
  count.qualifier = q
  if ranged then
    local l = policy_bounds(q, low)
    count.low, count.high = l, high
  else
    count.low, count.high = policy_bounds(q, count.value)
  end
  -- a hedged upper figure later in the sentence
  if count.high == nil then
    local limit = math.min(#text, count.stop + 160)
    local seg = text:sub(count.stop + 1, limit)
    local hs, tag, p = pat.hedged:match(seg)
    local j = p and countable_at(nums, count.stop + p)
    local r2 = j and nums[j]
    if r2 and r2.value > count.value then
      count.high = r2.value
      count.upper = {text = text:sub(count.stop + hs, r2.stop),
                     start = count.stop + hs, stop = r2.stop,
                     qualifier = tag}
      used[j] = true
    end
  end
  count.text = text:sub(count.start, count.stop)
  return count, used
end

--- The count expression starting exactly at byte `pos` of `text` (its
-- qualifier included), or nil.  `nums` are the numbers of `text`.  A rule
-- asks "is there a count here, and where does it end?" with this.
function M.at(text, nums, pos)
  local tag, p = pat.qual_at:match(text, pos)
  local i
  if tag then
    if pos > 1 and text:sub(pos - 1, pos - 1):match("%w") then return nil end
    i = countable_at(nums, p)
    if not i then return nil end
    return (build(text, nums, i, tag, pos))
  end
  i = countable_at(nums, pos)
  if not i then return nil end
  return (build(text, nums, i, nil, pos))
end

-- Qualifier right before byte s (not before byte `floor_pos`): its tag
-- and start, or nil and s.
local function qualifier_before(text, s, floor_pos)
  local from = math.max(floor_pos, s - 48)
  local tag, p = pat.qual_rev:match(text:sub(from, s - 1):reverse())
  if not tag then return nil, s end
  return tag, s - (p - 1)
end

--- Counts among the numbers starting in [start, stop] of `text`, with
-- their qualifiers (not looked for before `start`).  `nums` are the
-- numbers of the whole text (numbers.numbers or numbers.from_tokens).
function M.in_span(text, nums, start, stop)
  local out, consumed = {}, {}
  local first, last = nums:within(start, stop)
  for i = first, last do
    if not consumed[i] and M.countable(nums, i) then
      local s = nums:at(i)
      local tag, qs = qualifier_before(text, s, start)
      local count, used = build(text, nums, i, tag, qs)
      if not count and tag then
        count, used = build(text, nums, i, nil, s)
      end
      if count then
        out[#out + 1] = count
        for j in pairs(used) do consumed[j] = true end
      end
    end
  end
  return out
end

--- All counts of a text whose token array exists already (the rule
-- engine's entry: no second tokenization).  Returns the counts and the
-- Numbers userdata they were read from.
function M.from_tokens(text, toks, parser)
  local nums = numbers.from_tokens(toks, parser)
  return M.in_span(text, nums, 1, #text), nums
end

--- All counts of a text (wn.counts).  `nums` is optional.
function M.counts(text, nums)
  if not nums then
    local err
    nums, err = numbers.numbers(text)
    if not nums then return nil, err end
  end
  return M.in_span(text, nums, 1, #text)
end

return M
