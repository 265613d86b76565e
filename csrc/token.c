/*
** token.c: one pass over the bytes gives a compact token array.
**
** Decisions (tested in spec/tokens_spec.lua):
**  - Words run over letters, digits and combining marks.  A hyphen between
**    two letters or digits stays inside ("Al-Hafa", "11-year", "2nd-R"); an
**    apostrophe followed by a letter stays inside ("Al-Arba'een", "wasn't"),
**    except the possessive "'s", which becomes a token of its own
**    ("Khan Sheikhun" "'s") so gazetteer names match without it.
**  - A token that starts with a digit and holds no letter is a number:
**    "13,500", "2,400", "5.93", "10-15".  Separators join only between
**    digits, so "1,000." ends before the stop.  With letters it is a word
**    with WN_F_DIGIT: "21st", "2.4bn", "400K", "11-year".
**  - Single letters joined by stops are one dotted token: "U.S.", "a.m.".
**  - Runs of "-", "." and "!?" are one token ("--", "...", "?!").
**  - URLs and e-mail addresses are one word token with WN_F_URL.
**  - Invalid UTF-8 bytes become WN_TK_INVALID tokens (a run of bad bytes is
**    one token) and are counted in invalid_bytes; nothing is skipped except
**    white space.
*/
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"

void wn_tokens_init(wn_tokens *t) {
  t->v = NULL;
  t->n = t->cap = 0;
  t->invalid_bytes = 0;
}

void wn_tokens_free(wn_tokens *t) {
  free(t->v);
  wn_tokens_init(t);
}

const char *wn_tokclass_name(int cls) {
  switch (cls) {
    case WN_TK_WORD: return "word";
    case WN_TK_NUMBER: return "number";
    case WN_TK_PUNCT: return "punctuation";
    case WN_TK_SYMBOL: return "symbol";
    case WN_TK_INVALID: return "invalid";
    default: return "?";
  }
}

static int grow(wn_tokens *t) {
  wn_token *nv = (wn_token *)wn_grow(t->v, &t->cap, t->n + 1, sizeof *nv);
  if (nv == NULL) return WN_ENOMEM;
  t->v = nv;
  return WN_OK;
}

/* The scanner state for one call. */
typedef struct Scan {
  const unsigned char *s;
  size_t len;
} Scan;

/* Decode the code point at i (i < len); returns its length. */
static inline int peek(const Scan *sc, size_t i, int32_t *cp, int *cls) {
  unsigned c = sc->s[i];
  if (c < 0x80) {
    *cp = (int32_t)c;
    *cls = wn_ascii_class[c];
    return 1;
  } else {
    int n = wn_utf8_decode(sc->s + i, sc->len - i, cp);
    *cls = wn_cp_class(*cp);
    return n;
  }
}

static inline int is_alnum_class(int cls) {
  return cls == WN_CP_LETTER || cls == WN_CP_DIGIT || cls == WN_CP_MARK;
}

/* Is the code point at i a letter, digit or mark? */
static int alnum_at(const Scan *sc, size_t i) {
  int32_t cp; int cls;
  if (i >= sc->len) return 0;
  peek(sc, i, &cp, &cls);
  return is_alnum_class(cls);
}

static int is_apostrophe(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int is_hyphen(int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int ascii_lower(unsigned c) { return c | 0x20; }

/* Case-insensitive prefix test on ASCII. */
static int has_prefix(const Scan *sc, size_t i, const char *p) {
  size_t k;
  for (k = 0; p[k]; k++)
    if (i + k >= sc->len || ascii_lower(sc->s[i + k]) != (unsigned char)p[k])
      return 0;
  return 1;
}

static int url_char(unsigned c) {
  if (c <= 0x20 || c >= 0x7F) return 0;
  return strchr("\"<>`{}|\\^", (int)c) == NULL;
}

/* URL at i ("http://", "https://", "ftp://", "www.x"): returns its end. */
static size_t scan_url(const Scan *sc, size_t i) {
  size_t j = i;
  unsigned c0 = ascii_lower(sc->s[i]);
  if (c0 != 'h' && c0 != 'f' && c0 != 'w') return i;   /* the common case */
  if (!(has_prefix(sc, i, "http://") || has_prefix(sc, i, "https://") ||
        has_prefix(sc, i, "ftp://") ||
        (has_prefix(sc, i, "www.") && i + 4 < sc->len &&
         (wn_ascii_class[sc->s[i + 4] & 0x7F] == WN_CP_LETTER ||
          wn_ascii_class[sc->s[i + 4] & 0x7F] == WN_CP_DIGIT))))
    return i;
  while (j < sc->len && url_char(sc->s[j])) j++;
  /* trailing sentence punctuation is not part of the address */
  while (j > i && strchr(".,;:!?')]", (int)sc->s[j - 1]) != NULL) j--;
  return j;
}

/* A byte after a word that may make it an e-mail address ("@._+%-"; the
** NUL that strchr would also match can never start one). */
static int may_continue_email(char c) {
  switch (c) {
    case '@': case '.': case '_': case '+': case '%': case '-': return 1;
    default: return 0;
  }
}

static int email_local(unsigned c) {
  return (c < 0x80 && (wn_ascii_class[c] == WN_CP_LETTER ||
          wn_ascii_class[c] == WN_CP_DIGIT)) || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}

/* E-mail address starting at i: returns its end, or i when there is none. */
static size_t scan_email(const Scan *sc, size_t i) {
  size_t j = i, at, dots = 0;
  while (j < sc->len && email_local(sc->s[j])) j++;
  if (j == i || j >= sc->len || sc->s[j] != '@') return i;
  at = j++;
  while (j < sc->len) {
    unsigned c = sc->s[j];
    if (c < 0x80 && (wn_ascii_class[c] == WN_CP_LETTER ||
                     wn_ascii_class[c] == WN_CP_DIGIT || c == '-')) j++;
    else if (c == '.' && j + 1 < sc->len && sc->s[j + 1] < 0x80 &&
             wn_ascii_class[sc->s[j + 1]] == WN_CP_LETTER) { j++; dots++; }
    else break;
  }
  if (dots == 0 || j == at + 1) return i;
  return j;
}

/* Case information of one letter into the token's flags. */
typedef struct CaseInfo { int letters, upper, lower, first_upper; } CaseInfo;

static inline void note_letter(CaseInfo *ci, int32_t cp) {
  int up = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : wn_cp_isupper(cp);
  int lo = cp < 0x80 ? (cp >= 'a' && cp <= 'z') : wn_cp_islower(cp);
  if (ci->letters == 0) ci->first_upper = up;
  ci->letters++;
  ci->upper += up;
  ci->lower += lo;
}

/* ASCII letters and digits as bits: 1 upper-case letter, 2 lower-case
** letter, 4 digit; 0 for everything else, bytes >= 0x80 included.  The hot
** loops test and count with one load. */
#define ALNUM_UPPER 1u
#define ALNUM_DIGIT 4u
static const unsigned char ascii_alnum_bits[256] = {
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,4,0,0,0,0,0,0,
  0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
  0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,
  /* 0x80-0xFF: not ASCII */
};

static int ascii_alnum(unsigned c) { return ascii_alnum_bits[c & 0xFF] != 0; }

/* The run of ASCII letters and digits from j, counted into ci and the
** flags as note_letter would; returns its end. */
static size_t ascii_run(const Scan *sc, size_t j, CaseInfo *ci,
                        unsigned *fl) {
  size_t j0 = j;
  int upper = 0, digits = 0, letters;
  unsigned k;
  while (j < sc->len && (k = ascii_alnum_bits[sc->s[j]]) != 0) {
    upper += (int)(k & ALNUM_UPPER);
    digits += (int)(k / ALNUM_DIGIT);
    j++;
  }
  letters = (int)(j - j0) - digits;
  if (letters > 0) {
    if (ci->letters == 0) {              /* the first letter of the token */
      size_t f = j0;
      while (wn_ascii_class[sc->s[f]] != WN_CP_LETTER) f++;
      ci->first_upper = sc->s[f] <= 'Z';
    }
    ci->letters += letters;
    ci->upper += upper;
    ci->lower += letters - upper;
    *fl |= WN_F_ALPHA;
  }
  if (digits > 0) *fl |= WN_F_DIGIT;
  return j;
}

/*
** Word or number starting at i.  Sets *cls and *flags; returns the end.
** *clitic is set when a possessive "'s" follows and must be emitted next.
*/
static size_t scan_alnum(const Scan *sc, size_t i, int *tcls,
                         unsigned *flags, int *clitic) {
  CaseInfo ci = {0, 0, 0, 0};
  unsigned fl = *flags;      /* a local copy the compiler keeps in a register */
  size_t j = i;
  int starts_digit = 0, prev_alnum = 0;
  *clitic = 0;
  {
    int32_t cp; int cls;
    peek(sc, i, &cp, &cls);
    starts_digit = (cls == WN_CP_DIGIT || cp == '.');
  }
  while (j < sc->len) {
    int32_t cp; int cls;
    int n;
    if (ascii_alnum(sc->s[j])) {    /* fast path: a run of ASCII alnums */
      unsigned c;
      j = ascii_run(sc, j, &ci, &fl);
      prev_alnum = 1;
      if (j >= sc->len) break;
      c = sc->s[j];
      /* only "," "." "-" "'" and non-ASCII can go on after the run */
      if (c < 0x80 && c != ',' && c != '.' && c != '-' && c != '\'') break;
      continue;
    }
    n = peek(sc, j, &cp, &cls);
    if (cls == WN_CP_LETTER) {
      note_letter(&ci, cp);
      fl |= WN_F_ALPHA;
    } else if (cls == WN_CP_DIGIT) {
      fl |= WN_F_DIGIT;
    } else if (cls == WN_CP_MARK) {
      /* stays with its base letter */
    } else if ((cp == ',' || cp == '.') && starts_digit) {
      /* a separator joins only between digits: "13,500", "5.93", ".77" */
      size_t k = j + 1;
      int prev_digit = j > i && sc->s[j - 1] < 0x80 &&
                       wn_ascii_class[sc->s[j - 1]] == WN_CP_DIGIT;
      int lead = (j == i && cp == '.');
      if (!(k < sc->len && sc->s[k] < 0x80 &&
            wn_ascii_class[sc->s[k]] == WN_CP_DIGIT && (prev_digit || lead)))
        break;
    } else if (cp == '.' && ci.letters == 1 && j == i + 1 && !starts_digit &&
               j + 2 < sc->len && sc->s[j + 2] == '.' && sc->s[j + 1] < 0x80 &&
               wn_ascii_class[sc->s[j + 1]] == WN_CP_LETTER) {
      /* dotted abbreviation: single letters each followed by a stop */
      size_t k = j;
      while (k + 2 < sc->len && sc->s[k] == '.' && sc->s[k + 1] < 0x80 &&
             wn_ascii_class[sc->s[k + 1]] == WN_CP_LETTER &&
             sc->s[k + 2] == '.') {
        note_letter(&ci, sc->s[k + 1]);
        k += 2;
      }
      j = k + 1;                            /* include the final stop */
      fl |= WN_F_DOTTED;
      break;
    } else if (is_hyphen(cp) && prev_alnum && alnum_at(sc, j + (size_t)n)) {
      fl |= WN_F_HYPHEN;
    } else if (is_apostrophe(cp) && prev_alnum && !starts_digit) {
      size_t k = j + (size_t)n;
      int32_t cp2; int cls2;
      if (k >= sc->len) break;
      peek(sc, k, &cp2, &cls2);
      if (cls2 != WN_CP_LETTER) break;      /* "rebels' " : quote, not part */
      if ((cp2 == 's' || cp2 == 'S') && !alnum_at(sc, k + 1)) {
        *clitic = 1;                         /* possessive: split it off */
        break;
      }
      fl |= WN_F_APOS;
    } else {
      break;
    }
    prev_alnum = is_alnum_class(cls);
    j += (size_t)n;
  }
  if (ci.letters > 0) {
    if (ci.first_upper && !starts_digit) fl |= WN_F_CAP;
    if (ci.upper > 0 && ci.lower == 0) fl |= WN_F_ALLCAPS;
  }
  *tcls = (starts_digit && ci.letters == 0) ? WN_TK_NUMBER : WN_TK_WORD;
  *flags = fl;
  return j;
}

/* Punctuation at i: runs of '-', '.', and '!'/'?' are one token. */
static size_t scan_punct(const Scan *sc, size_t i, int32_t cp, int n) {
  size_t j = i + (size_t)n;
  if (cp == '-' || cp == '.') {
    while (j < sc->len && sc->s[j] == (unsigned char)cp) j++;
  } else if (cp == '!' || cp == '?') {
    while (j < sc->len && (sc->s[j] == '!' || sc->s[j] == '?')) j++;
  }
  return j;
}

/*
** wn_hash_folded of an ASCII token in the same pass that checks it is
** ASCII (most tokens are); tokens with other bytes take the full folding.
** Sets *nonascii.
*/
static uint32_t hash_token(const unsigned char *p, size_t len,
                           unsigned *nonascii) {
  uint32_t h = 2166136261u;                /* FNV-1a, as wn_hash_folded */
  unsigned any = 0;
  size_t k;
  for (k = 0; k < len; k++) {
    unsigned c = p[k];
    any |= c;
    h = (h ^ (c | (ascii_alnum_bits[c] & ALNUM_UPPER) << 5)) * 16777619u;
  }
  *nonascii = (any & 0x80) != 0;
  return *nonascii ? wn_hash_folded((const char *)p, len) : h;
}

/* Appends the token s[a..b); WN_F_NONASCII is set from its bytes. */
static int push(wn_tokens *t, const Scan *sc, size_t a, size_t b, int cls,
                unsigned flags) {
  wn_token *tk;
  unsigned nonascii;
  if (t->n == t->cap && grow(t) != WN_OK) return WN_ENOMEM;
  tk = &t->v[t->n++];
  tk->start = (uint32_t)(a + 1);
  tk->stop = (uint32_t)b;
  tk->hash = hash_token(sc->s + a, b - a, &nonascii);
  flags = nonascii ? flags | WN_F_NONASCII : flags & ~WN_F_NONASCII;
  tk->cls = (uint8_t)cls;
  tk->reserved = 0;
  tk->flags = (uint16_t)flags;
  return WN_OK;
}

int wn_tokenize(wn_tokens *t, const char *s, size_t len) {
  Scan sc;
  size_t i = 0;
  unsigned newlines = 2;      /* the text starts a paragraph */
  int space = 0;
  t->n = 0;
  t->invalid_bytes = 0;
  if (len > WN_MAX_INPUT) return WN_ETOOBIG;
  sc.s = (const unsigned char *)s;
  sc.len = len;
  while (i < len) {
    int32_t cp; int cls;
    int n;
    unsigned flags = 0;
    size_t end;
    int tcls, clitic = 0, rc;
    if (s[i] == ' ') {                     /* the common case, no decoding */
      space = 1;
      i++;
      continue;
    }
    n = peek(&sc, i, &cp, &cls);
    if (cls == WN_CP_SPACE) {
      if (cp == '\n' || cp == 0x2028) newlines++;
      else if (cp == '\r' && (i + 1 >= len || s[i + 1] != '\n')) newlines++;
      else if (cp == 0x2029) newlines += 2;
      space = 1;
      i += (size_t)n;
      continue;
    }
    if (newlines >= 1) flags |= WN_F_LINE;
    if (newlines >= 2) flags |= WN_F_PARA;
    if (space) flags |= WN_F_SPACE;
    switch (cls) {
      case WN_CP_LETTER: case WN_CP_MARK: case WN_CP_DIGIT:
        end = scan_url(&sc, i);
        if (end > i) { tcls = WN_TK_WORD; flags |= WN_F_URL | WN_F_ALPHA; break; }
        end = scan_alnum(&sc, i, &tcls, &flags, &clitic);
        if (end < len && cp < 0x80 && may_continue_email(s[end])) {
          size_t e = scan_email(&sc, i);
          if (e > end) {
            end = e; tcls = WN_TK_WORD; clitic = 0;
            flags = (flags & (WN_F_LINE | WN_F_PARA | WN_F_SPACE)) |
                    WN_F_URL | WN_F_ALPHA;
          }
        }
        break;
      case WN_CP_PUNCT:
        if (cp == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9' &&
            (i == 0 || !alnum_at(&sc, i - 1))) {
          end = scan_alnum(&sc, i, &tcls, &flags, &clitic);   /* ".77" */
          break;
        }
        end = scan_punct(&sc, i, cp, n);
        tcls = WN_TK_PUNCT;
        break;
      case WN_CP_SYMBOL:
        end = i + (size_t)n;
        tcls = WN_TK_SYMBOL;
        break;
      case WN_CP_CONTROL:
        end = i + (size_t)n;
        tcls = WN_TK_SYMBOL;
        flags |= WN_F_CONTROL;
        break;
      default: {                           /* a run of invalid bytes */
        size_t j = i + 1;
        while (j < len) {
          int32_t c2;
          if ((unsigned char)s[j] < 0x80) break;
          wn_utf8_decode(sc.s + j, len - j, &c2);
          if (c2 >= 0) break;
          j++;
        }
        end = j;
        t->invalid_bytes += j - i;
        tcls = WN_TK_INVALID;
        break;
      }
    }
    rc = push(t, &sc, i, end, tcls, flags);
    if (rc != WN_OK) return rc;
    i = end;
    if (clitic) {                          /* the possessive "'s" */
      int32_t acp; int acls;
      int an = peek(&sc, i, &acp, &acls);
      size_t cend = i + (size_t)an + 1;
      unsigned cf = WN_F_APOS | WN_F_CLITIC | WN_F_ALPHA |
                    (an > 1 ? WN_F_NONASCII : 0);
      if (sc.s[cend - 1] == 'S') cf |= WN_F_ALLCAPS;
      rc = push(t, &sc, i, cend, WN_TK_WORD, cf);
      if (rc != WN_OK) return rc;
      i = cend;
    }
    newlines = 0;
    space = 0;
  }
  return WN_OK;
}
