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

-- Lines of text as {start, stop, blank, indented}; stop excludes the line
-- end ("\n", "\r\n" or "\r").
local function split_lines(text)
  local lines, pos, len = {}, 1, #text
  while pos <= len do
    local e = text:find("[\r\n]", pos)
    local stop, next_pos
    if not e then stop, next_pos = len, len + 1
    else
      stop = e - 1
      next_pos = (text:sub(e, e + 1) == "\r\n") and e + 2 or e + 1
    end
    local first = text:find("[^ \t\f\v]", pos)
    local blank = not first or first > stop
    lines[#lines + 1] = {
      start = pos, stop = stop, blank = blank,
      indented = not blank and first > pos,
    }
    pos = next_pos
  end
  return lines
end

-- How the document marks paragraphs: "indent" (Reuters: an indented line
-- starts one, wrapped lines continue it), "blank" (wrapped lines, blank
-- lines between paragraphs) or "line" (one paragraph per line).
local function paragraph_mode(text, lines)
  local indented, wrapped, nonblank, blanks = 0, 0, 0, 0
  for i, l in ipairs(lines) do
    if l.blank then blanks = blanks + 1
    else
      nonblank = nonblank + 1
      if l.indented and i > 1 then indented = indented + 1 end
      local last = text:sub(l.stop, l.stop)
      if not last:match("[%.!?:\"'%)%]]") then wrapped = wrapped + 1 end
    end
  end
  if indented > 0 and indented < nonblank then return "indent" end
  if blanks > 0 and wrapped * 2 >= nonblank then return "blank" end
  return "line"
end

local function trim_span(text, start, stop)
  local s = text:find("%S", start)
  if not s or s > stop then return nil end
  local e = stop
  while text:find("^%s", e) do e = e - 1 end
  return s, e
end

--- Paragraph spans {start, stop} of text and the mode used.
function M.paragraphs(text)
  local lines = split_lines(text)
  local mode = paragraph_mode(text, lines)
  local paras, open_start, open_stop = {}, nil, nil
  local function close()
    if open_start then
      local s, e = trim_span(text, open_start, open_stop)
      if s then paras[#paras + 1] = {start = s, stop = e} end
    end
    open_start = nil
  end
  for _, l in ipairs(lines) do
    if l.blank then close()
    else
      if mode == "line" or (mode == "indent" and l.indented) then close() end
      open_start = open_start or l.start
      open_stop = l.stop
    end
  end
  close()
  return paras, mode
end

---------------------------------------------------------- rule matching

local MAX_RULE_WORDS = 64 -- words kept per paragraph for the rule tests (max_words <= 64)

local WORD = "%w[%w'%-]*"

-- p.norm and p.words are computed on first use: most rules stop at the
-- word count, and long paragraphs never need them.
local Info = {__index = function(p, k)
  if k == "norm" then
    local norm = p.text:lower():gsub("%s+", " ")
    rawset(p, "norm", norm)
    return norm
  elseif k == "words" then
    local words, n = {}, 0
    for w in p.text:gmatch(WORD) do
      n = n + 1
      words[n] = w
      if n >= MAX_RULE_WORDS then break end
    end
    rawset(p, "words", words)
    return words
  end
end}

-- What the rules see of a paragraph: text, nwords (all its words), index,
-- count; words (the first MAX_RULE_WORDS) and norm on demand.
local function paragraph_info(text, para, index, count)
  local t = text:sub(para.start, para.stop)
  local _, n = t:gsub(WORD, "")
  return setmetatable({text = t, nwords = n, index = index, count = count}, Info)
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

local function rule_matches(rule, p, rules)
  if rule.max_words and p.nwords > rule.max_words then return false end
  if rule.exact and exact_set(rule)[p.norm] then return true end
  if rule.patterns then
    for _, pat in ipairs(rule.patterns) do
      if p.norm:find(pat) then return true end
    end
  end
  if rule.test and rule.test(p, rules) then return true end
  return false
end

local function classify(p, rules)
  for _, rule in ipairs(rules.rules) do
    if rule_matches(rule, p, rules) then return rule end
  end
  return nil
end

------------------------------------------------------------- duplicates

-- Remembers kept paragraphs and answers whether a new one repeats one of
-- them: the C fingerprint (wirenews.core.fingerprint) gives the hash of
-- the word sequence (exact repeats: case, spacing and punctuation aside)
-- and the hashes of its word shingles, compared by Jaccard similarity
-- through an inverted index with bounded postings (near repeats).
local function new_dedup(cfg)
  local exact, postings, sizes, figures = {}, {}, {}, {}
  local d = {}
  function d.check(id, text)
    local fp = core.fingerprint(text, cfg.shingle, cfg.max_shingles)
    if fp.words < cfg.min_words_exact then return nil end
    if exact[fp.key] then return exact[fp.key], 1.0, "duplicate.exact" end
    exact[fp.key] = id
    -- tables of figures differ in one cell and are not re-filed prose
    if fp.alpha_words < cfg.min_words_near then return nil end
    local set, n = fp.shingles, #fp.shingles
    local shared = {}
    for _, sh in ipairs(set) do
      local list = postings[sh]
      if list then
        if type(list) == "number" then shared[list] = (shared[list] or 0) + 1
        else
          for _, other in ipairs(list) do shared[other] = (shared[other] or 0) + 1 end
        end
      end
    end
    local best, best_sim = nil, 0
    for other, k in pairs(shared) do
      -- a re-filed paragraph repeats the figures; changed figures are news
      if figures[other] == fp.figures then
        local sim = k / (n + sizes[other] - k)
        if sim > best_sim or (sim == best_sim and other < best) then
          best, best_sim = other, sim
        end
      end
    end
    if best and best_sim >= cfg.threshold then
      return best, best_sim, "duplicate.near"
    end
    sizes[id], figures[id] = n, fp.figures
    -- most shingles occur once: a posting is an id until it needs a list
    for _, sh in ipairs(set) do
      local list = postings[sh]
      if not list then postings[sh] = id
      elseif type(list) == "number" then postings[sh] = {list, id}
      elseif #list < cfg.max_postings then list[#list + 1] = id end
    end
    return nil
  end
  return d
end

------------------------------------------------------ run-together words

local word_set -- built on first use from wirenews.rules.words_en
local function known_words()
  if not word_set then
    word_set = {}
    for w in require("wirenews.rules.words_en"):gmatch("%l+") do word_set[w] = true end
  end
  return word_set
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
  for _, sp in ipairs(spans) do
    local s = text:sub(sp.start, sp.stop)
    for b, w, e in s:gmatch("()%f[%a](%l+)%f[%A]()") do
      if #w >= cfg.min_length then
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

  local dedup = new_dedup(rules.duplicates)
  for i, para in ipairs(paras) do
    local p = paragraph_info(text, para, i, #paras)
    p.dateline = (i == 1 and doc.dateline ~= nil)
    local rule = classify(p, rules)
    if rule then
      remove(doc, para, p, rule.kind, rule.id)
    else
      local of, sim, rid = dedup.check(i, p.text)
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
