/*
** sentence.c: sentence boundaries from the token array.
**
** One left-to-right pass over the tokens.  A sentence ends
**  - after a stop ("." "?" "!" runs, a four-dot ellipsis, a dotted
**    abbreviation) when what follows looks like the start of a sentence;
**    the abbreviation lexicon and the word roles (starters such as "The",
**    "How") decide after abbreviations and initials; closing quotes and
**    brackets after the stop stay with the sentence;
**  - before a paragraph break, always;
**  - before a single line break only when the line stands alone: it lacks
**    final punctuation, does not end in a comma, dash or function word,
**    and the next line's first word would have fitted on it (a subhead or
**    credit line), or the next line is indented more;
**  - before the next item of a list ("1.)", "2)", "a.", "• 9.").
** A stop inside brackets or quotes that close nearby in the paragraph
** does not end a sentence.  Every scan that looks ahead is either bounded
** or amortised, so the pass stays linear in the input.
*/
#include <string.h>
#include "wirenews.h"

#define NONE ((size_t)-1)
#define ENCLOSURE_REACH 150 /* tokens a parenthetical or quote may span */
#define DEFAULT_MIN_WRAP 60
#define MAX_GLUED 4         /* tokens of a glued abbreviation ("N°") */

enum list_kind { LIST_NONE, LIST_NUM_DOT, LIST_NUM_PAREN, LIST_NUM_DOT_PAREN,
                 LIST_LETTER_DOT, LIST_LETTER_PAREN, LIST_ROMAN, LIST_BULLET };

typedef struct List {
  int kind;
  uint32_t next;       /* the value of the next item: number, letter, hash */
  int first;           /* the marker opens a list: "1.", "a)", "i)" */
} List;

typedef struct SBD {
  const unsigned char *s;
  size_t len;
  const wn_token *v;
  size_t n;
  const wn_sbd_opts *o;
  size_t wrap;         /* width of hard-wrapped lines, 0 until needed */
  int ascii;           /* the text is all ASCII (set with wrap) */
  size_t closer[3];    /* first closer of each enclosure kind after the
                          last query (see closer_after) */
  size_t para;         /* first paragraph start after the last query */
  size_t line;         /* byte offset where the current token's line starts */
  size_t first_line;   /* ... and where the text's first line starts */
  List list;
} SBD;

void wn_sbd_opts_init(wn_sbd_opts *o) {
  o->abbrevs = NULL;
  o->words = NULL;
  o->pdf = 0;
  o->min_wrap = DEFAULT_MIN_WRAP;
}

/* ------------------------------------------------------- token tests */

static size_t tok_len(const wn_token *tk) { return tk->stop - tk->start + 1; }

static const unsigned char *tok_text(const SBD *sb, size_t i) {
  return sb->s + sb->v[i].start - 1;
}

/* Is token i exactly the ASCII string lit? */
static int tok_is(const SBD *sb, size_t i, const char *lit) {
  size_t l = strlen(lit);
  return tok_len(&sb->v[i]) == l && memcmp(tok_text(sb, i), lit, l) == 0;
}

/* The first code point of token i. */
static int32_t first_cp(const SBD *sb, size_t i) {
  const unsigned char *p = tok_text(sb, i);
  int32_t cp;
  if (*p < 0x80) return *p;
  wn_utf8_decode(p, tok_len(&sb->v[i]), &cp);
  return cp;
}

static int is_punct(const SBD *sb, size_t i) {
  return sb->v[i].cls == WN_TK_PUNCT;
}

static int starts_lower(const SBD *sb, size_t i) {
  const unsigned char *p = tok_text(sb, i);
  if (*p < 0x80) return *p >= 'a' && *p <= 'z';
  return sb->v[i].cls == WN_TK_WORD && wn_cp_islower(first_cp(sb, i));
}

static int is_bullet_cp(int32_t cp) {
  return cp == 0x2022 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA ||
         cp == 0x2023 || cp == 0x2219 || cp == 0x25CF || cp == 0x25A0;
}

static int is_bullet(const SBD *sb, size_t i) {
  return sb->v[i].cls != WN_TK_WORD && sb->v[i].cls != WN_TK_NUMBER &&
         is_bullet_cp(first_cp(sb, i));
}

static int is_open_bracket(const SBD *sb, size_t i) {
  return is_punct(sb, i) && tok_len(&sb->v[i]) == 1 &&
         strchr("([{", *tok_text(sb, i)) != NULL;
}

static int is_close_bracket(const SBD *sb, size_t i) {
  return is_punct(sb, i) && tok_len(&sb->v[i]) == 1 &&
         strchr(")]}", *tok_text(sb, i)) != NULL;
}

/* "-", "--", en and em dashes. */
static int is_dash(const SBD *sb, size_t i) {
  int32_t cp;
  if (!is_punct(sb, i)) return 0;
  cp = first_cp(sb, i);
  return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015;
}

/* Enclosures: a stop inside one that closes nearby does not end the
** sentence. */
enum enclosure { ENC_BRACKET, ENC_DOUBLE, ENC_SINGLE, ENC_COUNT };

/* Is token i glued to the token after it? */
static int glued_next(const SBD *sb, size_t i) {
  return i + 1 < sb->n && sb->v[i + 1].start == sb->v[i].stop + 1;
}

/* Quote kind of token i (ENC_DOUBLE or ENC_SINGLE), or -1. */
static int quote_kind(const SBD *sb, size_t i) {
  int32_t cp;
  if (!is_punct(sb, i) && sb->v[i].cls != WN_TK_SYMBOL) return -1;
  cp = first_cp(sb, i);
  if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
      cp == 0x00AB || cp == 0x00BB)
    return ENC_DOUBLE;
  if (cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
      cp == 0x2039 || cp == 0x203A)
    return ENC_SINGLE;
  return -1;
}

/* A quote that opens: curly/guillemet openers, or a straight quote or
** backquote with white space before it and a word glued after it. */
static int is_open_quote(const SBD *sb, size_t i) {
  int32_t cp;
  if (quote_kind(sb, i) < 0) return 0;
  cp = first_cp(sb, i);
  if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x2039 ||
      cp == 0x201E || cp == '`')
    return 1;
  if (cp != '"' && cp != '\'') return 0;
  if (i > 0 && !(sb->v[i].flags & (WN_F_SPACE | WN_F_LINE)) &&
      !is_dash(sb, i - 1) && !is_open_bracket(sb, i - 1))
    return 0;                  /* glued to a word: a closer or apostrophe */
  return cp == '"' || glued_next(sb, i);
}

/* A quote that closes: curly/guillemet closers, or a straight quote glued
** to what precedes it (but not the "'" of "Jr.'s"). */
static int is_close_quote(const SBD *sb, size_t i) {
  int32_t cp;
  if (quote_kind(sb, i) < 0) return 0;
  cp = first_cp(sb, i);
  if (cp == 0x201D || cp == 0x00BB || cp == 0x203A) return 1;
  if (cp == 0x2019 || cp == '\'')
    return i > 0 && !(sb->v[i].flags & (WN_F_SPACE | WN_F_LINE)) &&
           !(glued_next(sb, i) && sb->v[i + 1].cls == WN_TK_WORD);
  return cp == '"' && i > 0 && !(sb->v[i].flags & (WN_F_SPACE | WN_F_LINE));
}

/* "?", "!", "?!", "!!": the tokenizer joins such runs. */
static int is_bang(const SBD *sb, size_t i) {
  const unsigned char *p = tok_text(sb, i);
  int32_t cp;
  if (!is_punct(sb, i)) return 0;
  /* "!Kung", "Y!J": a mark glued to a following word is part of a name */
  if (glued_next(sb, i) && sb->v[i + 1].cls == WN_TK_WORD) return 0;
  if (*p == '?' || *p == '!') return 1;
  cp = first_cp(sb, i);
  return cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049 ||
         cp == 0xFF01 || cp == 0xFF1F;
}

/* Dots in token i when it is a run of stops or an ellipsis, else 0. */
static size_t dots_in(const SBD *sb, size_t i) {
  if (!is_punct(sb, i)) return 0;
  if (*tok_text(sb, i) == '.') return tok_len(&sb->v[i]);
  switch (first_cp(sb, i)) {
    case 0x2026: return 3;                 /* ellipsis */
    case 0xFF0E: case 0x3002: return 1;    /* full-width, ideographic stop */
    default: return 0;
  }
}

/* Punctuation that says the line goes on: "," ";" ":" dashes, "/", "&",
** opening brackets and quotes.  A dateline "DAMASCUS -" ends in one. */
static int continues_line(const SBD *sb, size_t i) {
  int32_t cp;
  if (sb->v[i].cls != WN_TK_PUNCT && sb->v[i].cls != WN_TK_SYMBOL) return 0;
  if (is_open_bracket(sb, i) || is_open_quote(sb, i)) return 1;
  cp = first_cp(sb, i);
  return cp == ',' || cp == ';' || cp == ':' || cp == '-' || cp == '/' ||
         cp == '&' || cp == '+' || cp == 0x2013 || cp == 0x2014 ||
         cp == 0x2012 || cp == 0x2015;
}

/* Does token i look like the first token of a sentence? */
static int starts_sentence(const SBD *sb, size_t i) {
  const wn_token *tk = &sb->v[i];
  switch (tk->cls) {
    case WN_TK_WORD: return !starts_lower(sb, i);
    case WN_TK_PUNCT:
      if (is_dash(sb, i))                /* a dialogue or list dash */
        return (sb->v[i].flags & WN_F_LINE) ||
               (i + 1 < sb->n && sb->v[i + 1].cls == WN_TK_WORD &&
                !starts_lower(sb, i + 1));
      return is_open_bracket(sb, i) || is_open_quote(sb, i) ||
             is_bullet(sb, i) || dots_in(sb, i) >= 3 ||
             first_cp(sb, i) == 0xBF || first_cp(sb, i) == 0xA1;
    default: return 1;          /* numbers, symbols ("$"), stray bytes */
  }
}

/* The kind of an abbreviation entry for a token with these flags. */
static int32_t kind_for(int32_t val, unsigned flags) {
  if ((val & WN_ABBR_CAPITAL) && !(flags & WN_F_CAP)) return 0;
  return val & 0xFF;
}

static int32_t abbrev_kind(const SBD *sb, size_t i) {
  int32_t val;
  if (sb->o->abbrevs && sb->v[i].cls == WN_TK_WORD &&
      wn_lexset_get(sb->o->abbrevs, sb->v[i].hash, &val))
    return kind_for(val, sb->v[i].flags);
  return 0;
}

/* Kind of the abbreviation right before the stop at i: the word itself,
** or a short glued run of tokens such as "N°". */
static int32_t abbrev_before(const SBD *sb, size_t i) {
  size_t a = i - 1;
  int32_t kind;
  if (sb->o->abbrevs == NULL || sb->v[i].start != sb->v[a].stop + 1) return 0;
  if ((kind = abbrev_kind(sb, a)) != 0) return kind;
  while (a > 0 && i - a < MAX_GLUED && sb->v[a].start == sb->v[a - 1].stop + 1)
    a--;
  if (a == i - 1) return 0;
  if (wn_lexset_get(sb->o->abbrevs,
                    wn_hash_folded((const char *)tok_text(sb, a),
                                   sb->v[i - 1].stop - sb->v[a].start + 1),
                    &kind))
    return kind_for(kind, sb->v[a].flags);
  return 0;
}

/* WN_WORD_* roles of word i in the word lexicon, 0 if none. */
static int word_role(const SBD *sb, size_t i) {
  int32_t role;
  if (sb->o->words && sb->v[i].cls == WN_TK_WORD &&
      wn_lexset_get(sb->o->words, sb->v[i].hash, &role))
    return (int)role;
  return 0;
}

/* A capitalised word that usually opens a sentence ("The", "He", "How"),
** or an opening quote. */
static int is_starter(const SBD *sb, size_t i) {
  if (sb->v[i].cls == WN_TK_WORD)
    return !starts_lower(sb, i) && (word_role(sb, i) & WN_WORD_STARTER);
  return is_open_quote(sb, i);
}

/* A lower-case function word ("the", "said"): a line ending in one was
** wrapped. */
static int is_joiner(const SBD *sb, size_t i) {
  return starts_lower(sb, i) && (word_role(sb, i) & WN_WORD_JOINER);
}

/* A title abbreviation with its stop ("Mr.") at i. */
static int title_at(const SBD *sb, size_t i) {
  return i + 1 < sb->n && abbrev_kind(sb, i) == WN_ABBR_TITLE &&
         tok_is(sb, i + 1, ".") && !(sb->v[i + 1].flags & WN_F_SPACE);
}

/* A single capital letter word: a candidate initial ("E." in "Jonas E."). */
static int single_capital(const SBD *sb, size_t i) {
  const wn_token *tk = &sb->v[i];
  int32_t cp;
  int n;
  if (tk->cls != WN_TK_WORD || !(tk->flags & WN_F_CAP)) return 0;
  n = wn_utf8_decode(tok_text(sb, i), tok_len(tk), &cp);
  return (size_t)n == tok_len(tk);
}

/* -------------------------------------------- amortised look-ahead */

static int closes(const SBD *sb, size_t j, int kind) {
  if (kind == ENC_BRACKET) return is_close_bracket(sb, j);
  return quote_kind(sb, j) == kind && is_close_quote(sb, j);
}

/* First closer of the kind after token i (or n).  Queries come with
** growing i, so each scan starts past the previous answer: linear. */
static size_t closer_after(SBD *sb, size_t i, int kind) {
  if (sb->closer[kind] == NONE || sb->closer[kind] <= i) {
    size_t j = i + 1;
    while (j < sb->n && !closes(sb, j, kind)) j++;
    sb->closer[kind] = j;
  }
  return sb->closer[kind];
}

static size_t para_after(SBD *sb, size_t i) {
  if (sb->para == NONE || sb->para <= i) {
    size_t j = i + 1;
    while (j < sb->n && !(sb->v[j].flags & WN_F_PARA)) j++;
    sb->para = j;
  }
  return sb->para;
}

/* Does the enclosure opened at i close within the paragraph, nearby? */
static int encloses(SBD *sb, size_t i, int kind) {
  size_t c = closer_after(sb, i, kind);
  return c < sb->n && c - i <= ENCLOSURE_REACH && para_after(sb, i) > c;
}

/* ---------------------------------------------------------- lists */

static int ascii_digits(const SBD *sb, size_t i, uint32_t *val) {
  const unsigned char *p = tok_text(sb, i);
  size_t k, l = tok_len(&sb->v[i]);
  uint32_t v = 0;
  if (sb->v[i].cls != WN_TK_NUMBER || l > 3) return 0;
  for (k = 0; k < l; k++) {
    if (p[k] < '0' || p[k] > '9') return 0;
    v = v * 10 + (uint32_t)(p[k] - '0');
  }
  *val = v;
  return 1;
}

/* A lower-case Roman numeral of up to 4 letters: "iii", "iv". */
static int roman(const SBD *sb, size_t i) {
  const unsigned char *p = tok_text(sb, i);
  size_t k, l = tok_len(&sb->v[i]);
  if (sb->v[i].cls != WN_TK_WORD || l > 4) return 0;
  for (k = 0; k < l; k++)
    if (strchr("ivx", p[k]) == NULL) return 0;
  return 1;
}

/*
** Does a list marker start at token i?  Returns its length in tokens
** (0 if none), its kind and the value the next item will have.  Markers:
** "1." "1)" "1.)" "a." "a)" "A)" "iv)", a bullet optionally followed by
** a numbered marker.
*/
static size_t marker_at(const SBD *sb, size_t i, List *m) {
  uint32_t val;
  if (i >= sb->n) return 0;
  m->first = 0;
  if (is_bullet(sb, i)) {
    List inner;
    size_t k = 0;
    if (i + 1 < sb->n && !is_bullet(sb, i + 1) &&  /* no recursion: "• • •" */
        !(sb->v[i + 1].flags & WN_F_LINE))
      k = marker_at(sb, i + 1, &inner);
    m->kind = LIST_BULLET;
    m->next = sb->v[i].hash;
    m->first = 1;
    return 1 + k;
  }
  if (!glued_next(sb, i)) return 0;
  if (ascii_digits(sb, i, &val)) {
    m->next = val + 1;
    m->first = val == 1;
    if (tok_is(sb, i + 1, ".")) {
      if (glued_next(sb, i + 1) && tok_is(sb, i + 2, ")")) {
        m->kind = LIST_NUM_DOT_PAREN;
        return 3;
      }
      m->kind = LIST_NUM_DOT;
      return 2;
    }
    if (tok_is(sb, i + 1, ")")) { m->kind = LIST_NUM_PAREN; return 2; }
    return 0;
  }
  if (roman(sb, i) && tok_len(&sb->v[i]) > 1 && tok_is(sb, i + 1, ")")) {
    m->kind = LIST_ROMAN;
    m->next = 0;
    return 2;
  }
  if (sb->v[i].cls == WN_TK_WORD && tok_len(&sb->v[i]) == 1) {
    unsigned c = *tok_text(sb, i);
    m->next = c + 1;
    m->first = c == 'a' || c == 'A' || c == 'i';
    if (c >= 'a' && c <= 'z' && tok_is(sb, i + 1, ".")) {
      m->kind = LIST_LETTER_DOT;
      return 2;
    }
    if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
        tok_is(sb, i + 1, ")")) {
      m->kind = c == 'i' ? LIST_ROMAN : LIST_LETTER_PAREN;
      return 2;
    }
  }
  return 0;
}

/* A marker at the start of a sentence is taken when text follows it on
** the same line; returns the tokens it covers. */
static size_t open_list(SBD *sb, size_t i) {
  List m;
  size_t k = marker_at(sb, i, &m);
  sb->list.kind = LIST_NONE;
  if (k == 0 || i + k >= sb->n || (sb->v[i + k].flags & WN_F_LINE)) return 0;
  sb->list = m;
  return k;
}

/* Does token i (inside a sentence) start a list item: the next item of
** the list the sentence opened, a new list, or a bullet? */
static int next_item_at(const SBD *sb, size_t i) {
  List m;
  if (!(sb->v[i].flags & WN_F_SPACE) || marker_at(sb, i, &m) == 0) return 0;
  if (m.kind == LIST_BULLET) return 1;
  if (sb->list.kind == LIST_NONE) return 0;
  if (m.kind == sb->list.kind &&
      (m.kind == LIST_ROMAN || m.next == sb->list.next + 1))
    return 1;
  return m.first;
}

/* ---------------------------------------------------------- lines */

/* Columns (code points) in s[a..b); bytes when the text is ASCII. */
static size_t columns(const SBD *sb, size_t a, size_t b) {
  size_t c = 0;
  if (sb->ascii) return b - a;
  for (; a < b; a++) c += (sb->s[a] & 0xC0) != 0x80;
  return c;
}

static int is_hspace(unsigned c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Width of the widest line: the column where hard wrapping happened.
** Computed when first needed, with whether the text is all ASCII. */
static size_t wrap_width(SBD *sb) {
  if (sb->wrap == 0) {
    size_t a = 0, widest = 0, k;
    unsigned any = 0;
    for (k = 0; k < sb->len; k++) any |= sb->s[k];
    sb->ascii = (any & 0x80) == 0;
    while (a < sb->len) {
      const unsigned char *nl = memchr(sb->s + a, '\n', sb->len - a);
      size_t b = nl ? (size_t)(nl - sb->s) : sb->len, e = b, w;
      while (e > a && is_hspace(sb->s[e - 1])) e--;
      if (e - a > widest && (w = columns(sb, a, e)) > widest) widest = w;
      a = b + 1;
    }
    sb->wrap = widest > sb->o->min_wrap ? widest : sb->o->min_wrap;
    if (sb->wrap == 0) sb->wrap = 1;
  }
  return sb->wrap;
}

/* Byte offset (0-based) where the line holding byte pos starts. */
static size_t line_start(const SBD *sb, size_t pos) {
  while (pos > 0 && sb->s[pos - 1] != '\n' && sb->s[pos - 1] != '\r') pos--;
  return pos;
}

static size_t indent_at(const SBD *sb, size_t a) {
  size_t k = a;
  while (k < sb->len && (sb->s[k] == ' ' || sb->s[k] == '\t')) k++;
  return k - a;
}

/*
** Is the line starting at byte a itself wrapped mid-sentence: nearly as
** wide as the wrapping and ending without a stop?  Then the line before it
** belongs to the same paragraph even when it is short, as the first line
** of a Reuters body is (its dateline was cut off: "Chief Soviet arms
** negotiator Yuli\nVorontsov said ...").
*/
static int wrapped_line(const SBD *sb, size_t a, size_t lim) {
  const unsigned char *nl = memchr(sb->s + a, '\n', sb->len - a);
  size_t e = nl ? (size_t)(nl - sb->s) : sb->len;
  if (nl == NULL) return 0;              /* the last line ends the text */
  while (e > a && is_hspace(sb->s[e - 1])) e--;
  if (e == a || strchr(".?!\"'", sb->s[e - 1]) != NULL) return 0;
  return columns(sb, a, e) * 4 >= lim * 3;
}

/*
** Token i opens a line and the line before ends without deciding
** punctuation: was the break a hard wrap (the line goes on) or does the
** line stand alone (subhead, credit line, list line)?  It stands alone
** when the next line is indented more (a new paragraph) or when the next
** line's first word would have fitted on it.  Before a lower-case word
** the line goes on (wrapped prose), unless it is itself a lower-case
** item opening its unit ("features\ncontact manager"); white space
** before the break ("format=flowed") or PDF mode always mean a wrap.
** first is the first token of the current sentence.
*/
static int line_stands_alone(SBD *sb, size_t first, size_t i) {
  const wn_token *pt = &sb->v[i - 1];
  size_t a, b = pt->stop, next, from = sb->v[i].start - 1, lim;
  if (starts_lower(sb, i)) {                  /* cheap tests first */
    if (sb->o->pdf || !starts_lower(sb, first)) return 0;
    if (b < sb->len && (sb->s[b] == ' ' || sb->s[b] == '\t')) return 0;
    a = sb->line;
    if (sb->v[first].start - 1 < a) return 0;
  } else {
    a = sb->line;
  }
  if (indent_at(sb, line_start(sb, from)) > indent_at(sb, a)) return 1;
  lim = wrap_width(sb);
  next = from;
  while (next < sb->len && !is_hspace(sb->s[next]) && sb->s[next] != '\n' &&
         next - from <= lim)
    next++;
  if (columns(sb, a, b) + 1 + columns(sb, from, next) > lim) return 0;
  return !wrapped_line(sb, line_start(sb, from), lim);
}

/* Does the line before token i end a unit though it has no stop?  Lines
** ending in a stop were judged by the stop rules; lines ending mid-phrase
** (comma, dash, a dateline "DAMASCUS -") go on. */
static int line_ends_unit(SBD *sb, size_t first, size_t i) {
  size_t prev = i - 1;
  if (sb->v[i].cls != WN_TK_WORD && is_bullet(sb, i)) return 1;
  if (sb->v[prev].cls == WN_TK_WORD) {     /* most lines end in a word */
    if ((sb->v[prev].flags & WN_F_DOTTED) || is_joiner(sb, prev)) return 0;
  } else if (dots_in(sb, prev) || is_bang(sb, prev) ||
             is_close_quote(sb, prev) || continues_line(sb, prev)) {
    return 0;
  }
  /* a name across the break on a first line cut short by a removed
     dateline: "the Chicago Mercantile\nExchange" */
  if (sb->line == sb->first_line &&
      sb->v[prev].cls == WN_TK_WORD && (sb->v[prev].flags & WN_F_CAP) &&
      sb->v[i].cls == WN_TK_WORD && !starts_lower(sb, i) && !is_starter(sb, i))
    return 0;
  return line_stands_alone(sb, first, i);
}

/* Does a sentence end before token i (i is not the sentence's first)? */
static int breaks_before(SBD *sb, size_t first, size_t i) {
  unsigned f = sb->v[i].flags;
  if (f & WN_F_PARA) return 1;
  if (next_item_at(sb, i)) return 1;
  return (f & WN_F_LINE) && line_ends_unit(sb, first, i);
}

/* ---------------------------------------------------------- stops */

/* Footnote references glued to a stop ("martyr.[1]", "(1987).1 "):
** returns the tokens they cover after i, 0 if none. */
static size_t footnote_after(const SBD *sb, size_t i) {
  if (!glued_next(sb, i)) return 0;
  if (i + 3 < sb->n && tok_is(sb, i + 1, "[") &&
      sb->v[i + 2].cls == WN_TK_NUMBER && tok_is(sb, i + 3, "]") &&
      glued_next(sb, i + 1) && glued_next(sb, i + 2))
    return 3;
  if (sb->v[i + 1].cls == WN_TK_NUMBER && !glued_next(sb, i + 1))
    return 1;
  return 0;
}

/* Closing quotes and brackets after a stop stay with its sentence, and so
** do footnote marks; returns the last token that belongs to it. */
static size_t absorb_closers(const SBD *sb, size_t i) {
  size_t k;
  while (i + 1 < sb->n && !(sb->v[i + 1].flags & WN_F_LINE) &&
         (is_close_quote(sb, i + 1) || is_close_bracket(sb, i + 1)))
    i++;
  while ((k = footnote_after(sb, i)) > 0) i += k;
  return i;
}

static int at_end(const SBD *sb, size_t next) {
  return next >= sb->n || (sb->v[next].flags & WN_F_PARA);
}

/* After a stop: a sentence start, or a list item ("b) more", "iv) x"). */
static int opens_after_stop(const SBD *sb, size_t i) {
  List m;
  return starts_sentence(sb, i) || marker_at(sb, i, &m) > 0;
}

/* An abbreviation of the given kind ends at token i (its stop included):
** is it also the end of the sentence? */
static int abbrev_ends(const SBD *sb, size_t first, size_t i, int32_t kind) {
  size_t next = absorb_closers(sb, i) + 1;
  if (at_end(sb, next)) return 1;
  switch (kind) {
    case WN_ABBR_TITLE: return 0;
    case WN_ABBR_NUMERIC:
      if (sb->v[next].cls == WN_TK_NUMBER) return 0;
      return opens_after_stop(sb, next);
    case WN_ABBR_TIME:
      /* "at 6 P.M. Mr. Smith": a clause, then a new subject; but "At 5
         a.m. Mr. Smith" is only an opening phrase */
      if (title_at(sb, next) && i - first > 3) return 1;
      return is_starter(sb, next);
    default: return is_starter(sb, next);
  }
}

/* A single "." at i: the word before it decides. */
static int period_ends(SBD *sb, size_t first, size_t i) {
  size_t next = absorb_closers(sb, i) + 1;
  size_t prev = i - 1;
  int32_t kind;
  if (i == first) return 0;              /* a stray dot opening a line */
  if (at_end(sb, next)) return 1;
  kind = abbrev_before(sb, i);
  if (kind != 0) return abbrev_ends(sb, first, i, kind);
  if (single_capital(sb, prev)) {
    if (prev == first) return 0;         /* a label: "Q. What is ...?" */
    /* an initial ("Jonas E. Smith", "officer A. Malachi Mixon"), except the
       pronoun after a lower-case word ("you and I. Did") */
    if (!(tok_is(sb, prev, "I") && sb->v[prev - 1].cls == WN_TK_WORD &&
          starts_lower(sb, prev - 1)))
      return is_starter(sb, next);
  }
  if (opens_after_stop(sb, next)) return 1;
  /* "the city.\nfeatures": a short line ends with its stop */
  return (sb->v[next].flags & WN_F_LINE) &&
         line_stands_alone(sb, first, next);
}

/* Tokens of a run of stops spaced out as an ellipsis (". . . ."), from
** i; stores the number of dots.  Returns the last token of the run. */
static size_t dot_run(const SBD *sb, size_t i, size_t *dots) {
  size_t j = i;
  *dots = dots_in(sb, i);
  while (j + 1 < sb->n && dots_in(sb, j + 1) &&
         sb->v[j + 1].start <= sb->v[j].stop + 2 &&
         !(sb->v[j + 1].flags & WN_F_LINE)) {
    j++;
    *dots += dots_in(sb, j);
  }
  return j;
}

/* An ellipsis of three dots at i..last: an omission inside the sentence
** (". . . I didn't"), unless it trails off a word ("slowly... And"). */
static int ellipsis_ends(const SBD *sb, size_t i, size_t last) {
  size_t next = absorb_closers(sb, last) + 1;
  if (at_end(sb, next)) return 1;
  return !(sb->v[i].flags & WN_F_SPACE) && i > 0 &&
         sb->v[i - 1].cls == WN_TK_WORD && !glued_next(sb, last) &&
         starts_sentence(sb, next) && !tok_is(sb, next, "I");
}

/*
** Stop candidate at token i (outside enclosures).  Returns the last token
** of the sentence when it ends here, else NONE; *resume is where to go on.
**  - "?" "!" runs end before a sentence start ("Yahoo! in" goes on).
**  - A single "." follows period_ends.
**  - "..." and "…" mark an omission inside a sentence; four dots are an
**    omission plus a stop.  "word. . . . Next": the first dot, glued to
**    the word, ends the sentence and the ellipsis opens the next one.
**  - A dotted abbreviation ("U.S.") ends a sentence before a starter.
*/
static size_t stop_at(SBD *sb, size_t first, size_t i, size_t *resume) {
  size_t last, dots;
  *resume = i + 1;
  if (is_bang(sb, i)) {
    last = absorb_closers(sb, i);
    if (at_end(sb, last + 1) || opens_after_stop(sb, last + 1)) return last;
    return NONE;
  }
  if (sb->v[i].cls == WN_TK_WORD && (sb->v[i].flags & WN_F_DOTTED)) {
    int32_t kind = abbrev_kind(sb, i);
    if (abbrev_ends(sb, first, i, kind ? kind : WN_ABBR_PLAIN))
      return absorb_closers(sb, i);
    return NONE;
  }
  if (!dots_in(sb, i)) return NONE;
  last = dot_run(sb, i, &dots);
  *resume = last + 1;
  if (last == i && dots == 1)
    return period_ends(sb, first, i) ? absorb_closers(sb, i) : NONE;
  if (last > i && tok_is(sb, i, ".") && !(sb->v[i].flags & WN_F_SPACE) &&
      dots == 4) {
    size_t next = absorb_closers(sb, last) + 1;
    if (at_end(sb, next)) return absorb_closers(sb, last);
    if (starts_sentence(sb, next)) { *resume = i + 1; return i; }
    return NONE;
  }
  if (dots == 3) return ellipsis_ends(sb, i, last) ? absorb_closers(sb, last)
                                                   : NONE;
  last = absorb_closers(sb, last);
  if (at_end(sb, last + 1) || starts_sentence(sb, last + 1)) return last;
  return NONE;
}

/* A stop (or "?", "!", ellipsis) right before the closer at i, after some
** text ("[?]" is a mark, not a sentence); for quotes also a dash, the
** sign of interrupted speech ("to--" At this moment). */
static int stop_before(const SBD *sb, size_t i, int kind) {
  if (i < 2 || is_open_bracket(sb, i - 2) || is_open_quote(sb, i - 2))
    return 0;
  return dots_in(sb, i - 1) || is_bang(sb, i - 1) ||
         (kind != ENC_BRACKET && is_dash(sb, i - 1));
}

/* ---------------------------------------------------------- driver */

typedef struct Enclosed {
  int depth[ENC_COUNT];                  /* open enclosures that will close */
} Enclosed;

static int enclosed(const Enclosed *e) {
  return e->depth[ENC_BRACKET] || e->depth[ENC_DOUBLE] || e->depth[ENC_SINGLE];
}

/*
** Token i opens or closes an enclosure: updates e and returns 1.  When the
** last enclosure closes right after a stop ('"This is great." She'),
** *last is set to the end of the sentence if one ends there.
*/
static int track_enclosure(SBD *sb, Enclosed *e, size_t i, size_t *last) {
  int q = quote_kind(sb, i);
  *last = NONE;
  if (is_open_bracket(sb, i)) {
    if (encloses(sb, i, ENC_BRACKET)) e->depth[ENC_BRACKET]++;
    return 1;
  }
  if (q >= 0 && e->depth[q] == 0 && is_open_quote(sb, i)) {
    if (encloses(sb, i, q)) e->depth[q] = 1;
    return 1;
  }
  if (is_close_bracket(sb, i)) q = ENC_BRACKET;
  else if (q < 0 || !is_close_quote(sb, i)) return 0;
  if (e->depth[q] == 0) return 0;        /* a stray closer: ordinary text */
  e->depth[q]--;
  if (!enclosed(e) && stop_before(sb, i, q)) {
    size_t end = absorb_closers(sb, i);
    if (at_end(sb, end + 1) || starts_sentence(sb, end + 1)) *last = end;
  }
  return 1;
}

/* Most tokens are words, numbers, commas inside a sentence, on the same
** line: nothing can happen at them.  This test keeps the pass cheap. */
static int plain_token(const SBD *sb, size_t i) {
  const wn_token *tk = &sb->v[i];
  if (tk->flags & (WN_F_LINE | WN_F_DOTTED)) return 0;
  switch (tk->cls) {
    case WN_TK_NUMBER:
      return sb->list.kind == LIST_NONE || !(tk->flags & WN_F_SPACE);
    case WN_TK_WORD:
      return sb->list.kind == LIST_NONE || tk->stop - tk->start > 3;
    case WN_TK_PUNCT:
      switch (sb->s[tk->start - 1]) {
        case ',': case ';': case ':': case '-': case '/': case '&': case '%':
          return 1;
        default: return 0;
      }
    default: return 0;
  }
}

/* Token i starts a line, which becomes the current one.  The driver visits
** every token that starts a line, after judging the break before it, so
** the line rules never search back for where a line starts. */
static void note_line(SBD *sb, size_t i) {
  sb->line = line_start(sb, sb->v[i].start - 1);
}

static int emit(wn_spans *out, const SBD *sb, size_t first, size_t last) {
  return wn_spans_push(out, sb->v[first].start, sb->v[last].stop);
}

static void sbd_init(SBD *sb, const char *s, size_t len, const wn_tokens *t,
                     const wn_sbd_opts *o) {
  int k;
  sb->s = (const unsigned char *)s;
  sb->len = len;
  sb->v = t->v;
  sb->n = t->n;
  sb->o = o;
  sb->wrap = 0;
  sb->ascii = 0;
  for (k = 0; k < ENC_COUNT; k++) sb->closer[k] = NONE;
  sb->para = NONE;
  sb->list.kind = LIST_NONE;
  sb->list.next = 0;
  sb->list.first = 0;
  sb->line = sb->first_line = sb->n ? line_start(sb, sb->v[0].start - 1) : 0;
}

int wn_sentences(wn_spans *out, const char *s, size_t len,
                 const wn_tokens *t, const wn_sbd_opts *o) {
  SBD sb;
  wn_sbd_opts defaults;
  Enclosed enc = {{0, 0, 0}};
  size_t i = 0, first = 0;
  if (o == NULL) { wn_sbd_opts_init(&defaults); o = &defaults; }
  sbd_init(&sb, s, len, t, o);
  while (i < sb.n) {
    size_t last, resume;
    if (i > first && plain_token(&sb, i)) { i++; continue; }
    if (i > first && breaks_before(&sb, first, i)) {
      if (emit(out, &sb, first, i - 1) != WN_OK) return WN_ENOMEM;
      first = i;
      memset(&enc, 0, sizeof enc);
    }
    if (sb.v[i].flags & WN_F_LINE) note_line(&sb, i);
    if (i == first) {
      size_t k = open_list(&sb, i);
      if (k > 0) { i += k; continue; }
    }
    if (track_enclosure(&sb, &enc, i, &last)) {
      resume = i + 1;
    } else if (enclosed(&enc)) {
      i++;
      continue;
    } else {
      last = stop_at(&sb, first, i, &resume);
    }
    if (last != NONE) {
      if (emit(out, &sb, first, last) != WN_OK) return WN_ENOMEM;
      first = last + 1;
      resume = last + 1;
    }
    i = resume;
  }
  if (first < sb.n && emit(out, &sb, first, sb.n - 1) != WN_OK)
    return WN_ENOMEM;
  return WN_OK;
}
