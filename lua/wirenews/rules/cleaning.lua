--- Cleaning rules: which paragraphs of wire copy are not narrative.
--
-- Plain data a user can copy and extend.  wirenews.document tries the rules
-- in order on every paragraph; the first that matches sets the paragraph
-- aside in `removed` with the rule's kind and id.  A rule has
--   id        unique name, reported with every removal
--   kind      "credit" | "caption" | "subhead" | "boilerplate"
--   exact     list of whole-paragraph texts (compared with p.norm)
--   patterns  list of Lua patterns tried on p.norm
--   test      function(p, rules) -> true when the paragraph matches
--   max_words skip the rule on longer paragraphs (cheap guard)
-- p.norm is the paragraph lower-cased with white space collapsed and
-- trimmed; p.text is the raw paragraph; p.words its words (original case);
-- p.nwords, p.index (1-based), p.count (paragraphs in the document),
-- p.dateline (true when the paragraph opens with a dateline).
--
-- To add a rule: copy this file, append {id = "credit.mypaper", kind =
-- "credit", patterns = {"^my paper staff$"}}, and pass the module as
-- wn.document(text, {rules = require("my_cleaning")}).
local R = {}

-- Reporting verbs: a line that attributes is narrative, never a caption.
R.reporting = {
  said = true, says = true, say = true, told = true, according = true,
  reported = true, reports = true, added = true, adds = true,
  claimed = true, claims = true, stated = true, announced = true,
  show = true, shows = true, showed = true,
}

-- Present-tense verbs of what a photograph shows ("A Syrian sits ...",
-- "Displaced Syrians return home ...").  Narrative copy is in the past
-- tense or attributed, so these mark a caption when they are the first verb.
R.caption_verbs = {}
for w in ([[sit sits stand stands walk walks return returns ride rides
  gather gathers carry carries hold holds look looks wait waits pray prays
  mourn mourns flee flees inspect inspects pose poses play plays rest rests
  react reacts cross crosses chant chants wave waves shout shouts queue
  queues sell sells search searches gesture gestures attend attends march
  marches lie lies sleep sleeps cry cries hug hugs kneel kneels pass passes
  push pushes receive receives watch watches clean cleans collect collects
  load loads celebrate celebrates arrive arrives smoke smokes eat eats
  bury buries weep weeps stroll strolls rally rallies
  protest protests demonstrate demonstrates]]):gmatch("%S+") do
  R.caption_verbs[w] = true
end

-- Words that, before the first caption verb, show the line is a clause of
-- narrative ("A truce that started ..."), not a caption's subject.
R.not_subject = {}
for w in ([[is are was were has have had will would could can should may
  might did does do that which who whom whose when while after before if
  as because since he she it they we i you his her its their our]]):gmatch("%S+") do
  R.not_subject[w] = true
end

-- People a photograph shows: the subject of a present-tense caption must
-- name one ("A Syrian sits", "Displaced Syrians return"), which keeps
-- "GM holds a 38.6 pct stake" and "The march was aimed" narrative.
R.caption_subjects = {}
for w in ([[man men woman women boy boys girl girls child children kid kids
  people person family families fighter fighters rebel rebels soldier soldiers
  member members refugee refugees protester protesters protestors resident
  residents mourner mourners worker workers volunteer volunteers supporter
  supporters demonstrator demonstrators student students civilian civilians
  policeman policemen officer officers medic medics doctor doctors nurse nurses
  villager villagers youth youths relatives mother mothers father
  fathers son sons daughter daughters brother brothers sister sisters baby
  babies crowd crowds militant militants militiamen militiaman gunman gunmen
  activist activists journalist journalists photographer displaced wounded
  president minister leader envoy troops vendor vendors shopper shoppers
  worshipper worshippers pilgrims pilgrim boys girls elderly teenager teenagers]]):gmatch("%S+") do
  R.caption_subjects[w] = true
end

-- Nationality words also name people: plural ("Syrians", "Iraqis") or
-- after an article ("A Syrian", "a Lebanese"), not a bare name ("Bastian").
local ARTICLE = {a = true, an = true, the = true}
local function names_people(word, prev)
  local w = word:lower()
  if R.caption_subjects[w] then return true end
  if #w < 5 or not word:match("^%u%l+$") or w == "these" or w == "those" then
    return false
  end
  if not (w:match("ians?$") or w:match("ese$") or w:match("%li[s]?$") or w:match("ans?$")) then
    return false
  end
  return w:sub(-1) == "s" or (prev ~= nil and ARTICLE[prev:lower()] == true)
end

-- Position markers of photo captions: "(L)", "(2nd-R)", "(L-R)", "(centre)".
R.position_markers = {}
for w in ([[l r c lr rl left right centre center top bottom front back
  frontl frontr backl backr topl topr bottoml bottomr]]):gmatch("%S+") do
  R.position_markers[w] = true
end

local function has_position_marker(text)
  for at, inner in text:gmatch("()%(([^()]-)%)") do
    if at > 1 and #inner <= 12 then
      local key = inner:lower():gsub("[%s%-]", "")
      if R.position_markers[key] or key:match("^%d+[snrt][tdh][lrc]$") then
        return true
      end
    end
  end
  return false
end

local function attributes(p)
  for _, w in ipairs(p.words) do
    if R.reporting[w:lower()] then return true end
  end
  return p.text:find('["\226]') ~= nil -- quotes: straight or curly
end

-- One sentence only: no full stop followed by a capital inside the line.
local function one_sentence(text)
  return not text:find("[%.!?]%s+[\"']?%u")
end

local function caption_by_marker(p)
  return not p.dateline and has_position_marker(p.text) and not attributes(p)
end

local function caption_by_verb(p)
  if p.dateline or p.nwords < 5 or p.nwords > 45 then return false end
  if not p.text:match("^%u") or not one_sentence(p.text) then return false end
  if p.norm:find("%d ?pct") or p.norm:find("%%") then return false end -- figures: business copy
  local people = false
  for i = 1, math.min(7, p.nwords) do
    local w = p.words[i]
    if i > 1 and R.caption_verbs[w] then
      -- "to hold" is an infinitive, not the caption's finite verb
      return people and p.words[i - 1]:lower() ~= "to" and not attributes(p)
    end
    if R.not_subject[w:lower()] then return false end
    if i > 1 and w:match("%led$") then return false end -- a past-tense clause
    if names_people(w, p.words[i - 1]) then people = true end
  end
  return false
end

local MINOR = {
  a = true, an = true, the = true, ["of"] = true, ["in"] = true, on = true,
  at = true, to = true, ["for"] = true, ["and"] = true, ["or"] = true,
  by = true, with = true, from = true, as = true, vs = true,
}

-- "Lavrov Urges Talks": short, no closing punctuation, major words capitalised.
local function subhead(p)
  if p.dateline or p.nwords < 2 or p.nwords > 8 or #p.text > 70 then return false end
  if p.text:find("[%.!?,;:\"'\226)%d]%s*$") or not p.text:match("^%u") then
    return false
  end
  for _, w in ipairs(p.words) do
    if not (w:match("^%u") or MINOR[w]) then return false end
  end
  return true
end

-- "By Kathleen Hays" / "By Kathleen Hays, Reuters": a byline.
local function byline(p)
  if p.nwords < 2 or p.nwords > 6 or p.words[1] ~= "By" then return false end
  for i = 2, p.nwords do
    if not p.words[i]:match("^%u") then return false end
  end
  return not p.text:find("[%.!?]%s*$")
end

R.rules = {
  { id = "credit.agency_name", kind = "credit", max_words = 4,
    exact = { "agence france-presse", "agence france presse", "afp", "(afp)",
              "reuters", "reuter", "(reuters)", "associated press", "the associated press",
              "(ap)", "ap", "rfe/rl", "(rfe/rl)", "radio free europe/radio liberty" } },
  { id = "credit.compiled", kind = "credit", max_words = 12,
    patterns = { "^compiled from agency reports%.?$", "^compiled from wire reports%.?$",
                 "^compiled by .*from .*reports%.?$", "^with agency reports%.?$",
                 "^with reporting by [^.]*%.?$", "^%(?with reporting by .*%)$",
                 "^%-%-%s*%a[%a ]* reporting%.?$" } },
  { id = "credit.reporting_by", kind = "credit", max_words = 40,
    patterns = { "^%(reporting by .*%)$", "^%(writing by .*%)$", "^%(editing by .*%)$",
                 "^%(additional reporting by .*%)$", "^reporting by [^.]*; editing by [^.]*%.?$" } },
  { id = "credit.copyright", kind = "credit", max_words = 30,
    patterns = { "^copyright ", "^\194\169", "^%(c%) %d%d%d%d", "all rights reserved%.?$" } },
  { id = "credit.byline", kind = "credit", test = byline, max_words = 6 },
  { id = "boilerplate.web", kind = "boilerplate", max_words = 12,
    patterns = { "^click here", "^read more", "^follow us", "^sign up", "^advertisement$",
                 "^share this", "^related:", "^%(more%)$", "^more$", "^[%-=*_ ]+$",
                 "^https?://%S+$", "^www%.%S+$", "^%(end%)$", "^end$" } },
  { id = "caption.position_marker", kind = "caption", test = caption_by_marker, max_words = 60 },
  { id = "caption.photo_credit", kind = "caption", max_words = 60,
    -- a plain search for the common part first: most paragraphs have none
    test = function(p)
      local t = p.norm
      if not (t:find("photo", 1, true) or t:find("getty", 1, true) or t:find("reuters/", 1, true)) then
        return false
      end
      for _, pat in ipairs({"%(afp photo", "afp photo /", "%(ap photo", "%(reuters/",
                            "photo: ", "%(photo:", "getty images"}) do
        if t:find(pat) then return true end
      end
      return false
    end },
  { id = "caption.present_tense", kind = "caption", test = caption_by_verb, max_words = 45 },
  { id = "subhead.title_case", kind = "subhead", test = subhead, max_words = 8 },
}

-- Near-duplicate detection (re-filed paragraphs with small edits).
R.duplicates = {
  min_words_exact = 4,   -- shorter repeats ("He said.") are left alone
  min_words_near = 8,    -- word-shingle comparison only for longer paragraphs
  shingle = 3,           -- words per shingle
  max_shingles = 64,     -- shingles kept per paragraph (bounds the cost)
  max_postings = 32,     -- paragraphs remembered per shingle
  threshold = 0.6,       -- Jaccard similarity at or above which it is a repeat
}

-- Run-together words ("extremistsrefused"): halves that are word-forming
-- prefixes or suffixes are not words of their own.
R.run_together = {
  min_length = 8,
  min_part = 3,
  not_first = {},
  not_second = {},
}
for w in ([[anti pro non counter over under post pre semi multi inter intra
  super sub self ultra mid dis mis out neo pan para quasi trans micro macro
  mega mini hyper bio geo tele]]):gmatch("%S+") do
  R.run_together.not_first[w] = true
end
for w in ([[ers ing ings ness less ship ism ist ists ment ments able ably ally
  ful like wide fold ward wards hood ion ions ive ous est]]):gmatch("%S+") do
  R.run_together.not_second[w] = true
end

R.has_position_marker = has_position_marker
return R
