/*
** lwirenews_sentence.c: core.sentences(toks [, abbrevs [, words
** [, opts]]]) -> starts, stops.  Two Lua arrays with one entry per
** sentence; the lexicons are Lexicon userdata built by the Lua module
** wirenews.sentences from its plain data tables.
*/
#include "lwirenews.h"

/* An optional Lexicon argument: nil or absent gives NULL. */
static const wn_lexset *opt_lexicon(lua_State *L, int arg) {
  if (lua_isnoneornil(L, arg)) return NULL;
  return &wn_checklexicon(L, arg)->set;
}

static void read_options(lua_State *L, int arg, wn_sbd_opts *o) {
  if (lua_isnoneornil(L, arg)) return;
  luaL_checktype(L, arg, LUA_TTABLE);
  lua_getfield(L, arg, "pdf");
  o->pdf = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, arg, "min_wrap");
  if (!lua_isnil(L, -1)) {
    int ok;
    lua_Integer w = lua_tointegerx(L, -1, &ok);
    luaL_argcheck(L, ok && w >= 0 && w <= 100000, arg,
                  "min_wrap must be an integer from 0 to 100000");
    o->min_wrap = (unsigned)w;
  }
  lua_pop(L, 1);
}

/* Pushes the spans as two arrays; frees them first if Lua runs short. */
static int push_spans(lua_State *L, wn_spans *sp) {
  size_t k;
  lua_createtable(L, (int)sp->n, 0);
  lua_createtable(L, (int)sp->n, 0);
  for (k = 0; k < sp->n; k++) {
    lua_pushinteger(L, sp->v[k].start);
    lua_rawseti(L, -3, (lua_Integer)k + 1);
    lua_pushinteger(L, sp->v[k].stop);
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return 2;
}

static int l_sentences(lua_State *L) {
  LTokens *lt = wn_checktokens(L, 1);
  wn_sbd_opts o;
  wn_spans *sp;
  int rc, slot;
  wn_sbd_opts_init(&o);
  o.abbrevs = opt_lexicon(L, 2);
  o.words = opt_lexicon(L, 3);
  read_options(L, 4, &o);
  /* The spans live in a to-be-closed userdata: an error while pushing
     (out of memory) frees them through __close, with no finalizer cost. */
  sp = (wn_spans *)lua_newuserdatauv(L, sizeof(wn_spans), 0);
  wn_spans_init(sp);
  luaL_setmetatable(L, WN_SPANS_MT);
  slot = lua_gettop(L);
  lua_toclose(L, slot);
  rc = wn_sentences(sp, lt->text, lt->len, &lt->t, &o);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  push_spans(L, sp);
  lua_closeslot(L, slot);                /* frees the spans; tables stay */
  return 2;
}

static int spans_close(lua_State *L) {
  wn_spans *sp = (wn_spans *)luaL_checkudata(L, 1, WN_SPANS_MT);
  wn_spans_free(sp);                     /* idempotent: leaves it empty */
  return 0;
}

static int spans_tostring(lua_State *L) {
  wn_spans *sp = (wn_spans *)luaL_checkudata(L, 1, WN_SPANS_MT);
  lua_pushfstring(L, "wirenews.Spans (%d spans)", (int)sp->n);
  return 1;
}

static const luaL_Reg spans_methods[] = {
  {"__close", spans_close},
  {"__tostring", spans_tostring},
  {NULL, NULL}
};

void wn_open_sentence(lua_State *L) {
  wn_newclass(L, WN_SPANS_MT, spans_methods);
  lua_pushcfunction(L, l_sentences);
  lua_setfield(L, -2, "sentences");
}
