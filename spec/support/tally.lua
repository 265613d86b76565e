-- Sums the results of every test stage in a folder and prints the closing
-- line "N passed, N failed, N skipped".  Exits non-zero on any failure.
local dir = assert(arg[1], "usage: tally.lua RESULTS_DIR")
local passed, failed, skipped = 0, 0, 0

local function each_file(pattern)
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  local names = {}
  for name in p:lines() do
    if name:match(pattern) then names[#names + 1] = dir .. "/" .. name end
  end
  p:close()
  return ipairs(names)
end

-- TAP: "ok N - ...", "ok N - # SKIP ...", "not ok N - ...", plus a plan.
for _, path in each_file("%.tap$") do
  local planned, seen = nil, 0
  for line in io.lines(path) do
    local plan = line:match("^1%.%.(%d+)")
    if plan then planned = tonumber(plan) end
    if line:match("^not ok %d+") then failed = failed + 1; seen = seen + 1
    elseif line:match("^ok %d+") then
      seen = seen + 1
      if line:match("# [Ss][Kk][Ii][Pp]") then skipped = skipped + 1
      else passed = passed + 1 end
    end
  end
  -- a stage that crashed before its plan ran out counts as one failure
  if planned == nil or seen < planned then failed = failed + 1 end
end

-- ctest: "1/3 Test #1: test_token .......   Passed    0.01 sec"
for _, path in each_file("^ctest.*%.txt$") do
  local any = false
  for line in io.lines(path) do
    if line:match("Test%s+#%d+:") then
      any = true
      if line:match("%sPassed%s") or line:match("%sPassed$") then passed = passed + 1
      elseif line:match("Not Run") or line:match("Skipped") then skipped = skipped + 1
      else failed = failed + 1 end
    end
  end
  if not any then failed = failed + 1 end
end

print(string.format("%d passed, %d failed, %d skipped", passed, failed, skipped))
os.exit(failed == 0 and 0 or 1)
