-- End-to-end throughput of wn.extract over Reuters-21578 bodies and over
-- the seed articles, and in the same run the peer compromise (Node.js)
-- doing comparable work (numbers, places, people) on the same texts.
--   lua5.4 bench/extract.lua [ARTICLES=3000]
local bench = dofile("bench/common.lua")
local wn = require("wirenews")
local cjson = require("cjson")

local limit = tonumber(arg[1]) or 3000

local function clock() return os.clock() end

local function load_seeds()
  local texts = {}
  local p = io.popen("ls examples/articles/*.txt")
  for name in p:lines() do
    local f = assert(io.open(name, "rb"))
    texts[#texts + 1] = f:read("a")
    f:close()
  end
  p:close()
  return texts
end

-- Runs wn.extract over texts (repeating small sets) and returns MB/s.
local function run_wirenews(texts, min_seconds)
  local engine = wn.engine()
  local bytes, events, t0 = 0, 0, clock()
  repeat
    for _, t in ipairs(texts) do
      local rec = wn.extract(t, {engine = engine})
      events = events + #rec.events
      bytes = bytes + #t
    end
  until clock() - t0 >= min_seconds
  local secs = clock() - t0
  return bench.mbs(bytes, secs), bytes, secs, events
end

local function run_peer(texts, rounds)
  if not os.execute("command -v node >/dev/null 2>&1") then return nil, "node not installed" end
  if not io.open("bench/node_modules/compromise/package.json") then
    os.execute("cd bench && npm install --no-audit --no-fund --silent >/dev/null 2>&1")
    if not io.open("bench/node_modules/compromise/package.json") then
      return nil, "npm install compromise failed"
    end
  end
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  for _, t in ipairs(texts) do f:write(cjson.encode({text = t}), "\n") end
  f:close()
  local p = io.popen("node bench/compromise.mjs " .. path .. " " .. rounds)
  local out = p:read("a")
  p:close()
  os.remove(path)
  local ok, res = pcall(cjson.decode, out)
  if not ok or type(res) ~= "table" then return nil, "peer failed: " .. out end
  return bench.mbs(res.bytes, res.seconds), res
end

local function report(label, texts, rounds)
  local mbs, bytes, secs, events = run_wirenews(texts, 1.0)
  print(string.format("%-28s wirenews extract: %8.2f MB/s  (%d bytes in %.2f s, %d events)",
    label, mbs, bytes, secs, events))
  local peer, res = run_peer(texts, rounds)
  if peer then
    print(string.format("%-28s compromise:       %8.2f MB/s  (%d numbers, %d places, %d people)",
      label, peer, res.numbers, res.places, res.people))
    print(string.format("%-28s ratio wirenews/compromise: %.1fx", label, mbs / peer))
  else
    print(string.format("%-28s compromise: not measured (%s)", label, res))
  end
end

local reuters, reuters_bytes = bench.reuters({dateline = true, limit = limit})
if reuters then
  report(string.format("reuters (%d bodies, %.1f MB)", #reuters, reuters_bytes / 1e6), reuters, 1)
else
  print("reuters corpus not found at " .. bench.reuters_path .. ": skipped")
end
report("seeds (3 articles)", load_seeds(), 50)
