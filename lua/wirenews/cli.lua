--- The wirenews command line, as a module so it can be tested in-process.
-- cli.main(args, out, err) returns the exit status.
local wn = require("wirenews")
local cjson = require("cjson.safe")

local M = {}

local USAGE = [[
usage: wirenews COMMAND [options] [FILE...|-]

commands:
  tokens     print the tokens of each file as JSON lines
  version    print the version

Files are read whole; "-" or no file reads standard input.
Errors go to standard error; the exit status is 1 when any file failed.
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
  if #files == 0 then files[1] = "-" end
  local ok, status = pcall(run, files, out, err)
  if ok then return status end
  if type(status) == "table" and status.closed_pipe then return 0 end
  err:write("wirenews: ", tostring(status), "\n")
  return 1
end

return M
