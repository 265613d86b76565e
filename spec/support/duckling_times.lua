-- Scores wirenews.times on Duckling's English corpus (dates.jsonl): each
-- case is put in a category by its wording; categories outside the scope
-- of news time expressions (clock times, holidays, quarters, numeric
-- day/month forms, "first tuesday of october") are counted but not scored.
local times = require("wirenews.times")

local M = {}

local WD = "%f[%a](mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?%.?%f[%A]"

local function has_weekday(t)
  for _, w in ipairs({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                      "mon", "tue", "wed", "thu", "fri", "sat", "sun"}) do
    if t:find("%f[%a]" .. w .. "%f[%A]") then return true end
  end
  return false
end

local MONTH = {"january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec"}
local function has_month(t)
  for _, m in ipairs(MONTH) do
    if t:find("%f[%a]" .. m .. "%.?%f[%A]") then return true end
  end
  return false
end

--- Category of a Duckling case, or nil when out of scope.
function M.category(case)
  if case.holiday or case.set == "locale" or case.set == "default_only" or case.latent then
    return nil
  end
  local t = case.text:lower()
  if t:find("%d:%d") or t:find("%d ?[ap]%.?m%f[%A]") or t:find("o'?clock")
     or t:find("quarter") or t:find("qtr") or t:find("%dq%d") or t:find("christmas")
     or t:find("easter") or t:find("closest") or t:find("ides") or t:find(" at ")
     or t:find("^at ") or t:find("@") or t:find("noon") or t:find("midnight") or t:find("midday")
     or t:find("mid day") or t:find("upcoming") or t:find("last week'")
     or t:find("%f[%a]first%f[%A].*%f[%a]of%f[%A]") and has_weekday(t)
     or t:find("last %a+ of") or t:find("last %a+ in ") or t:find("last day")
     or t:find("last week of") or t:find("week of") and not has_weekday(t)
     or t:find("from today") or t:find("s from now") and has_weekday(t)
     or t:find("%f[%a]%a+days? back") or t:find("thursdays") or t:find("fridays")
     or t:find("tuesdays") or t:find("sundays") or t:find("%f[%a]a%.?d%.?%f[%A]")
     or t:find("b%.?c%.?$") or t:find("this time") or t:find("the %d+$") or t:find("^on %d+th$")
     or t:find("%d/%d") or t:find("^the %a+ of the") or t:find("%d+%a* of %a+ month")
     or t:find("of the %a+ month") or t:find("%f[%a]%a+th day of") or t:find("third day")
     or t:find("second %a+ of") or t:find("third %a+ of") or t:find("%d+th day of")
     or t:find("%a+ %d+th %a+ %d%d$") or t:find("first %a+ in") or t:find("after next") or t:find("from last week")
     or t:find("%a+ %d+th$") or t:find("in %d+ year") or t:find("in a year") or t:find("%d%a+ %d%d$")
     or t:find("%d%a") and not t:find("%d[snrt][tdh]") or t:find("^the first$") or t:find("^on the first$") or t:find("^the 1st$")
     or case.grain == "minute" or case.grain == "second" then
    return nil
  end
  if t:match("^%a+%.?$") and has_weekday(t) then return "weekday_bare" end
  if has_weekday(t) and has_month(t) then return "absolute_date" end
  if has_weekday(t) then return "weekday_modified" end
  if has_month(t) and t:find("%d") or has_month(t) and (t:find("first") or t:find("second")
     or t:find("third") or t:find("fifth")) then
    if t:find("in %d+ year") or t:find("in a year") then return "month" end
    return "absolute_date"
  end
  if has_month(t) then return "month" end
  if t:find("yesterday") or t:find("today") or t:find("tomorrow") then return "relative_day" end
  if t:find("ago") or t:find("hence") or t:find("from now") or t:find("^in %w+ %a+$") then
    return "relative_offset"
  end
  if t:find("week") or t:find("month") or t:find("year") or t:find("%f[%a]yr%f[%A]") then
    return "relative_period"
  end
  if t:find("^in %d%d%d%d$") or t:find("^%d%d%d%d$") then return "year" end
  return nil
end

local function week_before(iso)
  local y, m, d = iso:match("(%d+)-(%d+)-(%d+)")
  return string.format("%04d-%02d-%02d", times._civil_from_days(
    times._days_from_civil(tonumber(y), tonumber(m), tonumber(d)) - 7))
end

-- Start date of one of our values: "2013-02" -> "2013-02-01".
local function start_date(v)
  if not v then return nil end
  if #v == 4 then return v .. "-01-01" end
  if #v == 7 then return v .. "-01" end
  return v:sub(1, 10)
end

--- The best record for a case: the longest.
local function best(recs)
  local b
  for _, r in ipairs(recs) do
    if r.value and (not b or r.stop - r.start > b.stop - b.start) then b = r end
  end
  return b
end

--- Scores cases; returns per-category {n, pass} under each lean and the
-- out-of-scope count.
function M.score(cases)
  local by = {}
  local out_of_scope = 0
  for _, case in ipairs(cases) do
    local cat = M.category(case)
    if not cat then out_of_scope = out_of_scope + 1 else
      local ref = case.reference:sub(1, 10)
      local want = case.value:sub(1, 10)
      local s = by[cat] or {n = 0, past = 0, future = 0, fails = {}}
      by[cat] = s
      s.n = s.n + 1
      for _, lean in ipairs({"past", "future"}) do
        local expect = want
        -- Duckling's bare weekday is the next one; the news convention
        -- (lean past) expects the one a week earlier, on or before today.
        if cat == "weekday_bare" and lean == "past" then expect = week_before(want) end
        local r = best(times.find(case.text, {date = ref, lean = lean}))
        if r and start_date(r.value) == expect then s[lean] = s[lean] + 1
        else
          s.fails[#s.fails + 1] = lean .. ": " .. case.text .. " => "
            .. tostring(r and r.value) .. " want " .. expect
        end
      end
    end
  end
  return by, out_of_scope
end

--- Interval cases in scope: parts of day ("tonight", "last night",
-- "this morning") and "last/next N days|weeks|months|years", scored on
-- the date of their start.
function M.interval_category(case)
  if case.type ~= "interval" or case.holiday then return nil end
  local t = case.text:lower()
  if t:find("%d:%d") or t:find("%d ?[ap]%.?m%f[%A]") or t:find(" at ") or t:find("lunch")
     or t:find("%d") and not t:find("^%a+ %d+ %a+$") then return nil end
  if t:find("morning") or t:find("afternoon") or t:find("evening") or t:find("night")
     or t:find("tonight") or t:find("tonite") then
    if t:find("christmas") or t:find("early in") or t:find("%d") or t:match("^%a+$") then
      return nil -- a bare "morning" is latent in Duckling too
    end
    return "part_of_day"
  end
  if t:find("^%a+ %w+ %a+s?$") and (t:find("^last") or t:find("^past") or t:find("^next"))
     and (t:find("day") or t:find("week") or t:find("month") or t:find("year")) then
    return "last_next_n"
  end
  return nil
end

function M.score_intervals(cases, by)
  for _, case in ipairs(cases) do
    local cat = M.interval_category(case)
    if cat then
      local s = by[cat] or {n = 0, past = 0, future = 0, fails = {}}
      by[cat] = s
      s.n = s.n + 1
      local want = case.from:sub(1, 10)
      for _, lean in ipairs({"past", "future"}) do
        local expect = want
        if lean == "past" and has_weekday(case.text:lower()) then expect = week_before(want) end
        local r = best(times.find(case.text, {date = case.reference:sub(1, 10), lean = lean}))
        local got = r and start_date(r.from or r.value)
        if got == expect then s[lean] = s[lean] + 1
        else s.fails[#s.fails + 1] = lean .. ": " .. case.text .. " => " .. tostring(got) .. " want " .. expect end
      end
    end
  end
  return by
end

return M
