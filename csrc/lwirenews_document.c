/*
** lwirenews_document.c: core.fingerprint(s [, k [, max]]) -> record.
** The record is {key =, figures =, words =, alpha_words =, shingles =
** {sorted distinct integers}}: one small table per paragraph, used by
** wirenews.document to set aside exact and near-duplicate paragraphs.
** core.count_words(s [, i [, j]]) -> the word count of the cleaning rules;
** core.fold_space_lower(s) -> the paragraph text their patterns read.
*/
#include <limits.h>
#include "lwirenews.h"

#define MAX_SHINGLES 1024

static void set_int(lua_State *L, const char *name, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, name);
}

static int l_fingerprint(lua_State *L) {
  size_t len, i;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer k = luaL_optinteger(L, 2, 3);
  lua_Integer max = luaL_optinteger(L, 3, 256);
  uint32_t out[MAX_SHINGLES];
  wn_fingerprint_t fp;
  luaL_argcheck(L, k >= 1 && k <= WN_FP_MAX_K, 2, "shingle size must be 1 to 8");
  luaL_argcheck(L, max >= 0 && max <= MAX_SHINGLES, 3, "at most 1024 shingles");
  if (wn_fingerprint(s, len, (int)k, out, (size_t)max, &fp) != WN_OK)
    return luaL_error(L, "fingerprint: invalid arguments");
  lua_createtable(L, 0, 5);
  /* the 64-bit key as a Lua integer (two's complement wrap is fine: only
  ** equality matters) */
  set_int(L, "key", (lua_Integer)fp.key);
  set_int(L, "figures", (lua_Integer)fp.figures);
  set_int(L, "words", (lua_Integer)fp.words);
  set_int(L, "alpha_words", (lua_Integer)fp.alpha_words);
  lua_createtable(L, (int)fp.shingles, 0);
  for (i = 0; i < fp.shingles; i++) {
    lua_pushinteger(L, (lua_Integer)out[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "shingles");
  return 1;
}

/* core.count_words(s [, i [, j]]): words of s:sub(i, j) without the copy. */
static int l_count_words(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer j = luaL_optinteger(L, 3, (lua_Integer)len);
  if (i < 1) i = 1;
  if (j > (lua_Integer)len) j = (lua_Integer)len;
  if (i > j) { lua_pushinteger(L, 0); return 1; }
  lua_pushinteger(L, (lua_Integer)wn_count_words(s + i - 1, (size_t)(j - i + 1)));
  return 1;
}

/* core.fold_space_lower(s): s:lower():gsub("%s+", " ") in one pass. */
static int l_fold_space_lower(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, len);
  luaL_pushresultsize(&b, wn_fold_space_lower(s, len, out));
  return 1;
}

/* core.paragraphs(s) -> {{start =, stop =}, ...}, "line"|"indent"|"blank".
** The spans live in a to-be-closed Spans userdata (wirenews.Spans, made by
** wn_open_sentence): an error while building the tables frees them. */
static int l_paragraphs(lua_State *L) {
  static const char *const modes[] = {"line", "indent", "blank"};
  size_t len, i;
  const char *s = luaL_checklstring(L, 1, &len);
  wn_spans *sp;
  int mode = WN_PAR_LINE, rc, slot;
  sp = (wn_spans *)lua_newuserdatauv(L, sizeof(wn_spans), 0);
  wn_spans_init(sp);
  luaL_setmetatable(L, WN_SPANS_MT);
  slot = lua_gettop(L);
  lua_toclose(L, slot);
  rc = wn_paragraphs(s, len, sp, &mode);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_createtable(L, sp->n > INT_MAX ? 0 : (int)sp->n, 0);
  for (i = 0; i < sp->n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, (lua_Integer)sp->v[i].start);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)sp->v[i].stop);
    lua_setfield(L, -2, "stop");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushstring(L, modes[mode]);
  lua_closeslot(L, slot);                /* frees the spans; tables stay */
  return 2;
}

static const luaL_Reg document_funcs[] = {
  {"paragraphs", l_paragraphs},
  {"fold_space_lower", l_fold_space_lower},
  {"fingerprint", l_fingerprint},
  {"count_words", l_count_words},
  {NULL, NULL}
};

void wn_open_document(lua_State *L) {
  luaL_setfuncs(L, document_funcs, 0);
}
