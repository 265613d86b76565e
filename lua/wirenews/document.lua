--- Document cleaning: paragraphs, duplicates, credits, captions, subheads,
-- the dateline and run-together words.
--
-- wn.document(text, opts) splits wire copy into paragraphs (each line, or
-- Reuters-style indented paragraphs of wrapped lines, or blank-line
-- separated blocks), sets aside what is not narrative according to the
-- cleaning rules (wirenews.rules.cleaning) and the duplicate check, and
-- returns the kept spans the extraction stages read.  Every byte of the
-- input is in a kept paragraph, in `removed`, or white space.
local core = require("wirenews.core")
local dateline = require("wirenews.dateline")
local default_rules = require("wirenews.rules.cleaning")

local M = {}

------------------------------------------------------------- paragraphs

--- Paragraph spans {start, stop} of text and the mode used: "indent"
-- (Reuters: an indented line starts one, wrapped lines continue it),
-- "blank" (wrapped lines, blank lines between paragraphs) or "line" (one
-- paragraph per line); see wn_paragraphs in csrc/document.c.
M.paragraphs = core.paragraphs

---------------------------------------------------------- rule matching

local MAX_RULE_WORDS = 64 -- words kept per paragraph for the rule tests (max_words <= 64)
local HEAD_WORDS = 8      -- words in p.head: enough for the short-line rules

-- Words are the matches of "%w[%w'%-]*" (core.count_words counts them,
-- core.first_words(text, max) lists the first max).
local first_words = core.first_words

-- p.norm, p.words and p.head are computed on first use: most rules stop
-- at the word count, and long paragraphs never need them.
local Info = {__index = function(p, k)
  if k == "norm" then
    local norm = core.fold_space_lower(p.text) -- p.text:lower():gsub("%s+", " ")
    rawset(p, "norm", norm)
    return norm
  elseif k == "words" then
    local words = first_words(p.text, MAX_RULE_WORDS)
    rawset(p, "words", words)
    return words
  elseif k == "head" then
    local head = first_words(p.text, HEAD_WORDS)
    rawset(p, "head", head)
    return head
  end
end}

-- What the rules see of a paragraph: text, nwords (all its words), index,
-- count; words (the first MAX_RULE_WORDS), head (the first HEAD_WORDS)
-- and norm on demand.
local function paragraph_info(text, para, index, count)
  return setmetatable({
    text = text:sub(para.start, para.stop),
    nwords = core.count_words(text, para.start, para.stop),
    index = index, count = count,
  }, Info)
end

-- rule.exact as a set, built once per rule table.
local exact_sets = setmetatable({}, {__mode = "k"})
local function exact_set(rule)
  local set = exact_sets[rule]
  if not set then
    set = {}
    for _, e in ipairs(rule.exact) do set[e] = true end
    exact_sets[rule] = set
  end
  return set
end

-- Bytes a Lua pattern can match first, from "^" and a literal (or an
-- escaped punctuation mark) that may be optional: {[byte] = true}, or nil
-- when the pattern may start anywhere or with a class.
local SPECIAL = "^$()%.[]*+-?"
local function first_bytes(pat, i, set)
  local c, lit, after = pat:sub(i, i), nil, nil
  if c == "%" then
    lit, after = pat:sub(i + 1, i + 1), i + 2
    if not lit:match("^%p$") then return nil end
  elseif c == "" or SPECIAL:find(c, 1, true) then return nil
  else lit, after = c, i + 1 end
  local q = pat:sub(after, after)
  if q == "*" or q == "-" then return nil end
  set[lit:byte()] = true
  if q == "?" then return first_bytes(pat, after + 1, set) end
  return set
end

-- The first bytes any of rule.patterns can match, or false: patterns are
-- tried on p.norm, whose first byte is the paragraph's first, lower-cased.
local pattern_firsts = setmetatable({}, {__mode = "k"})
local function rule_first_bytes(rule)
  local set = pattern_firsts[rule]
  if set == nil then
    set = {}
    for _, pat in ipairs(rule.patterns) do
      if pat:sub(1, 1) ~= "^" or not first_bytes(pat, 2, set) then set = false; break end
    end
    pattern_firsts[rule] = set
  end
  return set
end

local function first_byte_lower(p)
  local b = p.text:byte(1)
  if b and b >= 65 and b <= 90 then b = b + 32 end
  return b
end

local function rule_matches(rule, p, rules)
  if rule.max_words and p.nwords > rule.max_words then return false end
  if rule.exact and exact_set(rule)[p.norm] then return true end
  local patterns = rule.patterns
  if patterns then
    local firsts = rule_first_bytes(rule)
    if not firsts or firsts[first_byte_lower(p)] then
      for _, pat in ipairs(patterns) do
        if p.norm:find(pat) then return true end
      end
    end
  end
  if rule.test and rule.test(p, rules) then return true end
  return false
end

local function classify(p, rules)
  local n = p.nwords
  for _, rule in ipairs(rules.rules) do
    local max = rule.max_words -- checked here too: most rules stop at it
    if not (max and n > max) and rule_matches(rule, p, rules) then return rule end
  end
  return nil
end

------------------------------------------------------------- duplicates

-- Duplicates: core.dedup (csrc/document.c) remembers kept paragraphs and
-- answers whether a new one repeats one of them: the hash of the word
-- sequence gives exact repeats (case, spacing and punctuation aside), the
-- Jaccard similarity of word shingles through an inverted index with
-- bounded postings near repeats, among paragraphs with the same figures.

------------------------------------------------------ run-together words

-- The known words (wirenews.rules.words_en) as a C set, built on first
-- use; `known_words()[w]` reads it like a Lua set.
local word_set, word_lookup
local function known_word_set()
  if not word_set then
    word_set = core.wordset(require("wirenews.rules.words_en"))
    word_lookup = setmetatable({}, {__index = function(_, w) return word_set:has(w) end})
  end
  return word_set
end
local function known_words()
  known_word_set()
  return word_lookup
end

-- An inflected form of a known word ("governorates", "shelled") is a word.
local function inflected_known(word, words)
  for _, suffix in ipairs({"s", "es", "ed", "d", "ing", "ly", "er", "ers", "'s"}) do
    if #word > #suffix + 2 and word:sub(-#suffix) == suffix then
      local stem = word:sub(1, -#suffix - 1)
      if words[stem] or words[stem .. "e"] then return true end
    end
  end
  return false
end

-- A split is likely a lost space (not a compound word or a misspelling)
-- when the first part is an inflected form of a known word
-- ("extremists|refused", "blowing|and") or a function word joins it.
local FIRST_FUNCTION, SECOND_FUNCTION = {}, {}
for w in ("said the"):gmatch("%S+") do FIRST_FUNCTION[w] = true end
for w in ([[and the was were which that has have had said with from been
  would will who its their]]):gmatch("%S+") do SECOND_FUNCTION[w] = true end

local function split_confidence(a, b, words)
  if FIRST_FUNCTION[a] or SECOND_FUNCTION[b] then return "high" end
  if #b < 4 then return "low" end
  for _, suffix in ipairs({"s", "ed", "ing", "ly"}) do
    local stem = a:sub(1, -#suffix - 1)
    if a ~= "news" and #stem >= 3 and a:sub(-#suffix) == suffix
       and (words[stem] or words[stem .. "e"] or (suffix == "s" and stem:sub(-1) == "e")) then
      return "high"
    end
  end
  return "low"
end

--- Best split of an unknown lower-case word into two known words, or nil;
-- the second result is "high" or "low" confidence.
function M.split_run_together(word, rules)
  local cfg = (rules or default_rules).run_together
  local words = known_words()
  if words[word] or inflected_known(word, words) then return nil end
  local best, best_score, confidence = nil, nil, "high"
  for k = cfg.min_part, #word - cfg.min_part do
    local a, b = word:sub(1, k), word:sub(k + 1)
    if words[a] and words[b] and not cfg.not_first[a] and not cfg.not_second[b] then
      -- one compound-like reading ("gun|ships") makes the whole word doubtful
      if split_confidence(a, b, words) == "low" then confidence = "low" end
      local score = math.min(#a, #b)
      if not best or score > best_score then best, best_score = {a, b}, score end
    end
  end
  if not best then return nil end
  if word:find("(%l)%1%1") then confidence = "low" end -- "discusssing": a typo
  return best, confidence
end

local function find_run_together(text, spans, rules, all)
  local cfg, found = rules.run_together, {}
  local known = known_word_set()
  for _, sp in ipairs(spans) do
    local s = text:sub(sp.start, sp.stop)
    -- whole lower-case words of min_length letters or more that are not
    -- known words (a known word never splits), as start, stop pairs
    local found_at = known:unknown(s, math.max(cfg.min_length, 0))
    for c = 1, #found_at, 2 do
      local b, e = found_at[c], found_at[c + 1] + 1
      local w = s:sub(b, e - 1)
      local before, after = s:sub(b - 1, b - 1), s:sub(e, e)
      if not (before:match("[%w%.@/_'%-]") or after:match("[%w@/_'%-]")
              or (after == "." and s:sub(e + 1, e + 1):match("%w"))) then
        local parts, confidence = M.split_run_together(w, rules)
        if parts and (confidence == "high" or all) then
          found[#found + 1] = {
            text = w, start = sp.start + b - 1, stop = sp.start + e - 2,
            split = parts[1] .. " " .. parts[2], parts = parts, confidence = confidence,
            rule = "run_together.two_words",
          }
        end
      end
    end
  end
  return found
end

---------------------------------------------------------------- document

local Document = {}
Document.__index = Document

--- Iterates over the kept spans: for start, stop, text in doc:kept() do.
function Document:kept()
  local i = 0
  return function()
    i = i + 1
    local sp = self.spans[i]
    if sp then return sp.start, sp.stop, self.source:sub(sp.start, sp.stop) end
  end
end

--- True when byte position pos lies in kept text.
function Document:is_kept(pos)
  for _, sp in ipairs(self.spans) do
    if pos >= sp.start and pos <= sp.stop then return true end
  end
  return false
end

local function remove(doc, para, p, kind, rule, extra)
  para.kept, para.kind, para.rule = false, kind, rule
  local rec = {kind = kind, text = p.text, start = para.start, stop = para.stop, rule = rule}
  for k, v in pairs(extra or {}) do rec[k] = v end
  doc.removed[#doc.removed + 1] = rec
end

-- Kept spans: kept paragraphs, without the dateline's bytes.
local function kept_spans(text, doc)
  local spans, dl = {}, doc.dateline
  for i, para in ipairs(doc.paragraphs) do
    if para.kept then
      local s = para.start
      if dl and s >= dl.start and s <= dl.stop then
        s = text:find("%S", dl.stop + 1) or para.stop + 1
      end
      if s <= para.stop then
        spans[#spans + 1] = {start = s, stop = para.stop, paragraph = i}
      end
    end
  end
  return spans
end

--- Cleans text.  opts.date ("YYYY-MM-DD") dates the article; opts.rules
-- replaces the cleaning rule module; opts.gazetteer links the dateline
-- place; opts.dateline = false skips dateline parsing; opts.run_together =
-- "all" also reports low-confidence splits (compounds, misspellings).
-- Returns {source, paragraphs = {{start, stop, kept, kind, rule}},
-- removed = {{kind, text, start, stop, rule, of}}, spans = {{start, stop,
-- paragraph}}, dateline, mode, warnings = {run_together, invalid_utf8}}.
function M.clean(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'document' (string expected, got " .. type(text) .. ")", 2)
  end
  opts = opts or {}
  local rules = opts.rules or default_rules
  local paras, mode = M.paragraphs(text)
  local doc = setmetatable({
    source = text, paragraphs = paras, removed = {}, mode = mode,
    warnings = {}, dateline = nil,
  }, Document)

  local ok, first_bad, nbad = core.utf8_check(text)
  if not ok then doc.warnings.invalid_utf8 = {first = first_bad, count = nbad} end

  if paras[1] and opts.dateline ~= false then
    doc.dateline = dateline.parse(text, {
      init = paras[1].start, date = opts.date, gazetteer = opts.gazetteer,
    })
  end

  local dedup = core.dedup(rules.duplicates)
  for i, para in ipairs(paras) do
    local p = paragraph_info(text, para, i, #paras)
    p.dateline = (i == 1 and doc.dateline ~= nil)
    local rule = classify(p, rules)
    if rule then
      remove(doc, para, p, rule.kind, rule.id)
    else
      local of, sim, rid = dedup:check(i, p.text)
      if of then
        remove(doc, para, p, "duplicate", rid, {
          of = of, of_start = paras[of].start, similarity = sim,
        })
      else
        para.kept = true
      end
    end
  end

  doc.spans = kept_spans(text, doc)
  doc.warnings.run_together = find_run_together(text, doc.spans, rules,
    opts.run_together == "all")
  return doc
end

M.document = M.clean
return M
