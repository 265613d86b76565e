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

--- Gazetteers (lua/wirenews/gazetteer.lua): wn.gazetteer([opts]) makes an
-- empty one (gz:add, gz:load, gz:match); wn.entities(text) matches the
-- bundled places, actors and people.
M.gazetteer = function(opts) return require("wirenews.gazetteer").new(opts) end
M.entities = function(text, opts) return require("wirenews.gazetteer").entities(text, opts) end

return M
