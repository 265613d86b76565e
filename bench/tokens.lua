-- bench/tokens.lua: MB/s of the C tokenizer and sentence splitter over the
-- Reuters-21578 bodies, and of a straightforward pure-LPeg tokenizer as the
-- baseline, in the same run.  Run from the repository root:
--   lua5.4 bench/tokens.lua [rounds]
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/?.so;" .. package.cpath

local wn = require("wirenews")
local sentences = require("wirenews.sentences")
local cjson = require("cjson")
local lpeg = require("lpeg")

local testdata = os.getenv("WIRENEWS_TESTDATA") or "../shared/testdata"
local path = testdata .. "/reuters21578/reuters21578.jsonl"
local rounds = tonumber(arg[1]) or 3

local f = io.open(path, "rb")
if not f then
  print("bench/tokens.lua: skipped, " .. path .. " not found")
  return
end
local bodies, bytes = {}, 0
for line in f:lines() do
  local body = cjson.decode(line).body
  if type(body) == "string" then
    bodies[#bodies + 1] = body
    bytes = bytes + #body
  end
end
f:close()

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

local function best_of(fn)
  local best = math.huge
  local result
  for _ = 1, rounds do
    collectgarbage()
    local t0 = os.clock()
    result = fn()
    local dt = os.clock() - t0
    if dt < best then best = dt end
  end
  return best, result
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
      :format(mb / t_tok, ntok))
print(("C tokens + sentences:  %8.1f MB/s  (%d sentences)")
      :format(mb / t_both, nsent))
print(("C tokens + sentences, bodies joined in one text: %8.1f MB/s")
      :format(#joined / 1e6 / t_joined))
print(("pure LPeg tokens:      %8.1f MB/s  (%d tokens)")
      :format(mb / t_lpeg, nlpeg))
print(("ratio C tokens+sentences / LPeg tokens: %.1fx")
      :format(t_lpeg / t_both))
