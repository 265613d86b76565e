--- wirenews: structured, explainable records from raw wire-service news.
-- The C core (wirenews.core) tokenizes, splits sentences, parses numbers
-- and matches gazetteers; Lua rule files decide what is extracted.
local core = require("wirenews.core")

local M = {
  _VERSION = "wirenews " .. core.version,
  core = core,
  flags = core.flags,
}

--- Token array of a text: a userdata with #toks, toks:at(i) -> start, stop,
-- class, flags; toks:text(i); toks:each(); toks:column(name [, i, j]).
M.tokens = core.tokenize

--- Numbers of a text with their kinds (a wirenews.Numbers userdata:
-- #nums, nums[i] -> record table, nums:find(pos)); see wirenews.numbers.
M.numbers = function(text) return require("wirenews.numbers").numbers(text) end

--- Count expressions with qualifiers and low/high; see wirenews.counts.
M.counts = function(text) return require("wirenews.counts").counts(text) end

return M
