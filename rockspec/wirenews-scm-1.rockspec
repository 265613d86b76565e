package = "wirenews"
version = "scm-1"
source = {
  url = "git+file:///dev/null",   -- built in place with `luarocks make`
}
description = {
  summary = "Structured, explainable records from raw wire-service news",
  detailed = [[
    A C core tokenizes, splits sentences, parses numbers and matches
    gazetteers; LPeg grammars and Lua rule files extract casualty counts,
    places, actors, times, sources and quotes from AFP/Reuters/AP copy.
  ]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.4, < 5.5",
  "lpeg >= 1.0",
}
build = {
  type = "cmake",
  variables = {
    CMAKE_INSTALL_PREFIX = "$(PREFIX)",
    CMAKE_BUILD_TYPE = "Release",
    CMAKE_C_FLAGS = "$(CFLAGS)",
    LUA_INCDIR = "$(LUA_INCDIR)",
    LUADIR = "$(LUADIR)",
    LIBDIR = "$(LIBDIR)",
    BINDIR = "$(BINDIR)",
    WN_TESTS = "OFF",
  },
}
