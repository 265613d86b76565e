/*
** lwirenews_number.c: Lua binding of number.c.
**
**   core.number_parser() -> NumberParser (words and vague-quantity policy)
**   core.numbers(parser, toks) -> Numbers (a C array of records)
**
** Numbers are read lazily: nums[i] (or nums:get(i)) builds one small table
** for that number only; nums:find(pos) and nums:within(a, b) answer position
** questions in C without building any table.
*/
#include <math.h>
#include <string.h>
#include "lwirenews.h"

#define WN_NUMPARSER_MT "wirenews.NumberParser"
#define WN_NUMBERS_MT   "wirenews.Numbers"

typedef struct LNumParser {
  wn_numparser p;
  int closed;
} LNumParser;

typedef struct LNumbers {
  wn_numbers n;
  const char *text;     /* owned by the string in user value 1 */
  size_t len;
  int closed;
} LNumbers;

/* --------------------------------------------------------- NumberParser */

static LNumParser *check_parser(lua_State *L, int arg) {
  LNumParser *lp = (LNumParser *)luaL_checkudata(L, arg, WN_NUMPARSER_MT);
  luaL_argcheck(L, !lp->closed, arg, "number parser is closed");
  return lp;
}

static int l_number_parser(lua_State *L) {
  LNumParser *lp = (LNumParser *)lua_newuserdatauv(L, sizeof(LNumParser), 0);
  int rc;
  lp->closed = 1;                      /* until init succeeds */
  luaL_setmetatable(L, WN_NUMPARSER_MT);
  rc = wn_numparser_init(&lp->p);
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lp->closed = 0;
  return 1;
}

/* parser:set_vague(word, figure): true, or nil and a message. */
static int np_set_vague(lua_State *L) {
  LNumParser *lp = check_parser(L, 1);
  size_t wl;
  const char *w = luaL_checklstring(L, 2, &wl);
  lua_Number fig = luaL_checknumber(L, 3);
  int rc;
  luaL_argcheck(L, wl > 0, 2, "empty word");
  rc = wn_numparser_set_vague(&lp->p, w, wl, (double)fig);
  if (rc == WN_EINVAL) {
    luaL_pushfail(L);
    lua_pushfstring(L, "'%s' is not a vague quantity word, or figure %f "
                    "is not positive", w, (double)fig);
    return 2;
  }
  if (rc != WN_OK) return wn_pusherror(L, rc);
  lua_pushboolean(L, 1);
  return 1;
}

static int np_get_vague(lua_State *L) {
  LNumParser *lp = check_parser(L, 1);
  size_t wl;
  const char *w = luaL_checklstring(L, 2, &wl);
  double fig;
  if (wn_numparser_get_vague(&lp->p, w, wl, &fig)) lua_pushnumber(L, fig);
  else luaL_pushfail(L);
  return 1;
}

static int np_close(lua_State *L) {
  LNumParser *lp = (LNumParser *)luaL_checkudata(L, 1, WN_NUMPARSER_MT);
  if (!lp->closed) {
    wn_numparser_free(&lp->p);
    lp->closed = 1;
  }
  return 0;
}

static int np_tostring(lua_State *L) {
  LNumParser *lp = (LNumParser *)luaL_checkudata(L, 1, WN_NUMPARSER_MT);
  return wn_pushdescription(L, WN_NUMPARSER_MT, lp->closed, lp->p.n, "words");
}

static const luaL_Reg parser_methods[] = {
  {"__tostring", np_tostring},
  {"set_vague", np_set_vague},
  {"get_vague", np_get_vague},
  {"close", np_close},
  {NULL, NULL}
};

/* -------------------------------------------------------------- Numbers */

static LNumbers *check_numbers(lua_State *L, int arg) {
  LNumbers *ln = (LNumbers *)luaL_checkudata(L, arg, WN_NUMBERS_MT);
  luaL_argcheck(L, !ln->closed, arg, "number array is closed");
  return ln;
}

/* core.numbers(parser, toks) */
static int l_numbers(lua_State *L) {
  LNumParser *lp = check_parser(L, 1);
  LTokens *lt = wn_checktokens(L, 2);
  LNumbers *ln = (LNumbers *)lua_newuserdatauv(L, sizeof(LNumbers), 1);
  int rc;
  wn_numbers_init(&ln->n);
  ln->text = lt->text;
  ln->len = lt->len;
  ln->closed = 0;
  luaL_setmetatable(L, WN_NUMBERS_MT);
  lua_getiuservalue(L, 2, 1);          /* the text keeps living with us */
  lua_setiuservalue(L, -2, 1);
  rc = wn_numbers_parse(&lp->p, &lt->t, lt->text, lt->len, &ln->n);
  if (rc != WN_OK) {
    wn_numbers_free(&ln->n);
    ln->closed = 1;
    return wn_pusherror(L, rc);
  }
  return 1;
}

static void push_value(lua_State *L, double v) {
  if (v >= -9007199254740992.0 && v <= 9007199254740992.0 &&
      v == (double)(lua_Integer)v)
    lua_pushinteger(L, (lua_Integer)v);
  else
    lua_pushnumber(L, (lua_Number)v);
}

static const struct { const char *name; unsigned bit; } flag_names[] = {
  {"money", WN_NF_MONEY}, {"percent", WN_NF_PERCENT},
  {"negative", WN_NF_NEGATIVE}, {"range", WN_NF_RANGE},
  {"words", WN_NF_WORDS}, {"inexact", WN_NF_INEXACT},
  {"overflow", WN_NF_OVERFLOW}, {"list", WN_NF_LIST},
  {"gloss", WN_NF_GLOSS}, {"decade", WN_NF_DECADE}, {"of", WN_NF_OF},
  {"suffix", WN_NF_SUFFIX}, {"leadzero", WN_NF_LEADZERO}, {NULL, 0}
};

/* One record as a table: value, kind, start, stop, text, first, last,
** high (ranges only) and a true field per flag set. */
static void push_record(lua_State *L, const LNumbers *ln, const wn_number *r) {
  int i;
  lua_createtable(L, 0, 10);
  push_value(L, r->value);
  lua_setfield(L, -2, "value");
  if (r->flags & WN_NF_RANGE) {
    push_value(L, r->high);
    lua_setfield(L, -2, "high");
  }
  lua_pushstring(L, wn_numkind_name(r->kind));
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, r->start);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, r->stop);
  lua_setfield(L, -2, "stop");
  lua_pushlstring(L, ln->text + r->start - 1, r->stop - r->start + 1);
  lua_setfield(L, -2, "text");
  lua_pushinteger(L, (lua_Integer)r->first + 1);
  lua_setfield(L, -2, "first");
  lua_pushinteger(L, (lua_Integer)r->last + 1);
  lua_setfield(L, -2, "last");
  for (i = 0; flag_names[i].name; i++) {
    if (r->flags & flag_names[i].bit) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, flag_names[i].name);
    }
  }
}

static int nums_get(lua_State *L) {
  LNumbers *ln = check_numbers(L, 1);
  size_t i = wn_checkindex(L, 2, ln->n.n);
  if (i == 0) { luaL_pushfail(L); return 1; }
  push_record(L, ln, &ln->n.v[i - 1]);
  return 1;
}

/* nums[i] builds record i; nums.name finds a method. */
static int nums_index(lua_State *L) {
  if (lua_type(L, 2) == LUA_TNUMBER) return nums_get(L);
  luaL_getmetatable(L, WN_NUMBERS_MT);
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int nums_len(lua_State *L) {
  LNumbers *ln = (LNumbers *)luaL_checkudata(L, 1, WN_NUMBERS_MT);
  lua_pushinteger(L, ln->closed ? 0 : (lua_Integer)ln->n.n);
  return 1;
}

/* nums:records([i [, j]]) -> array of record tables. */
static int nums_records(lua_State *L) {
  LNumbers *ln = check_numbers(L, 1);
  lua_Integer n = (lua_Integer)ln->n.n;
  lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, n), k;
  if (i < 1) i = 1;
  if (j > n) j = n;
  lua_createtable(L, j >= i ? (int)(j - i + 1) : 0, 0);
  for (k = i; k <= j; k++) {
    push_record(L, ln, &ln->n.v[k - 1]);
    lua_rawseti(L, -2, k - i + 1);
  }
  return 1;
}

/* First number whose start is >= pos (binary search); n+1 when none. */
static size_t first_from(const LNumbers *ln, lua_Integer pos) {
  size_t lo = 0, hi = ln->n.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((lua_Integer)ln->n.v[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo + 1;
}

/* nums:find(pos) -> index of the number starting exactly at byte pos. */
static int nums_find(lua_State *L) {
  LNumbers *ln = check_numbers(L, 1);
  lua_Integer pos = luaL_checkinteger(L, 2);
  size_t i = first_from(ln, pos);
  if (i <= ln->n.n && (lua_Integer)ln->n.v[i - 1].start == pos)
    lua_pushinteger(L, (lua_Integer)i);
  else
    luaL_pushfail(L);
  return 1;
}

/* nums:within(a, b) -> first, last indices of numbers starting in [a, b]
** (last < first when there are none). */
static int nums_within(lua_State *L) {
  LNumbers *ln = check_numbers(L, 1);
  lua_Integer a = luaL_checkinteger(L, 2), b = luaL_checkinteger(L, 3);
  /* no number starts past 2^32, so maxinteger + 1 need not be formed */
  size_t i = first_from(ln, a),
         j = first_from(ln, b < LUA_MAXINTEGER ? b + 1 : b);
  lua_pushinteger(L, (lua_Integer)i);
  lua_pushinteger(L, (lua_Integer)j - 1);
  return 2;
}

/* nums:at(i) -> start, stop, value, kind, flags: no table. */
static int nums_at(lua_State *L) {
  LNumbers *ln = check_numbers(L, 1);
  size_t i = wn_checkindex(L, 2, ln->n.n);
  const wn_number *r;
  if (i == 0) { luaL_pushfail(L); return 1; }
  r = &ln->n.v[i - 1];
  lua_pushinteger(L, r->start);
  lua_pushinteger(L, r->stop);
  push_value(L, r->value);
  lua_pushstring(L, wn_numkind_name(r->kind));
  lua_pushinteger(L, r->flags);
  return 5;
}

/* nums:column("value"|"high"|"kind"|"start"|"stop"|"flags") -> array. */
static int nums_column(lua_State *L) {
  static const char *const names[] = {"value", "high", "kind", "start",
                                      "stop", "flags", NULL};
  LNumbers *ln = check_numbers(L, 1);
  int which = luaL_checkoption(L, 2, NULL, names);
  size_t k;
  lua_createtable(L, (int)ln->n.n, 0);
  for (k = 0; k < ln->n.n; k++) {
    const wn_number *r = &ln->n.v[k];
    switch (which) {
      case 0: push_value(L, r->value); break;
      case 1: push_value(L, r->high); break;
      case 2: lua_pushstring(L, wn_numkind_name(r->kind)); break;
      case 3: lua_pushinteger(L, r->start); break;
      case 4: lua_pushinteger(L, r->stop); break;
      default: lua_pushinteger(L, r->flags); break;
    }
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return 1;
}

static int nums_source(lua_State *L) {
  check_numbers(L, 1);
  lua_getiuservalue(L, 1, 1);
  return 1;
}

static int nums_close(lua_State *L) {
  LNumbers *ln = (LNumbers *)luaL_checkudata(L, 1, WN_NUMBERS_MT);
  if (!ln->closed) {
    wn_numbers_free(&ln->n);
    ln->closed = 1;
  }
  return 0;
}

static int nums_tostring(lua_State *L) {
  LNumbers *ln = (LNumbers *)luaL_checkudata(L, 1, WN_NUMBERS_MT);
  return wn_pushdescription(L, WN_NUMBERS_MT, ln->closed, ln->n.n, "numbers");
}

static const luaL_Reg numbers_methods[] = {
  {"__len", nums_len},
  {"__tostring", nums_tostring},
  {"get", nums_get},
  {"at", nums_at},
  {"records", nums_records},
  {"find", nums_find},
  {"within", nums_within},
  {"column", nums_column},
  {"source", nums_source},
  {"close", nums_close},
  {NULL, NULL}
};

static const luaL_Reg number_funcs[] = {
  {"number_parser", l_number_parser},
  {"numbers", l_numbers},
  {NULL, NULL}
};

void wn_open_number(lua_State *L) {
  wn_newclass(L, WN_NUMPARSER_MT, parser_methods);
  wn_newclass(L, WN_NUMBERS_MT, numbers_methods);
  luaL_getmetatable(L, WN_NUMBERS_MT);  /* integer keys give records */
  lua_pushcfunction(L, nums_index);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_setfuncs(L, number_funcs, 0);
  lua_newtable(L);                     /* core.number_flags */
  for (int i = 0; flag_names[i].name; i++) {
    lua_pushinteger(L, flag_names[i].bit);
    lua_setfield(L, -2, flag_names[i].name);
  }
  lua_setfield(L, -2, "number_flags");
}
