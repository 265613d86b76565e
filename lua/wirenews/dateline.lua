--- Datelines: "DAMASCUS - ", "BEIRUT, June 5 (Reuters) -",
-- "PORTLAND, Ore., Feb 26 - ", "SAN SALVADOR, 3 JAN 90 (RADIO CADENA YSKL) --".
-- An LPeg grammar finds the dateline at the start of a text and returns
-- its place, date, agency and span (1-based inclusive byte offsets).
local lpeg = require("lpeg")

local P, S, R, C, Cp, Cmt, Cg, Ct =
  lpeg.P, lpeg.S, lpeg.R, lpeg.C, lpeg.Cp, lpeg.Cmt, lpeg.Cg, lpeg.Ct

local M = {}

-- Month names and the abbreviations seen on the wires.
local MONTHS = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
}
local month_of = {}
for i, name in ipairs(MONTHS) do
  month_of[name] = i
  month_of[name:sub(1, 3)] = i
end
month_of.sept = 9
local ABBREVIATIONS = {}
for i, name in ipairs(MONTHS) do ABBREVIATIONS[i] = name:sub(1, 3) end
month_of.abr = 4 -- Spanish "abril", seen in Reuters datelines

-- Damerau-Levenshtein distance at most one (a single typo: "Narch",
-- "Macrh", "Jne", "Marchg").
local function within_one_typo(a, b)
  local la, lb = #a, #b
  if math.abs(la - lb) > 1 then return false end
  local i = 1
  while i <= la and i <= lb and a:byte(i) == b:byte(i) do i = i + 1 end
  if i > la and i > lb then return true end
  if la == lb then
    if a:sub(i + 1) == b:sub(i + 1) then return true end -- substitution
    return a:sub(i, i + 1) == b:sub(i + 1, i + 1) .. b:sub(i, i) -- transposition
      and a:sub(i + 2) == b:sub(i + 2)
  elseif la > lb then
    return a:sub(i + 1) == b:sub(i)
  end
  return a:sub(i) == b:sub(i + 1)
end

--- Month number of a month word ("Feb", "FEb", "MArch", "Oct.", "Apri",
-- "Macrh"), or nil.  Prefixes of three letters or more and one-typo
-- spellings are accepted: the caller only asks next to a day number.
function M.month_number(word)
  local w = word:lower():gsub("%.$", "")
  -- every month and every one-typo spelling seen starts with one of these
  if #w < 3 or not w:find("^[jfmasondn]") then return nil end
  if month_of[w] then return month_of[w] end
  for i, name in ipairs(MONTHS) do
    if #w <= #name and name:sub(1, #w) == w then return i end
  end
  -- one typo changes the length by one at most: skip the other names
  local n = #w
  for i, name in ipairs(MONTHS) do
    if (math.abs(n - #name) <= 1 and within_one_typo(w, name))
       or (n <= 4 and within_one_typo(w, ABBREVIATIONS[i])) then
      return i
    end
  end
  return nil
end

local DAYS_IN = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

-------------------------------------------------------------- the grammar
local digit = R"09"
local letter = R("az", "AZ")
local hs = S" \t"                       -- horizontal space
local ws = S" \t\r\n"
local dash = P"\226\128\148" + P"\226\128\147" + P"-"^1  -- em, en, hyphens

local month_word = Cmt(C(letter^3 * P"."^-1), function(_, pos, w)
  local m = M.month_number(w)
  if m then return pos, m end
  return false
end)
-- The same test without a capture, for look-aheads (LPeg 1.0.2 asserts on
-- dynamic captures inside predicates).
local is_month_word = Cmt(letter^3 * P"."^-1, function(_, _, w)
  return M.month_number(w) ~= nil
end)
local day = C(digit * digit^-1) * -digit / tonumber
local year = C(digit * digit * digit * digit + digit * digit) * -digit

local month_day = Cg(month_word, "month") * ws^0 * S".,"^-1 * ws^0 * Cg(day, "day")
local day_month = Cg(day, "day") * ws^1 * Cg(month_word, "month")
local date = (month_day + day_month)
  * (ws^0 * P","^-1 * ws^0 * Cg(year, "year"))^-1
local date_start = is_month_word * ws^0 * digit + digit

-- A place word: "DAMASCUS", "ST.", "N.Y.", "D'ALENE", "WINSTON-SALEM".
local pword = letter * (letter + S".'&" + S"-/" * #letter)^0
local place_words = pword * (hs^1 * -date_start * pword)^-4
local agency = P"(" * hs^0 * Cg(C((1 - S"()\n")^1) / function(a)
    return (a:gsub("%s+$", ""))
  end, "agency") * P")"
  + Cg(C(P"Reuters" + P"Reuter" + P"REUTERS" + P"REUTER"), "agency") * -letter
local sep = ws^0 * P","^-1 * ws^0

-- Wire junk before the place: "****LONDON", "RPT --LUDWIGSHAFEN".
local junk = P"*"^1 + P"RPT" * hs^0 * P"-"^1 * hs^0
-- "ROME (ITALY), 28 APR 89 (ANSA) --": a country in brackets before a
-- comma is a region; in brackets before the dash it is the agency.
local bracket_region = hs^0 * P"(" * Cg(C((1 - S"()\n")^1), "region") * P")" * #(ws^0 * P",")
local place = Cg(Cp(), "place_start") * Cg(C(place_words), "place_text")
  * Cg(Cp(), "place_end") * bracket_region^-1
  * (ws^0 * P"," * ws^0 * -date_start * -agency * -P"NO DATE"
      * Cg(C(place_words), "region") * #(sep * (date_start + agency + dash)))^-1
-- "KANSAS CITY, Mo. - March 13 - ": a dash may come before the date.
local before_date = sep * (dash * ws^0 * #date_start)^-1

local grammar = ws^0 * junk^-1 * Cg(Cp(), "start")
  * (-date_start * place * (before_date * (date + P"NO DATE"))^-1 + date)
  * (sep * agency)^-1
  * ws^0 * P","^-1 * ws^0 * dash * hs^0 * Cg(Cp(), "after")

local dateline_pattern = Ct(grammar)

-- Canonical form of an all-capitals place: "DAMASCUS" -> "Damascus",
-- "ST. PAUL" -> "St. Paul", "COEUR D'ALENE" -> "Coeur D'Alene".
local function title_case(s)
  if s:find("%l") then return s end
  return (s:lower():gsub("(%a)(%a*)", function(a, b) return a:upper() .. b end))
end

local function two_digit_year(y)
  if #y == 2 then
    local n = tonumber(y)
    return n >= 50 and 1900 + n or 2000 + n
  end
  return tonumber(y)
end

-- Year to use when the dateline has none: the article date's, stepping
-- back a year when the dateline month is well after the article month
-- (a "Dec 31" dateline on an article dated January 2).
local function year_from_article(month, article)
  local ay, am = article:match("^(%d%d%d%d)%-(%d%d)")
  if not ay then return nil end
  ay, am = tonumber(ay), tonumber(am)
  if month - am > 6 then return ay - 1 end
  return ay
end

local function iso_date(t, article)
  if not t.month or not t.day then return nil end
  if t.day < 1 or t.day > DAYS_IN[t.month] then return nil end
  local y = t.year and two_digit_year(t.year)
    or (article and year_from_article(t.month, article))
  if y then return string.format("%04d-%02d-%02d", y, t.month, t.day) end
  return string.format("--%02d-%02d", t.month, t.day)
end

-- The gazetteer link: opts.gazetteer (a function name -> record, or an
-- object with lookup(name) or match(text) methods), else the bundled
-- wirenews.gazetteer when it is installed.  opts.gazetteer = false turns
-- the link off.  Returns a record {name=, id=, ...} or nil.
local default_gazetteer
local function find_gazetteer(opts)
  if opts.gazetteer ~= nil then return opts.gazetteer end
  if default_gazetteer == nil then
    default_gazetteer = false
    if package.searchpath("wirenews.gazetteer", package.path) then
      local ok, g = pcall(require, "wirenews.gazetteer")
      if ok and type(g) == "table" then
        if type(g.lookup) == "function" then default_gazetteer = g
        elseif type(g.default) == "function" then
          local gok, obj = pcall(g.default)
          if gok and obj then default_gazetteer = obj end
        end
      end
    end
  end
  return default_gazetteer
end

-- A gazetteer match that covers the whole place name, places first.
local function whole_match(matches, name)
  local found
  for _, m in ipairs(matches) do
    if m.start == 1 and m.stop == #name then
      if m.kind == "place" then return m end
      found = found or m
    end
  end
  return found
end

local function link_place(name, gaz)
  if not gaz then return nil end
  local ok, hit
  if type(gaz) == "function" then ok, hit = pcall(gaz, name)
  elseif gaz.lookup then ok, hit = pcall(gaz.lookup, gaz, name)
  elseif gaz.match then
    local mok, ms = pcall(gaz.match, gaz, name)
    ok, hit = mok, mok and type(ms) == "table" and whole_match(ms, name) or nil
  end
  if ok and type(hit) == "table" then return hit end
  return nil
end

local function is_all_caps(s) return not s:find("%l") end

--- Parses the dateline at the start of text (from byte init, default 1).
-- opts.date: the article date "YYYY-MM-DD", used for the year when the
-- dateline has none; opts.gazetteer: see find_gazetteer; opts.max_len
-- (default 120): a dateline is never longer.
-- Returns {place, place_text, region, date, month, day, year, agency,
-- start, stop, place_start, place_stop, body_start, gazetteer} or nil.
function M.parse(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'dateline' (string expected, got " .. type(text) .. ")", 2)
  end
  opts = opts or {}
  local init = opts.init or 1
  local t = lpeg.match(dateline_pattern, text, init)
  if not t then return nil end
  local stop = t.after - 1
  while stop > t.start and text:sub(stop, stop):match("%s") do stop = stop - 1 end
  if stop - t.start + 1 > (opts.max_len or 120) then return nil end
  -- Running text that happens to contain " - " is not a dateline: the
  -- place must be in capitals unless a date or an agency vouches for it.
  if t.place_text and not (is_all_caps(t.place_text) or t.month or t.agency) then
    return nil
  end
  local place = t.place_text and title_case(t.place_text)
  local rec = {
    place = place, place_text = t.place_text, region = t.region,
    month = t.month, day = t.day, year = t.year and two_digit_year(t.year),
    date = iso_date(t, opts.date), agency = t.agency,
    start = t.start, stop = stop,
    place_start = t.place_start, place_stop = t.place_end and t.place_end - 1,
    body_start = t.after,
  }
  local hit = place and link_place(place, find_gazetteer(opts))
  if hit then rec.gazetteer, rec.place_id = hit, hit.id end
  return rec
end

return M
