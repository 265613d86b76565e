/*
** lwirenews.h: shared pieces of the Lua binding.  Each role's binding
** (tokens here, numbers, gazetteer, ...) adds its functions to the module
** table through a wn_open_* function called from luaopen_wirenews_core.
*/
#ifndef LWIRENEWS_H
#define LWIRENEWS_H

#include <lua.h>
#include <lauxlib.h>
#include "wirenews.h"

#define WN_TOKENS_MT  "wirenews.Tokens"
#define WN_LEXICON_MT "wirenews.Lexicon"
#define WN_SPANS_MT   "wirenews.Spans"

typedef struct LTokens {
  wn_tokens t;
  const char *text;      /* owned by the string in user value 1 */
  size_t len;
  int closed;
} LTokens;

typedef struct LLexicon {
  wn_lexset set;
  int closed;
} LLexicon;

/* Checks argument arg is an open Tokens / Lexicon userdata. */
LTokens *wn_checktokens(lua_State *L, int arg);
LLexicon *wn_checklexicon(lua_State *L, int arg);

/* Raises a memory error after the caller has freed what it owns. */
int wn_pusherror(lua_State *L, int code);

/* Index argument arg into an array of n items: 1-based, negative counts
** from the end; 0 when out of range (never overflows, whatever the
** integer). */
size_t wn_checkindex(lua_State *L, int arg, size_t n);

/* Optional range arguments [arg, arg + 1] (defaults 1 and n, negative
** from the end) clipped to 1..n: items *a to *b, none when *b < *a. */
void wn_checkrange(lua_State *L, int arg, size_t n, size_t *a, size_t *b);

/* __tostring of a userdata class: "NAME (closed)" or "NAME (COUNT NOUN)". */
int wn_pushdescription(lua_State *L, const char *tname, int closed,
                       size_t count, const char *noun);

/* Creates the metatable tname with the given methods and __index = itself.
** A "close" method (which must be idempotent) is also made the class's
** __gc and __close. */
void wn_newclass(lua_State *L, const char *tname, const luaL_Reg *methods);

/* Adds core.gazetteer and its classes (lwirenews_gazetteer.c). */
void wn_open_gazetteer(lua_State *L);

/* lwirenews_sentence.c: core.sentences */
void wn_open_sentence(lua_State *L);
void wn_open_document(lua_State *L);
/* Role bindings: each adds its functions to the module table on top. */
void wn_open_number(lua_State *L);

#endif
