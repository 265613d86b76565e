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

-- Document stage (issue 5): cleaning, datelines, time expressions.
local document = require("wirenews.document")
--- wn.document(text, opts) / wn.clean: paragraphs, removed, kept spans,
-- dateline, warnings; see lua/wirenews/document.lua.
M.document = document.clean
M.clean = document.clean
--- wn.dateline(text, opts): the dateline at the start of text, or nil.
M.dateline = require("wirenews.dateline").parse
--- wn.times(text, {date = "YYYY-MM-DD"}): time expressions.
M.times = require("wirenews.times").find

return M
