--- Sentence boundaries: the C splitter (core.sentences) plus the data it
-- needs, kept here as plain Lua tables that users can read and extend.
--
--   local sentences = require("wirenews.sentences")
--   sentences.add_abbreviations("plain", {"Gov't", "Dept"})
--   for _, s in ipairs(wn.sentences(text)) do print(text:sub(s.start, s.stop)) end
--
-- Abbreviations are written with or without their final stop ("Gen." and
-- "Gen" are the same entry); dotted forms keep their dots ("a.m.").
-- Case does not matter: entries are compared case-folded.
local core = require("wirenews.core")

local M = {}

--- How each kind of abbreviation behaves before a period (the payloads the
-- C splitter reads, see enum wn_abbrev_kind in csrc/wirenews.h).
M.KINDS = { plain = 1, title = 2, numeric = 3, time = 4 }

--- Default abbreviations by kind.
M.abbreviations = {
  -- Titles come before a name and never end a sentence: "Gen. Dempsey".
  title = {
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens",
    "Lt", "Col", "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt",
    "Cpl", "Pvt", "Lieut", "Comdr", "Rep", "Reps", "Sen", "Sens", "Gov",
    "Pres", "Supt", "Rev", "Hon", "Amb", "Atty", "Insp", "Mme", "Mlle", "Mssrs",
    "Fr", "Sra", "Srta", "Msgr",
  },
  -- Abbreviations only before a number: "No. 5", "p. 55", "N°. 12".
  numeric = { "No", "Nos", "Nr", "N°", "p", "pp", "Fig", "Figs", "Vol", "Vols",
              "Art", "Ch", "Sec", "Para", "Ex", "Op", "Tel" },
  -- Clock times.
  time = { "a.m.", "p.m." },
  -- Everything else: ends a sentence only before a sentence starter.
  plain = {
    -- companies and places
    "Co", "Cos", "Corp", "Inc", "Ltd", "Bros", "Assn", "Assoc", "Dept",
    "Govt", "Univ", "Intl", "Mfg", "St", "Ste", "Mt", "Ft", "Ave", "Blvd",
    "Rd", "Sq", "Hwy", "Pt", "Jr", "Sr", "Esq", "PhD",
    -- months and days (Reuters style and others)
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun",
    -- U.S. states as Reuters and AP abbreviate them
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
    "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss",
    "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
    -- common shortenings
    "approx", "est", "etc", "vs", "cf", "viz", "al", "ca", "dept", "div",
    "co", "gov't", "e.g.", "i.e.",
  },
}

--- Words that usually open a sentence: after "U.S." or "Co." they tell a
-- sentence end ("... in the U.S. How about you?") from a name going on
-- ("the U.S. Government").
M.starters = {
  "A", "An", "The", "This", "That", "These", "Those", "There", "Here",
  "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
  "Our", "My", "Your", "One", "Some", "Many", "Most", "All", "Both", "Each",
  "Every", "Such", "Other", "Another", "No", "None", "Nothing",
  "But", "And", "Or", "So", "Yet", "Nor", "However", "Meanwhile", "Still",
  "Also", "Then", "Thus", "Instead", "Moreover", "Earlier", "Later",
  "In", "On", "At", "By", "For", "From", "With", "After", "Before",
  "During", "Since", "Under", "Among", "According", "As", "If", "When",
  "While", "Although", "Though", "Because", "Until", "Once",
  "What", "Who", "Why", "How", "Where", "Which", "Whether",
  "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will",
  "Would", "Should", "Have", "Has", "Had", "Let", "Please", "Yes",
}

-- Lexicons built from the tables above, rebuilt after a change.
local cache = {}

local function entry(word)
  -- "Gen." -> "Gen"; "a.m." stays dotted (it is one token)
  if word:find("%..*%.$") then return word end
  return (word:gsub("%.$", ""))
end

-- Entries written with a capital ("Ill", "Mass") count only for
-- capitalised words; lower-case entries ("co", "etc") match any case.
local CAPITAL = 0x100   -- WN_ABBR_CAPITAL

local function abbreviation_lexicon(extra)
  local map = {}
  local function add(tables)
    for kind, words in pairs(tables) do
      local v = M.KINDS[kind] or error("unknown abbreviation kind '" ..
                                       tostring(kind) .. "'", 3)
      for _, w in ipairs(words) do
        local e = entry(w)
        local key = core.fold(e)
        local cap = e:find("^%u") and CAPITAL or 0
        local old = map[key]
        if old and old & CAPITAL == 0 then cap = 0 end
        map[key] = v | cap
      end
    end
  end
  add(M.abbreviations)
  if extra then add(extra) end
  return core.lexicon(map)
end

local function starter_lexicon(extra)
  local list = {}
  for _, w in ipairs(M.starters) do list[#list + 1] = w end
  for _, w in ipairs(extra or {}) do list[#list + 1] = w end
  return core.lexicon(list)
end

--- Adds abbreviations of a kind ("plain", "title", "numeric", "time").
function M.add_abbreviations(kind, words)
  if type(kind) == "table" then kind, words = "plain", kind end
  if not M.KINDS[kind] then
    error("bad argument #1 to 'add_abbreviations' (unknown kind '" ..
          tostring(kind) .. "')", 2)
  end
  local list = M.abbreviations[kind]
  for _, w in ipairs(words) do list[#list + 1] = w end
  cache.abbrevs = nil
end

--- Adds sentence starters.
function M.add_starters(words)
  for _, w in ipairs(words) do M.starters[#M.starters + 1] = w end
  cache.starters = nil
end

--- The lexicons for a call: the cached defaults, or fresh ones when the
-- options add words for this call only.
function M.lexicons(opts)
  if opts and (opts.abbreviations or opts.starters) then
    local extra = opts.abbreviations
    if extra and extra[1] then extra = { plain = extra } end
    return abbreviation_lexicon(extra), starter_lexicon(opts.starters)
  end
  cache.abbrevs = cache.abbrevs or abbreviation_lexicon()
  cache.starters = cache.starters or starter_lexicon()
  return cache.abbrevs, cache.starters
end

--- Sentence spans of a token array: two arrays, starts and stops.
-- opts: abbreviations (a list of plain ones, or a table by kind) and
-- starters to add for this call; pdf = true to join lines broken before
-- a lower-case word; min_wrap (default 60).
function M.spans(toks, opts)
  local abbrevs, starters = M.lexicons(opts)
  return core.sentences(toks, abbrevs, starters, opts)
end

--- Sentences of a text as a list of {start =, stop =} records (one table
-- per sentence), and the token array they were found in.
function M.sentences(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'sentences' (string expected, got " ..
          (text == nil and "no value" or type(text)) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'sentences' (table expected, got " ..
          type(opts) .. ")", 2)
  end
  local toks, err = core.tokenize(text)
  if not toks then return nil, err end
  local starts, stops = M.spans(toks, opts)
  local out = {}
  for k = 1, #starts do out[k] = { start = starts[k], stop = stops[k] } end
  return out, toks
end

--- for k, start, stop in sentences.each(text [, opts]) do ... end
function M.each(text, opts)
  local starts, stops = M.spans(core.tokenize(text), opts)
  local k = 0
  return function()
    k = k + 1
    if starts[k] then return k, starts[k], stops[k] end
  end
end

return M
