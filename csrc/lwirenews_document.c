/*
** lwirenews_document.c: core.fingerprint(s [, k [, max]]) -> record.
** The record is {key =, figures =, words =, alpha_words =, shingles =
** {sorted distinct integers}}: one small table per paragraph, used by
** wirenews.document to set aside exact and near-duplicate paragraphs.
** core.count_words(s [, i [, j]]) -> the word count of the cleaning rules;
** core.fold_space_lower(s) -> the paragraph text their patterns read.
*/
#include <limits.h>
#include <string.h>
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

/* core.dedup(cfg) -> Dedup; dedup:check(id, text) -> nil | of, similarity,
** "duplicate.exact" | "duplicate.near".  cfg holds the fields of
** wirenews.rules.cleaning's `duplicates` table. */
#define WN_DEDUP_MT "wirenews.Dedup"

static size_t cfg_size(lua_State *L, const char *name) {
  lua_Integer v;
  lua_getfield(L, 1, name);
  v = luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  if (v < 0) luaL_error(L, "dedup: %s must not be negative", name);
  return (size_t)v;
}

static int l_dedup(lua_State *L) {
  wn_dedup_cfg cfg;
  wn_dedup *d;
  int rc;
  size_t k;
  luaL_checktype(L, 1, LUA_TTABLE);
  k = cfg_size(L, "shingle");
  cfg.shingle = k > WN_FP_MAX_K ? 0 : (int)k;
  cfg.max_shingles = cfg_size(L, "max_shingles");
  cfg.max_postings = cfg_size(L, "max_postings");
  cfg.min_words_exact = cfg_size(L, "min_words_exact");
  cfg.min_words_near = cfg_size(L, "min_words_near");
  lua_getfield(L, 1, "threshold");
  cfg.threshold = luaL_checknumber(L, -1);
  lua_pop(L, 1);
  d = (wn_dedup *)lua_newuserdatauv(L, sizeof(wn_dedup), 0);
  memset(d, 0, sizeof *d);
  luaL_setmetatable(L, WN_DEDUP_MT);
  rc = wn_dedup_init(d, &cfg);
  if (rc == WN_EINVAL)
    return luaL_error(L, "dedup: shingle must be 1 to 8 and max_shingles at most 1024");
  if (rc != WN_OK) return wn_pusherror(L, rc);
  return 1;
}

static int dedup_check(lua_State *L) {
  wn_dedup *d = (wn_dedup *)luaL_checkudata(L, 1, WN_DEDUP_MT);
  lua_Integer id = luaL_checkinteger(L, 2);
  size_t len;
  const char *s = luaL_checklstring(L, 3, &len);
  int kind, rc;
  uint32_t of;
  double sim;
  luaL_argcheck(L, id >= 1 && id < (lua_Integer)UINT32_MAX, 2, "id out of range");
  luaL_argcheck(L, d->out != NULL, 1, "dedup index is closed");
  rc = wn_dedup_check(d, (uint32_t)id, s, len, &kind, &of, &sim);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  if (kind == WN_DUP_NONE) { lua_pushnil(L); return 1; }
  lua_pushinteger(L, (lua_Integer)of);
  lua_pushnumber(L, sim);
  lua_pushstring(L, kind == WN_DUP_EXACT ? "duplicate.exact" : "duplicate.near");
  return 3;
}

static int dedup_gc(lua_State *L) {
  wn_dedup_free((wn_dedup *)luaL_checkudata(L, 1, WN_DEDUP_MT)); /* idempotent */
  return 0;
}

static int dedup_tostring(lua_State *L) {
  wn_dedup *d = (wn_dedup *)luaL_checkudata(L, 1, WN_DEDUP_MT);
  lua_pushfstring(L, "wirenews.Dedup (%d paragraphs indexed)", (int)d->en);
  return 1;
}

static const luaL_Reg dedup_methods[] = {
  {"check", dedup_check},
  {"__gc", dedup_gc},
  {"__close", dedup_gc},
  {"__tostring", dedup_tostring},
  {NULL, NULL}
};

/* core.wordset(list) -> WordSet of the lower-case words of list;
** ws:has(word) -> boolean; ws:unknown(s [, min_len]) -> {start1, stop1,
** start2, stop2, ...}: the all-lower-case letter runs of s of min_len
** (default 1) or more letters that are not in the set. */
#define WN_WORDSET_MT "wirenews.WordSet"

static wn_wordset *check_wordset(lua_State *L) {
  wn_wordset *ws = (wn_wordset *)luaL_checkudata(L, 1, WN_WORDSET_MT);
  luaL_argcheck(L, ws->cap > 0, 1, "word set is closed");
  return ws;
}

static int l_wordset(lua_State *L) {
  size_t len;
  const char *list = luaL_checklstring(L, 1, &len);
  wn_wordset *ws = (wn_wordset *)lua_newuserdatauv(L, sizeof(wn_wordset), 0);
  int rc;
  memset(ws, 0, sizeof *ws);
  luaL_setmetatable(L, WN_WORDSET_MT);
  rc = wn_wordset_build(ws, list, len);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  return 1;
}

static int wordset_has(lua_State *L) {
  wn_wordset *ws = check_wordset(L);
  size_t n;
  const char *w = luaL_checklstring(L, 2, &n);
  lua_pushboolean(L, wn_wordset_has(ws, w, n));
  return 1;
}

static int wordset_unknown(lua_State *L) {
  wn_wordset *ws = check_wordset(L);
  size_t len, i;
  const char *s = luaL_checklstring(L, 2, &len);
  lua_Integer min_len = luaL_optinteger(L, 3, 1);
  wn_spans *sp;
  int rc, slot;
  luaL_argcheck(L, min_len >= 0, 3, "length must not be negative");
  sp = (wn_spans *)lua_newuserdatauv(L, sizeof(wn_spans), 0);
  wn_spans_init(sp);
  luaL_setmetatable(L, WN_SPANS_MT);
  slot = lua_gettop(L);
  lua_toclose(L, slot);
  rc = wn_unknown_words(ws, s, len, (size_t)min_len, sp);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_createtable(L, sp->n > INT_MAX / 2 ? 0 : (int)(2 * sp->n), 0);
  for (i = 0; i < sp->n; i++) {
    lua_pushinteger(L, (lua_Integer)sp->v[i].start);
    lua_rawseti(L, -2, (lua_Integer)(2 * i + 1));
    lua_pushinteger(L, (lua_Integer)sp->v[i].stop);
    lua_rawseti(L, -2, (lua_Integer)(2 * i + 2));
  }
  lua_closeslot(L, slot);
  return 1;
}

static int wordset_gc(lua_State *L) {
  wn_wordset_free((wn_wordset *)luaL_checkudata(L, 1, WN_WORDSET_MT)); /* idempotent */
  return 0;
}

static int wordset_tostring(lua_State *L) {
  wn_wordset *ws = (wn_wordset *)luaL_checkudata(L, 1, WN_WORDSET_MT);
  lua_pushfstring(L, "wirenews.WordSet (%d words)", (int)ws->n);
  return 1;
}

static const luaL_Reg wordset_methods[] = {
  {"has", wordset_has},
  {"unknown", wordset_unknown},
  {"__gc", wordset_gc},
  {"__tostring", wordset_tostring},
  {NULL, NULL}
};

/* core.first_words(s, n): {w1, w2, ...}, the first n (>= 0) words that
** count_words counts, as s:gmatch("%w[%w'%-]*") gives them. */
static int l_first_words(lua_State *L) {
  size_t len, pos = 0, start, wlen;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer max = luaL_checkinteger(L, 2), n = 0;
  luaL_argcheck(L, max >= 0 && max <= 1 << 20, 2, "count must be 0 to 2^20");
  lua_createtable(L, (int)(max < 64 ? max : 64), 0);
  while (n < max && (wlen = wn_next_word(s, len, &pos, &start)) > 0) {
    lua_pushlstring(L, s + start, wlen);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

static const luaL_Reg document_funcs[] = {
  {"first_words", l_first_words},
  {"wordset", l_wordset},
  {"dedup", l_dedup},
  {"paragraphs", l_paragraphs},
  {"fold_space_lower", l_fold_space_lower},
  {"fingerprint", l_fingerprint},
  {"count_words", l_count_words},
  {NULL, NULL}
};

void wn_open_document(lua_State *L) {
  wn_newclass(L, WN_DEDUP_MT, dedup_methods);
  wn_newclass(L, WN_WORDSET_MT, wordset_methods);
  luaL_setfuncs(L, document_funcs, 0);
}
