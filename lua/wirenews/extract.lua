--- wn.extract: from raw wire copy to the document record of the output
-- contract (see README, "Output").  The cascade: clean the document, then
-- tokens and sentences, numbers and counts, gazetteer entities, time
-- expressions, rules, events, quotes.
local core = require("wirenews.core")
local document = require("wirenews.document")
local sentences = require("wirenews.sentences")
local numbers = require("wirenews.numbers")
local counts = require("wirenews.counts")
local gazetteer = require("wirenews.gazetteer")
local times = require("wirenews.times")
local events = require("wirenews.events")
local attribution = require("wirenews.attribution")
local json = require("wirenews.json")

local M = {}

-- Kept sentences: the parts of the sentences of the whole text that lie
-- in kept spans of the cleaned document (a dateline or a removed
-- paragraph inside a sentence is cut away).
local function kept_sentences(toks, cleaned, lexicons)
  local starts, stops = sentences.spans(toks, {abbreviations = lexicons.abbreviations})
  local spans = cleaned.spans or {}
  local out, k = {}, 1
  for n = 1, #starts do
    local a0, b0 = starts[n], stops[n]
    while spans[k] and spans[k].stop < a0 do k = k + 1 end
    local j = k
    while spans[j] and spans[j].start <= b0 do
      local sp = spans[j]
      local a, b = math.max(a0, sp.start), math.min(b0, sp.stop)
      local ti = toks:locate(a)
      local tj = toks:locate(b)
      if tj and toks:at(tj) > b then tj = tj - 1 end
      if not tj then tj = #toks end
      if ti and tj >= ti then
        a = math.max(a, (toks:at(ti)))
        local _, tb = toks:at(tj)
        b = math.min(b, tb)
        out[#out + 1] = {start = a, stop = b, ti = ti, tj = tj, paragraph = sp.paragraph}
      end
      j = j + 1
    end
  end
  return out
end

-- Records of `list` (sorted by start) inside kept spans only.
local function inside_kept(list, spans)
  local out, k = {}, 1
  for _, r in ipairs(list) do
    while spans[k] and spans[k].stop < r.start do k = k + 1 end
    local sp = spans[k]
    if sp and r.start >= sp.start and r.stop <= sp.stop then out[#out + 1] = r end
  end
  return out
end

local function by_start(a, b)
  if a.start ~= b.start then return a.start < b.start end
  return a.stop > b.stop
end

-- Stages mostly return their records in order already: sort only if not.
local function sort_by_start(list)
  for k = 2, #list do
    if by_start(list[k], list[k - 1]) then table.sort(list, by_start); return end
  end
end

-- The article date: the caller's, else a full date from the dateline.
local function article_date(opts, cleaned)
  if opts.date then return opts.date end
  local dl = cleaned.dateline
  if dl and type(dl.date) == "string" and dl.date:match("^%d%d%d%d%-%d%d%-%d%d$") then
    return dl.date
  end
  return nil
end

--- Analyses a text: the intermediate document the rules run over.
function M.analyse(text, opts, engine)
  local cleaned = document.clean(text, {date = opts.date, gazetteer = gazetteer.default()})
  local toks = core.tokenize(text)
  local doc = {text = text, lower = text:lower(), toks = toks, cleaned = cleaned}
  doc.sentences = kept_sentences(toks, cleaned, engine.lexicons)
  local spans = cleaned.spans or {}
  doc.date = article_date(opts, cleaned)
  doc.numbers = numbers.from_tokens(toks)
  doc.counts = inside_kept(counts.counts(text, doc.numbers), spans)
  doc.entities = inside_kept(gazetteer.default():match(toks), spans)
  doc.times = inside_kept(times.find(text, {date = doc.date, spans = spans}), spans)
  sort_by_start(doc.counts)
  sort_by_start(doc.entities)
  sort_by_start(doc.times)
  for _, s in ipairs(doc.sentences) do
    s.counts = events.within(doc.counts, s.start, s.stop)
    s.entities = events.within(doc.entities, s.start, s.stop)
    s.times = events.within(doc.times, s.start, s.stop)
  end
  return doc
end

local function entity_out(e)
  return {kind = e.kind, text = e.text, name = e.name, id = e.id, class = e.class,
          country = e.country, admin = e.admin, lat = e.lat, lon = e.lon,
          start = e.start, stop = e.stop}
end

local function time_out(t)
  return {text = t.text, value = t.value == nil and json.null or t.value,
          kind = t.kind, start = t.start, stop = t.stop, rule = t.rule}
end

local function removed_out(r)
  return {kind = r.kind, text = r.text, start = r.start, stop = r.stop, rule = r.rule}
end

local function dateline_out(dl)
  if not dl then return json.null end
  return {place = dl.place or json.null, date = dl.date or json.null,
          agency = dl.agency or json.null, id = dl.place_id,
          start = dl.start, stop = dl.stop}
end

--- The document record for text.  opts: id, date ("YYYY-MM-DD").
function M.extract(text, opts, engine)
  opts = opts or {}
  local doc = M.analyse(text, opts, engine)
  local evs = events.extract(doc, engine)
  local out = {
    id = opts.id or json.null,
    dateline = dateline_out(doc.cleaned.dateline),
    removed = json.array({}),
    entities = json.array({}),
    times = json.array({}),
    events = json.array({}),
    quotes = json.array({}),
  }
  for _, r in ipairs(doc.cleaned.removed or {}) do table.insert(out.removed, removed_out(r)) end
  for _, e in ipairs(doc.entities) do table.insert(out.entities, entity_out(e)) end
  for _, t in ipairs(doc.times) do table.insert(out.times, time_out(t)) end
  for _, ev in ipairs(evs) do table.insert(out.events, events.public(ev)) end
  for _, q in ipairs(attribution.quotes(doc, engine)) do table.insert(out.quotes, q) end
  local w = doc.cleaned.warnings or {}
  if w.invalid_utf8 or (w.run_together and #w.run_together > 0) then
    out.warnings = {invalid_utf8 = w.invalid_utf8, run_together = w.run_together}
  end
  return out
end

return M
