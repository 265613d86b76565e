--- wirenews.numbers: every number in a text, with its kind.
--
-- The work is done in C (csrc/number.c) over the token array; this module
-- holds the parser configuration (the vague-quantity coding policy) and
-- the entry points.  Results are a `wirenews.Numbers` userdata:
--
--   local nums = numbers.numbers("at least 92 soldiers, tens of thousands")
--   #nums                 --> 2
--   nums[1]               --> {value = 92, kind = "cardinal", start = 10,
--                              stop = 11, text = "92", first = 3, last = 3}
--   nums:find(10)         --> 1   (index of the number starting at byte 10)
--   nums:within(a, b)     --> first, last indices of numbers starting in [a, b]
--   nums:at(i)            --> start, stop, value, kind, flags (no table)
--   nums:records()        --> array of record tables
--
-- Kinds: cardinal, vague, ordinal, fraction, year, date (day of month),
-- time (value hhmm), duration, attributive, position, measure.  Flags are
-- true fields of a record: money, percent, negative, range (then `high`
-- holds the upper end), words, inexact, overflow, list, gloss, decade, of,
-- suffix, leadzero.
local core = require("wirenews.core")

local M = {}

--- Bit values of the number flags (nums:at(i) returns them as an integer),
-- and `not_count`: the flags that rule a number out as a count.
M.flag_bits = {}
for name, bit in pairs(core.number_flags) do M.flag_bits[name] = bit end
M.flag_bits.not_count = M.flag_bits.money | M.flag_bits.percent |
  M.flag_bits.negative | M.flag_bits.overflow | M.flag_bits.list |
  M.flag_bits.inexact

--- The vague-quantity coding policy: the figure a vague word stands for.
-- ACLED codes "tens" as 10, "dozens" as 12 and "hundreds" as 100; the
-- other words follow the same rule, the smallest quantity the word can
-- mean.  Compositions multiply: "tens of thousands" = 10 * 1000,
-- "several hundred" = 3 * 100.  Change a figure with numbers.set_vague.
M.vague_policy = {
  tens = 10, dozens = 12, dozen = 12, scores = 20, hundreds = 100,
  thousands = 1000, millions = 1e6, billions = 1e9, trillions = 1e12,
  several = 3, few = 3, handful = 3, couple = 2,
}

local function apply_policy(parser, policy)
  for word, figure in pairs(policy) do
    local ok, err = parser:set_vague(word, figure)
    if not ok then return nil, err end
  end
  return parser
end

--- A new parser object; `policy` (optional) overrides vague figures.
function M.new_parser(policy)
  local p = core.number_parser()
  assert(apply_policy(p, M.vague_policy))
  if policy then
    local ok, err = apply_policy(p, policy)
    if not ok then return nil, err end
  end
  return p
end

local default_parser = M.new_parser()

--- The parser used when none is given.
function M.parser() return default_parser end

--- Sets the figure of a vague word in the default parser (and the policy
-- table); a new word ("many") becomes a vague quantity like "several".
-- Returns true, or nil and a message.
function M.set_vague(word, figure)
  local ok, err = default_parser:set_vague(word, figure)
  if not ok then return nil, err end
  M.vague_policy[word:lower()] = figure
  return true
end

--- Numbers of an existing token array (no second tokenization).
function M.from_tokens(toks, parser)
  return core.numbers(parser or default_parser, toks)
end

--- Numbers of a text: tokenizes it, then runs the C pass.
function M.numbers(text, parser)
  local toks, err = core.tokenize(text)
  if not toks then return nil, err end
  return core.numbers(parser or default_parser, toks)
end

--- The numbers of a text as an array of record tables.
function M.list(text, parser)
  local nums, err = M.numbers(text, parser)
  if not nums then return nil, err end
  return nums:records()
end

return M
