--- From rule matches to event records: counts, victims, place, time,
-- perpetrator, source, cumulative and unconfirmed flags, part-of links,
-- and reconciliation within the article.
--
-- Works on an analysed document (see wirenews.extract):
--   doc.text, doc.lower, doc.toks, doc.sentences (kept sentences only,
--   {start, stop, ti, tj}), doc.counts, doc.entities, doc.times (records
--   with document spans, sorted by start).
local dsl = require("wirenews.dsl")
local json = require("wirenews.json")
local attribution = require("wirenews.attribution")
local ranges = require("wirenews.ranges")

local M = {}

local W, SP, COUNT, OPT = dsl.W, dsl.SP, dsl.COUNT, dsl.OPT
local sentence_text

-- Records of a sorted list that fall inside [a, b].
local function within(list, a, b)
  local lo, hi = 1, #list + 1           -- first record with start >= a
  while lo < hi do
    local mid = (lo + hi) // 2
    if list[mid].start < a then lo = mid + 1 else hi = mid end
  end
  local out = {}
  for k = lo, #list do
    local r = list[k]
    if r.start > b then break end
    if r.stop <= b then out[#out + 1] = r end
  end
  return out
end
M.within = within

-- The match context of one sentence (see wirenews.dsl).
local function context(doc, s)
  local ctx = {count_at = {}, ent_at = {}, num_at = {}}
  local base = s.start - 1
  local function wrap(r)
    return setmetatable({next = r.stop - base + 1, record = r}, {__index = r})
  end
  for _, c in ipairs(s.counts) do ctx.count_at[c.start - base] = wrap(c) end
  for _, e in ipairs(s.entities) do
    local at = e.start - base
    ctx.ent_at[at] = ctx.ent_at[at] or {}
    table.insert(ctx.ent_at[at], wrap(e))
  end
  for _, n in ipairs(s.numbers or {}) do ctx.num_at[n.start - base] = wrap(n) end
  return ctx
end

local function count_out(c)
  local r = c.record or c
  return {value = r.value, qualifier = r.qualifier, low = r.low == nil and json.null or r.low,
          high = r.high == nil and json.null or r.high, text = r.text,
          start = r.start, stop = r.stop}
end

local function place_out(e, admin)
  local p = {name = e.name, id = e.id, text = e.text, start = e.start, stop = e.stop,
             country = e.country, admin = e.admin, lat = e.lat, lon = e.lon}
  if admin then p.admin = admin.name end
  return p
end

local PLACE_PREPS = {["in"] = true, ["at"] = true, ["near"] = true, ["of"] = true,
                     ["on"] = true, ["around"] = true, ["outside"] = true, ["from"] = true,
                     ["into"] = true, ["across"] = true, ["inside"] = true}
-- skipped between a preposition and its place: "in the Kfar Oweid area",
-- "in northwest Syria", "in the central province of Hama"
local DETERMINERS = {["the"] = true, ["a"] = true, ["an"] = true, ["northern"] = true,
  ["southern"] = true, ["eastern"] = true, ["western"] = true, ["central"] = true,
  ["north"] = true, ["south"] = true, ["east"] = true, ["west"] = true,
  ["northwest"] = true, ["northeast"] = true, ["southwest"] = true, ["southeast"] = true,
  ["northwestern"] = true, ["northeastern"] = true, ["southwestern"] = true,
  ["southeastern"] = true, ["rural"] = true, ["besieged"] = true}

-- The word right before byte position pos in the lower-cased text,
-- skipping determiners ("in the Kfar Oweid area" gives "in").
local function word_before(lower, pos, floor)
  local k = pos - 1
  while true do
    while k >= floor and lower:sub(k, k):match("[%s,]") do k = k - 1 end
    local e = k
    while k >= floor and lower:sub(k, k):match("[%w%-']") do k = k - 1 end
    local w = lower:sub(k + 1, e)
    if not DETERMINERS[w] or k < floor then return w end
  end
end

-- Clause boundaries: punctuation and the words that open a new clause.
local BOUNDARY_WORDS = {["as"] = true, ["while"] = true, ["after"] = true,
  ["before"] = true, ["when"] = true, ["but"] = true, ["which"] = true,
  ["that"] = true, ["who"] = true, ["where"] = true, ["because"] = true,
  ["although"] = true, ["whereas"] = true, ["instead"] = true}

-- How far a clause is looked for around an event, in bytes: keeps the
-- work per event constant in a sentence of any length.
local CLAUSE_REACH = 400

-- Boundaries in lower[a..b]: their start positions and their ends, in
-- order.  Punctuation , ; : ( ) and "--", and the clause-opening words.
local function boundaries(lower, a, b)
  local out = {}
  local seg = lower:sub(a, b)
  for p, q in seg:gmatch("()[,;:()]()") do out[#out + 1] = {a + p - 1, a + q - 2} end
  for p in seg:gmatch("()%-%-") do out[#out + 1] = {a + p - 1, a + p} end
  for p, w in seg:gmatch("()%f[%a](%a+)") do
    if BOUNDARY_WORDS[w] and (p == 1 or not seg:sub(p - 1, p - 1):match("[%w%-']")) then
      out[#out + 1] = {a + p - 1, a + p + #w - 2}
    end
  end
  table.sort(out, function(x, y) return x[1] < y[1] end)
  return out
end

-- The clause around [a, b] within sentence s: from after the last
-- boundary before a to before the first boundary after b (each looked
-- for within CLAUSE_REACH bytes).
local function clause(doc, s, a, b)
  local lower = doc.lower
  local lo = math.max(s.start, a - CLAUSE_REACH)
  local ca = lo
  for _, bd in ipairs(boundaries(lower, lo, a - 1)) do
    if bd[2] < a then ca = bd[2] + 1 end
  end
  local hi = math.min(s.stop, b + CLAUSE_REACH)
  local cb = hi
  local after = boundaries(lower, b + 1, hi)
  if after[1] then cb = after[1][1] - 1 end
  return ca, cb
end
M.clause = clause

-- The sentence-initial phrase ("In Latakia on the coast,", "On Monday,"):
-- [s.start, comma) when the sentence opens with a preposition.
local function opening_phrase(doc, s)
  local lower = doc.lower
  local w = lower:match("^%a+", s.start)
  if not (w and (PLACE_PREPS[w] or w == "on" or w == "during" or w == "overnight")) then
    return nil
  end
  local comma = lower:find(",", s.start, true)
  if not comma or comma > s.stop then return nil end
  return s.start, comma - 1
end

local function in_range(r, a, b) return r.start >= a and r.stop <= b end

local starting_in = ranges.starting_in
M.starting_in = starting_in

-- The place an event is tied to: a captured place; else in its clause, a
-- place after the match introduced by a locative preposition, or one
-- right before it ("the Houla massacre"), or one before it with a
-- preposition; else a place in the sentence's opening phrase.
local function event_place(doc, s, a, b, captured, before_only)
  local places = {}
  local near = starting_in(s.entities, math.max(s.start, a - CLAUSE_REACH),
                           math.min(s.stop, b + CLAUSE_REACH))
  for _, e in ipairs(near) do
    if e.kind == "place" then places[#places + 1] = e end
  end
  local ca, cb = clause(doc, s, a, b)
  local chosen
  if captured then chosen = captured.record or captured
  elseif before_only then
    for _, e in ipairs(places) do if e.stop < a then chosen = chosen or e end end
  else
    for _, e in ipairs(places) do
      -- a place introduced by a preposition, or the object right after the
      -- verb ("began storming Khalidiyeh")
      if e.start > b and e.stop <= cb and (PLACE_PREPS[word_before(doc.lower, e.start, s.start)]
          or doc.lower:sub(b + 1, e.start - 1):match("^%s+$")) then
        chosen = e; break
      end
    end
    if not chosen then
      for _, e in ipairs(places) do
        if e.stop < a and e.start >= ca then
          local between = doc.lower:sub(e.stop + 1, a - 1)
          if between:match("^%s*$") or between:match("^'s%s*$") or
             PLACE_PREPS[word_before(doc.lower, e.start, s.start)] then
            chosen = e
          end
        end
      end
    end
    if not chosen then
      local oa, ob = opening_phrase(doc, s)
      if oa and oa < a then
        for _, e in ipairs(places) do if in_range(e, oa, ob) then chosen = e; break end end
      end
    end
  end
  if not chosen then return nil, places end
  -- "the Kfar Oweid area of Idlib", "Kfar Zita in the central province of Hama"
  local admin
  for _, e in ipairs(places) do
    if e.start > chosen.stop and e.start - chosen.stop < 40 and e.id ~= chosen.id then
      local between = doc.lower:sub(chosen.stop + 1, e.start - 1)
      if between:match("^%s*area of%s") or between:match("^%s*in%s") or
         between:match("^,%s") or between:match("province of%s+$") or
         between:match("^%s*in the [%w%s]*province of%s+$") then
        admin = e
      end
      break
    end
  end
  return place_out(chosen, admin), places
end

-- The time expression of the event's clause nearest to the match (after
-- it preferred), else one in the sentence's opening phrase.
local function event_time(doc, s, a, b)
  local ca, cb = clause(doc, s, a, b)
  local best, dist
  for _, t in ipairs(starting_in(s.times, ca, cb)) do
    if in_range(t, ca, cb) or (t.start <= b and t.stop >= a) then
      local d = t.start > b and (t.start - b) or (t.stop < a and (a - t.stop) * 2 or 0)
      if not dist or d < dist then best, dist = t, d end
    end
  end
  if not best then
    local oa, ob = opening_phrase(doc, s)
    if oa and oa < a then
      for _, t in ipairs(starting_in(s.times, oa, ob)) do
        if in_range(t, oa, ob) then best = t; break end
      end
    end
  end
  if not best then return nil end
  local v = best.value
  return {text = best.text, value = v == nil and json.null or v, start = best.start, stop = best.stop}
end

local PERP_CLASSES = {state_military = true, non_state_armed = true, jihadist = true,
                      foreign_military = true, military = true, armed_group = true}

local function is_perp(e)
  return e.kind == "actor" and (e.class == nil or PERP_CLASSES[e.class])
end

local function perp_out(e)
  return {name = e.name, id = e.id, text = e.text, class = e.class, start = e.start, stop = e.stop}
end

-- "by regime troops" after the match, else (for rules in the active voice)
-- the nearest armed actor before it in the same clause.
local function event_perpetrator(doc, s, a, b, passive)
  for _, e in ipairs(starting_in(s.entities, b + 1, b + 60)) do
    if is_perp(e) then
      local between = doc.lower:sub(b + 1, e.start - 1)
      if between:match("%f[%w]by%f[%W]") then return perp_out(e) end
    end
  end
  if passive then return nil end
  local ca = clause(doc, s, a, b)
  local best
  for _, e in ipairs(starting_in(s.entities, ca, a - 1)) do
    if e.stop < a and is_perp(e) then best = e end
  end
  return best and perp_out(best) or nil
end

-- Builds lexicon-driven helper patterns once per engine compile.
local function helpers(engine)
  if engine._event_helpers and engine._event_helpers.compiled == engine.compiled then
    return engine._event_helpers
  end
  local L = engine.lexicons
  local V = dsl.VICTIM(L.victims or {people = "unknown"}, L.sides or {})
  local OF = OPT(W"of")
  local h = {compiled = engine.compiled}
  -- "... and 18 opposition fighters"
  h.conj = SP * W{"and", "as well as", "plus", "and another", "and at least"} * SP *
           dsl.Ct(COUNT * SP * OF * SP * V * dsl.Cg(dsl.Cp(), "_next"))
  -- ", including 13 extremists"
  h.subset = SP * W(L.subset_markers or {"including"}) * SP *
             dsl.Ct(COUNT * SP * OF * SP * V * dsl.Cg(dsl.Cp(), "_next"))
  -- "2,400 of the more than 13,500 people": the first count is a part
  h.part_of_the = dsl.Ct(COUNT * SP * W{"of the", "of"} * SP * dsl.Cg(dsl.Cp(), "_next"))
  h.cumulative = dsl.searcher(W(L.cumulative or {"since"}))
  h.cumulative_verbs = dsl.searcher(W(L.cumulative_verbs or {}))
  h.hedges = dsl.searcher(W(L.hedges or {}))
  h.negation = W{"never", "not", "refused to", "would never", "did not", "won't", "no"}
  engine._event_helpers = h
  return h
end

local function victim_out(v)
  if not v then return nil, nil end
  return v.text, v.class
end

-- Sentences longer than this are given as a window around the event (the
-- full sentence is still addressable by sentence_start/sentence_stop), so
-- one pathological sentence with thousands of events stays linear in size.
local SENTENCE_MAX = 2000
local SENTENCE_WINDOW = 500

-- Moves a byte position off UTF-8 continuation bytes (forward or back).
local function char_start(text, k, step)
  while k > 1 and k <= #text and (text:byte(k) or 0) & 0xC0 == 0x80 do k = k + step end
  return k
end

-- The sentence text an event carries, and whether it was cut.
sentence_text = function(doc, s, a, b)
  if s.stop - s.start + 1 <= SENTENCE_MAX then
    s.text = s.text or doc.text:sub(s.start, s.stop)
    return s.text, nil
  end
  local wa = char_start(doc.text, math.max(s.start, a - SENTENCE_WINDOW), 1)
  local wb = math.min(s.stop, b + SENTENCE_WINDOW)
  if wb < s.stop then wb = char_start(doc.text, wb + 1, -1) - 1 end
  return doc.text:sub(wa, wb), true
end

-- One event record from a match; rel_s/rel_e are sentence-relative.
local function make_event(doc, s, rule, m, count, victim)
  local base = s.start - 1
  local a, b = base + m._s, base + m._e
  local ev = {}
  for k, v in pairs(rule.event or {}) do ev[k] = v end
  local key = (m.verb and m.verb.text) or (m.noun and m.noun.text)
  if rule.kind_from and key and rule.kind_from[key] then ev.kind = rule.kind_from[key] end
  local vt, vc = victim_out(victim)
  ev.count = count and count_out(count) or json.null
  ev.victim = vt or json.null
  ev.victim_class = vc or (count and "unknown" or json.null)
  ev.rule = rule.id
  ev.start, ev.stop = a, b
  ev.sentence, ev.sentence_truncated = sentence_text(doc, s, a, b)
  ev.sentence_start, ev.sentence_stop = s.start, s.stop
  ev._sentence = s
  return ev
end

-- Extends a chained match with "and N victims" conjuncts and ", including
-- N victims" subsets.  Returns the extra events.
local function extend_chain(doc, s, subject, ctx, h, rule, m, first)
  local extra = {}
  local pos = m._e + 1
  local last = first
  while true do
    local c = h.conj:match(subject, pos, ctx)
    local part = false
    if not c then
      c = h.subset:match(subject, pos, ctx)
      part = c ~= nil
    end
    if not c then break end
    local mm = {_s = c.count.next - (c.count.stop - c.count.start + 1), _e = c._next - 1}
    mm._s = c.count.start - s.start + 1
    local ev = make_event(doc, s, rule, mm, c.count, c.victim)
    ev._part_of_event = part and last or nil
    extra[#extra + 1] = ev
    last = ev
    pos = c._next
  end
  return extra
end

-- Is there a cumulative marker in the text after the match, or a
-- cumulative verb form at it?
local function is_cumulative(h, subject, m)
  local after = subject:sub(m._e + 1, math.min(#subject, m._e + 90))
  if h.cumulative:match(after) then return true end
  local around = subject:sub(math.max(1, m._s - 12), m._e)
  return h.cumulative_verbs:match(around) ~= nil
end

local function negated(h, subject, m)
  local before = subject:sub(math.max(1, m._s - 16), m._s - 1)
  local k = 1
  while k <= #before do
    local e = h.negation:match(before, k)
    if e and (e > #before or not before:sub(e, e):match("%w")) and (k == 1 or not before:sub(k - 1, k - 1):match("%w")) then
      return true
    end
    k = k + 1
  end
  return false
end

--- Runs the engine over the document's sentences and assembles events.
function M.extract(doc, engine)
  if not engine.compiled then assert(engine:compile()) end
  local h = helpers(engine)
  local events = {}
  local by_count = {}      -- count start -> event (first rule wins)
  local by_trigger = {}    -- "kind:start" -> event for count-less events
  for si, s in ipairs(doc.sentences) do
    local subject = doc.lower:sub(s.start, s.stop)
    local ctx
    local found = engine:run(subject, function() ctx = context(doc, s); return ctx end,
                             doc.toks, s.ti, s.tj)
    local sentence_events = {}
    for _, hit in ipairs(found) do
      local rule, m = hit.rule, hit.m
      local ok = true
      if rule.require_noun and not (m.victim and rule.require_noun[m.victim.noun]) then ok = false end
      if ok and rule.not_after and negated(h, subject, m) then ok = false end
      local count = m.count
      if ok and count and by_count[count.start] then ok = false end
      -- one event without a count per kind and subtype in a sentence
      local ev_kind = rule.event and rule.event.kind or "?"
      local tkey = ev_kind .. ":" .. tostring(rule.event and rule.event.subtype) .. ":" .. s.start
      if ok and not count and by_trigger[tkey] then ok = false end
      if ok then
        local ev = make_event(doc, s, rule, m, count, m.victim)
        ev.cumulative = is_cumulative(h, subject, m)
        local list = {ev}
        if rule.chain then
          for _, x in ipairs(extend_chain(doc, s, subject, ctx, h, rule, m, ev)) do
            x.cumulative = ev.cumulative
            list[#list + 1] = x
          end
        end
        -- "As many as 2,400 of the more than 13,500 people": a part before
        if count then
          local before = starting_in(s.counts, count.start - 40, count.start - 1)
          local other = before[#before]
          if other and other.stop < count.start then
            other = ctx.count_at[other.start - s.start + 1]
            do
              local c = h.part_of_the:match(subject, other.start - s.start + 1, ctx)
              if c and c._next == count.start - s.start + 1 and not by_count[other.start] then
                local pm = {_s = other.start - s.start + 1, _e = other.stop - s.start + 1}
                local pev = make_event(doc, s, rule, pm, other, m.victim)
                pev.cumulative = ev.cumulative
                pev._part_of_event = ev
                list[#list + 1] = pev
              end
            end
          end
        end
        for _, x in ipairs(list) do
          local place, places = event_place(doc, s, x.start, x.stop, m.place, rule.place_before)
          x.place = place or json.null
          if #places > 1 and rule.place_before then
            local names = {}
            for _, p in ipairs(places) do if p.stop < x.start then names[#names + 1] = place_out(p) end end
            if #names > 1 then x.places = names end
          end
          x.time = event_time(doc, s, x.start, x.stop) or json.null
          if x == ev then
            x.perpetrator = event_perpetrator(doc, s, x.start, x.stop, rule.voice == "passive") or json.null
          else
            -- conjuncts and subsets share the head's perpetrator, and its
            -- place and time when their own clause names none
            x.perpetrator = ev.perpetrator
            if x.place == json.null then x.place = ev.place end
            if x.time == json.null then x.time = ev.time end
          end
          if x.count == json.null then x.cumulative = false end
          if x.count ~= json.null then by_count[x.count.start] = x
          else by_trigger[(x.kind or "?") .. ":" .. tostring(x.subtype) .. ":" .. s.start] = x end
          events[#events + 1] = x
          sentence_events[#sentence_events + 1] = x
        end
      end
    end
    s.events = sentence_events
    s.index = si
  end
  table.sort(events, function(x, y)
    if x.start ~= y.start then return x.start < y.start end
    return x.rule < y.rule
  end)
  M.infer_places(doc, events)
  attribution.attach_sources(doc, engine, events)
  M.mark_unconfirmed(doc, h, events)
  M.reconcile(events)
  M.link_repeats(events)
  return events
end

-- How many sentences back a place is looked for when an event's own
-- sentence names none.
local INFER_BACK = 3

--- For counted events whose sentence names no place, `place_inferred` is
-- the most recent town, district or province (not a country) named in the
-- few sentences before ("at least 47 people were killed overnight" after a
-- sentence about Homs).  `place` itself stays null: the inference is
-- offered, never asserted.
function M.infer_places(doc, events)
  for _, ev in ipairs(events) do
    ev.place_inferred = json.null
    if ev.place == json.null and ev.count ~= json.null then
      local i = ev._sentence.index
      local found
      for k = i - 1, math.max(1, i - INFER_BACK), -1 do
        local ents = doc.sentences[k].entities
        for j = #ents, 1, -1 do
          local e = ents[j]
          if e.kind == "place" and e.class ~= "country" and e.class ~= "region" then
            found = e; break
          end
        end
        if found then break end
      end
      if found then
        local p = place_out(found)
        p.inferred = true
        ev.place_inferred = p
      end
    end
  end
end

--- Flags events of a sentence with a hedge, or of the sentence before a
-- hedge sentence ("This could not be independently confirmed.").
function M.mark_unconfirmed(doc, h, events)
  local memo = {}
  local function hedge_in(i)                  -- only the sentences asked about
    local s = doc.sentences[i]
    if not s then return false end
    if memo[i] == nil then
      memo[i] = h.hedges:match(doc.lower:sub(s.start, s.stop)) ~= nil
    end
    return memo[i]
  end
  for _, ev in ipairs(events) do
    local i = ev._sentence.index
    -- a hedge about "the reports" covers the sentence before it too
    ev.unconfirmed = hedge_in(i) or hedge_in(i + 1)
  end
end

-- [low, high] of a count record, with value for missing bounds.
local function bounds(c)
  local lo = c.low ~= json.null and c.low or c.value
  local hi = c.high ~= json.null and c.high or c.value
  return lo, hi
end

--- Links parts to wholes: explicit subsets become part_of (0-based index),
-- and a breakdown ("10 loyalists and 18 fighters") in the sentence after
-- a total ("nearly 30 combatants") of the same kind is linked to it, not
-- added.
function M.reconcile(events)
  for i, ev in ipairs(events) do ev._index = i end
  for _, ev in ipairs(events) do
    ev.part_of = ev._part_of_event and (ev._part_of_event._index - 1) or json.null
  end
  -- group top-level counted events by sentence
  local by_sentence = {}
  for _, ev in ipairs(events) do
    if ev.count ~= json.null and ev.part_of == json.null and not ev.cumulative then
      local k = ev._sentence.index
      by_sentence[k] = by_sentence[k] or {}
      table.insert(by_sentence[k], ev)
    end
  end
  for k, list in pairs(by_sentence) do
    if #list >= 2 then
      local kind = list[1].kind
      local same, sum = true, 0
      for _, ev in ipairs(list) do
        if ev.kind ~= kind or ev.count.qualifier == "vague" then same = false end
        sum = sum + (ev.count.value or 0)
      end
      if same then
        for back = 1, 2 do
          local prev = by_sentence[k - back]
          local total
          for _, t in ipairs(prev or {}) do
            if t.kind == kind then
              local lo, hi = bounds(t.count)
              if (lo == nil or sum >= lo - math.max(2, 0.1 * t.count.value)) and
                 (hi == nil or sum <= hi) then total = t end
            end
          end
          if total then
            for _, ev in ipairs(list) do ev.part_of = total._index - 1 end
            break
          end
        end
      end
    end
  end
end

--- Marks a figure reported again later in the article ("nine people were
-- killed ... the nine deaths") with `same_as`, the 0-based index of its
-- first report, so totals are not added twice.  Same kind, value,
-- qualifier and cumulative flag, compatible victims, different sentences.
function M.link_repeats(events)
  local first = {}
  for i, ev in ipairs(events) do
    ev.same_as = json.null
    if ev.count ~= json.null and ev.part_of == json.null then
      local key = table.concat({ev.kind, tostring(ev.count.value), ev.count.qualifier,
                                tostring(ev.cumulative)}, "|")
      local f = first[key]
      if f and f._sentence ~= ev._sentence and
         (f.victim == json.null or ev.victim == json.null or f.victim == ev.victim) then
        ev.same_as = f._index - 1
      elseif not f then
        first[key] = ev
      end
      ev._index = i
    end
  end
end

--- Removes internal fields before output.
function M.public(ev)
  local out = {}
  for k, v in pairs(ev) do
    if type(k) ~= "string" or k:sub(1, 1) ~= "_" then out[k] = v end
  end
  return out
end

return M
