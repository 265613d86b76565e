--- Sentence boundaries: the C splitter (core.sentences) plus the data it
-- needs, kept here as plain Lua tables that users can read and extend.
--
--   local sentences = require("wirenews.sentences")
--   sentences.add_abbreviations("plain", {"Gov't", "Dept"})
--   for _, s in ipairs(wn.sentences(text)) do
--     print(text:sub(s.start, s.stop))
--   end
--
-- Abbreviations are written with or without their final stop ("Gen." and
-- "Gen" are the same entry); dotted forms keep their dots ("a.m.").
-- Entries are compared case-folded, but an entry written with a capital
-- ("Ill", "Mass") only counts for capitalised words, so "was ill. Doctors"
-- still ends a sentence; lower-case entries ("co", "etc") match any case.
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
    "Pres", "Supt", "Rev", "Hon", "Amb", "Atty", "Insp", "Mme", "Mlle",
    "Mssrs", "Fr", "Sra", "Srta", "Msgr",
    -- given names written short: "Chas. P. Young"
    "Chas", "Wm", "Thos", "Jas", "Geo", "Benj", "Jos",
  },
  -- Abbreviations only before a number: "No. 5", "p. 55", "N°. 12".
  numeric = { "no", "nos", "nr", "n°", "p", "pp", "fig", "figs", "vol",
              "vols", "art", "ch", "sec", "para", "ex", "op", "tel",
              -- currencies written before the amount: "Rs. 1000"
              "rs", "re", "dh", "dhs" },
  -- Clock times.
  time = { "a.m.", "p.m." },
  -- Everything else: ends a sentence only before a sentence starter.
  plain = {
    -- companies and places
    "Co", "Cos", "Corp", "Inc", "Ltd", "Bros", "Assn", "Assoc", "Dept",
    "Govt", "Univ", "Intl", "Mfg", "St", "Ste", "Mt", "Ft", "Ave", "Blvd",
    "Rd", "Sq", "Hwy", "Pt", "Jr", "Sr", "Esq", "PhD", "Ph",
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
  "I'm", "I've", "I'd", "I'll", "It's", "That's", "There's", "Here's",
  "He's", "She's", "We're", "We've", "They're", "They've", "Let's", "What's",
  -- quantities open many casualty sentences: "Thousands fled."
  "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  "Dozens", "Scores", "Hundreds", "Thousands", "Millions", "Several", "Few",
  "More", "Nearly", "Almost", "About", "Over", "At",
}

--- Function words: a line that ends in one was wrapped mid-sentence, even
-- when the next line starts with a capital ("Corp said its\nPontiac
-- Division"), so it cannot stand alone as a subhead or credit line.
M.joiners = {
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from",
  "with", "into", "onto", "under", "after", "before", "between", "against",
  "during", "since", "until", "than", "per", "via", "and", "or", "but",
  "nor", "as", "that", "which", "who", "whom", "whose", "its", "their",
  "his", "her", "our", "my", "your", "this", "these", "those", "said",
  "says", "told", "is", "are", "was", "were", "be", "been", "being", "has",
  "have", "had", "will", "would", "could", "should", "may", "might", "can",
  "must", "if", "when", "where", "while", "such", "including",
}

-- Lexicons built from the tables above, rebuilt after a change.
local cache = { gen = 0 }

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

-- Word roles as payload bits (WN_WORD_STARTER, WN_WORD_JOINER).
local STARTER, JOINER = 1, 2

local function word_lexicon(starters, joiners)
  local map = {}
  local function add(words, role)
    for _, w in ipairs(words or {}) do
      local key = core.fold(w)
      map[key] = (map[key] or 0) | role
    end
  end
  add(M.starters, STARTER)
  add(starters, STARTER)
  add(M.joiners, JOINER)
  add(joiners, JOINER)
  return core.lexicon(map)
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
  cache.gen = cache.gen + 1
end

--- Adds sentence starters.
function M.add_starters(words)
  for _, w in ipairs(words) do M.starters[#M.starters + 1] = w end
  cache.words = nil
  cache.gen = cache.gen + 1
end

--- Adds function words that cannot end a line standing alone.
function M.add_joiners(words)
  for _, w in ipairs(words) do M.joiners[#M.joiners + 1] = w end
  cache.words = nil
  cache.gen = cache.gen + 1
end

-- Lexicons built for the extra tables of a call, by table (weak keys): a
-- rule pack passing the same table on every call builds them once.  The
-- tables are read once; pass a new table after changing one.
local extra_cache = setmetatable({}, { __mode = "k" })

local function extra_lexicons(opts)
  local key = opts.abbreviations or opts.starters or opts.joiners
  local hit = extra_cache[key]
  if hit and hit.a == opts.abbreviations and hit.s == opts.starters and
     hit.j == opts.joiners and hit.gen == cache.gen then
    return hit.abbrevs, hit.words
  end
  local extra = opts.abbreviations
  if extra and extra[1] then extra = { plain = extra } end
  hit = { a = opts.abbreviations, s = opts.starters, j = opts.joiners,
          gen = cache.gen, abbrevs = abbreviation_lexicon(extra),
          words = word_lexicon(opts.starters, opts.joiners) }
  extra_cache[key] = hit
  return hit.abbrevs, hit.words
end

--- The lexicons for a call: the cached defaults, or fresh ones when the
-- options add words for this call only.
function M.lexicons(opts)
  if opts and (opts.abbreviations or opts.starters or opts.joiners) then
    return extra_lexicons(opts)
  end
  cache.abbrevs = cache.abbrevs or abbreviation_lexicon()
  cache.words = cache.words or word_lexicon()
  return cache.abbrevs, cache.words
end

--- Sentence spans of a token array: two arrays, starts and stops.
-- opts: abbreviations (a list of plain ones, or a table by kind),
-- starters and joiners to add for this call; pdf = true to join lines
-- broken before a lower-case word; min_wrap (default 60).
function M.spans(toks, opts)
  local abbrevs, words = M.lexicons(opts)
  return core.sentences(toks, abbrevs, words, opts)
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
