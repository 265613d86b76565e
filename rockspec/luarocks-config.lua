-- LuaRocks configuration for offline installs on Debian: Lua 5.4, and
-- Debian's lua-lpeg counts as the lpeg rock (it is not registered as one).
lua_version = "5.4"
rocks_provided = { lpeg = "1.0.2-1" }
-- Debian's luarocks otherwise writes wrappers for /usr/bin/lua5.1.
lua_interpreter = "lua5.4"
variables = { LUA_BINDIR = "/usr/bin", LUA = "/usr/bin/lua5.4" }
