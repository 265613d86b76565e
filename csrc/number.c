/*
** number.c: numeric expressions over a token array.
**
** One left-to-right pass.  At each token we try, in turn, a number written
** with digits ("13,500", "2.4bn", "21st", "10-15", "1/5", "10:30") and a
** number written with words ("three hundred and twenty", "twenty-fifth",
** "tens of thousands", "a couple of").  Digits may be followed by scale
** words ("3.5 million", "5.93 mln").  The record found is then kinded from
** its neighbours: a month name makes a day of the month, a time unit makes
** a duration, a "%" or "pct" flags a percentage, and so on.
**
** Word lookups probe one hash set (folded-form hash -> entry), built once
** per parser; the vague-quantity figures live in the parser's entries, so
** callers can change the coding policy without any global state.
**
** Values are doubles.  Digits are accumulated as an exact decimal
** (mantissa, exponent) and scaled in one step, so ".0012G" is exactly
** 1200000; more than 17 significant digits set WN_NF_INEXACT and a number
** beyond a double's range gets WN_NF_OVERFLOW and HUGE_VAL.  No double is
** ever converted to an integer type before its range is checked.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"

/* Word classes of the lexicon. */
enum {
  W_NONE = 0, W_UNIT, W_TEEN, W_TENS, W_HUNDRED, W_SCALE, W_VAGUE, W_PAIR,
  W_ALONE, W_ORD, W_FRAC, W_POINT, W_AND, W_A, W_OF, W_MINUS, W_MONTH,
  W_TIMEUNIT, W_CLOCK, W_MEASURE, W_CURRENCY, W_PERCENT, W_PER, W_QPREV,
  W_NO
};

#define O_PLURAL 1u   /* "thousands", "dozens": vague when standing alone */
#define O_AMPM   2u   /* "pm": adds 12 hours */

typedef struct wn_numword {
  uint8_t cls, opt;
  double value;       /* face value, scale or denominator */
  double vague;       /* coding-policy figure when vague, else 0 */
} wn_numword;

typedef struct WordDef {
  const char *w;
  uint8_t cls, opt;
  double value, vague;
} WordDef;

/*
** The lexicon.  Vague figures follow ACLED's coding of "tens" (10),
** "dozens" (12) and "hundreds" (100), extended in the same conservative
** spirit: the smallest quantity the word can mean.
*/
static const WordDef lexicon[] = {
  {"one", W_UNIT, 0, 1, 0}, {"two", W_UNIT, 0, 2, 0},
  {"three", W_UNIT, 0, 3, 0}, {"four", W_UNIT, 0, 4, 0},
  {"five", W_UNIT, 0, 5, 0}, {"six", W_UNIT, 0, 6, 0},
  {"seven", W_UNIT, 0, 7, 0}, {"eight", W_UNIT, 0, 8, 0},
  {"nine", W_UNIT, 0, 9, 0},
  {"ten", W_TEEN, 0, 10, 0}, {"eleven", W_TEEN, 0, 11, 0},
  {"twelve", W_TEEN, 0, 12, 0}, {"thirteen", W_TEEN, 0, 13, 0},
  {"fourteen", W_TEEN, 0, 14, 0}, {"fifteen", W_TEEN, 0, 15, 0},
  {"sixteen", W_TEEN, 0, 16, 0}, {"seventeen", W_TEEN, 0, 17, 0},
  {"eighteen", W_TEEN, 0, 18, 0}, {"nineteen", W_TEEN, 0, 19, 0},
  {"twenty", W_TENS, 0, 20, 0}, {"thirty", W_TENS, 0, 30, 0},
  {"forty", W_TENS, 0, 40, 0}, {"fourty", W_TENS, 0, 40, 0},
  {"fifty", W_TENS, 0, 50, 0}, {"sixty", W_TENS, 0, 60, 0},
  {"seventy", W_TENS, 0, 70, 0}, {"eighty", W_TENS, 0, 80, 0},
  {"ninety", W_TENS, 0, 90, 0},
  {"hundred", W_HUNDRED, 0, 100, 0},
  {"hundreds", W_HUNDRED, O_PLURAL, 100, 100},
  {"thousand", W_SCALE, 0, 1e3, 0},
  {"thousands", W_SCALE, O_PLURAL, 1e3, 1e3},
  {"million", W_SCALE, 0, 1e6, 0}, {"millions", W_SCALE, O_PLURAL, 1e6, 1e6},
  {"mln", W_SCALE, 0, 1e6, 0}, {"mn", W_SCALE, 0, 1e6, 0},
  {"billion", W_SCALE, 0, 1e9, 0}, {"billions", W_SCALE, O_PLURAL, 1e9, 1e9},
  {"bln", W_SCALE, 0, 1e9, 0}, {"bn", W_SCALE, 0, 1e9, 0},
  {"trillion", W_SCALE, 0, 1e12, 0},
  {"trillions", W_SCALE, O_PLURAL, 1e12, 1e12},
  {"lakh", W_SCALE, 0, 1e5, 0}, {"lakhs", W_SCALE, 0, 1e5, 0},
  {"lac", W_SCALE, 0, 1e5, 0}, {"lacs", W_SCALE, 0, 1e5, 0},
  {"lkh", W_SCALE, 0, 1e5, 0}, {"lkhs", W_SCALE, 0, 1e5, 0},
  {"crore", W_SCALE, 0, 1e7, 0}, {"crores", W_SCALE, 0, 1e7, 0},
  {"cr", W_SCALE, 0, 1e7, 0}, {"koti", W_SCALE, 0, 1e7, 0},
  {"kr", W_SCALE, 0, 1e7, 0}, {"krore", W_SCALE, 0, 1e7, 0},
  {"krores", W_SCALE, 0, 1e7, 0},
  {"dozen", W_SCALE, 0, 12, 12}, {"dozens", W_SCALE, O_PLURAL, 12, 12},
  {"score", W_SCALE, 0, 20, 0}, {"scores", W_SCALE, O_PLURAL, 20, 20},
  {"tens", W_VAGUE, 0, 10, 10}, {"several", W_VAGUE, 0, 3, 3},
  {"few", W_VAGUE, 0, 3, 3}, {"couple", W_VAGUE, 0, 2, 2},
  {"handful", W_VAGUE, 0, 3, 3},
  {"pair", W_PAIR, 0, 2, 0},
  {"zero", W_ALONE, 0, 0, 0}, {"nil", W_ALONE, 0, 0, 0},
  {"naught", W_ALONE, 0, 0, 0}, {"nought", W_ALONE, 0, 0, 0},
  {"single", W_ALONE, 0, 1, 0},
  {"first", W_ORD, 0, 1, 0}, {"second", W_ORD, 0, 2, 0},
  {"third", W_ORD, 0, 3, 0}, {"fourth", W_ORD, 0, 4, 0},
  {"fifth", W_ORD, 0, 5, 0}, {"sixth", W_ORD, 0, 6, 0},
  {"seventh", W_ORD, 0, 7, 0}, {"eighth", W_ORD, 0, 8, 0},
  {"ninth", W_ORD, 0, 9, 0}, {"tenth", W_ORD, 0, 10, 0},
  {"eleventh", W_ORD, 0, 11, 0}, {"twelfth", W_ORD, 0, 12, 0},
  {"thirteenth", W_ORD, 0, 13, 0}, {"fourteenth", W_ORD, 0, 14, 0},
  {"fifteenth", W_ORD, 0, 15, 0}, {"sixteenth", W_ORD, 0, 16, 0},
  {"seventeenth", W_ORD, 0, 17, 0}, {"eighteenth", W_ORD, 0, 18, 0},
  {"nineteenth", W_ORD, 0, 19, 0}, {"twentieth", W_ORD, 0, 20, 0},
  {"thirtieth", W_ORD, 0, 30, 0}, {"fortieth", W_ORD, 0, 40, 0},
  {"fiftieth", W_ORD, 0, 50, 0}, {"sixtieth", W_ORD, 0, 60, 0},
  {"seventieth", W_ORD, 0, 70, 0}, {"eightieth", W_ORD, 0, 80, 0},
  {"ninetieth", W_ORD, 0, 90, 0}, {"hundredth", W_ORD, 0, 100, 0},
  {"thousandth", W_ORD, 0, 1e3, 0}, {"millionth", W_ORD, 0, 1e6, 0},
  {"half", W_FRAC, 0, 2, 0}, {"halves", W_FRAC, O_PLURAL, 2, 0},
  {"quarter", W_FRAC, 0, 4, 0}, {"quarters", W_FRAC, O_PLURAL, 4, 0},
  {"thirds", W_FRAC, O_PLURAL, 3, 0}, {"fourths", W_FRAC, O_PLURAL, 4, 0},
  {"fifths", W_FRAC, O_PLURAL, 5, 0}, {"sixths", W_FRAC, O_PLURAL, 6, 0},
  {"sevenths", W_FRAC, O_PLURAL, 7, 0}, {"eighths", W_FRAC, O_PLURAL, 8, 0},
  {"ninths", W_FRAC, O_PLURAL, 9, 0}, {"tenths", W_FRAC, O_PLURAL, 10, 0},
  {"point", W_POINT, 0, 0, 0}, {"and", W_AND, 0, 0, 0},
  {"a", W_A, 0, 0, 0}, {"an", W_A, 0, 0, 0}, {"of", W_OF, 0, 0, 0},
  {"minus", W_MINUS, 0, 0, 0}, {"negative", W_MINUS, 0, 0, 0},
  {"january", W_MONTH, 0, 1, 0}, {"february", W_MONTH, 0, 2, 0},
  {"march", W_MONTH, 0, 3, 0}, {"april", W_MONTH, 0, 4, 0},
  {"may", W_MONTH, 0, 5, 0}, {"june", W_MONTH, 0, 6, 0},
  {"july", W_MONTH, 0, 7, 0}, {"august", W_MONTH, 0, 8, 0},
  {"september", W_MONTH, 0, 9, 0}, {"october", W_MONTH, 0, 10, 0},
  {"november", W_MONTH, 0, 11, 0}, {"december", W_MONTH, 0, 12, 0},
  {"jan", W_MONTH, 0, 1, 0}, {"feb", W_MONTH, 0, 2, 0},
  {"mar", W_MONTH, 0, 3, 0}, {"apr", W_MONTH, 0, 4, 0},
  {"jun", W_MONTH, 0, 6, 0}, {"jul", W_MONTH, 0, 7, 0},
  {"aug", W_MONTH, 0, 8, 0}, {"sep", W_MONTH, 0, 9, 0},
  {"sept", W_MONTH, 0, 9, 0}, {"oct", W_MONTH, 0, 10, 0},
  {"nov", W_MONTH, 0, 11, 0}, {"dec", W_MONTH, 0, 12, 0},
  {"seconds", W_TIMEUNIT, 0, 0, 0}, {"minute", W_TIMEUNIT, 0, 0, 0},
  {"minutes", W_TIMEUNIT, 0, 0, 0}, {"mins", W_TIMEUNIT, 0, 0, 0},
  {"hour", W_TIMEUNIT, 0, 0, 0}, {"hours", W_TIMEUNIT, 0, 0, 0},
  {"day", W_TIMEUNIT, 0, 0, 0}, {"days", W_TIMEUNIT, 0, 0, 0},
  {"week", W_TIMEUNIT, 0, 0, 0}, {"weeks", W_TIMEUNIT, 0, 0, 0},
  {"fortnight", W_TIMEUNIT, 0, 0, 0}, {"fortnights", W_TIMEUNIT, 0, 0, 0},
  {"month", W_TIMEUNIT, 0, 0, 0}, {"months", W_TIMEUNIT, 0, 0, 0},
  {"year", W_TIMEUNIT, 0, 0, 0}, {"years", W_TIMEUNIT, 0, 0, 0},
  {"yrs", W_TIMEUNIT, 0, 0, 0}, {"decade", W_TIMEUNIT, 0, 0, 0},
  {"decades", W_TIMEUNIT, 0, 0, 0}, {"century", W_TIMEUNIT, 0, 0, 0},
  {"centuries", W_TIMEUNIT, 0, 0, 0},
  {"am", W_CLOCK, 0, 0, 0}, {"a.m.", W_CLOCK, 0, 0, 0},
  {"pm", W_CLOCK, O_AMPM, 0, 0}, {"p.m.", W_CLOCK, O_AMPM, 0, 0},
  {"gmt", W_CLOCK, 0, 0, 0}, {"utc", W_CLOCK, 0, 0, 0},
  {"o'clock", W_CLOCK, 0, 0, 0}, {"hrs", W_CLOCK, 0, 0, 0},
  {"km", W_MEASURE, 0, 0, 0}, {"kms", W_MEASURE, 0, 0, 0},
  {"kilometres", W_MEASURE, 0, 0, 0}, {"kilometers", W_MEASURE, 0, 0, 0},
  {"kilometre", W_MEASURE, 0, 0, 0}, {"kilometer", W_MEASURE, 0, 0, 0},
  {"mile", W_MEASURE, 0, 0, 0}, {"miles", W_MEASURE, 0, 0, 0},
  {"metres", W_MEASURE, 0, 0, 0}, {"meters", W_MEASURE, 0, 0, 0},
  {"metre", W_MEASURE, 0, 0, 0}, {"meter", W_MEASURE, 0, 0, 0},
  {"kg", W_MEASURE, 0, 0, 0}, {"kilos", W_MEASURE, 0, 0, 0},
  {"kilograms", W_MEASURE, 0, 0, 0}, {"kilogrammes", W_MEASURE, 0, 0, 0},
  {"tonnes", W_MEASURE, 0, 0, 0}, {"tons", W_MEASURE, 0, 0, 0},
  {"tonne", W_MEASURE, 0, 0, 0}, {"ton", W_MEASURE, 0, 0, 0},
  {"feet", W_MEASURE, 0, 0, 0}, {"ft", W_MEASURE, 0, 0, 0},
  {"inches", W_MEASURE, 0, 0, 0}, {"cm", W_MEASURE, 0, 0, 0},
  {"mm", W_MEASURE, 0, 0, 0}, {"litres", W_MEASURE, 0, 0, 0},
  {"liters", W_MEASURE, 0, 0, 0}, {"hectares", W_MEASURE, 0, 0, 0},
  {"acres", W_MEASURE, 0, 0, 0}, {"degrees", W_MEASURE, 0, 0, 0},
  {"mph", W_MEASURE, 0, 0, 0}, {"kph", W_MEASURE, 0, 0, 0},
  {"dollars", W_CURRENCY, 0, 0, 0}, {"dollar", W_CURRENCY, 0, 0, 0},
  {"dlrs", W_CURRENCY, 0, 0, 0}, {"dlr", W_CURRENCY, 0, 0, 0},
  {"usd", W_CURRENCY, 0, 0, 0}, {"cents", W_CURRENCY, 0, 0, 0},
  {"cts", W_CURRENCY, 0, 0, 0}, {"pounds", W_CURRENCY, 0, 0, 0},
  {"stg", W_CURRENCY, 0, 0, 0}, {"sterling", W_CURRENCY, 0, 0, 0},
  {"euros", W_CURRENCY, 0, 0, 0}, {"euro", W_CURRENCY, 0, 0, 0},
  {"eur", W_CURRENCY, 0, 0, 0}, {"yen", W_CURRENCY, 0, 0, 0},
  {"yuan", W_CURRENCY, 0, 0, 0}, {"francs", W_CURRENCY, 0, 0, 0},
  {"marks", W_CURRENCY, 0, 0, 0}, {"lire", W_CURRENCY, 0, 0, 0},
  {"riyals", W_CURRENCY, 0, 0, 0}, {"dinars", W_CURRENCY, 0, 0, 0},
  {"pesos", W_CURRENCY, 0, 0, 0}, {"rupees", W_CURRENCY, 0, 0, 0},
  {"roubles", W_CURRENCY, 0, 0, 0}, {"rubles", W_CURRENCY, 0, 0, 0},
  {"shekels", W_CURRENCY, 0, 0, 0}, {"bucks", W_CURRENCY, 0, 0, 0},
  {"percent", W_PERCENT, 0, 0, 0}, {"pct", W_PERCENT, 0, 0, 0},
  {"percentage", W_PERCENT, 0, 0, 0}, {"per", W_PER, 0, 0, 0},
  {"than", W_QPREV, 0, 0, 0}, {"least", W_QPREV, 0, 0, 0},
  {"most", W_QPREV, 0, 0, 0}, {"some", W_QPREV, 0, 0, 0},
  {"about", W_QPREV, 0, 0, 0}, {"around", W_QPREV, 0, 0, 0},
  {"nearly", W_QPREV, 0, 0, 0}, {"almost", W_QPREV, 0, 0, 0},
  {"approximately", W_QPREV, 0, 0, 0}, {"roughly", W_QPREV, 0, 0, 0},
  {"estimated", W_QPREV, 0, 0, 0}, {"over", W_QPREV, 0, 0, 0},
  {"under", W_QPREV, 0, 0, 0}, {"exactly", W_QPREV, 0, 0, 0},
  {"no", W_NO, 0, 0, 0},
};

static const char *const tens_words[] = {
  "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
  "ninety"
};

/* ------------------------------------------------------------ parser */

static int add_entry(wn_numparser *p, const char *w, size_t len,
                     const wn_numword *e) {
  wn_numword *nv;
  int rc;
  if (p->n >= INT32_MAX) return WN_ENOMEM;   /* entry numbers are int32 */
  nv = (wn_numword *)wn_grow(p->entries, &p->cap, p->n + 1, sizeof *nv);
  if (nv == NULL) return WN_ENOMEM;
  p->entries = nv;
  rc = wn_lexset_put(&p->words, wn_hash_folded(w, len), (int32_t)p->n);
  if (rc != WN_OK) return rc;
  p->entries[p->n++] = *e;
  return WN_OK;
}

int wn_numparser_init(wn_numparser *p) {
  size_t i;
  wn_lexset_init(&p->words);
  p->entries = NULL;
  p->n = p->cap = 0;
  for (i = 0; i < sizeof(lexicon) / sizeof(lexicon[0]); i++) {
    const WordDef *d = &lexicon[i];
    wn_numword e;
    int rc;
    e.cls = d->cls;
    e.opt = d->opt;
    e.value = d->value;
    e.vague = d->vague;
    rc = add_entry(p, d->w, strlen(d->w), &e);
    if (rc != WN_OK) {
      wn_numparser_free(p);
      return rc;
    }
  }
  return WN_OK;
}

void wn_numparser_free(wn_numparser *p) {
  wn_lexset_free(&p->words);
  free(p->entries);
  p->entries = NULL;
  p->n = p->cap = 0;
}

static wn_numword *entry_of(const wn_numparser *p, uint32_t hash) {
  int32_t idx;
  if (!wn_lexset_get(&p->words, hash, &idx)) return NULL;
  if (idx < 0 || (size_t)idx >= p->n) return NULL;
  return &p->entries[idx];
}

int wn_numparser_set_vague(wn_numparser *p, const char *w, size_t len,
                           double figure) {
  wn_numword *e = entry_of(p, wn_hash_folded(w, len));
  if (!(figure > 0) || figure > 1e15) return WN_EINVAL;
  if (e == NULL) {
    wn_numword ne;
    ne.cls = W_VAGUE;
    ne.opt = 0;
    ne.value = figure;
    ne.vague = figure;
    return add_entry(p, w, len, &ne);
  }
  if (e->vague <= 0) return WN_EINVAL;
  e->vague = figure;
  if (e->cls == W_VAGUE) e->value = figure;
  return WN_OK;
}

int wn_numparser_get_vague(const wn_numparser *p, const char *w, size_t len,
                           double *figure) {
  const wn_numword *e = entry_of(p, wn_hash_folded(w, len));
  if (e == NULL || e->vague <= 0) return 0;
  *figure = e->vague;
  return 1;
}

const char *wn_numkind_name(int kind) {
  switch (kind) {
    case WN_NK_CARDINAL: return "cardinal";
    case WN_NK_VAGUE: return "vague";
    case WN_NK_ORDINAL: return "ordinal";
    case WN_NK_FRACTION: return "fraction";
    case WN_NK_YEAR: return "year";
    case WN_NK_DATE: return "date";
    case WN_NK_TIME: return "time";
    case WN_NK_DURATION: return "duration";
    case WN_NK_ATTRIBUTIVE: return "attributive";
    case WN_NK_POSITION: return "position";
    case WN_NK_MEASURE: return "measure";
    default: return "?";
  }
}

/* ------------------------------------------------------------ output */

void wn_numbers_init(wn_numbers *n) {
  n->v = NULL;
  n->n = n->cap = 0;
}

void wn_numbers_free(wn_numbers *n) {
  free(n->v);
  wn_numbers_init(n);
}

static int push_number(wn_numbers *out, const wn_number *r) {
  wn_number *nv = (wn_number *)wn_grow(out->v, &out->cap, out->n + 1,
                                       sizeof *nv);
  if (nv == NULL) return WN_ENOMEM;
  out->v = nv;
  out->v[out->n++] = *r;
  return WN_OK;
}

/* ----------------------------------------------------------- context */

typedef struct Ctx {
  const wn_numparser *p;
  const wn_token *tk;
  size_t ntok;
  const char *s;
  size_t len;
} Ctx;

static const char *tok_text(const Ctx *c, size_t j, size_t *n) {
  const wn_token *t = &c->tk[j];
  *n = t->stop - t->start + 1;
  return c->s + t->start - 1;
}

static int tok_is(const Ctx *c, size_t j, const char *lit) {
  size_t n;
  const char *t;
  if (j >= c->ntok) return 0;
  t = tok_text(c, j, &n);
  return n == strlen(lit) && memcmp(t, lit, n) == 0;
}

/* Token j follows j-1 with no space in between. */
static int glued(const Ctx *c, size_t j) {
  return j < c->ntok && !(c->tk[j].flags & (WN_F_SPACE | WN_F_LINE));
}

/* Token j may continue a multi-word number: same paragraph. */
static int continues(const Ctx *c, size_t j) {
  return j < c->ntok && !(c->tk[j].flags & WN_F_PARA);
}

static const wn_numword *word_at(const Ctx *c, size_t j) {
  if (j >= c->ntok || c->tk[j].cls != WN_TK_WORD) return NULL;
  return entry_of(c->p, c->tk[j].hash);
}

static int cls_at(const Ctx *c, size_t j) {
  const wn_numword *e = word_at(c, j);
  return e ? e->cls : W_NONE;
}

static int is_number_token(const Ctx *c, size_t j) {
  if (j >= c->ntok) return 0;
  if (c->tk[j].cls == WN_TK_NUMBER) return 1;
  if (c->tk[j].cls == WN_TK_WORD && (c->tk[j].flags & WN_F_DIGIT)) {
    unsigned char ch = (unsigned char)c->s[c->tk[j].start - 1];
    return (ch >= '0' && ch <= '9') || ch == '.' || ch >= 0xD9;
  }
  return 0;
}

/* ------------------------------------------------------------ digits */

/* Exact powers of ten up to 1e22; larger ones are multiplied out. */
static double p10(int e) {
  static const double t[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                             1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
                             1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  double v = 1;
  if (e <= 22) return t[e];
  while (e > 22) { v *= 1e22; e -= 22; if (v > 1e300) return HUGE_VAL; }
  return v * t[e];
}

/* mant * 10^exp without intermediate rounding where avoidable. */
static double scaled(double mant, int exp, unsigned *flags) {
  double v;
  if (mant == 0) return 0;
  if (exp >= 0) {
    if (exp > 330) { *flags |= WN_NF_OVERFLOW; return HUGE_VAL; }
    v = mant * p10(exp);
  } else {
    if (exp < -330) return 0;
    v = mant / p10(-exp);
  }
  if (isinf(v)) *flags |= WN_NF_OVERFLOW;
  return v;
}

static int digit_at(const char *s, size_t n, size_t i, int *d) {
  unsigned char ch = (unsigned char)s[i];
  if (ch >= '0' && ch <= '9') { *d = ch - '0'; return 1; }
  if (i + 1 < n) {                 /* Arabic-Indic and Persian digits */
    unsigned char c2 = (unsigned char)s[i + 1];
    if (ch == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9) { *d = c2 - 0xA0; return 2; }
    if (ch == 0xDB && c2 >= 0xB0 && c2 <= 0xB9) { *d = c2 - 0xB0; return 2; }
  }
  return 0;
}

/* A decimal number as scanned: value = mant * 10^exp. */
typedef struct Dec {
  double mant;
  int exp, sig;          /* sig: significant digits kept in mant */
  size_t intdigits;
  int commas, point, badgroup, leadzero;
  unsigned flags;
} Dec;

static void add_digit(Dec *d, int v, int fraction) {
  if (d->sig < 17) {
    d->mant = d->mant * 10 + v;
    if (d->mant > 0) d->sig++;
    if (fraction && d->exp > -100000) d->exp--;
  } else {
    d->flags |= WN_NF_INEXACT;
    if (!fraction && d->exp < 100000) d->exp++;
  }
}

/* Digits at s[i..n): returns the end of the run and counts them. */
static size_t digit_run(const char *s, size_t n, size_t i, Dec *d,
                        int fraction, size_t *count) {
  int v, k;
  *count = 0;
  while (i < n && (k = digit_at(s, n, i, &v)) > 0) {
    add_digit(d, v, fraction);
    i += (size_t)k;
    (*count)++;
  }
  return i;
}

/* digits (',' digits)* ('.' digits)? at s[0..n); returns bytes used. */
static size_t scan_decimal(const char *s, size_t n, Dec *d) {
  size_t i = 0, cnt;
  int v;
  memset(d, 0, sizeof *d);
  if (n > 0 && digit_at(s, n, 0, &v)) {
    d->leadzero = (v == 0);
    i = digit_run(s, n, 0, d, 0, &cnt);
    d->intdigits = cnt;
    if (cnt > 3) d->badgroup = 1;     /* only matters when commas follow */
    while (i + 1 < n && s[i] == ',' && digit_at(s, n, i + 1, &v)) {
      size_t j = digit_run(s, n, i + 1, d, 0, &cnt);
      d->commas++;
      d->intdigits += cnt;
      if (cnt != 3) d->badgroup = 2;
      i = j;
    }
    if (d->commas == 0) d->badgroup = 0;
    if (d->leadzero && d->intdigits == 1) d->leadzero = 0;   /* "0.77" */
  }
  if (i + 1 < n && s[i] == '.' && digit_at(s, n, i + 1, &v)) {
    i = digit_run(s, n, i + 1, d, 1, &cnt);
    d->point = 1;
  }
  if (d->intdigits > 309) d->flags |= WN_NF_OVERFLOW;
  return i;
}

static double dec_value(Dec *d) {
  if (d->flags & WN_NF_OVERFLOW) return HUGE_VAL;
  return scaled(d->mant, d->exp, &d->flags);
}

/* ------------------------------------------------------------- parse */

/* One number being parsed: the record plus what kinding needs. */
typedef struct Parse {
  wn_number r;
  int plain4;          /* four bare digits, no sign/separator: maybe a year */
  int done;            /* kind settled by the parse itself */
  size_t pieces_tok;   /* token to split into pieces, when rc < 0 */
} Parse;

/* Word-number accumulator: total of finished scale groups plus the
** current group under 1000 ("seven hundred twenty-one" thousand). */
enum { P_START, P_UNIT, P_TEEN, P_TENS, P_HUNDRED, P_SCALE, P_DIGITS,
       P_DECIMAL };

typedef struct Acc {
  double total, cur, last_scale;
  int phase, spoken, kind;   /* kind: 0, or ordinal/fraction when final */
} Acc;

static double acc_value(const Acc *a) { return a->total + a->cur; }

static int feed_scale(Acc *a, double v) {
  if (a->cur > 0) {
    /* "one million two million" is two numbers */
    if (a->last_scale != 0 && v >= a->last_scale) return 0;
    a->total += a->cur * v;
  } else if (a->total > 0 && v > a->last_scale) {
    a->total *= v;                     /* "three thousand millions" */
  } else {
    return 0;
  }
  a->cur = 0;
  a->last_scale = v;
  a->phase = P_SCALE;
  return 1;
}

static int group_open(const Acc *a) {
  return a->phase == P_START || a->phase == P_SCALE ||
         a->phase == P_HUNDRED;
}

static int is_whole(double v) {
  return v >= -9e15 && v <= 9e15 && v == (double)(int64_t)v;
}

/* Ordinal word after the number so far: "twenty-fifth", "hundredth". */
static int feed_ordinal(Acc *a, double v) {
  if (v >= 100) {
    if (a->phase == P_START) a->cur = v;
    else if (a->cur > 0 && a->cur < 1000) a->cur *= v;
    else return 0;
  } else if (v < 10) {
    if (!(group_open(a) ||
          (a->phase == P_TENS && is_whole(a->cur / 10)))) return 0;
    a->cur += v;
  } else {
    if (!group_open(a)) return 0;
    a->cur += v;
  }
  a->kind = WN_NK_ORDINAL;
  return 1;
}

/* Feeds one number word; returns 0 when it cannot continue the number. */
static int feed(Acc *a, const wn_numword *e) {
  double v = e->value;
  switch (e->cls) {
    case W_UNIT:
      if (!(group_open(a) || (a->phase == P_TENS && is_whole(a->cur / 10))))
        return 0;
      a->cur += v; a->phase = P_UNIT; return 1;
    case W_TEEN:
      if (!group_open(a)) return 0;
      a->cur += v; a->phase = P_TEEN; return 1;
    case W_TENS:
      if (group_open(a)) { a->cur += v; a->phase = P_TENS; return 1; }
      /* spoken hundreds: "one twenty two", "nineteen eighty-four" */
      if ((a->phase == P_UNIT || a->phase == P_TEEN) && a->total == 0 &&
          !a->spoken && a->cur < 20) {
        a->cur = a->cur * 100 + v; a->phase = P_TENS; a->spoken = 1;
        return 1;
      }
      return 0;
    case W_HUNDRED:
      if ((e->opt & O_PLURAL) && a->phase != P_DIGITS && a->phase != P_UNIT &&
          a->phase != P_TEEN && a->phase != P_TENS) return 0;
      if (a->phase == P_START || a->phase == P_SCALE ||
          a->phase == P_HUNDRED || a->phase == P_DECIMAL) return 0;
      if (!(a->cur > 0 && a->cur < 100)) return 0;
      a->cur *= 100; a->phase = P_HUNDRED; return 1;
    case W_SCALE:
      return feed_scale(a, v);
    case W_ORD:
      if (a->phase == P_DIGITS || a->phase == P_DECIMAL) return 0;
      return feed_ordinal(a, v);
    default:
      return 0;
  }
}

/* Looks a sub-word up: s[a..b) of the text. */
static const wn_numword *part_entry(const Ctx *c, size_t a, size_t b) {
  return entry_of(c->p, wn_hash_folded(c->s + a, b - a));
}

static int is_numword(const wn_numword *e) {
  return e && (e->cls == W_UNIT || e->cls == W_TEEN || e->cls == W_TENS ||
               e->cls == W_HUNDRED || e->cls == W_SCALE || e->cls == W_ORD);
}

/* A part of a hyphenated number: number words and denominators. */
static int is_numpart(const wn_numword *e) {
  return is_numword(e) || (e && e->cls == W_FRAC);
}

/* Hyphen between parts of a word: ASCII '-' or U+2010/U+2011. */
static size_t hyphen_len(const char *s, size_t i, size_t end) {
  if (s[i] == '-') return 1;
  if (i + 2 < end && (unsigned char)s[i] == 0xE2 &&
      (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91))
    return 3;
  return 0;
}

/*
** The number words of token j, for hyphenated ("twenty-eight",
** "six-country") and solid ("twentyfifth") forms as well as plain ones.
** Returns how many leading parts are number words (up to max) and sets
** *rest to the byte offset (0-based) where the remaining non-number part
** starts, or 0 when every part is a number word.
*/
static int word_items(const Ctx *c, size_t j, const wn_numword **items,
                      int max, size_t *rest) {
  const wn_token *t = &c->tk[j];
  size_t a = t->start - 1, end = t->stop, i;
  int k = 0;
  *rest = 0;
  if (t->cls != WN_TK_WORD) return 0;
  if (!(t->flags & WN_F_HYPHEN)) {
    const wn_numword *e = entry_of(c->p, t->hash);
    size_t n = end - a, w;
    if (e) { items[0] = e; return 1; }
    if (n < 7 || n > 16 || (t->flags & (WN_F_DIGIT | WN_F_NONASCII)))
      return 0;
    for (w = 0; w < 8; w++) {            /* solid "twentyfifth" */
      size_t m = strlen(tens_words[w]), q;
      for (q = 0; q < m; q++)
        if ((c->s[a + q] | 0x20) != tens_words[w][q]) break;
      if (q == m) {
        const wn_numword *u = part_entry(c, a + m, end);
        if (u && (u->cls == W_UNIT || (u->cls == W_ORD && u->value < 10))) {
          items[0] = entry_of(c->p, wn_hash_folded(c->s + a, m));
          items[1] = u;
          return items[0] ? 2 : 0;
        }
        return 0;
      }
    }
    return 0;
  }
  i = a;
  while (i < end && k < max) {
    size_t b = i, h = 0;
    const wn_numword *e;
    while (b < end && (h = hyphen_len(c->s, b, end)) == 0) b++;
    e = part_entry(c, i, b);
    if (!is_numpart(e)) { *rest = i; return k; }
    items[k++] = e;
    i = b < end ? b + h : end;
  }
  if (i < end) *rest = i;
  return k;
}

static void set_span(const Ctx *c, wn_number *r, size_t first, size_t last) {
  r->first = (uint32_t)first;
  r->last = (uint32_t)last;
  r->start = c->tk[first].start;
  r->stop = c->tk[last].stop;
}

/*
** Vague quantity at token j (after an optional "a" at token a):
** "dozens", "tens of thousands", "a few", "several hundred", with the
** quantity noun's "of" ("dozens of", "a couple of").
*/
static int vague_at(const Ctx *c, size_t a, size_t j, Parse *ps) {
  const wn_numword *e = word_at(c, j), *e2;
  double fig = e->vague;
  size_t last = j;
  int ends_scale = 0;
  for (;;) {                           /* "tens of thousands of millions" */
    e2 = word_at(c, last + 2);
    if (cls_at(c, last + 1) == W_OF && continues(c, last + 2) && e2 &&
        (e2->opt & O_PLURAL) && e2->vague > 0 && e2->value >= 100) {
      fig *= e2->vague;
      last += 2;
    } else break;
  }
  for (;;) {            /* "several hundred", "a few dozen", "a couple of
                           thousand" */
    size_t k = last + 1;
    if (!ends_scale && cls_at(c, k) == W_OF) k++;
    if (!continues(c, k) || (e2 = word_at(c, k)) == NULL ||
        (e2->opt & O_PLURAL) ||
        !(e2->cls == W_HUNDRED || (e2->cls == W_SCALE && e2->value >= 12)))
      break;
    fig *= e2->value;
    last = k;
    ends_scale = 1;
  }
  if (!ends_scale && cls_at(c, last + 1) == W_OF && continues(c, last + 1)) {
    last++;
    ps->r.flags |= WN_NF_OF;
  }
  set_span(c, &ps->r, a, last);
  ps->r.value = ps->r.high = fig;
  ps->r.kind = WN_NK_VAGUE;
  ps->r.flags |= WN_NF_WORDS;
  return 1;
}

/* Decimal digits after "point": "point 77", "point two five". */
static int point_at(const Ctx *c, size_t j, double *frac, size_t *last) {
  size_t n;
  const char *t;
  if (!continues(c, j)) return 0;
  if (c->tk[j].cls == WN_TK_NUMBER) {
    Dec d;
    t = tok_text(c, j, &n);
    if (scan_decimal(t, n, &d) != n || d.commas || d.point ||
        d.intdigits > 400) return 0;
    *frac = scaled(d.mant, d.exp - (int)d.intdigits, &d.flags);
    *last = j;
    return 1;
  } else {
    double f = 0, unit = 0.1;
    size_t k = j;
    const wn_numword *e;
    while ((e = word_at(c, k)) != NULL && continues(c, k) &&
           (e->cls == W_UNIT || (e->cls == W_ALONE && e->value == 0))) {
      f += e->value * unit;
      unit /= 10;
      *last = k++;
    }
    if (k == j) return 0;
    *frac = f;
    return 1;
  }
}

/* Ordinal word used as a denominator: "a third of", "one fifth." */
static int denominator_at(const Ctx *c, size_t j, double *den) {
  const wn_numword *e = word_at(c, j);
  if (e == NULL) return 0;
  if (e->cls == W_FRAC) { *den = e->value; return 1; }
  if (e->cls == W_ORD && e->value >= 3 && e->value <= 10) {
    size_t k = j + 1;
    if (k >= c->ntok || cls_at(c, k) == W_OF || c->tk[k].cls != WN_TK_WORD) {
      *den = e->value;
      return 1;
    }
  }
  return 0;
}

/*
** Continues a number from token k on: more number words, "and", "point",
** "and a half", dash-joined ordinals ("twenty—fifth").  Updates r->last.
*/
static void extend(const Ctx *c, Acc *a, size_t k, Parse *ps) {
  const wn_numword *items[4];
  while (k < c->ntok && continues(c, k) && a->kind == 0) {
    size_t rest, last;
    int n, m;
    Acc save = *a;
    const wn_numword *e = word_at(c, k);
    double f;
    if (e && e->cls == W_AND) {
      if (cls_at(c, k + 1) == W_A && cls_at(c, k + 2) == W_FRAC &&
          word_at(c, k + 2)->value == 2 && !(word_at(c, k + 2)->opt & O_PLURAL)
          && a->phase != P_START) {
        a->cur += 0.5;                 /* "two and a half million" */
        a->phase = P_DECIMAL;
        ps->r.last = (uint32_t)(k + 2);
        k += 3;
        continue;
      }
      if (!(a->phase == P_HUNDRED || a->phase == P_SCALE)) break;
      n = word_items(c, k + 1, items, 4, &rest);
      if (n == 0 || rest || !continues(c, k + 1)) break;
      if (items[0]->cls != W_UNIT && items[0]->cls != W_TEEN &&
          items[0]->cls != W_TENS && items[0]->cls != W_ORD) break;
      k++;
      continue;                        /* the words are fed next round */
    }
    if (e && e->cls == W_POINT) {
      if (!(a->phase == P_UNIT || a->phase == P_TEEN || a->phase == P_TENS ||
            (a->phase == P_DIGITS && is_whole(a->cur))))
        break;
      if (!point_at(c, k + 1, &f, &last)) break;
      a->cur += f;
      a->phase = P_DECIMAL;
      ps->r.last = (uint32_t)last;
      k = last + 1;
      continue;
    }
    if (a->phase == P_TENS && c->tk[k].cls == WN_TK_PUNCT && glued(c, k) &&
        glued(c, k + 1) && (tok_is(c, k, "\xE2\x80\x94") ||
                            tok_is(c, k, "\xE2\x80\x93"))) {
      const wn_numword *u = word_at(c, k + 1);
      if (u && (u->cls == W_UNIT || (u->cls == W_ORD && u->value < 10)) &&
          feed(a, u)) {
        ps->r.last = (uint32_t)(k + 1);
        k += 2;
        continue;
      }
      break;
    }
    if (e && e->cls == W_FRAC && (a->phase == P_UNIT || a->phase == P_TEEN ||
                                  a->phase == P_DIGITS) && a->total == 0) {
      a->cur /= e->value;              /* "two thirds", "one half" */
      a->kind = WN_NK_FRACTION;
      ps->r.last = (uint32_t)k;
      break;
    }
    if (e && e->cls == W_ORD && a->phase == P_UNIT && a->total == 0 &&
        denominator_at(c, k, &f)) {
      a->cur /= f;                     /* "one third of" */
      a->kind = WN_NK_FRACTION;
      ps->r.last = (uint32_t)k;
      break;
    }
    n = word_items(c, k, items, 4, &rest);
    if (n == 0 || rest) break;
    for (m = 0; m < n; m++)
      if (!feed(a, items[m])) break;
    if (m < n) { *a = save; break; }
    ps->r.last = (uint32_t)k;
    k++;
  }
}

/* Finishes an accumulated number into the record. */
static void finish(const Ctx *c, const Acc *a, Parse *ps, size_t first) {
  double v = acc_value(a);
  double r = v >= -9e15 && v <= 9e15 ? (double)(int64_t)(v + (v < 0 ? -0.5 : 0.5)) : v;
  if (v >= 1 && r != v && (r - v < 1e-6 && v - r < 1e-6)) v = r;
  set_span(c, &ps->r, first, ps->r.last);
  ps->r.value = ps->r.high = v;
  ps->r.kind = (uint8_t)(a->kind ? a->kind : WN_NK_CARDINAL);
}

/* A number written with words, starting at token j. */
static int words_at(const Ctx *c, size_t j, Parse *ps) {
  const wn_numword *items[4], *e;
  size_t rest;
  Acc a;
  int n, m;
  double f;
  memset(&a, 0, sizeof a);
  ps->r.flags |= WN_NF_WORDS;
  e = word_at(c, j);
  if (e && e->cls == W_A) {
    const wn_numword *e2;
    if (!continues(c, j + 1) || (e2 = word_at(c, j + 1)) == NULL) return 0;
    if (e2->cls == W_VAGUE || (e2->cls == W_SCALE && e2->value == 12))
      return vague_at(c, j, j + 1, ps);
    if (e2->cls == W_PAIR) {
      ps->r.last = (uint32_t)(j + 1);
      if (cls_at(c, j + 2) == W_OF) { ps->r.last++; ps->r.flags |= WN_NF_OF; }
      set_span(c, &ps->r, j, ps->r.last);
      ps->r.value = ps->r.high = 2;
      ps->r.kind = WN_NK_CARDINAL;
      return 1;
    }
    if ((e2->cls == W_FRAC && !(e2->opt & O_PLURAL)) ||
        (e2->cls == W_ORD && denominator_at(c, j + 1, &f))) {
      f = e2->value;
      set_span(c, &ps->r, j, j + 1);
      ps->r.value = ps->r.high = 1 / f;
      ps->r.kind = WN_NK_FRACTION;
      return 1;
    }
    if ((e2->cls == W_HUNDRED || e2->cls == W_SCALE) &&
        !(e2->opt & O_PLURAL)) {
      a.cur = 1;
      a.phase = P_UNIT;
      ps->r.last = (uint32_t)j;
      extend(c, &a, j + 1, ps);
      if (ps->r.last == j) return 0;
      finish(c, &a, ps, j);
      return 1;
    }
    return 0;
  }
  if (e && (e->cls == W_VAGUE || ((e->opt & O_PLURAL) && e->vague > 0)))
    return vague_at(c, j, j, ps);
  if (e && e->cls == W_ALONE) {
    set_span(c, &ps->r, j, j);
    ps->r.value = ps->r.high = e->value;
    ps->r.kind = WN_NK_CARDINAL;
    return 1;
  }
  if (e && e->cls == W_FRAC && e->value == 2 && !(e->opt & O_PLURAL)) {
    set_span(c, &ps->r, j, j);         /* "half" */
    ps->r.value = ps->r.high = 0.5;
    ps->r.kind = WN_NK_FRACTION;
    return 1;
  }
  if (e && e->cls == W_POINT) {
    size_t last;
    if (!point_at(c, j + 1, &f, &last)) return 0;
    a.cur = f;
    a.phase = P_DECIMAL;
    ps->r.last = (uint32_t)last;
    extend(c, &a, last + 1, ps);
    finish(c, &a, ps, j);
    return 1;
  }
  n = word_items(c, j, items, 4, &rest);
  if (n == 0) return 0;
  if (n == 1 && items[0]->cls == W_UNIT && items[0]->value == 1 && j > 0 &&
      cls_at(c, j - 1) == W_NO && !is_numword(word_at(c, j + 1)))
    return 0;                          /* "no one" is nobody, not a count */
  if (items[0]->cls != W_UNIT && items[0]->cls != W_TEEN &&
      items[0]->cls != W_TENS && items[0]->cls != W_ORD) return 0;
  for (m = 0; m < n; m++)
    if (!feed(&a, items[m])) break;
  if (m == 0) return 0;
  ps->r.last = (uint32_t)j;
  if (!rest && m == n - 1 && a.total == 0 && a.cur < 20 &&
      (items[m]->cls == W_FRAC ||
       (items[m]->cls == W_ORD && items[m]->value >= 3))) {
    finish(c, &a, ps, j);              /* "two-thirds", "one-fifth" */
    ps->r.value = ps->r.high = a.cur / items[m]->value;
    ps->r.kind = WN_NK_FRACTION;
    ps->done = 1;
    return 1;
  }
  if (rest || m < n) {                 /* "six-country", "11-year" */
    finish(c, &a, ps, j);
    ps->r.kind = WN_NK_ATTRIBUTIVE;
    ps->done = 1;
    return 1;
  }
  extend(c, &a, j + 1, ps);
  finish(c, &a, ps, j);
  return 1;
}

/* Lower-case ASCII suffix s[a..b) equals lit. */
static int suffix_is(const char *s, size_t a, size_t b, const char *lit) {
  size_t n = strlen(lit), i;
  if (b - a != n) return 0;
  for (i = 0; i < n; i++)
    if ((s[a + i] | 0x20) != lit[i]) return 0;
  return 1;
}

/* Scale suffix of a digit word: "k", "m", "bn", "mln", "g". */
static int suffix_scale(const char *s, size_t a, size_t b) {
  static const struct { const char *sfx; int exp; } t[] = {
    {"k", 3}, {"m", 6}, {"mn", 6}, {"mln", 6}, {"bn", 9}, {"bln", 9},
    {"g", 9}, {"tn", 12}, {"trn", 12}
  };
  size_t i;
  for (i = 0; i < sizeof t / sizeof t[0]; i++)
    if (suffix_is(s, a, b, t[i].sfx)) return t[i].exp;
  return 0;
}

static int is_unit_suffix(const char *s, size_t a, size_t b) {
  static const char *const u[] = {"km", "kms", "mm", "cm", "kg", "mph",
                                  "kph", "ft", "lb", "lbs", "ml", "sq"};
  size_t i;
  for (i = 0; i < sizeof u / sizeof u[0]; i++)
    if (suffix_is(s, a, b, u[i])) return 1;
  return 0;
}

/* "2nd-R": a photo position after an ordinal. */
static int position_rest(const char *s, size_t a, size_t b) {
  size_t i;
  if (b - a == 0 || b - a > 3) return 0;
  for (i = a; i < b; i++)
    if (!strchr("LRC-", s[i])) return 0;
  return 1;
}

/*
** A digit word: "21st", "2.4bn", "400K", "1990s", "3pm", "11-year",
** "2nd-R", "155mm", "1e400".
*/
static int digit_word(const Ctx *c, size_t j, Parse *ps, Acc *a) {
  const wn_token *t = &c->tk[j];
  const char *s = c->s;
  size_t b = t->start - 1, end = t->stop, i, sa, sb, h;
  Dec d;
  double v;
  int ord = 0, ex;
  i = b + scan_decimal(s + b, end - b, &d);
  if (i == b) return 0;
  v = dec_value(&d);
  ps->r.flags |= (uint16_t)d.flags;
  set_span(c, &ps->r, j, j);
  ps->r.value = ps->r.high = v;
  ps->r.kind = WN_NK_CARDINAL;
  sa = i;
  sb = sa;
  while (sb < end && hyphen_len(s, sb, end) == 0) sb++;
  if (suffix_is(s, sa, sb, "st") || suffix_is(s, sa, sb, "nd") ||
      suffix_is(s, sa, sb, "rd") || suffix_is(s, sa, sb, "th")) {
    ord = 1;
    ps->r.kind = WN_NK_ORDINAL;
    ps->done = 1;
  }
  if (sb < end) {                      /* "11-year", "2nd-R", "30-year-old" */
    h = hyphen_len(s, sb, end);
    if (sa != sb && !ord) return 0;    /* "9mm-calibre": leave it */
    ps->r.kind = (ord && position_rest(s, sb + h, end)) ? WN_NK_POSITION
                                                       : WN_NK_ATTRIBUTIVE;
    ps->done = 1;
    return 1;
  }
  if (ord) return 1;
  if ((ex = suffix_scale(s, sa, sb)) != 0) {
    v = scaled(d.mant, d.exp + ex, &d.flags);
    ps->r.flags |= (uint16_t)d.flags;
    ps->r.value = ps->r.high = v;
    ps->r.flags |= WN_NF_SUFFIX;
    a->total = v;
    a->last_scale = p10(ex);
    a->phase = P_SCALE;
    return 1;
  }
  if (suffix_is(s, sa, sb, "s") && !d.point && !d.commas && is_whole(v) &&
      ((d.intdigits == 4 && v >= 1000 && v <= 2100) ||
       (d.intdigits == 2)) && is_whole(v / 10)) {
    ps->r.kind = WN_NK_YEAR;           /* "1990s", "the 80s" */
    ps->r.flags |= WN_NF_DECADE;
    ps->done = 1;
    return 1;
  }
  if (suffix_is(s, sa, sb, "am") || suffix_is(s, sa, sb, "pm")) {
    if (!(v >= 0 && v <= 12)) return 0;
    ps->r.kind = WN_NK_TIME;
    {
      double hrs = (double)(int64_t)v, mins = (v - hrs) * 100;
      if ((s[sa] | 0x20) == 'p' && hrs < 12) hrs += 12;
      ps->r.value = ps->r.high = hrs * 100 + (double)(int64_t)(mins + 0.5);
    }
    ps->done = 1;
    return 1;
  }
  if (is_unit_suffix(s, sa, sb)) {
    ps->r.kind = WN_NK_MEASURE;
    ps->done = 1;
    return 1;
  }
  if (sb > sa + 1 && (s[sa] | 0x20) == 'e') {          /* "1e400", "2e-3" */
    size_t k = sa + 1;
    int neg = 0, e = 0, any = 0, dv;
    if (s[k] == '-' || s[k] == '+') { neg = s[k] == '-'; k++; }
    while (k < sb && digit_at(s, sb, k, &dv) == 1) {
      if (e < 100000) e = e * 10 + dv;
      k++; any = 1;
    }
    if (k != sb || !any) return 0;
    v = scaled(d.mant, d.exp + (neg ? -e : e), &d.flags);
    ps->r.flags |= (uint16_t)d.flags;
    ps->r.value = ps->r.high = v;
    ps->done = 1;
    return 1;
  }
  return 0;
}

/* "10:30": hours and minutes glued by a colon. */
static int clock_at(const Ctx *c, size_t j, double h, Parse *ps) {
  size_t n;
  const char *t;
  Dec d;
  if (!tok_is(c, j + 1, ":") || !glued(c, j + 1) || !glued(c, j + 2) ||
      j + 2 >= c->ntok || c->tk[j + 2].cls != WN_TK_NUMBER) return 0;
  t = tok_text(c, j + 2, &n);
  if (n != 2 || scan_decimal(t, n, &d) != 2) return 0;
  if (!(h >= 0 && h <= 24 && is_whole(h)) || d.mant >= 60) return 0;
  set_span(c, &ps->r, j, j + 2);
  ps->r.value = ps->r.high = h * 100 + d.mant;
  ps->r.kind = WN_NK_TIME;
  ps->done = 1;
  return 1;
}

static int year_like(const Dec *d, double v);

/* "1/5", "3/15"; "12/05/2012" is a date, "1986/87" a (fiscal) year. */
static int slash_at(const Ctx *c, size_t j, double num, int yearish,
                    Parse *ps) {
  size_t n;
  const char *t;
  Dec d;
  double den;
  if (!tok_is(c, j + 1, "/") || !glued(c, j + 1) || !glued(c, j + 2) ||
      j + 2 >= c->ntok || c->tk[j + 2].cls != WN_TK_NUMBER) return 0;
  t = tok_text(c, j + 2, &n);
  if (scan_decimal(t, n, &d) != n || d.commas || d.point) return 0;
  den = dec_value(&d);
  if (yearish && (d.intdigits == 2 || year_like(&d, den)) && !d.leadzero) {
    set_span(c, &ps->r, j, j + 2);
    ps->r.value = num;
    ps->r.high = d.intdigits == 2 ? num - (double)((int64_t)num % 100) + den
                                  : den;
    ps->r.kind = WN_NK_YEAR;
    ps->r.flags |= WN_NF_RANGE;
    ps->done = 1;
    return 1;
  }
  if (tok_is(c, j + 3, "/") && glued(c, j + 3) && glued(c, j + 4) &&
      j + 4 < c->ntok && c->tk[j + 4].cls == WN_TK_NUMBER) {
    set_span(c, &ps->r, j, j + 4);
    ps->r.value = ps->r.high = num;
    ps->r.kind = WN_NK_DATE;
    ps->done = 1;
    return 1;
  }
  if (den == 0 || (d.flags & WN_NF_OVERFLOW)) return 0;
  set_span(c, &ps->r, j, j + 2);
  ps->r.value = ps->r.high = num / den;
  ps->r.kind = WN_NK_FRACTION;
  ps->done = 1;
  return 1;
}

static int year_like(const Dec *d, double v) {
  return d->intdigits == 4 && !d->commas && !d->point && !d->leadzero &&
         v >= 1800 && v <= 2100;
}

/*
** A number token: "13,500", "5.93", "10-15".  Returns 1, 0, or -1 when
** the token is not one number ("1,2,3,4", "5-4-3") and must be split.
*/
static int number_token(const Ctx *c, size_t j, Parse *ps, Acc *a) {
  size_t n, i;
  const char *t = tok_text(c, j, &n);
  Dec d, d2;
  double v;
  i = scan_decimal(t, n, &d);
  if (i == 0 || d.badgroup == 2) return -1;
  v = dec_value(&d);
  ps->r.flags |= (uint16_t)d.flags;
  if (d.leadzero) ps->r.flags |= WN_NF_LEADZERO;
  set_span(c, &ps->r, j, j);
  ps->r.value = ps->r.high = v;
  ps->r.kind = WN_NK_CARDINAL;
  if (i < n) {                         /* "10-15", "2011-12" */
    size_t k;
    double hi;
    if (t[i] != '-') return -1;
    k = scan_decimal(t + i + 1, n - i - 1, &d2);
    if (k == 0 || i + 1 + k != n || d2.badgroup == 2) return -1;
    hi = dec_value(&d2);
    ps->r.flags |= (uint16_t)d2.flags;
    if (year_like(&d, v) && (d2.intdigits == 2 || year_like(&d2, hi))) {
      ps->r.kind = WN_NK_YEAR;
      ps->r.flags |= WN_NF_RANGE;
      ps->r.high = d2.intdigits == 2 ? v - (double)((int64_t)v % 100) + hi : hi;
      ps->done = 1;
      return 1;
    }
    if (!(hi > v)) return -1;
    ps->r.high = hi;
    ps->r.flags |= WN_NF_RANGE;
    a->cur = v;
    a->phase = P_DIGITS;
    return 1;
  }
  if (d.badgroup == 1) return -1;      /* "1234,567" */
  if (clock_at(c, j, v, ps) || slash_at(c, j, v, year_like(&d, v), ps))
    return 1;
  ps->plain4 = year_like(&d, v) && !(ps->r.flags & WN_NF_NEGATIVE);
  a->cur = v;
  a->phase = P_DIGITS;
  return 1;
}

/* A minus sign that belongs to the number at j+1. */
static int sign_at(const Ctx *c, size_t j) {
  const wn_token *t = &c->tk[j];
  if (!(tok_is(c, j, "-") || tok_is(c, j, "\xE2\x88\x92"))) return 0;
  if (!is_number_token(c, j + 1)) return 0;
  if (j > 0 && (is_number_token(c, j - 1) || is_numword(word_at(c, j - 1)))) {
    /* "10 - 15" is a range, "rebels -5" is noise */
    if (!(t->flags & WN_F_LINE)) return 0;
  }
  if (glued(c, j + 1)) return j == 0 || (t->flags & (WN_F_SPACE | WN_F_LINE));
  return j == 0 || (t->flags & WN_F_LINE);   /* "- 1,200,000" alone */
}

/* "forty-five (45)", "45 (forty five)": the same number in brackets. */
static int parse_at(const Ctx *c, size_t i, Parse *ps);

static void gloss(const Ctx *c, Parse *ps) {
  size_t k = ps->r.last + 1;
  Parse inner;
  if (!tok_is(c, k, "(") || !continues(c, k + 1)) return;
  if (parse_at(c, k + 1, &inner) <= 0) return;
  if (!tok_is(c, inner.r.last + 1, ")") || inner.r.value != ps->r.value ||
      ((inner.r.flags ^ ps->r.flags) & WN_NF_WORDS) == 0) return;
  ps->r.last = inner.r.last + 1;
  ps->r.stop = c->tk[ps->r.last].stop;
  ps->r.flags |= WN_NF_GLOSS;
}

/* 1 when a number starts at token i (filled into ps), 0 when none, -1
** when token ps->pieces_tok must be split into pieces. */
static int parse_at(const Ctx *c, size_t i, Parse *ps) {
  size_t j = i;
  int neg = 0, rc;
  Acc a;
  memset(ps, 0, sizeof *ps);
  memset(&a, 0, sizeof a);
  if (c->tk[i].cls == WN_TK_PUNCT || c->tk[i].cls == WN_TK_SYMBOL) {
    if (!sign_at(c, i)) return 0;
    neg = 1;
    j = i + 1;
  } else if (cls_at(c, i) == W_MINUS && continues(c, i + 1) &&
             (is_number_token(c, i + 1) || is_numword(word_at(c, i + 1)))) {
    neg = 1;
    j = i + 1;
  }
  if (is_number_token(c, j)) {
    rc = c->tk[j].cls == WN_TK_NUMBER ? number_token(c, j, ps, &a)
                                      : digit_word(c, j, ps, &a);
    if (rc < 0) { ps->pieces_tok = j; return -1; }
    if (rc == 0) return 0;
    if (!ps->done) {
      double low = ps->r.value;
      ps->r.last = (uint32_t)j;
      extend(c, &a, j + 1, ps);
      if (ps->r.last > j || a.phase != P_DIGITS) {
        double high = ps->r.high;
        finish(c, &a, ps, j);
        if (low != 0 && high != low) ps->r.high = high * (ps->r.value / low);
        if (ps->r.last > j) ps->plain4 = 0;
      }
    }
  } else if (c->tk[j].cls == WN_TK_WORD && !(c->tk[j].flags & WN_F_DIGIT)) {
    if (!words_at(c, j, ps)) return 0;
  } else {
    return 0;
  }
  if (neg) {
    ps->r.first = (uint32_t)i;
    ps->r.start = c->tk[i].start;
    ps->r.value = -ps->r.value;
    ps->r.high = -ps->r.high;
    ps->r.flags |= WN_NF_NEGATIVE;
    ps->plain4 = 0;
  }
  if (!ps->done && ps->r.kind == WN_NK_CARDINAL) gloss(c, ps);
  return 1;
}

/* ------------------------------------------------------------ kinding */

static int is_currency_symbol(const Ctx *c, size_t j) {
  return tok_is(c, j, "$") || tok_is(c, j, "\xC2\xA3") ||
         tok_is(c, j, "\xE2\x82\xAC") || tok_is(c, j, "\xC2\xA5");
}

static int month_at(const Ctx *c, size_t j) {
  return j < c->ntok && cls_at(c, j) == W_MONTH &&
         (c->tk[j].flags & (WN_F_CAP | WN_F_ALLCAPS));
}

static void kind_from_context(const Ctx *c, Parse *ps) {
  wn_number *r = &ps->r;
  size_t next = r->last + 1;
  int prev_ok = r->first > 0;
  size_t prev = prev_ok ? r->first - 1 : 0;
  int ncls = continues(c, next) ? cls_at(c, next) : W_NONE;
  if ((prev_ok && is_currency_symbol(c, prev) && glued(c, r->first)) ||
      ncls == W_CURRENCY || (is_currency_symbol(c, next) && glued(c, next)))
    r->flags |= WN_NF_MONEY;
  if (tok_is(c, next, "%") || ncls == W_PERCENT ||
      (ncls == W_PER && tok_is(c, next + 1, "cent")))
    r->flags |= WN_NF_PERCENT;
  if ((ps->done && r->kind != WN_NK_ORDINAL) ||
      r->kind == WN_NK_ATTRIBUTIVE) return;
  if (ncls == W_CLOCK && r->kind == WN_NK_CARDINAL && r->value >= 0 &&
      r->value <= 2400 && !(r->flags & WN_NF_WORDS)) {
    const wn_numword *e = word_at(c, next);
    double v = r->value, h = (double)(int64_t)v;
    if (c->tk[next].hash == wn_hash_folded("am", 2) || (e->opt & O_AMPM) ||
        c->tk[next].hash == wn_hash_folded("a.m.", 4)) {
      if (v > 12) return;
      v = h * 100 + (double)(int64_t)((v - h) * 100 + 0.5);
      if ((e->opt & O_AMPM) && h < 12) v += 1200;
    }
    r->value = r->high = v;
    r->kind = WN_NK_TIME;
    return;
  }
  if (r->flags & (WN_NF_MONEY | WN_NF_PERCENT)) return;
  if ((r->kind == WN_NK_CARDINAL || r->kind == WN_NK_VAGUE ||
       r->kind == WN_NK_FRACTION) && ncls == W_TIMEUNIT) {
    r->kind = WN_NK_DURATION;
    return;
  }
  if (r->kind == WN_NK_CARDINAL && ncls == W_MEASURE) {
    r->kind = WN_NK_MEASURE;
    return;
  }
  if ((r->kind == WN_NK_CARDINAL || r->kind == WN_NK_ORDINAL) &&
      !(r->flags & (WN_NF_WORDS | WN_NF_NEGATIVE)) && is_whole(r->value) &&
      r->value >= 1 && r->value <= 31 &&
      ((prev_ok && month_at(c, prev)) || month_at(c, next) ||
       (ncls == W_OF && month_at(c, next + 1)))) {
    r->kind = WN_NK_DATE;
    return;
  }
  if (ps->plain4 && r->kind == WN_NK_CARDINAL) {
    int q = prev_ok ? cls_at(c, prev) : W_NONE;
    if (q != W_QPREV || (prev_ok && month_at(c, prev))) r->kind = WN_NK_YEAR;
  }
}

/* "1,2,3,4", "5-4-3", "1.2.3": every digit group is a number of its own. */
static int emit_pieces(const Ctx *c, size_t j, wn_numbers *out) {
  const wn_token *t = &c->tk[j];
  size_t a = t->start - 1, end = t->stop;
  while (a < end) {
    size_t b = a, k;
    Dec d;
    wn_number r;
    int v;
    while (b < end && !digit_at(c->s, end, b, &v)) b++;
    if (b >= end) break;
    k = b;
    while (k < end && digit_at(c->s, end, k, &v)) k += (size_t)digit_at(c->s, end, k, &v);
    scan_decimal(c->s + b, k - b, &d);
    memset(&r, 0, sizeof r);
    r.first = r.last = (uint32_t)j;
    r.start = (uint32_t)(b + 1);
    r.stop = (uint32_t)k;
    r.value = r.high = dec_value(&d);
    r.kind = WN_NK_CARDINAL;
    r.flags = (uint16_t)(d.flags | WN_NF_LIST);
    if (push_number(out, &r) != WN_OK) return WN_ENOMEM;
    a = k;
  }
  return WN_OK;
}

int wn_numbers_parse(const wn_numparser *p, const wn_tokens *t,
                     const char *s, size_t len, wn_numbers *out) {
  Ctx c;
  size_t i = 0;
  out->n = 0;
  c.p = p;
  c.tk = t->v;
  c.ntok = t->n;
  c.s = s;
  c.len = len;
  while (i < c.ntok) {
    Parse ps;
    int rc = parse_at(&c, i, &ps);
    if (rc > 0) {
      kind_from_context(&c, &ps);
      if (isinf(ps.r.value) || isinf(ps.r.high))  /* "tens of thousands of */
        ps.r.flags |= WN_NF_OVERFLOW;            /* thousands of ..." */
      if (push_number(out, &ps.r) != WN_OK) return WN_ENOMEM;
      i = ps.r.last + 1;
    } else if (rc < 0) {
      if (emit_pieces(&c, ps.pieces_tok, out) != WN_OK) return WN_ENOMEM;
      i = ps.pieces_tok + 1;
    } else {
      i++;
    }
  }
  return WN_OK;
}
