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

--- Sentence spans of a text: a list of {start =, stop =} records and the
-- token array (see lua/wirenews/sentences.lua for options and data).
M.sentences = require("wirenews.sentences").sentences

return M
