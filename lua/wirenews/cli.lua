--- The wirenews command line, as a module so it can be tested in-process.
-- cli.main(args, out, err) returns the exit status.
local wn = require("wirenews")
local cjson = require("cjson.safe")

local M = {}

local USAGE = [[
usage: wirenews COMMAND [options] [FILE...|-]

commands:
  extract    events, entities, times and quotes of each article
  tokens     print the tokens of each file as JSON lines
  version    print the version

extract options:
  --format jsonl|json|pretty   one JSON object per line (default when the
                               output is not a terminal), one JSON array,
                               or a readable summary (default on a terminal)
  --rules FILE                 load a rule file on top of the defaults
                               (repeatable)
  --date YYYY-MM-DD            the articles' date, for resolving times
  --input text|jsonl           input files are plain articles (default), or
                               JSON lines {"id", "text", "date"} (streaming)

Files are read whole; "-" or no file reads standard input.
Errors go to standard error; the exit status is 1 when any input failed,
and the other inputs are still processed.
]]

local function read_input(name)
  if name == "-" then return io.stdin:read("a") or "" end
  local f, err = io.open(name, "rb")
  if not f then return nil, err end
  local s, rerr = f:read("a")
  f:close()
  if s == nil then return nil, name .. ": " .. tostring(rerr) end
  return s
end

--- Writes, turning a closed pipe into a quiet stop instead of an error.
local function writer(out)
  return function(s)
    local ok = out:write(s)
    if not ok then error({closed_pipe = true}) end
  end
end

local commands = {}

function commands.version(_, out)
  out:write(wn._VERSION, "\n")
  return 0
end

function commands.tokens(files, out, err)
  local write, status = writer(out), 0
  for _, name in ipairs(files) do
    local text, rerr = read_input(name)
    if not text then
      err:write("wirenews: ", rerr, "\n")
      status = 1
    else
      local toks = wn.tokens(text)
      for i, a, b, class, flags in toks:each() do
        write(cjson.encode({file = name, i = i, start = a, stop = b,
          class = class, flags = flags, text = text:sub(a, b)}) .. "\n")
      end
    end
  end
  return status
end

-- Options of extract: returns opts, files or nil, message.
local function parse_extract_args(args)
  local opts = {rules = {}, input = "text"}
  local files = {}
  local k = 1
  while k <= #args do
    local a = args[k]
    local function value()
      k = k + 1
      if args[k] == nil then error({usage = "option " .. a .. " needs a value"}) end
      return args[k]
    end
    if a == "--format" then
      opts.format = value()
      if not (opts.format == "jsonl" or opts.format == "json" or opts.format == "pretty") then
        error({usage = "unknown format '" .. opts.format .. "' (jsonl, json or pretty)"})
      end
    elseif a == "--rules" then opts.rules[#opts.rules + 1] = value()
    elseif a == "--date" then
      opts.date = value()
      if not opts.date:match("^%d%d%d%d%-%d%d%-%d%d$") then
        error({usage = "--date expects YYYY-MM-DD, got '" .. opts.date .. "'"})
      end
    elseif a == "--input" then
      opts.input = value()
      if opts.input ~= "text" and opts.input ~= "jsonl" then
        error({usage = "unknown input format '" .. opts.input .. "' (text or jsonl)"})
      end
    elseif a == "--" then
      for j = k + 1, #args do files[#files + 1] = args[j] end
      break
    elseif a:match("^%-%-") then
      error({usage = "unknown option " .. a})
    else
      files[#files + 1] = a
    end
    k = k + 1
  end
  if #files == 0 then files[1] = "-" end
  return opts, files
end

local function basename(path) return (path:match("([^/\\]+)$")) or path end

-- A readable summary of one document record.
local function pretty(rec)
  local lines = {}
  local function add(...) lines[#lines + 1] = table.concat({...}) end
  local dl = rec.dateline
  add("== ", tostring(rec.id), (type(dl) == "table" and dl.place) and
      ("  (dateline: " .. tostring(dl.place) .. ")") or "")
  for _, r in ipairs(rec.removed) do
    add("  removed ", r.kind, ": ", (r.text:gsub("%s+", " "):sub(1, 70)))
  end
  for i, ev in ipairs(rec.events) do
    local c = ev.count
    local what = type(c) == "table" and
      (c.text .. " [" .. c.qualifier .. " " .. tostring(c.value) .. "]") or "-"
    local kind = ev.kind .. (type(ev.subtype) == "string" and ("/" .. ev.subtype) or "")
    local parts = {string.format("  #%-3d %-18s ", i - 1, kind), what}
    if type(ev.victim) == "string" then parts[#parts + 1] = " " .. ev.victim .. " (" .. tostring(ev.victim_class) .. ")" end
    if type(ev.place) == "table" then parts[#parts + 1] = " | place: " .. ev.place.name end
    if type(ev.time) == "table" then parts[#parts + 1] = " | time: " .. ev.time.text ..
      (type(ev.time.value) == "string" and (" = " .. ev.time.value) or "") end
    if type(ev.source) == "table" then parts[#parts + 1] = " | source: " .. tostring(ev.source.name) end
    if ev.cumulative then parts[#parts + 1] = " | cumulative" end
    if type(ev.part_of) == "number" then parts[#parts + 1] = " | part of #" .. ev.part_of end
    if ev.unconfirmed then parts[#parts + 1] = " | unconfirmed" end
    add(table.concat(parts))
  end
  for _, q in ipairs(rec.quotes) do
    add("  quote (", type(q.speaker) == "string" and q.speaker or "speaker unknown", "): ",
        (q.text:sub(1, 70)))
  end
  return table.concat(lines, "\n") .. "\n"
end

-- Inputs of extract: a list of {id, text, date} or nil, err per file.
local function each_input(opts, files, fn)
  for _, name in ipairs(files) do
    local text, rerr = read_input(name)
    if not text then
      fn(nil, rerr)
    elseif opts.input == "jsonl" then
      local n = 0
      for line in text:gmatch("[^\n]+") do
        n = n + 1
        if line:match("%S") then
          local obj, jerr = cjson.decode(line)
          if type(obj) ~= "table" or type(obj.text) ~= "string" then
            fn(nil, name .. ":" .. n .. ": " .. (jerr or "expected an object with a \"text\" string"))
          else
            fn({id = obj.id ~= nil and tostring(obj.id) or (basename(name) .. ":" .. n),
                text = obj.text, date = type(obj.date) == "string" and obj.date or nil})
          end
        end
      end
    else
      fn({id = name == "-" and "-" or basename(name), text = text})
    end
  end
end

local function is_terminal()
  local ok = os.execute("[ -t 1 ]")
  return ok == true
end

function commands.extract(args, out, err)
  local opts, files = parse_extract_args(args)
  local engine = wn.new_engine()
  for _, path in ipairs(opts.rules) do
    local ok, lerr = wn.load_rules(path, engine)
    if not ok then
      err:write("wirenews: ", lerr, "\n")
      return 1
    end
  end
  local format = opts.format or (is_terminal() and "pretty" or "jsonl")
  local write, status, first = writer(out), 0, true
  local json = require("wirenews.json")
  if format == "json" then write("[") end
  each_input(opts, files, function(input, ierr)
    if not input then
      err:write("wirenews: ", ierr, "\n")
      status = 1
      return
    end
    local ok, rec = pcall(wn.extract, input.text,
      {id = input.id, date = input.date or opts.date, engine = engine})
    if not ok then
      if type(rec) == "table" and rec.closed_pipe then error(rec) end
      err:write("wirenews: ", input.id, ": ", tostring(rec), "\n")
      status = 1
      return
    end
    if format == "jsonl" then write(json.encode(rec) .. "\n")
    elseif format == "json" then
      write((first and "\n" or ",\n") .. json.encode(rec, "  "))
    else
      write(pretty(rec))
    end
    first = false
  end)
  if format == "json" then write("\n]\n") end
  return status
end

function M.main(args, out, err)
  out, err = out or io.stdout, err or io.stderr
  local cmd = args[1]
  if cmd == nil or cmd == "-h" or cmd == "--help" or cmd == "help" then
    ;(cmd and out or err):write(USAGE)
    return cmd and 0 or 2
  end
  local run = commands[cmd]
  if not run then
    err:write("wirenews: unknown command '", cmd, "'\n", USAGE)
    return 2
  end
  local files = {}
  for k = 2, #args do files[#files + 1] = args[k] end
  if #files == 0 and cmd ~= "extract" then files[1] = "-" end
  local ok, status = pcall(run, files, out, err)
  if ok then return status end
  if type(status) == "table" and status.closed_pipe then return 0 end
  if type(status) == "table" and status.usage then
    err:write("wirenews: ", status.usage, "\n", USAGE)
    return 2
  end
  err:write("wirenews: ", tostring(status), "\n")
  return 1
end

return M
