--- Time expressions in news copy: absolute dates ("June 5, 2012",
-- "8 Feb 2012", "2011"), weekdays ("on Tuesday"), parts of day
-- ("overnight", "at dawn", "on Monday morning"), relative expressions
-- ("yesterday", "last month", "September last year", "since March"),
-- durations ("three days") and intervals ("from June 5 to 7").
--
-- An LPeg grammar over a lower-cased copy of the text (ASCII lower-casing
-- keeps byte offsets) finds the expressions; Lua resolves them against the
-- article date.  Resolution leans to the past, as news reports do: a bare
-- weekday is the most recent such day on or before the article date, a
-- month and day without a year fall within nine months before to three
-- months after it.  opts.lean = "future" resolves the way Duckling does
-- (next weekday), for comparison.  Without an article date every relative
-- expression is returned with value = nil: never guessed.
local lpeg = require("lpeg")

local P, S, R, C, Cc, Cp, Cg, Ct, Cmt, Carg =
  lpeg.P, lpeg.S, lpeg.R, lpeg.C, lpeg.Cc, lpeg.Cp, lpeg.Cg, lpeg.Ct, lpeg.Cmt, lpeg.Carg

local M = {}

------------------------------------------------------------ calendar math

-- Days since 1970-01-01 of a civil date (proleptic Gregorian).
local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return m <= 2 and y + 1 or y, m, d
end

-- 0 = Sunday ... 6 = Saturday
local function weekday_of(z) return (z + 4) % 7 end

local function month_length(y, m)
  if m == 2 then
    return (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) and 29 or 28
  end
  return ({31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31})[m]
end

local function iso_day(z)
  local y, m, d = civil_from_days(z)
  return string.format("%04d-%02d-%02d", y, m, d)
end
local function iso_month(y, m)
  while m < 1 do m, y = m + 12, y - 1 end
  while m > 12 do m, y = m - 12, y + 1 end
  return string.format("%04d-%02d", y, m)
end
local function iso_year(y) return string.format("%04d", y) end

--- Parses "YYYY-MM-DD" into a day number, or nil.
function M.parse_date(s)
  local y, m, d = tostring(s or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > month_length(y, m) then return nil end
  return days_from_civil(y, m, d)
end

------------------------------------------------------------- vocabulary

local MONTHS = {"january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december"}
local WEEKDAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

local NUMBER_WORDS = {
  a = 1, an = 1, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6,
  seven = 7, eight = 8, nine = 9, ten = 10, eleven = 11, twelve = 12,
  thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16, seventeen = 17,
  eighteen = 18, nineteen = 19, twenty = 20, thirty = 30, forty = 40,
  fifty = 50, sixty = 60, seventy = 70, eighty = 80, ninety = 90,
  hundred = 100, dozen = 12,
}
local ORDINAL_WORDS = {
  first = 1, second = 2, third = 3, fourth = 4, fifth = 5, sixth = 6,
  seventh = 7, eighth = 8, ninth = 9, tenth = 10, eleventh = 11, twelfth = 12,
  thirteenth = 13, fourteenth = 14, fifteenth = 15, sixteenth = 16,
  seventeenth = 17, eighteenth = 18, nineteenth = 19, twentieth = 20,
  thirtieth = 30,
}
local UNITS = {
  day = "D", days = "D", week = "W", weeks = "W", month = "M", months = "M",
  year = "Y", years = "Y", yr = "Y", yrs = "Y", decade = "X", decades = "X",
  hour = "H", hours = "H", minute = "m", minutes = "m", fortnight = "F",
  fortnights = "F",
}

------------------------------------------------------------------ grammar

local alpha = R"az"
local digit = R"09"
local alnum = alpha + digit
local sp = S" \t\r\n"^1
local sp0 = S" \t\r\n"^0
local eow = -alnum                                  -- end of word
local comma = sp0 * P"," * sp0

local function word(w) return P(w) * eow end
-- Whole words of a list as a trie of LPeg choices: one test per letter
-- instead of one per word (LPeg 1.0 tries a choice of literals in order).
-- values (optional) maps a word to the value captured when it matches.
local function trie(list, values, prefix)
  prefix = prefix or ""
  local by_first, ends = {}, false
  for _, w in ipairs(list) do
    if w == "" then ends = true
    else
      local c = w:sub(1, 1)
      by_first[c] = by_first[c] or {}
      table.insert(by_first[c], w:sub(2))
    end
  end
  local chars = {}
  for c in pairs(by_first) do chars[#chars + 1] = c end
  table.sort(chars)
  local p = P(false)
  for _, c in ipairs(chars) do p = p + P(c) * trie(by_first[c], values, prefix .. c) end
  if ends then p = p + eow * (values and Cc(values[prefix]) or P(true)) end
  return p
end
local function words(list) return trie(list) end

-- "May" the month must be written with a capital (else it is the modal).
local capital_at = function(_, i, orig, start) return orig:byte(start) ~= 109 end
local month_name = P(false)
for i, name in ipairs(MONTHS) do
  local forms = name == "may" and P(false) or P(name)
  if #name > 3 and name ~= "may" then
    forms = forms + P(name:sub(1, 3)) * P"."^-1
    if name == "september" then forms = P"september" + P"sept" * P"."^-1 + P"sep" * P"."^-1 end
    if name == "june" or name == "july" then forms = P(name) end
  end
  month_name = month_name + forms * eow * Cc(i)
end
month_name = month_name
  + Cmt(Cp() * P"may" * eow * Carg(1), function(s, i, start, orig)
      if capital_at(s, i, orig, start) then return i, 5 end
      return false
    end)
-- "jun" and "jul" abbreviations
month_name = month_name + P"jun" * P"."^-1 * eow * Cc(6) + P"jul" * P"."^-1 * eow * Cc(7)

local weekday_name = P(false)
for i, name in ipairs(WEEKDAYS) do
  weekday_name = weekday_name + P(name) * P"s"^-1 * eow * Cc(i - 1)
end
-- Abbreviations ("Mon", "fri.") count only where a date would follow or
-- the phrase ends: "Sun Co" and "today's Sun tabloid" are not Sundays.
-- "sat", "sun" and "wed" are words unless capitalised.
local abbrev_end = P"." + #(sp0 * (P"," + -1 + digit))
  + #(sp * (P"jan" + P"feb" + P"mar" + P"apr" + P"may" + P"jun" + P"jul" + P"aug"
            + P"sep" + P"oct" + P"nov" + P"dec"))
local abbrev = {mon = 1, tue = 2, tues = 2, thu = 4, thur = 4, thurs = 4, fri = 5}
for a, i in pairs(abbrev) do
  weekday_name = weekday_name + P(a) * eow * abbrev_end * Cc(i)
end
for a, i in pairs({sat = 6, sun = 0, wed = 3}) do
  weekday_name = weekday_name + Cmt(Cp() * P(a) * eow * abbrev_end * Carg(1),
    function(s, pos, start, orig)
      if capital_at(s, pos, orig, start) then return pos, i end
      return false
    end)
end

-- A literal choice of the keys of tbl (longest first), capturing the value:
-- pure LPeg, no Lua call per word tried.
local function lookup(tbl)
  local keys = {}
  for k in pairs(tbl) do keys[#keys + 1] = k end
  return trie(keys, tbl)
end

local TENS, ONES = {}, {}
for w, v in pairs(NUMBER_WORDS) do
  if v >= 20 and v <= 90 and v % 10 == 0 then TENS[w] = v end
  if v >= 1 and v <= 9 and w ~= "a" and w ~= "an" then ONES[w] = v end
end
local number_word = lookup(TENS) * P"-" * lookup(ONES) / function(a, b) return a + b end
  + lookup(NUMBER_WORDS)

local number = C(digit^1) * eow / tonumber + number_word
local day_number = C(digit * digit^-1) * -digit / tonumber
local ordinal = C(digit * digit^-1) / tonumber * (P"st" + P"nd" + P"rd" + P"th") * eow
  + lookup(ORDINAL_WORDS)
local day_or_ordinal = ordinal + day_number * eow
local year4 = C(S"12" * digit * digit * digit) * eow / tonumber
local unit = lookup(UNITS)

local function G(p, name) return Cg(p, name) end
local function rule(name, p)
  return Ct(Cg(Cp(), "start") * Cg(Cc(name), "rule") * p * Cg(Cp(), "after"))
end

local on = (P"on" * sp)^-1
local the = (P"the" * sp)^-1

-- Dates with a month name.
local month_day = G(month_name, "month") * sp0 * P"."^-1 * sp0 * the * G(day_or_ordinal, "day")
  * (comma * G(year4, "year") + sp * G(year4, "year"))^-1
local day_month = the * G(day_or_ordinal, "day") * (sp * P"of")^-1 * sp0 * P"-"^-1 * sp0
  * G(month_name, "month") * ((comma + sp0 * P"-"^-1 * sp0) * G(year4, "year"))^-1
local iso = G(C(digit * digit * digit * digit) / tonumber, "year") * P"-"
  * G(C(digit * digit^-1) / tonumber, "month") * P"-" * G(C(digit * digit^-1) / tonumber, "day") * eow
local weekday_prefix = (G(weekday_name, "weekday") * P"."^-1 * (comma + sp))^-1

local PARTS = {
  ["morning"] = "morning", ["afternoon"] = "afternoon", ["evening"] = "evening",
  ["night"] = "night", ["dawn"] = "dawn", ["dusk"] = "dusk", ["noon"] = "noon",
  ["midday"] = "noon", ["midnight"] = "midnight",
}
local part_word = lookup(PARTS)
local day_part_suffix = sp * (P"early" * sp + P"late" * sp)^-1 * G(part_word, "part")
local at_part = (P"at" + P"before" + P"after" + P"by") * sp * G(part_word, "part")

local rel_word = lookup({last = -1, past = -1, previous = -1, this = 0, current = 0,
  next = 1, coming = 1, upcoming = 1, following = 1})
local period = lookup({week = "week", weekend = "weekend", ["week-end"] = "weekend",
  month = "month", year = "year", yr = "year"})

local expressions = {}
local function add(name, p) expressions[#expressions + 1] = rule(name, p) end

-- Intervals first: longest matches win.
local date_any = month_day + day_month
add("interval.from_to", (P"from" * sp)^-1 * G(Ct(month_day), "from") * sp0
  * (P"-" + P"to" * eow + P"through" + P"until" + P"till") * sp0 * G(day_or_ordinal, "to_day")
  * (comma * G(year4, "to_year"))^-1)
add("interval.days_month", (P"from" * sp)^-1 * the * G(day_or_ordinal, "from_day") * sp0
  * (P"-" + P"to" * eow + P"through" + P"until") * sp0 * the * G(Ct(day_month), "to"))
add("interval.between", P"between" * sp * G(Ct(date_any), "from") * sp * P"and" * sp * G(Ct(date_any), "to"))
add("interval.since_edge", P"since" * sp * P"the" * sp
  * G(C(P"end" + P"beginning" + P"start" + P"middle"), "edge") * sp * P"of" * sp
  * (G(Ct(month_day), "date") + G(month_name, "month") * (sp * G(year4, "year"))^-1 + G(year4, "year")))
add("interval.since_date", P"since" * sp * on * G(Ct(weekday_prefix * (month_day + day_month)), "date"))
add("interval.since_weekday", P"since" * sp * (G(rel_word, "rel") * sp)^-1 * G(weekday_name, "weekday"))
add("interval.since_month", P"since" * sp * (P"early" * sp + P"late" * sp + P"mid" * P"-"^-1)^-1
  * G(month_name, "month") * (sp0 * P","^-1 * sp0 * G(year4, "year"))^-1)
add("interval.since_year", P"since" * sp * (P"early" * sp + P"late" * sp + P"mid" * P"-"^-1)^-1 * G(year4, "year"))
add("interval.since_relative", P"since" * sp * G(Ct(G(rel_word, "rel") * sp * G(period, "period")), "relative"))
-- "since the uprising began in 2011": an event dated by a year within a clause.
local clause_word = (alnum + S"'-")^1
add("interval.since_event_year", P"since" * sp * (clause_word * sp - P"in" * sp * year4)^1 * P"in" * sp * G(year4, "year"))
add("interval.last_n", G(rel_word, "rel") * sp * G(number, "n") * sp * G(unit, "unit"))

-- Dates with a month name (weekday, date, year).
add("date.month_day", on * weekday_prefix * month_day
  * (comma * G(weekday_name, "weekday") * P"."^-1)^-1 * (day_part_suffix)^-1)
add("date.day_month", on * weekday_prefix * day_month * (day_part_suffix)^-1)
add("date.iso", iso)
add("date.month_year", (P"in" * sp)^-1 * G(month_name, "month") * comma^-1 * sp0 * G(year4, "year"))
add("date.month_relative_year", (P"in" * sp)^-1 * G(month_name, "month") * sp * G(rel_word, "rel") * sp * P"year" * eow)
-- A month alone must be capitalised ("March", not "march on").
local capital_month = Cmt(Cp() * month_name * Carg(1), function(_, i, start, m, orig)
  local b = orig:byte(start)
  if b >= 65 and b <= 90 then return i, m end
  return false
end)
add("date.month", ((P"in" + P"during" + P"until" + P"till" + P"by" + P"before" + P"after") * sp)^-1
  * G(capital_month, "month") * -(sp0 * (P"'s" + P"\226\128\153s")^-1 * sp0 * digit))
add("date.edge_of_month", (P"the" * sp)^-1 * (P"end" + P"beginning" + P"start" + P"middle") * sp * P"of" * sp
  * G(month_name, "month") * (sp * G(year4, "year"))^-1)
add("date.part_of_month", G(C(P"early" + P"late" + P"mid"), "edge") * S" -" * sp0 * G(month_name, "month")
  * (sp * G(year4, "year"))^-1)

-- Relative days.
add("relative.day_after_tomorrow", the * P"day" * sp * P"after" * sp * P"tomorrow" * eow * Cg(Cc(2), "offset"))
add("relative.day_before_yesterday", the * P"day" * sp * P"before" * sp * P"yesterday" * eow * Cg(Cc(-2), "offset"))
add("relative.day", G(C(P"yesterday" + P"today" + P"tomorrow" + P"tonight" + P"tonite"), "word") * eow
  * (day_part_suffix)^-1)
add("relative.ago", G(number, "n") * sp * G(unit, "unit") * sp * G(C(P"ago" + P"back" + P"hence" + P"from now"), "dir") * eow)
add("relative.in_n", P"in" * sp * G(number, "n") * sp * G(unit, "unit") * eow
  * -(sp * (P"of" + P"ago")))
add("relative.edge_period", G(C(P"earlier" + P"later" + P"early" + P"late"), "edge") * sp
  * G(rel_word, "rel") * sp * G(period, "period"))
add("relative.period", (P"the" * sp)^-1 * (P"over" * sp * P"the" * sp)^-1 * G(rel_word, "rel") * sp * G(period, "period"))
add("relative.over_weekend", (P"over" + P"during" + P"at") * sp * P"the" * sp * P"weekend" * eow)
add("relative.month", G(rel_word, "rel") * sp * G(month_name, "month"))
-- "a day after", "two days before": anchored on an event, so unresolved.
add("relative.event", (G(number, "n") * sp * G(unit, "unit") + P"the" * sp * P"day" * Cg(Cc(1), "n") * Cg(Cc("D"), "unit"))
  * sp * G(C(P"after" + P"before" + P"earlier" + P"later"), "dir") * eow)

-- Weekdays.
add("weekday.relative", on * G(rel_word, "rel") * sp * G(weekday_name, "weekday") * (day_part_suffix)^-1)
add("weekday.of_week", on * G(weekday_name, "weekday") * sp * (P"of" * sp * the)^-1 * G(rel_word, "rel") * sp * P"week" * eow)
add("weekday.part", on * (P"early" * sp * P"on" * sp + P"late" * sp * P"on" * sp)^-1 * G(weekday_name, "weekday") * day_part_suffix)
add("weekday.bare", (P"early" * sp * P"on" * sp + P"late" * sp * P"on" * sp + P"on" * sp)^-1 * G(weekday_name, "weekday"))

-- Parts of day.
add("part.overnight", P"overnight" * eow * Cg(Cc("night"), "part"))
add("part.last_night", P"last" * sp * G(C(P"night"), "part") * eow)
add("part.this", (P"this" + P"early this" + P"late this") * sp * G(part_word, "part"))
add("part.in_the", P"in" * sp * P"the" * sp * (P"early" * sp)^-1 * (G(part_word, "part") + P"hours" * Cg(Cc("early hours"), "part") * eow)
  * -(sp * P"of"))
add("part.at", at_part)

-- Durations: "three days", "15 months", "a week".
add("duration", (P"for" * sp)^-1 * G(Cmt(number, function(_, i, n)
  if n >= 1 then return i, n end
  return false
end), "n") * sp * G(unit, "unit") * -(P"-"))
-- Years after a preposition: "in 2011", "since 2011" is above.
add("date.year", (P"in" + P"during" + P"until" + P"till" + P"by" + P"of" + P"from" + P"throughout"
  + P"before" + P"after" + P"early" + P"late" + P"mid" + P"end of" + P"beginning of") * (sp + P"-")
  * G(year4, "year") * -(sp0 * S"-/" * digit) * -(sp * (P"people" + P"troops" + P"tonnes")))

local any_expression = P(false)
for _, e in ipairs(expressions) do any_expression = any_expression + e end

-- Where an expression can start.  The scanner tries the expressions only
-- at a content word (month, weekday, number, "yesterday", "last", ...) or
-- at up to three function words ("on", "in the", "since") leading to one,
-- and skips any other word whole: most words of a story are looked at once.
local CONTENT = {
  "yesterday", "today", "tomorrow", "tonight", "tonite", "overnight", "last",
  "this", "earlier", "later", "early", "late", "mid", "end", "beginning", "start",
  "middle", "past", "previous", "current", "next", "coming", "upcoming", "following",
  "day", "weekend", "hours", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
  "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "a", "an", "since",
}
for _, list in ipairs({MONTHS, WEEKDAYS}) do
  for _, w in ipairs(list) do CONTENT[#CONTENT + 1] = w end
end
for _, tbl in ipairs({NUMBER_WORDS, ORDINAL_WORDS, PARTS}) do
  for w in pairs(tbl) do CONTENT[#CONTENT + 1] = w end
end
local FUNCTION = {"on", "in", "from", "between", "the", "at", "before", "after", "by",
  "during", "until", "till", "over", "for", "of", "throughout"}
local content = digit + words(CONTENT) + alpha^1 * P"-" -- "twenty-five", "mid-june"
local trigger = content + (words(FUNCTION) * sp)^-3 * content

-- A number with separators ("3,056,000") is skipped whole: its tail is
-- not a number of its own.
local skip_word = alnum^1 * (S",." * digit^1)^0
local scanner = Ct((#trigger * any_expression + skip_word + (1 - alnum)^1)^0)

--------------------------------------------------------------- resolution

local function lean_year(month, day, ref, lean)
  local ry = civil_from_days(ref)
  local z = days_from_civil(ry, month, math.min(day, month_length(ry, month)))
  if lean == "future" then
    if z < ref then ry = ry + 1 end
  elseif z - ref > 92 then ry = ry - 1
  elseif ref - z > 273 then ry = ry + 1 end
  return ry
end

local function lean_month_year(month, ref, lean)
  local ry, rm = civil_from_days(ref)
  if lean == "future" then return month < rm and ry + 1 or ry end
  if month - rm > 3 then return ry - 1 end
  if rm - month > 9 then return ry + 1 end
  return ry
end

local function weekday_on_or_before(ref, wd)
  return ref - (weekday_of(ref) - wd) % 7
end

-- A bare weekday: past lean = on or before the article date; future lean
-- (Duckling) = strictly after it.
local function resolve_weekday(wd, ref, lean)
  if lean == "future" then return ref + 1 + (wd - weekday_of(ref) - 1) % 7 end
  return weekday_on_or_before(ref, wd)
end

local function monday_of(z) return z - (weekday_of(z) + 6) % 7 end

-- The year in which a month and day fall on the weekday written beside
-- them ("Sunday, Feb 10"), nearest the article date.
local function year_matching_weekday(t, ref)
  local ry = civil_from_days(ref)
  local best, best_gap
  for y = ry - 6, ry + 6 do
    if t.day <= month_length(y, t.month) then
      local z = days_from_civil(y, t.month, t.day)
      if weekday_of(z) == t.weekday and (not best or math.abs(z - ref) < best_gap) then
        best, best_gap = y, math.abs(z - ref)
      end
    end
  end
  return best
end

local function full_date(t, ref, lean)
  local y = t.year or (ref and t.weekday and year_matching_weekday(t, ref))
    or (ref and lean_year(t.month, t.day, ref, lean))
  if t.day < 1 or t.day > 31 then return nil, "bad" end
  if y and t.day > month_length(y, t.month) then return nil, "bad" end
  if not y then return nil end
  return days_from_civil(y, t.month, t.day)
end

local UNIT_DAYS = {D = 1, W = 7, F = 14}

local function shift(ref, n, u)
  if UNIT_DAYS[u] then return ref + n * UNIT_DAYS[u], "day" end
  local y, m, d = civil_from_days(ref)
  if u == "M" then
    m = m + n
    while m < 1 do m, y = m + 12, y - 1 end
    while m > 12 do m, y = m - 12, y + 1 end
    return days_from_civil(y, m, math.min(d, month_length(y, m))), "day"
  elseif u == "Y" or u == "X" then
    y = y + n * (u == "X" and 10 or 1)
    return days_from_civil(y, m, math.min(d, month_length(y, m))), "day"
  end
  return nil
end

local function duration_iso(n, u)
  if not n then return nil end
  if u == "X" then return "P" .. n * 10 .. "Y" end
  if u == "F" then return "P" .. n * 2 .. "W" end
  if u == "H" then return "PT" .. n .. "H" end
  if u == "m" then return "PT" .. n .. "M" end
  return "P" .. n .. u
end

-- The period named by "last/this/next week|month|year|weekend".
local function relative_period(rel, period, ref)
  local y, m = civil_from_days(ref)
  if period == "week" then return iso_day(monday_of(ref) + 7 * rel), "week"
  elseif period == "weekend" then
    local sat = weekday_on_or_before(ref, 6)
    if rel == 1 or (rel == 0 and sat < ref - 1) then sat = sat + 7 end
    if rel == -1 and sat >= ref - 1 then sat = sat - 7 end
    return iso_day(sat), "weekend"
  elseif period == "month" then return iso_month(y, m + rel), "month"
  end
  return iso_year(y + rel), "year"
end

local resolvers = {}

function resolvers.date(t, ref, lean)
  if t.rule == "date.iso" or t.rule == "date.month_day" or t.rule == "date.day_month" then
    local z, bad = full_date(t, ref, lean)
    if bad then return false end
    local grain = t.part and "part" or "day"
    if not z then return {kind = "date", grain = grain, part = t.part,
      partial = string.format("--%02d-%02d", t.month, t.day)} end
    return {kind = "date", value = iso_day(z), grain = grain, part = t.part}
  elseif t.rule == "date.month_year" then
    return {kind = "date", value = iso_month(t.year, t.month), grain = "month"}
  elseif t.rule == "date.month_relative_year" then
    if not ref then return {kind = "date", grain = "month"} end
    return {kind = "date", value = iso_month(civil_from_days(ref) + t.rel, t.month), grain = "month"}
  elseif t.rule == "date.month" then
    local y = ref and lean_month_year(t.month, ref, lean)
    return {kind = "date", value = y and iso_month(y, t.month), grain = "month"}
  elseif t.rule == "date.edge_of_month" or t.rule == "date.part_of_month" then
    local y = t.year or (ref and lean_month_year(t.month, ref, lean))
    return {kind = "date", value = y and iso_month(y, t.month), grain = "month",
            part = t.edge or "edge"}
  elseif t.rule == "date.year" then
    return {kind = "date", value = iso_year(t.year), grain = "year"}
  end
end

function resolvers.weekday(t, ref, lean)
  local rec = {kind = "weekday", grain = t.part and "part" or "day", part = t.part}
  if not ref then return rec end
  local z
  if t.rule == "weekday.relative" then
    -- "last Tuesday": the latest before today; "next Tuesday": the one in
    -- the coming week; "this Tuesday": in the current week (Duckling: the
    -- next one, with lean = "future").
    if t.rel == -1 then z = weekday_on_or_before(ref - 1, t.weekday)
    elseif t.rel == 1 then z = monday_of(ref) + 7 + (t.weekday + 6) % 7
    elseif lean == "future" then z = ref + (t.weekday - weekday_of(ref)) % 7
      if z == ref then z = z + 7 end
    else z = monday_of(ref) + (t.weekday + 6) % 7 end
  elseif t.rule == "weekday.of_week" then
    z = monday_of(ref) + 7 * t.rel + (t.weekday + 6) % 7
  else
    z = resolve_weekday(t.weekday, ref, lean)
  end
  rec.value = iso_day(z)
  return rec
end

function resolvers.relative(t, ref)
  local r = t.rule
  if r == "relative.event" then
    return {kind = "relative", grain = "day", anchor = "event",
            offset = (t.dir == "before" or t.dir == "earlier") and -t.n or t.n, unit = t.unit}
  end
  if r == "relative.over_weekend" then
    return {kind = "relative", grain = "weekend",
            value = ref and (relative_period(-1, "weekend", ref + 1))}
  end
  local rec = {kind = "relative", grain = "day"}
  if r == "relative.day" and t.word:match("^toni") then rec.kind, rec.part, rec.grain = "part_of_day", "night", "part" end
  if t.part then rec.part, rec.grain = t.part, "part" end
  if not ref then
    if r == "relative.period" or r == "relative.edge_period" then rec.grain = t.period end
    return rec
  end
  if r == "relative.day" then
    local off = ({yesterday = -1, today = 0, tomorrow = 1, tonight = 0, tonite = 0})[t.word]
    rec.value = iso_day(ref + off)
  elseif r == "relative.day_after_tomorrow" or r == "relative.day_before_yesterday" then
    rec.value = iso_day(ref + t.offset)
  elseif r == "relative.ago" or r == "relative.in_n" then
    local sign = (t.dir == "ago" or t.dir == "back") and -1 or 1
    local z = shift(ref, sign * t.n, t.unit)
    if not z then return rec end
    if t.unit == "Y" or t.unit == "X" then
      local y, m = civil_from_days(z)
      rec.value, rec.grain = iso_month(y, m), "month"
    else rec.value = iso_day(z) end
  elseif r == "relative.period" or r == "relative.edge_period" then
    local rel = t.rel
    if t.edge == "earlier" or t.edge == "later" or t.edge == "early" or t.edge == "late" then
      rec.part = t.edge
    end
    rec.value, rec.grain = relative_period(rel, t.period, ref)
  elseif r == "relative.month" then
    local ry, rm = civil_from_days(ref)
    local y = ry
    if t.rel == -1 then y = t.month < rm and ry or ry - 1
    elseif t.rel == 1 then y = t.month > rm and ry or ry + 1 end
    rec.value, rec.grain = iso_month(y, t.month), "month"
  end
  return rec
end

function resolvers.part(t, ref)
  local rec = {kind = "part_of_day", grain = "part", part = t.part}
  if not ref then return rec end
  if t.rule == "part.last_night" then rec.value = iso_day(ref - 1)
  else rec.value = iso_day(ref) end
  return rec
end

function resolvers.duration(t)
  return {kind = "duration", grain = "duration", value = duration_iso(t.n, t.unit)}
end

local function start_of(spec, ref, lean)
  -- the start of a "since ..." interval
  if spec.date then
    local z, bad = full_date(spec.date, ref, lean)
    if bad or not z then return nil end
    return iso_day(z), "day"
  elseif spec.weekday then
    if not ref then return nil end
    local z = spec.rel == -1 and weekday_on_or_before(ref - 1, spec.weekday)
      or weekday_on_or_before(ref - 1, spec.weekday)
    return iso_day(z), "day"
  elseif spec.month then
    local y = spec.year or (ref and lean_month_year(spec.month, ref, "past"))
    if not y then return nil end
    -- "since March" in a February article means March of last year
    if not spec.year and ref then
      local ry, rm = civil_from_days(ref)
      y = spec.month <= rm and ry or ry - 1
    end
    return iso_month(y, spec.month), "month"
  elseif spec.year then
    return iso_year(spec.year), "year"
  elseif spec.relative then
    if not ref then return nil end
    return relative_period(spec.relative.rel, spec.relative.period, ref)
  end
end

function resolvers.interval(t, ref, lean)
  local rec = {kind = "interval"}
  local r = t.rule
  if r:match("^interval%.since") then
    rec.from, rec.grain = start_of(t, ref, lean)
    rec.to = ref and iso_day(ref)
    if t.edge then rec.part = t.edge end
    rec.value = rec.from
    return rec
  elseif r == "interval.last_n" then
    rec.grain = "day"
    rec.duration = duration_iso(t.n, t.unit)
    if ref then
      local z = shift(ref, (t.rel >= 0 and 1 or -1) * t.n, t.unit)
      if z then
        if t.rel >= 0 then rec.from, rec.to = iso_day(ref), iso_day(z)
        else rec.from, rec.to = iso_day(z), iso_day(ref) end
        rec.value = rec.from
      end
    end
    return rec
  end
  -- from/to with dates
  local from, to
  if r == "interval.from_to" then
    from = t.from
    to = {month = from.month, day = t.to_day, year = t.to_year or from.year}
  elseif r == "interval.days_month" then
    to = t.to
    from = {month = to.month, day = t.from_day, year = to.year}
  else
    from, to = t.from, t.to
  end
  if not from.year and to.year then from.year = to.year end
  local zf, badf = full_date(from, ref, lean)
  local zt, badt = full_date(to, ref, lean)
  if badf or badt then return false end
  rec.grain = "day"
  if zf and zt then
    if zt < zf and not to.year then zt = full_date({month = to.month, day = to.day,
      year = civil_from_days(zf) + 1}) end
    rec.from, rec.to = iso_day(zf), iso_day(zt)
    rec.value = rec.from
  end
  return rec
end

local function family(rule_name)
  local f = rule_name:match("^(%a+)")
  return f
end

--- Time expressions of text.  opts.date: the article date "YYYY-MM-DD"
-- (without it relative expressions stay unresolved); opts.lean: "past"
-- (default, news) or "future" (Duckling's convention); opts.spans: only
-- search these {start, stop} spans (e.g. a document's kept spans);
-- without opts.date, a dateline with a year dates the article (opts.dateline
-- = false turns that off).
-- Returns an array of {text, value, kind, grain, start, stop, rule, part,
-- from, to, partial, ...}.
function M.find(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'times' (string expected, got " .. type(text) .. ")", 2)
  end
  opts = opts or {}
  local ref = opts.date and M.parse_date(opts.date)
  if opts.date and not ref then
    error("bad option 'date' to 'times' (YYYY-MM-DD expected, got " .. tostring(opts.date) .. ")", 2)
  end
  -- No date given: a dateline with a full date ("Beirut, Feb 8, 2012
  -- (AFP) -") dates the article.
  if not ref and opts.dateline ~= false then
    local dl = require("wirenews.dateline").parse(text)
    ref = dl and dl.date and M.parse_date(dl.date)
  end
  local lean = opts.lean or "past"
  local out = {}
  local function scan(s, e)
    local sub = s == 1 and e == #text and text or text:sub(s, e)
    local found = lpeg.match(scanner, sub:lower(), 1, sub)
    for _, t in ipairs(found) do
      local rec = resolvers[family(t.rule)](t, ref, lean)
      if rec then
        local stop = t.after - 1
        rec.start, rec.stop = s + t.start - 1, s + stop - 1
        rec.text = sub:sub(t.start, stop)
        rec.rule = t.rule
        out[#out + 1] = rec
      end
    end
  end
  if opts.spans then
    for _, sp_ in ipairs(opts.spans) do scan(sp_.start, sp_.stop) end
  elseif #text > 0 then
    scan(1, #text)
  end
  return out
end

M._days_from_civil, M._civil_from_days = days_from_civil, civil_from_days
return M
