-- bench/tokens.lua: MB/s of the C tokenizer and sentence splitter over the
-- Reuters-21578 bodies, and of a straightforward pure-LPeg tokenizer as the
-- baseline, in the same run.  Run from the repository root:
--   lua5.4 bench/tokens.lua [rounds]
local bench = dofile("bench/common.lua")
local wn = require("wirenews")
local sentences = require("wirenews.sentences")
local lpeg = require("lpeg")

local rounds = tonumber(arg[1]) or 3
local bodies, bytes = bench.reuters_or_skip("bench/tokens.lua")
local function best_of(fn) return bench.best_of(rounds, fn) end

-- The baseline: words (letters, digits, inner hyphens and apostrophes),
-- numbers with separators, and any other single character, as positions.
local R, S, P, C, Cp = lpeg.R, lpeg.S, lpeg.P, lpeg.C, lpeg.Cp
local utf8cont = R("\128\191")
local letter = R("az", "AZ") + R("\192\255") * utf8cont ^ 0
local digit = R("09")
local alnum = letter + digit
local number = digit ^ 1 * (S(",.") * digit ^ 1) ^ 0
local word = alnum ^ 1 * (S("-'") * alnum ^ 1) ^ 0
local space = S(" \t\r\n") ^ 1
local token = Cp() * (number + word + P(1)) * Cp()
local lpeg_tokenizer = (space + token) ^ 0

-- Counts the tokens LPeg finds (two positions per token).
local function lpeg_count(s)
  return select("#", lpeg_tokenizer:match(s)) // 2
end

local mb = bytes / 1e6
local abbrevs, words = sentences.lexicons()

local t_tok, ntok = best_of(function()
  local n = 0
  for i = 1, #bodies do n = n + #wn.tokens(bodies[i]) end
  return n
end)

local t_both, nsent = best_of(function()
  local n = 0
  for i = 1, #bodies do
    local starts = wn.core.sentences(wn.tokens(bodies[i]), abbrevs, words)
    n = n + #starts
  end
  return n
end)

-- The same bytes as one text: the C passes without per-call overhead.
local joined = table.concat(bodies, "\n\n")
local t_joined = best_of(function()
  return #wn.core.sentences(wn.tokens(joined), abbrevs, words)
end)

local t_lpeg, nlpeg = best_of(function()
  local n = 0
  for i = 1, #bodies do n = n + lpeg_count(bodies[i]) end
  return n
end)

print(("Reuters-21578 bodies: %d texts, %.1f MB, best of %d rounds")
      :format(#bodies, mb, rounds))
print(("C tokens:              %8.1f MB/s  (%d tokens)")
      :format(bench.mbs(bytes, t_tok), ntok))
print(("C tokens + sentences:  %8.1f MB/s  (%d sentences)")
      :format(bench.mbs(bytes, t_both), nsent))
print(("C tokens + sentences, bodies joined in one text: %8.1f MB/s")
      :format(bench.mbs(#joined, t_joined)))
print(("pure LPeg tokens:      %8.1f MB/s  (%d tokens)")
      :format(bench.mbs(bytes, t_lpeg), nlpeg))
print(("ratio C tokens+sentences / LPeg tokens: %.1fx")
      :format(t_lpeg / t_both))
