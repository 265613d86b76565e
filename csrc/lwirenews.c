/*
** lwirenews.c: the Lua module wirenews.core.  Token arrays and lexicons
** are userdata holding C arrays; Lua reads them by index or in bulk, never
** as one table per token.
*/
#include <string.h>
#include "lwirenews.h"

int wn_pusherror(lua_State *L, int code) {
  return luaL_error(L, "wirenews: %s", wn_strerror(code));
}

void wn_newclass(lua_State *L, const char *tname, const luaL_Reg *methods) {
  luaL_newmetatable(L, tname);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  if (lua_getfield(L, -1, "close") == LUA_TFUNCTION) {
    lua_pushvalue(L, -1);              /* close is also __gc and __close */
    lua_setfield(L, -3, "__gc");
    lua_setfield(L, -2, "__close");
  } else {
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

size_t wn_checkindex(lua_State *L, int arg, size_t n) {
  lua_Integer i = luaL_checkinteger(L, arg);
  lua_Integer len = (lua_Integer)n;
  if (i < 0) i += len + 1;             /* negative + positive: no overflow */
  if (i < 1 || i > len) return 0;
  return (size_t)i;
}

void wn_checkrange(lua_State *L, int arg, size_t n, size_t *a, size_t *b) {
  lua_Integer len = (lua_Integer)n;
  lua_Integer i = luaL_optinteger(L, arg, 1);
  lua_Integer j = luaL_optinteger(L, arg + 1, len);
  if (i < 0) i += len + 1;
  if (j < 0) j += len + 1;
  if (i < 1) i = 1;
  if (j > len) j = len;
  *a = (size_t)i;
  *b = j < i ? (size_t)i - 1 : (size_t)j;
}

int wn_pushdescription(lua_State *L, const char *tname, int closed,
                       size_t count, const char *noun) {
  if (closed) lua_pushfstring(L, "%s (closed)", tname);
  else lua_pushfstring(L, "%s (%d %s)", tname, (int)count, noun);
  return 1;
}

/* ------------------------------------------------------------- Tokens */

LTokens *wn_checktokens(lua_State *L, int arg) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, arg, WN_TOKENS_MT);
  luaL_argcheck(L, !lt->closed, arg, "token array is closed");
  return lt;
}

static int l_tokenize(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  LTokens *lt = (LTokens *)lua_newuserdatauv(L, sizeof(LTokens), 1);
  int rc;
  wn_tokens_init(&lt->t);
  lt->text = s;
  lt->len = len;
  lt->closed = 0;
  luaL_setmetatable(L, WN_TOKENS_MT);
  lua_pushvalue(L, 1);                 /* keep the text alive with us */
  lua_setiuservalue(L, -2, 1);
  rc = wn_tokenize(&lt->t, s, len);
  if (rc != WN_OK) {
    wn_tokens_free(&lt->t);
    lt->closed = 1;
    if (rc == WN_ETOOBIG) {
      luaL_pushfail(L);
      lua_pushstring(L, wn_strerror(rc));
      return 2;
    }
    return wn_pusherror(L, rc);
  }
  return 1;
}

static int tok_len(lua_State *L) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, 1, WN_TOKENS_MT);
  lua_pushinteger(L, lt->closed ? 0 : (lua_Integer)lt->t.n);
  return 1;
}

static int tok_at(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  size_t i = wn_checkindex(L, 2, lt->t.n);
  const wn_token *tk;
  if (i == 0) { luaL_pushfail(L); return 1; }
  tk = &lt->t.v[i - 1];
  lua_pushinteger(L, tk->start);
  lua_pushinteger(L, tk->stop);
  lua_pushstring(L, wn_tokclass_name(tk->cls));
  lua_pushinteger(L, tk->flags);
  return 4;
}

static int tok_text(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  size_t i = wn_checkindex(L, 2, lt->t.n);
  const wn_token *tk;
  if (i == 0) { luaL_pushfail(L); return 1; }
  tk = &lt->t.v[i - 1];
  lua_pushlstring(L, lt->text + tk->start - 1, tk->stop - tk->start + 1);
  return 1;
}

static int tok_class(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  size_t i = wn_checkindex(L, 2, lt->t.n);
  if (i == 0) { luaL_pushfail(L); return 1; }
  lua_pushstring(L, wn_tokclass_name(lt->t.v[i - 1].cls));
  return 1;
}

static int tok_flags(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  size_t i = wn_checkindex(L, 2, lt->t.n);
  if (i == 0) { luaL_pushfail(L); return 1; }
  lua_pushinteger(L, lt->t.v[i - 1].flags);
  return 1;
}

static int tok_hash(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  size_t i = wn_checkindex(L, 2, lt->t.n);
  if (i == 0) { luaL_pushfail(L); return 1; }
  lua_pushinteger(L, lt->t.v[i - 1].hash);
  return 1;
}

/* Token index containing byte position pos (or the next one after it). */
static int tok_locate(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  lua_Integer pos = luaL_checkinteger(L, 2);
  size_t lo = 0, hi = lt->t.n;
  while (lo < hi) {                      /* first token with stop >= pos */
    size_t mid = lo + (hi - lo) / 2;
    if ((lua_Integer)lt->t.v[mid].stop < pos) lo = mid + 1; else hi = mid;
  }
  if (lo == lt->t.n) { luaL_pushfail(L); return 1; }
  lua_pushinteger(L, (lua_Integer)lo + 1);
  return 1;
}

static int tok_iter(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  lua_Integer i = luaL_checkinteger(L, 2);   /* the previous index */
  const wn_token *tk;
  if (i < 0 || (size_t)i >= lt->t.n) return 0;  /* before i + 1 overflows */
  tk = &lt->t.v[i++];
  lua_pushinteger(L, i);
  lua_pushinteger(L, tk->start);
  lua_pushinteger(L, tk->stop);
  lua_pushstring(L, wn_tokclass_name(tk->cls));
  lua_pushinteger(L, tk->flags);
  return 5;
}

/* for i, start, stop, class, flags in toks:each() do ... end */
static int tok_each(lua_State *L) {
  wn_checktokens(L, 1);
  lua_pushcfunction(L, tok_iter);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

/* Bulk read of one field: toks:column("start"|"stop"|"class"|"flags"|
** "hash"|"text" [, i [, j]]) returns a Lua array. */
static int tok_column(lua_State *L) {
  static const char *const names[] = {"start", "stop", "class", "flags",
                                      "hash", "text", NULL};
  LTokens *lt = wn_checktokens(L, 1);
  int which = luaL_checkoption(L, 2, NULL, names);
  size_t a, b, k;
  wn_checkrange(L, 3, lt->t.n, &a, &b);
  lua_createtable(L, (int)(b >= a ? b - a + 1 : 0), 0);
  for (k = a; k <= b; k++) {
    const wn_token *tk = &lt->t.v[k - 1];
    switch (which) {
      case 0: lua_pushinteger(L, tk->start); break;
      case 1: lua_pushinteger(L, tk->stop); break;
      case 2: lua_pushstring(L, wn_tokclass_name(tk->cls)); break;
      case 3: lua_pushinteger(L, tk->flags); break;
      case 4: lua_pushinteger(L, tk->hash); break;
      default:
        lua_pushlstring(L, lt->text + tk->start - 1, tk->stop - tk->start + 1);
        break;
    }
    lua_rawseti(L, -2, (lua_Integer)(k - a + 1));
  }
  return 1;
}

/* toks:scan(lexicon [, i [, j]]) -> array of token indices whose folded
** form is in the lexicon, and a parallel array of their payloads. */
static int tok_scan(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  LLexicon *lx = wn_checklexicon(L, 2);
  size_t a, b, k;
  lua_Integer m = 0;
  wn_checkrange(L, 3, lt->t.n, &a, &b);
  lua_newtable(L);
  lua_newtable(L);
  for (k = a; k <= b; k++) {
    int32_t val;
    if (wn_lexset_get(&lx->set, lt->t.v[k - 1].hash, &val)) {
      m++;
      lua_pushinteger(L, (lua_Integer)k);
      lua_rawseti(L, -3, m);
      lua_pushinteger(L, val);
      lua_rawseti(L, -2, m);
    }
  }
  return 2;
}

static int tok_invalid_bytes(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  lua_pushinteger(L, (lua_Integer)lt->t.invalid_bytes);
  return 1;
}

static int tok_source(lua_State *L) {
  wn_checktokens(L, 1);
  lua_getiuservalue(L, 1, 1);
  return 1;
}

static int tok_close(lua_State *L) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, 1, WN_TOKENS_MT);
  if (!lt->closed) {                  /* idempotent: __gc may follow close */
    wn_tokens_free(&lt->t);
    lt->closed = 1;
  }
  return 0;
}

static int tok_tostring(lua_State *L) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, 1, WN_TOKENS_MT);
  return wn_pushdescription(L, WN_TOKENS_MT, lt->closed, lt->t.n, "tokens");
}

static const luaL_Reg tokens_methods[] = {
  {"__len", tok_len},
  {"__tostring", tok_tostring},
  {"at", tok_at},
  {"text", tok_text},
  {"class", tok_class},
  {"flags", tok_flags},
  {"hash", tok_hash},
  {"locate", tok_locate},
  {"each", tok_each},
  {"column", tok_column},
  {"scan", tok_scan},
  {"invalid_bytes", tok_invalid_bytes},
  {"source", tok_source},
  {"close", tok_close},
  {NULL, NULL}
};

/* ------------------------------------------------------------ Lexicon */

LLexicon *wn_checklexicon(lua_State *L, int arg) {
  LLexicon *lx = (LLexicon *)luaL_checkudata(L, arg, WN_LEXICON_MT);
  luaL_argcheck(L, !lx->closed, arg, "lexicon is closed");
  return lx;
}

/* core.lexicon{word = value, ...} or core.lexicon{"w1", "w2"}: string
** keys map to their integer value; array items map to their index. */
static int l_lexicon(lua_State *L) {
  LLexicon *lx;
  luaL_checktype(L, 1, LUA_TTABLE);
  lx = (LLexicon *)lua_newuserdatauv(L, sizeof(LLexicon), 0);
  wn_lexset_init(&lx->set);
  lx->closed = 0;
  luaL_setmetatable(L, WN_LEXICON_MT);
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    const char *w;
    size_t wl;
    lua_Integer val;
    int rc;
    if (lua_type(L, -2) == LUA_TSTRING) {
      w = lua_tolstring(L, -2, &wl);
      if (lua_isinteger(L, -1)) val = lua_tointeger(L, -1);
      else val = lua_toboolean(L, -1) ? 1 : 0;
    } else if (lua_type(L, -1) == LUA_TSTRING && lua_isinteger(L, -2)) {
      w = lua_tolstring(L, -1, &wl);
      val = lua_tointeger(L, -2);
    } else {
      return luaL_argerror(L, 1, "expected strings as keys or items");
    }
    if (val < INT32_MIN || val > INT32_MAX)
      return luaL_argerror(L, 1, "lexicon value out of 32-bit range");
    rc = wn_lexset_put(&lx->set, wn_hash_folded(w, wl), (int32_t)val);
    if (rc != WN_OK) return wn_pusherror(L, rc);
    lua_pop(L, 1);
  }
  return 1;
}

static int lex_get(lua_State *L) {
  LLexicon *lx = wn_checklexicon(L, 1);
  size_t wl;
  const char *w = luaL_checklstring(L, 2, &wl);
  int32_t val;
  if (wn_lexset_get(&lx->set, wn_hash_folded(w, wl), &val))
    lua_pushinteger(L, val);
  else
    luaL_pushfail(L);
  return 1;
}

static int lex_len(lua_State *L) {
  LLexicon *lx = (LLexicon *)luaL_checkudata(L, 1, WN_LEXICON_MT);
  lua_pushinteger(L, lx->closed ? 0 : (lua_Integer)lx->set.n);
  return 1;
}

static int lex_close(lua_State *L) {
  LLexicon *lx = (LLexicon *)luaL_checkudata(L, 1, WN_LEXICON_MT);
  if (!lx->closed) {
    wn_lexset_free(&lx->set);
    lx->closed = 1;
  }
  return 0;
}

static int lex_tostring(lua_State *L) {
  LLexicon *lx = (LLexicon *)luaL_checkudata(L, 1, WN_LEXICON_MT);
  return wn_pushdescription(L, WN_LEXICON_MT, lx->closed, lx->set.n, "words");
}

static const luaL_Reg lexicon_methods[] = {
  {"__len", lex_len},
  {"__tostring", lex_tostring},
  {"get", lex_get},
  {"close", lex_close},
  {NULL, NULL}
};

/* ----------------------------------------------------- plain functions */

static int l_fold(lua_State *L) {
  size_t len, i = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (i < len) {
    int32_t cp;
    int n = wn_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (cp < 0) luaL_addchar(&b, s[i]);
    else {
      char buf[4];
      int m = wn_utf8_encode(wn_cp_fold(cp), buf);
      luaL_addlstring(&b, buf, (size_t)m);
    }
    i += (size_t)n;
  }
  luaL_pushresult(&b);
  return 1;
}

static int l_hash(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, wn_hash_folded(s, len));
  return 1;
}

/* core.utf8_check(s) -> true, or false and the 1-based position of the
** first invalid byte, and the number of invalid bytes. */
static int l_utf8_check(lua_State *L) {
  size_t len, i = 0, first = 0, bad = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  while (i < len) {
    int32_t cp;
    int n = ((unsigned char)s[i] < 0x80) ? (cp = 0, 1)
            : wn_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (cp < 0) { if (!first) first = i + 1; bad++; }
    i += (size_t)n;
  }
  if (bad == 0) { lua_pushboolean(L, 1); return 1; }
  lua_pushboolean(L, 0);
  lua_pushinteger(L, (lua_Integer)first);
  lua_pushinteger(L, (lua_Integer)bad);
  return 3;
}

static const luaL_Reg core_funcs[] = {
  {"tokenize", l_tokenize},
  {"lexicon", l_lexicon},
  {"fold", l_fold},
  {"hash", l_hash},
  {"utf8_check", l_utf8_check},
  {NULL, NULL}
};

static void set_flags(lua_State *L) {
  static const struct { const char *name; unsigned v; } fl[] = {
    {"CAP", WN_F_CAP}, {"ALLCAPS", WN_F_ALLCAPS}, {"DIGIT", WN_F_DIGIT},
    {"HYPHEN", WN_F_HYPHEN}, {"APOS", WN_F_APOS}, {"LINE", WN_F_LINE},
    {"PARA", WN_F_PARA}, {"DOTTED", WN_F_DOTTED},
    {"NONASCII", WN_F_NONASCII}, {"CLITIC", WN_F_CLITIC},
    {"URL", WN_F_URL}, {"SPACE", WN_F_SPACE}, {"ALPHA", WN_F_ALPHA},
    {"CONTROL", WN_F_CONTROL}, {NULL, 0}
  };
  lua_newtable(L);
  for (int i = 0; fl[i].name; i++) {
    lua_pushinteger(L, fl[i].v);
    lua_setfield(L, -2, fl[i].name);
  }
  lua_setfield(L, -2, "flags");
}

int luaopen_wirenews_core(lua_State *L);

int luaopen_wirenews_core(lua_State *L) {
  wn_newclass(L, WN_TOKENS_MT, tokens_methods);
  wn_newclass(L, WN_LEXICON_MT, lexicon_methods);
  luaL_newlib(L, core_funcs);
  wn_open_gazetteer(L);
  wn_open_number(L);
  set_flags(L);
  wn_open_sentence(L);
  wn_open_document(L);
  lua_pushliteral(L, WN_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
