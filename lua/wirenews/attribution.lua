--- Who said it: the source of each sentence ("the Syrian Observatory for
-- Human Rights said", "according to the UN", "It said" resolved to the
-- last named source, "a war monitor said"), and quotes with their speaker
-- ("said Rami Abdul Rahman", "Li said", "he said" resolved to the nearest
-- preceding person).
local core = require("wirenews.core")
local dsl = require("wirenews.dsl")
local json = require("wirenews.json")
local ranges = require("wirenews.ranges")
local starting_in = ranges.starting_in

local M = {}

local SOURCE_KINDS = {org = true, actor = true, person = true}
local noun_phrase_before

-- Compiled per engine: attribution verbs and source pronouns.
local function patterns(engine)
  local c = engine._attr_patterns
  if c and c.compiled == engine.compiled then return c end
  local L = engine.lexicons
  c = {compiled = engine.compiled}
  c.verbs = L.attribution_verbs or {"said", "says", "according to"}
  local first_words = {}
  for _, v in ipairs(c.verbs) do first_words[#first_words + 1] = v:match("^%S+") end
  c.lexicon = core.lexicon(first_words)
  c.verb_at = dsl.C(dsl.W(c.verbs)) * dsl.Cp()
  c.verb_search = dsl.Ct((dsl.Ct(dsl.Cg(dsl.Cp(), "s") * dsl.Cg(dsl.C(dsl.W(c.verbs)), "verb") *
                  dsl.Cg(dsl.Cp(), "e")) + dsl.WORD + 1)^0)
  c.pronouns = L.source_pronouns or {}
  local plist = {}
  for k in pairs(c.pronouns) do plist[#plist + 1] = k end
  c.pronoun_at_end = {}
  for _, p in ipairs(plist) do c.pronoun_at_end[#c.pronoun_at_end + 1] = p end
  engine._attr_patterns = c
  return c
end

-- Verb occurrences in a lower-cased sentence: {s, e (exclusive), verb}.
-- Verb occurrences at the tokens the C scan found (token indices idx),
-- as find_verbs gives them, without scanning the whole sentence.
local function verbs_at_tokens(c, doc, s, sub, idx)
  local out = {}
  for _, k in ipairs(idx) do
    local rel = doc.toks:at(k) - s.start + 1
    local verb, e = c.verb_at:match(sub, rel)
    if verb then out[#out + 1] = {s = rel, e = e, verb = verb} end
  end
  return out
end

local function find_verbs(c, sub)
  local found = c.verb_search:match(sub)
  local out = {}
  for _, v in ipairs(found or {}) do
    -- whole words only
    local before = v.s > 1 and sub:sub(v.s - 1, v.s - 1) or " "
    if not before:match("[%w]") then out[#out + 1] = v end
  end
  return out
end

local function source_of_entity(e)
  return {name = e.name, id = e.id, text = e.text, kind = e.kind, class = e.class,
          start = e.start, stop = e.stop}
end

-- The pronoun (from the lexicon) that ends right before rel position p:
-- the last one, two or three words before it, longest first.
local function pronoun_before(c, sub, p)
  local head = sub:sub(math.max(1, p - 60), p - 1):gsub("%s+", " "):gsub("[%s,]+$", "")
  for _, pat in ipairs({"([%a']+ [%a']+ [%a']+)$", "([%a']+ [%a']+)$", "([%a']+)$"}) do
    local phrase = head:match(pat)
    if phrase and c.pronouns[phrase] then
      local k = #head - #phrase
      if k == 0 or head:sub(k, k):match("[%s,\"'(]") then
        return {phrase = phrase, kind = c.pronouns[phrase]}
      end
    end
  end
  return nil
end

-- Capitalised words after position a in the original text ("said Rami
-- Abdul Rahman"), for speakers the gazetteer does not know.
local function capitalised_run(text, a, limit)
  local s = text:sub(a, limit)
  local lead, name = s:match("^(%s*)(%u[%w%-']*[%s%u][%w%s%-']-)%f[^%w%s%-']")
  if not name then
    lead, name = s:match("^(%s*)(%u[%w%-']+)")
  end
  if not name then return nil end
  -- keep only the run of capitalised words
  local words = {}
  for w in name:gmatch("%S+") do
    if w:match("^%u") then words[#words + 1] = w else break end
  end
  if #words == 0 then return nil end
  local out = table.concat(words, " ")
  return out, a + #lead, a + #lead + #out - 1
end

local AUXILIARIES = {has = true, have = true, had = true, also = true, would = true,
  will = true, had_ = true, ["has also"] = true, later = true, earlier = true,
  separately = true, previously = true}
local PHRASE_STOP = {["in"] = true, ["of"] = true, ["at"] = true, ["from"] = true,
  ["on"] = true, ["for"] = true, ["with"] = true, ["near"] = true}
local NOT_SOURCES = {["it"] = true, ["that"] = true, ["this"] = true, ["which"] = true,
  ["who"] = true, ["they"] = true, ["he"] = true, ["she"] = true, ["there"] = true}

-- The noun phrase right before byte vs: back to the clause start (comma,
-- quote or sentence start), auxiliaries dropped, cut at its first
-- preposition, at most six words.  Returns the phrase and its start.
noun_phrase_before = function(text, floor, vs)
  floor = math.max(floor, vs - 160)            -- a source is a short phrase
  local window = text:sub(floor, vs - 1)
  local cut = window:match(".*()[,;:\"(%-]")  -- after the last clause mark
  local seg_start = cut and (floor + cut) or floor
  local seg = text:sub(seg_start, vs - 1)
  local words, starts = {}, {}
  local pos = 1
  while true do
    local a, b = seg:find("%S+", pos)
    if not a then break end
    words[#words + 1] = seg:sub(a, b)
    starts[#starts + 1] = a
    pos = b + 1
  end
  while #words > 0 and AUXILIARIES[words[#words]:lower()] do
    words[#words] = nil
  end
  if #words == 0 or #words > 8 then return nil end
  local cut = #words
  for i = 2, #words do
    if PHRASE_STOP[words[i]:lower()] then cut = i - 1; break end
  end
  if cut > 6 or NOT_SOURCES[words[1]:lower()] then return nil end
  local phrase = table.concat(words, " ", 1, cut)
  if not phrase:match("%a") then return nil end
  return phrase, seg_start + starts[1] - 1
end

--- Finds the source of one sentence.  `state` carries the last named
-- organisation source and the last person across sentences.
function M.sentence_source(doc, engine, s, state)
  local c = patterns(engine)
  -- one C scan of the sentence's tokens: no attribution word, no source
  local idx = doc.toks:scan(c.lexicon, s.ti, s.tj)
  if #idx == 0 then return nil end
  local sub = doc.lower:sub(s.start, s.stop)
  local base = s.start - 1
  local ents = s.entities
  for _, v in ipairs(verbs_at_tokens(c, doc, s, sub, idx)) do
    local vs, ve = base + v.s, base + v.e - 1        -- document span of the verb
    if v.verb == "according to" then
      for _, e in ipairs(starting_in(ents, ve + 1, ve + 6)) do
        if SOURCE_KINDS[e.kind] then return source_of_entity(e), e end
      end
      -- "according to Western media reports": the words up to the clause end
      local rest = doc.text:sub(ve + 1, math.min(s.stop, ve + 200))
      local phrase = rest:match("^%s*([^,;.]+)")
      if phrase and #phrase > 0 then
        phrase = phrase:gsub("%s+$", "")
        local a = ve + 1 + (#rest:match("^%s*"))
        return {name = phrase, text = phrase, start = a, stop = a + #phrase - 1}
      end
    else
      -- a named source right before the verb ("the Observatory said")
      local before
      for _, e in ipairs(starting_in(ents, vs - 200, vs - 1)) do
        if e.stop < vs and vs - e.stop <= 3 and SOURCE_KINDS[e.kind] then before = e end
      end
      if before then return source_of_entity(before), before end
      -- a pronoun right before the verb ("It said", "the group said"):
      -- the last named source; for "he"/"she" the last person quoted or
      -- cited, else the last person named
      local pr = pronoun_before(c, sub, v.s)
      if pr then
        local ref
        if pr.kind == "person" then ref = state.person_source or state.person
        else ref = state.org end
        if ref then
          local src = source_of_entity(ref)
          src.text = pr.phrase
          src.resolved_from = pr.phrase
          return src, ref
        end
      end
      -- a named source right after the verb ("said Rami Abdul Rahman")
      for _, e in ipairs(starting_in(ents, ve + 1, ve + 3)) do
        if SOURCE_KINDS[e.kind] then return source_of_entity(e), e end
      end
      if v.verb == "said" or v.verb == "says" then
        local name, a, b = capitalised_run(doc.text, ve + 1, math.min(s.stop, ve + 60))
        if name and b and (b >= s.stop - 1 or doc.text:sub(b + 1, b + 1):match("[,.]")) then
          return {name = name, text = name, kind = "person", start = a, stop = b}, nil
        end
      end
      -- the noun phrase before the verb ("China's UN envoy said",
      -- "Reports say"), up to its first preposition
      local np, a = noun_phrase_before(doc.text, s.start, vs)
      if np then return {name = np, text = np, start = a, stop = a + #np - 1}, nil end
    end
  end
  return nil
end

-- Remembers named organisations and people for pronoun resolution.
local function remember(state, s)
  for _, e in ipairs(s.entities) do
    if e.kind == "person" then state.person = e end
  end
end

--- Attaches `source` to every event, sentence by sentence.
--- Works out sentence sources in order up to sentence n (doc.sentences
-- index): each needs the state the sentences before it left (last named
-- source, last person).  Done lazily, so an article with no event and no
-- quote costs nothing here.
function M.sources_upto(doc, engine, n)
  local st = doc._attribution
  if not st then
    st = {state = {}, done = 0}
    doc._attribution = st
  end
  for i = st.done + 1, math.min(n, #doc.sentences) do
    local s = doc.sentences[i]
    local src, ent = M.sentence_source(doc, engine, s, st.state)
    s.source = src
    if ent and (ent.kind == "org" or ent.kind == "actor") then st.state.org = ent end
    if ent and ent.kind == "person" then st.state.person_source = ent end
    remember(st.state, s)
    st.done = i
  end
end

--- Attaches `source` to every event, from its sentence's attribution.
function M.attach_sources(doc, engine, events)
  local last = 0
  for _, ev in ipairs(events) do
    if ev._sentence.index > last then last = ev._sentence.index end
  end
  M.sources_upto(doc, engine, last)
  for _, ev in ipairs(events) do
    local src = ev._sentence.source
    if src then
      ev.source = {name = src.name, id = src.id, text = src.text}
    else
      ev.source = json.null
    end
  end
end

-- Quote marks: straight double quotes pair up within a paragraph; curly
-- quotes pair “ with ”.
local OPEN_CURLY, CLOSE_CURLY = "\226\128\156", "\226\128\157"

local function find_quotes(text, a, b)
  local out = {}
  local i = a
  local open_at, open_kind
  while true do
    local k = text:find("[\"\226\n]", i)
    if not k or k > b then break end
    local c = text:byte(k)
    if c == 34 then                          -- straight double quote
      if open_at and open_kind == '"' then
        out[#out + 1] = {open = open_at, close = k, len = 1}
        open_at = nil
      elseif not open_at then
        open_at, open_kind = k, '"'
      end
      i = k + 1
    elseif c == 10 then
      if text:byte(k + 1) == 10 then open_at = nil end   -- not across paragraphs
      i = k + 1
    else
      local q = text:sub(k, k + 2)
      if q == OPEN_CURLY then
        if not open_at then open_at, open_kind = k, "curly" end
        i = k + 3
      elseif q == CLOSE_CURLY then
        if open_at and open_kind == "curly" then
          out[#out + 1] = {open = open_at, close = k, len = 3}
          open_at = nil
        end
        i = k + 3
      else
        i = k + 1
      end
    end
  end
  return out
end

local function is_person(e) return e.kind == "person" end

local function person_before(doc, pos)
  return ranges.last_before(doc.entities, pos, is_person)
end

-- The speaker of a quote: an attribution right after the closing mark
-- (", he said", "," said Rami Abdul Rahman", " Li said"), else one before
-- the opening mark in the same sentence, else the sentence's source.
local function speaker(doc, engine, q, s)
  local c = patterns(engine)
  local after_a = q.close + q.len
  local tail = doc.lower:sub(after_a, math.min(s.stop, after_a + 80))
  local verbs = find_verbs(c, tail)
  local v = verbs[1]
  if v and v.s <= 40 then
    local vs = after_a + v.s - 1
    local ve = after_a + v.e - 2
    -- "Li said", "he said", "the group said"
    local between = doc.text:sub(after_a, vs - 1)
    for _, e in ipairs(starting_in(s.entities, after_a, vs - 1)) do
      if e.stop < vs and e.kind == "person" then
        return e.name, e.id, "speaker.after_named"
      end
    end
    local pr = between:lower():match("^[%s,]*(%a+)%s*$")
    if pr == "he" or pr == "she" then
      -- the sentence's source resolved the pronoun already
      M.sources_upto(doc, engine, s.index)
      if s.source and s.source.resolved_from == pr then
        return s.source.name, s.source.id, "speaker.pronoun"
      end
      local p = person_before(doc, q.open)
      if p then return p.name, p.id, "speaker.pronoun" end
    end
    if between:match("^[%s,]*$") then
      -- '," said Rami Abdul Rahman'
      for _, e in ipairs(starting_in(s.entities, ve + 1, ve + 3)) do
        if e.kind == "person" then return e.name, e.id, "speaker.said_named" end
      end
      local name = capitalised_run(doc.text, ve + 1, math.min(s.stop, ve + 60))
      if name then return name, nil, "speaker.said_name" end
    end
    local name = between:match("^[%s,]*(%u[%w%-]+)%s*$")
    if name then return name, nil, "speaker.after_name" end
  end
  -- an attribution before the opening mark: 'Li told reporters, ... "'
  local head_start = math.max(s.start, q.open - 300)   -- bounded work per quote
  local head = doc.lower:sub(head_start, q.open - 1)
  local hv = find_verbs(c, head)
  if #hv > 0 then
    local last = hv[#hv]
    local vs = head_start + last.s - 1
    local best = ranges.last_before(s.entities, vs, is_person)
    if best and best.start >= s.start then return best.name, best.id, "speaker.before" end
  end
  M.sources_upto(doc, engine, s.index)
  if s.source then return s.source.name, s.source.id, "speaker.sentence_source" end
  return nil, nil, "speaker.unknown"
end

-- The sentence containing byte pos (binary search over sorted sentences).
local function sentence_at(sentences, pos)
  local lo, hi = 1, #sentences
  while lo <= hi do
    local mid = (lo + hi) // 2
    local s = sentences[mid]
    if pos < s.start then hi = mid - 1
    elseif pos > s.stop then lo = mid + 1
    else return s end
  end
  return nil
end

--- Quotes in the kept text, with their speakers.  A quote may run over
-- several sentences of a paragraph; its speaker is looked for around the
-- sentence where it closes, then where it opens.
function M.quotes(doc, engine)
  local out = {}
  for _, sp in ipairs(doc.cleaned.spans or {}) do
    for _, q in ipairs(find_quotes(doc.text, sp.start, sp.stop)) do
      local s = sentence_at(doc.sentences, q.close) or sentence_at(doc.sentences, q.open)
      local name, id, rule
      if s then name, id, rule = speaker(doc, engine, q, s) end
      out[#out + 1] = {
        text = doc.text:sub(q.open + q.len, q.close - 1),
        speaker = name or json.null, speaker_id = id,
        rule = rule or "speaker.unknown", start = q.open, stop = q.close + q.len - 1,
      }
    end
  end
  return out
end

return M
