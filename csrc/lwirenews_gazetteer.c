/*
** lwirenews_gazetteer.c: the gazetteer as a Lua userdata.  The records and
** names live in C (gazetteer.c); lua/wirenews/gazetteer.lua wraps this
** with entry tables, file loading and the person-name policy.
**
**   core.gazetteer(variants)        new gazetteer with a variant key
**   gz:add_record(fields)           -> record number (1-based)
**   gz:add_name(rec, name [, case [, tag [, priority]]]) -> true | nil, err
**   gz:load_tsv(text, chunkname)    -> records added | nil, "chunk:line: why"
**   gz:match(text|toks [, "all"])   -> array of match tables
**   gz:scan(text|toks [, "all"])    -> Matches userdata (bulk access)
**   gz:record(rec), gz:keys(text), gz:memory(), #gz, gz:names()
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lwirenews.h"

#define WN_GAZETTEER_MT "wirenews.Gazetteer"
#define WN_GZMATCHES_MT "wirenews.GazetteerMatches"

typedef struct LGazetteer {
  wn_gazetteer *gz;
  wn_tokens toks;            /* scratch for matching a string */
  wn_gz_matches m;           /* scratch for gz:match */
} LGazetteer;

typedef struct LMatches {
  wn_gz_matches m;
  int closed;
} LMatches;

static LGazetteer *check_gz(lua_State *L, int arg) {
  LGazetteer *g = (LGazetteer *)luaL_checkudata(L, arg, WN_GAZETTEER_MT);
  luaL_argcheck(L, g->gz != NULL, arg, "gazetteer is closed");
  return g;
}

/* ------------------------------------------------------------ creation */

/* variants.rules = {{from, to}, ...}: pairs of strings. */
static void set_rules(lua_State *L, wn_gazetteer *gz, int t) {
  lua_Integer i, n;
  if (lua_getfield(L, t, "rules") == LUA_TNIL) { lua_pop(L, 1); return; }
  luaL_argcheck(L, lua_istable(L, -1), 1, "variants.rules must be a table");
  n = (lua_Integer)luaL_len(L, -1);
  for (i = 1; i <= n; i++) {
    const char *from, *to;
    int rc;
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE)
      luaL_error(L, "variants.rules[%d]: expected {from, to} strings", (int)i);
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    from = lua_tostring(L, -2);
    to = lua_tostring(L, -1);
    if (from == NULL || to == NULL)
      luaL_error(L, "variants.rules[%d]: expected {from, to} strings", (int)i);
    rc = wn_norm_add_rule(wn_gz_normalizer(gz), from, to);
    if (rc == WN_EINVAL)
      luaL_error(L, "variants.rules[%d]: empty or longer than 32 bytes", (int)i);
    if (rc != WN_OK) wn_pusherror(L, rc);
    lua_pop(L, 3);
  }
  lua_pop(L, 1);
}

/* variants.articles = {"al", ...}; variants.solo_articles = {"al", "el"}. */
static void set_articles(lua_State *L, wn_gazetteer *gz, int t,
                         const char *field, int solo) {
  lua_Integer i, n;
  if (lua_getfield(L, t, field) == LUA_TNIL) { lua_pop(L, 1); return; }
  luaL_argcheck(L, lua_istable(L, -1), 1, "variants articles must be a table");
  n = (lua_Integer)luaL_len(L, -1);
  for (i = 1; i <= n; i++) {
    const char *w;
    lua_rawgeti(L, -1, i);
    w = lua_tostring(L, -1);
    if (w == NULL || wn_norm_add_article(wn_gz_normalizer(gz), w, solo) != WN_OK)
      luaL_error(L, "variants.%s[%d]: expected a short ASCII word", field, (int)i);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* variants.words = {{"Khalidiyeh", "Khaldiyeh"}, ...}: first is a
** spelling of the second. */
static void set_words(lua_State *L, wn_gazetteer *gz, int t) {
  lua_Integer i, n;
  if (lua_getfield(L, t, "words") == LUA_TNIL) { lua_pop(L, 1); return; }
  luaL_argcheck(L, lua_istable(L, -1), 1, "variants.words must be a table");
  n = (lua_Integer)luaL_len(L, -1);
  for (i = 1; i <= n; i++) {
    size_t la, lb;
    const char *a, *b;
    int rc;
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE)
      luaL_error(L, "variants.words[%d]: expected {spelling, word} strings", (int)i);
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    a = lua_tolstring(L, -2, &la);
    b = lua_tolstring(L, -1, &lb);
    if (a == NULL || b == NULL)
      luaL_error(L, "variants.words[%d]: expected {spelling, word} strings", (int)i);
    rc = wn_gz_add_equiv(gz, a, la, b, lb);
    if (rc == WN_EINVAL)
      luaL_error(L, "variants.words[%d]: '%s' has no key, or another key already", (int)i, a);
    if (rc != WN_OK) wn_pusherror(L, rc);
    lua_pop(L, 3);
  }
  lua_pop(L, 1);
}

static int l_gazetteer(lua_State *L) {
  LGazetteer *g;
  if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TTABLE);
  g = (LGazetteer *)lua_newuserdatauv(L, sizeof(LGazetteer), 0);
  g->gz = NULL;
  wn_tokens_init(&g->toks);
  wn_gz_matches_init(&g->m);
  luaL_setmetatable(L, WN_GAZETTEER_MT);
  g->gz = wn_gz_new();
  if (g->gz == NULL) return wn_pusherror(L, WN_ENOMEM);
  if (lua_istable(L, 1)) {
    set_articles(L, g->gz, 1, "articles", 0);
    set_articles(L, g->gz, 1, "solo_articles", 1);
    set_rules(L, g->gz, 1);
    set_words(L, g->gz, 1);
  }
  return 1;
}

/* ------------------------------------------------------------- records */

static const char *opt_field(lua_State *L, int t, const char *k) {
  const char *s;
  lua_getfield(L, t, k);
  s = lua_tostring(L, -1);
  lua_pop(L, 1);             /* the table keeps the string alive */
  return s;
}

static double opt_number(lua_State *L, int t, const char *k) {
  double v = NAN;
  lua_getfield(L, t, k);
  if (lua_isnumber(L, -1)) v = (double)lua_tonumber(L, -1);
  lua_pop(L, 1);
  return v;
}

/* gz:add_record{id=, canonical=, kind=, country=, admin=, class=, lat=, lon=} */
static int gz_add_record(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  wn_gz_fields f;
  uint32_t rec;
  int rc;
  luaL_checktype(L, 2, LUA_TTABLE);
  f.id = opt_field(L, 2, "id");
  f.canonical = opt_field(L, 2, "canonical");
  f.kind = opt_field(L, 2, "kind");
  f.country = opt_field(L, 2, "country");
  f.admin = opt_field(L, 2, "admin");
  f.klass = opt_field(L, 2, "class");
  f.lat = opt_number(L, 2, "lat");
  f.lon = opt_number(L, 2, "lon");
  rc = wn_gz_add_record(g->gz, &f, &rec);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_pushinteger(L, (lua_Integer)rec + 1);
  return 1;
}

static uint32_t check_rec(lua_State *L, LGazetteer *g, int arg) {
  lua_Integer r = luaL_checkinteger(L, arg);
  luaL_argcheck(L, r >= 1 && (size_t)r <= wn_gz_nrecords(g->gz), arg,
                "no such record");
  return (uint32_t)(r - 1);
}

/* gz:add_name(rec, name [, case [, tag [, priority]]]) */
static int gz_add_name(lua_State *L) {
  static const char *const policies[] = {"name", "any", NULL};
  LGazetteer *g = check_gz(L, 1);
  uint32_t rec = check_rec(L, g, 2);
  size_t len;
  const char *name = luaL_checklstring(L, 3, &len);
  int policy = luaL_checkoption(L, 4, "name", policies);
  lua_Integer tag = luaL_optinteger(L, 5, 0);
  lua_Integer prio = luaL_optinteger(L, 6, 0);
  int rc;
  luaL_argcheck(L, tag >= INT16_MIN && tag <= INT16_MAX, 5, "out of range");
  luaL_argcheck(L, prio >= -32768 && prio <= 32767, 6, "out of range");
  rc = wn_gz_add_name(g->gz, rec, name, len, policy, (int)tag, (int)prio);
  if (rc == WN_EINVAL) {
    luaL_pushfail(L);
    lua_pushfstring(L, "name '%s' has no word to match", name);
    return 2;
  }
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_pushboolean(L, 1);
  return 1;
}

/* gz:load_tsv(text [, chunkname]) */
static int gz_load_tsv(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  size_t len, before = wn_gz_nrecords(g->gz);
  const char *s = luaL_checklstring(L, 2, &len);
  const char *chunk = luaL_optstring(L, 3, "?");
  wn_gz_error err;
  int rc = wn_gz_load_tsv(g->gz, s, len, &err);
  if (rc == WN_EINVAL) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s:%d: %s", chunk, (int)err.line, err.msg);
    return 2;
  }
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_pushinteger(L, (lua_Integer)(wn_gz_nrecords(g->gz) - before));
  return 1;
}

static void set_str(lua_State *L, const wn_gazetteer *gz, uint32_t off,
                    const char *k) {
  if (off == 0) return;
  lua_pushstring(L, wn_gz_str(gz, off));
  lua_setfield(L, -2, k);
}

/* Sets the record's fields into the table on top of the stack. */
static void push_record_fields(lua_State *L, const wn_gazetteer *gz,
                               uint32_t rec) {
  const wn_gz_record *r = wn_gz_record_at(gz, rec);
  set_str(L, gz, r->id, "id");
  set_str(L, gz, r->canonical, "name");
  set_str(L, gz, r->kind, "kind");
  set_str(L, gz, r->country, "country");
  set_str(L, gz, r->admin, "admin");
  set_str(L, gz, r->klass, "class");
  if (!isnan(r->lat)) {
    lua_pushnumber(L, r->lat);
    lua_setfield(L, -2, "lat");
    lua_pushnumber(L, r->lon);
    lua_setfield(L, -2, "lon");
  }
  lua_pushinteger(L, (lua_Integer)rec + 1);
  lua_setfield(L, -2, "record");
}

static int gz_record(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  uint32_t rec = check_rec(L, g, 2);
  lua_createtable(L, 0, 10);
  push_record_fields(L, g->gz, rec);
  return 1;
}

/* ------------------------------------------------------------- matching */

/* Runs the matcher over argument arg (a string or a Tokens userdata);
** the text goes to *text. */
static void run_match(lua_State *L, LGazetteer *g, int arg, int mode,
                      wn_gz_matches *m, const char **text, size_t *len) {
  const wn_tokens *toks;
  int rc;
  if (lua_type(L, arg) == LUA_TSTRING) {
    *text = lua_tolstring(L, arg, len);
    rc = wn_tokenize(&g->toks, *text, *len);
    if (rc != WN_OK) wn_pusherror(L, rc);
    toks = &g->toks;
  } else {
    LTokens *lt = wn_checktokens(L, arg);
    *text = lt->text;
    *len = lt->len;
    toks = &lt->t;
  }
  rc = wn_gz_find(g->gz, *text, toks, mode, m);
  if (rc != WN_OK) wn_pusherror(L, rc);
}

static int check_mode(lua_State *L, int arg) {
  static const char *const modes[] = {"longest", "all", NULL};
  return luaL_checkoption(L, arg, "longest", modes) == 1 ? WN_GZ_ALL
                                                          : WN_GZ_LONGEST;
}

static const char *tag_name(int32_t tag) {
  switch (tag) {
    case 0: return "name";
    case 1: return "alias";
    default: return "surname";
  }
}

/* gz:match(text|toks [, mode]) -> {{start=, stop=, text=, id=, ...}, ...} */
static int gz_match(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  int mode = check_mode(L, 3);
  const char *text;
  size_t len, i;
  run_match(L, g, 2, mode, &g->m, &text, &len);
  lua_createtable(L, (int)g->m.n, 0);
  for (i = 0; i < g->m.n; i++) {
    const wn_gz_match *x = &g->m.v[i];
    lua_createtable(L, 0, 16);
    push_record_fields(L, g->gz, x->record);
    lua_pushlstring(L, text + x->start - 1, x->stop - x->start + 1);
    lua_setfield(L, -2, "text");
    lua_pushinteger(L, x->start);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, x->stop);
    lua_setfield(L, -2, "stop");
    lua_pushinteger(L, x->first);
    lua_setfield(L, -2, "first");
    lua_pushinteger(L, x->last);
    lua_setfield(L, -2, "last");
    lua_pushinteger(L, x->tag);
    lua_setfield(L, -2, "tag");
    lua_pushstring(L, tag_name(x->tag));
    lua_setfield(L, -2, "form");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* gz:scan(text|toks [, mode]) -> Matches userdata */
static int gz_scan(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  int mode = check_mode(L, 3);
  const char *text;
  size_t len;
  LMatches *lm = (LMatches *)lua_newuserdatauv(L, sizeof(LMatches), 0);
  wn_gz_matches_init(&lm->m);
  lm->closed = 0;
  luaL_setmetatable(L, WN_GZMATCHES_MT);
  /* match into the gazetteer's own buffers (their work space is reused
  ** from call to call), then keep a copy of just the matches */
  run_match(L, g, 2, mode, &g->m, &text, &len);
  if (g->m.n > 0) {
    lm->m.v = (wn_gz_match *)malloc(g->m.n * sizeof(wn_gz_match));
    if (lm->m.v == NULL) return wn_pusherror(L, WN_ENOMEM);
    memcpy(lm->m.v, g->m.v, g->m.n * sizeof(wn_gz_match));
    lm->m.n = lm->m.cap = g->m.n;
  }
  return 1;
}

/* gz:keys(text) -> the words' keys joined by spaces, articles dropped as
** they are in names. */
static int gz_keys(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  size_t len, t;
  const char *s = luaL_checklstring(L, 2, &len);
  luaL_Buffer b;
  int first = 1, rc = wn_tokenize(&g->toks, s, len);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  luaL_buffinit(L, &b);
  for (t = 0; t < g->toks.n; t++) {
    const wn_token *tk = &g->toks.v[t];
    size_t a = tk->start - 1, i = a, end = tk->stop;
    while (a <= end) {
      char key[WN_KEY_MAX];
      unsigned info;
      size_t klen;
      while (i < end && s[i] != '-') i++;
      klen = wn_norm_word(wn_gz_normalizer(g->gz), s + a, i - a, key, &info);
      if (klen > 0 && !(info & WN_W_ARTICLE)) {   /* as in names */
        if (!first) luaL_addchar(&b, ' ');
        luaL_addlstring(&b, key, klen);
        first = 0;
      }
      if (i >= end) break;
      a = ++i;
    }
  }
  luaL_pushresult(&b);
  return 1;
}

static int gz_memory(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  lua_pushinteger(L, (lua_Integer)wn_gz_memory(g->gz));
  return 1;
}

static int gz_len(lua_State *L) {
  LGazetteer *g = (LGazetteer *)luaL_checkudata(L, 1, WN_GAZETTEER_MT);
  lua_pushinteger(L, g->gz ? (lua_Integer)wn_gz_nrecords(g->gz) : 0);
  return 1;
}

static int gz_names(lua_State *L) {
  LGazetteer *g = check_gz(L, 1);
  lua_pushinteger(L, (lua_Integer)wn_gz_nnames(g->gz));
  return 1;
}

static int gz_close(lua_State *L) {
  LGazetteer *g = (LGazetteer *)luaL_checkudata(L, 1, WN_GAZETTEER_MT);
  if (g->gz != NULL) {                /* idempotent: __gc may follow close */
    wn_gz_free(g->gz);
    g->gz = NULL;
    wn_tokens_free(&g->toks);
    wn_gz_matches_free(&g->m);
  }
  return 0;
}

static int gz_tostring(lua_State *L) {
  LGazetteer *g = (LGazetteer *)luaL_checkudata(L, 1, WN_GAZETTEER_MT);
  if (g->gz == NULL) lua_pushliteral(L, "wirenews.Gazetteer (closed)");
  else lua_pushfstring(L, "wirenews.Gazetteer (%d records, %d names)",
                       (int)wn_gz_nrecords(g->gz), (int)wn_gz_nnames(g->gz));
  return 1;
}

static const luaL_Reg gazetteer_methods[] = {
  {"__len", gz_len},
  {"__tostring", gz_tostring},
  {"add_record", gz_add_record},
  {"add_name", gz_add_name},
  {"load_tsv", gz_load_tsv},
  {"record", gz_record},
  {"match", gz_match},
  {"scan", gz_scan},
  {"keys", gz_keys},
  {"memory", gz_memory},
  {"names", gz_names},
  {"close", gz_close},
  {NULL, NULL}
};

/* -------------------------------------------------------------- Matches */

static LMatches *check_matches(lua_State *L, int arg) {
  LMatches *lm = (LMatches *)luaL_checkudata(L, arg, WN_GZMATCHES_MT);
  luaL_argcheck(L, !lm->closed, arg, "matches are closed");
  return lm;
}

static int mt_len(lua_State *L) {
  LMatches *lm = (LMatches *)luaL_checkudata(L, 1, WN_GZMATCHES_MT);
  lua_pushinteger(L, lm->closed ? 0 : (lua_Integer)lm->m.n);
  return 1;
}

/* m:at(i) -> start, stop, record, tag, first, last */
static int mt_at(lua_State *L) {
  LMatches *lm = check_matches(L, 1);
  size_t i = wn_checkindex(L, 2, lm->m.n);
  const wn_gz_match *x;
  if (i == 0) { luaL_pushfail(L); return 1; }
  x = &lm->m.v[i - 1];
  lua_pushinteger(L, x->start);
  lua_pushinteger(L, x->stop);
  lua_pushinteger(L, (lua_Integer)x->record + 1);
  lua_pushinteger(L, x->tag);
  lua_pushinteger(L, x->first);
  lua_pushinteger(L, x->last);
  return 6;
}

/* m:column("start"|"stop"|"record"|"tag"|"first"|"last") -> array */
static int mt_column(lua_State *L) {
  static const char *const names[] = {"start", "stop", "record", "tag",
                                      "first", "last", NULL};
  LMatches *lm = check_matches(L, 1);
  int which = luaL_checkoption(L, 2, NULL, names);
  size_t i;
  lua_createtable(L, (int)lm->m.n, 0);
  for (i = 0; i < lm->m.n; i++) {
    const wn_gz_match *x = &lm->m.v[i];
    lua_Integer v;
    switch (which) {
      case 0: v = x->start; break;
      case 1: v = x->stop; break;
      case 2: v = (lua_Integer)x->record + 1; break;
      case 3: v = x->tag; break;
      case 4: v = x->first; break;
      default: v = x->last; break;
    }
    lua_pushinteger(L, v);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int mt_close(lua_State *L) {
  LMatches *lm = (LMatches *)luaL_checkudata(L, 1, WN_GZMATCHES_MT);
  if (!lm->closed) {
    wn_gz_matches_free(&lm->m);
    lm->closed = 1;
  }
  return 0;
}

static int mt_tostring(lua_State *L) {
  LMatches *lm = (LMatches *)luaL_checkudata(L, 1, WN_GZMATCHES_MT);
  return wn_pushdescription(L, WN_GZMATCHES_MT, lm->closed, lm->m.n,
                            "matches");
}

static const luaL_Reg matches_methods[] = {
  {"__len", mt_len},
  {"__tostring", mt_tostring},
  {"at", mt_at},
  {"column", mt_column},
  {"close", mt_close},
  {NULL, NULL}
};

void wn_open_gazetteer(lua_State *L) {
  wn_newclass(L, WN_GAZETTEER_MT, gazetteer_methods);
  wn_newclass(L, WN_GZMATCHES_MT, matches_methods);
  lua_pushcfunction(L, l_gazetteer);
  lua_setfield(L, -2, "gazetteer");
}
