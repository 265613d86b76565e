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

--- Sentence spans of a text: a list of {start =, stop =} records and the
-- token array (see lua/wirenews/sentences.lua for options and data).
M.sentences = require("wirenews.sentences").sentences

--- Rules and extraction ------------------------------------------------

--- A new rule engine with the default conflict pack (opts.defaults = false
-- for an empty one).
function M.new_engine(opts)
  local rules = require("wirenews.rules")
  local e = rules.new()
  if not (opts and opts.defaults == false) then
    assert(e:add(require("wirenews.rules.conflict"), "wirenews.rules.conflict"))
  end
  return e
end

local default_engine

--- The engine wn.extract uses: the default pack plus files loaded with
-- wn.load_rules.
function M.engine()
  default_engine = default_engine or M.new_engine()
  return default_engine
end

--- Loads a rule file (sandboxed) on top of the default pack, or of the
-- given engine.  Returns true, or nil and "file:line: why".
function M.load_rules(path, engine)
  if type(path) ~= "string" then
    error("bad argument #1 to 'load_rules' (string expected, got " .. type(path) .. ")", 2)
  end
  engine = engine or M.engine()
  local pack, err = require("wirenews.sandbox").load_file(path)
  if not pack then return nil, err end
  local ok, aerr = engine:add(pack, path, true)
  if not ok then return nil, aerr end
  local cok, cerr = engine:compile()
  if not cok then return nil, cerr end
  return true
end

--- The document record of the output contract for text.
-- opts: id (file name or caller's id), date ("YYYY-MM-DD"), engine.
function M.extract(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'extract' (string expected, got " .. type(text) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'extract' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  return require("wirenews.extract").extract(text, opts, opts.engine or M.engine())
end

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
--- Numbers of a text with their kinds (a wirenews.Numbers userdata:
-- #nums, nums[i] -> record table, nums:find(pos)); see wirenews.numbers.
M.numbers = function(text) return require("wirenews.numbers").numbers(text) end

--- Count expressions with qualifiers and low/high; see wirenews.counts.
M.counts = function(text) return require("wirenews.counts").counts(text) end

return M
