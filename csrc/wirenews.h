/*
** wirenews.h: the public C interface of the wirenews core.
**
** A plain C library: nothing here knows about Lua, so every part can be
** tested and fuzzed on its own.  The Lua binding lives in lwirenews.c.
**
** Conventions
**  - Byte offsets are 1-based and inclusive (start..stop), as string.sub.
**  - Functions that allocate return WN_OK or a negative WN_E* code and leave
**    their output valid (possibly partly filled) so it can always be freed.
**  - No global mutable state: every table is const or lives in a caller-owned
**    struct.
*/
#ifndef WIRENEWS_H
#define WIRENEWS_H

#include <stddef.h>
#include <stdint.h>

#define WN_VERSION "0.1.0"

/* Result codes */
#define WN_OK        0
#define WN_ENOMEM   (-1)
#define WN_ETOOBIG  (-2)   /* input over WN_MAX_INPUT bytes */
#define WN_EINVAL   (-3)

/* Offsets are stored in 32 bits to keep a token at 16 bytes. */
#define WN_MAX_INPUT ((size_t)UINT32_MAX - 1)

const char *wn_strerror(int code);

/* array.c: makes room for need (>= 1) items of elem bytes in the array v
** of capacity *cap, doubling from 16.  Returns the (maybe moved) array and
** updates *cap, or returns NULL, leaving v and *cap as they were, when
** memory or size_t runs out. */
void *wn_grow(void *v, size_t *cap, size_t need, size_t elem);

/* ------------------------------------------------------------------ utf8.c */

/* Character classes of code points, as the tokenizer sees them. */
enum wn_cpclass {
  WN_CP_SPACE = 0,   /* white space, including no-break spaces */
  WN_CP_LETTER,      /* letters of any script */
  WN_CP_MARK,        /* combining marks: stay inside the word they follow */
  WN_CP_DIGIT,       /* decimal digits (ASCII and Arabic-Indic) */
  WN_CP_PUNCT,       /* punctuation: quotes, dashes, brackets, stops */
  WN_CP_SYMBOL,      /* currency, math, other symbols */
  WN_CP_CONTROL,     /* control and format characters (NUL, DEL, C1, ZW*) */
  WN_CP_INVALID      /* a byte that is not part of valid UTF-8 */
};

/*
** Decode one code point at s[0..len-1].  Returns the number of bytes used
** (1..4) and stores the code point in *cp; on an invalid, overlong,
** surrogate or truncated sequence returns 1 and stores -1 (so the caller
** steps over exactly one bad byte).  len must be >= 1.
*/
int wn_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);
int wn_cp_class(int32_t cp);
/* wn_cp_class for ASCII, as a table for the hot loops. */
extern const unsigned char wn_ascii_class[128];
int wn_cp_isupper(int32_t cp);
int wn_cp_islower(int32_t cp);
/* Simple case folding (ASCII, Latin-1, Latin Extended-A/B, Greek,
** Cyrillic); apostrophe-like characters fold to U+0027. */
int32_t wn_cp_fold(int32_t cp);
/* Encode cp as UTF-8 into out (4 bytes room); returns bytes written. */
int wn_utf8_encode(int32_t cp, char *out);

/* FNV-1a over the case-folded form: equal for "Kfar", "KFAR", "kfar". */
uint32_t wn_hash_folded(const char *s, size_t len);

/* ----------------------------------------------------------------- token.c */

enum wn_tokclass {
  WN_TK_WORD = 1,
  WN_TK_NUMBER,
  WN_TK_PUNCT,
  WN_TK_SYMBOL,
  WN_TK_INVALID
};

/* Token flags. */
#define WN_F_CAP        0x0001u  /* first letter upper case */
#define WN_F_ALLCAPS    0x0002u  /* has an upper-case letter and no lower */
#define WN_F_DIGIT      0x0004u  /* contains a digit */
#define WN_F_HYPHEN     0x0008u  /* contains a word-internal hyphen */
#define WN_F_APOS       0x0010u  /* contains an apostrophe */
#define WN_F_LINE       0x0020u  /* first token on its line */
#define WN_F_PARA       0x0040u  /* first token of a paragraph (blank line
                                    before it, or first in the text) */
#define WN_F_DOTTED     0x0080u  /* dotted abbreviation, "U.S.", "a.m." */
#define WN_F_NONASCII   0x0100u  /* has bytes >= 0x80 */
#define WN_F_CLITIC     0x0200u  /* possessive clitic "'s" split off */
#define WN_F_URL        0x0400u  /* URL or e-mail address */
#define WN_F_SPACE      0x0800u  /* white space right before the token */
#define WN_F_ALPHA      0x1000u  /* contains a letter */
#define WN_F_CONTROL    0x2000u  /* a control or format character */

typedef struct wn_token {
  uint32_t start;   /* 1-based, inclusive */
  uint32_t stop;    /* 1-based, inclusive */
  uint32_t hash;    /* wn_hash_folded of the token text */
  uint8_t  cls;     /* enum wn_tokclass */
  uint8_t  reserved;
  uint16_t flags;   /* WN_F_* */
} wn_token;

typedef struct wn_tokens {
  wn_token *v;
  size_t n, cap;
  size_t invalid_bytes;   /* bytes that were not valid UTF-8 */
} wn_tokens;

void wn_tokens_init(wn_tokens *t);
void wn_tokens_free(wn_tokens *t);
/* Tokenize s[0..len-1], replacing any previous content of t. */
int wn_tokenize(wn_tokens *t, const char *s, size_t len);
const char *wn_tokclass_name(int cls);

/* ---------------------------------------------------------------- lexset.c */

/*
** A set of folded-form hashes with a small integer payload each: lexicons
** supplied from Lua (abbreviations, trigger words) become one of these so
** the C passes can test a token with one probe.
*/
typedef struct wn_lexset {
  uint32_t *keys;    /* 0 marks an empty slot; hash 0 is stored as 1 */
  int32_t  *vals;
  size_t n, cap;     /* cap is a power of two */
} wn_lexset;

void wn_lexset_init(wn_lexset *s);
void wn_lexset_free(wn_lexset *s);
int  wn_lexset_put(wn_lexset *s, uint32_t hash, int32_t val);
/* Returns 1 and stores the payload in *val when present, else 0. */
int  wn_lexset_get(const wn_lexset *s, uint32_t hash, int32_t *val);

/* ------------------------------------------------------------------ spans */

typedef struct wn_span { uint32_t start, stop; } wn_span;

typedef struct wn_spans {
  wn_span *v;
  size_t n, cap;
} wn_spans;

void wn_spans_init(wn_spans *s);
void wn_spans_free(wn_spans *s);
int  wn_spans_push(wn_spans *s, uint32_t start, uint32_t stop);

/* ------------------------------------------------- normalize.c, gazetteer.c */

/*
** Gazetteer matching works on normalised words ("keys").  A word is a
** token, or a part of a hyphenated token ("Al-Hafa" is "Al" + "Hafa"), so
** hyphen and space are equivalent.  normalize.c turns one word into its key:
**   1. case folding; diacritics removed (ā -> a, ḥ -> h, ş -> s); marks
**      dropped (ʿ ʾ ' ’ ` and the stops of "U.N.");
**   2. in words of four bytes or more, a doubled ASCII consonant written
**      once ("Assad" -> "asad"; "USS" stays "uss");
**   3. the variant rules, applied in one left-to-right pass, longest rule
**      first at each position; "^" and "$" anchor a rule to the start or
**      end of the word ("ou" -> "u", "iyeh$" -> "iya", "^kafr$" -> "kfar").
** Words in the article list (al, el, ad, as, ash ...) are marked: they are
** optional in names, so "Al-Hafa", "Al Hafa" and "Hafa" have the same key.
** The rules and the article list come from the caller (the Lua table in
** lua/wirenews/data/variants.lua); nothing is built in except steps 1-2.
*/
#define WN_KEY_MAX 96            /* bytes of one key; longer words have none */

/* What wn_norm_word learnt about a word besides its key. */
#define WN_W_CAP      0x01u      /* first letter upper case */
#define WN_W_UPPER    0x02u      /* every letter upper case */
#define WN_W_ARTICLE  0x04u      /* an article when joined by a hyphen */
#define WN_W_SOLO     0x08u      /* an article even as a word of its own */

typedef struct wn_keyrule {
  char *from, *to;
  uint8_t flen, tlen;
  uint8_t anchor;                /* 1 = at start, 2 = at end, 3 = whole */
} wn_keyrule;

typedef struct wn_normalizer {
  wn_keyrule *rules;             /* sorted by first byte, longest first */
  size_t nrules, cap;
  uint16_t first[257];           /* rules[first[c] .. first[c+1]) start with c */
  char articles[32][8];          /* folded article words */
  uint8_t article_solo[32];
  size_t narticles;
  size_t article_max;            /* length of the longest article */
} wn_normalizer;

void wn_norm_init(wn_normalizer *nz);
void wn_norm_free(wn_normalizer *nz);
/* Adds a rule; from may start with "^" and end with "$".  WN_EINVAL when
** from is empty or either side is longer than 32 bytes. */
int wn_norm_add_rule(wn_normalizer *nz, const char *from, const char *to);
/* Adds an article ("al"); solo: also an article as a separate word. */
int wn_norm_add_article(wn_normalizer *nz, const char *word, int solo);
/*
** Key of the word s[0..len-1] into out (WN_KEY_MAX bytes): returns its
** length, 0 when the word has no letter or digit or is too long.  *info
** gets WN_W_* bits.
*/
size_t wn_norm_word(const wn_normalizer *nz, const char *s, size_t len,
                    char *out, unsigned *info);

/* Case policies of a name. */
enum wn_case {
  WN_CASE_NAME = 0,   /* capitals of the name are required in the text:
                         "Homs" needs "Homs"/"HOMS", "UN" needs "UN" */
  WN_CASE_ANY         /* case ignored: "rebels", "regime forces" */
};

/* Fields of a record; NULL (or "") means absent, NaN lat/lon too. */
typedef struct wn_gz_fields {
  const char *id, *canonical, *kind, *country, *admin, *klass;
  double lat, lon;
} wn_gz_fields;

/* A record as stored: string fields are offsets into the string arena
** (0 is the empty string); see wn_gz_str. */
typedef struct wn_gz_record {
  uint32_t id, canonical, kind, country, admin, klass;
  double lat, lon;
} wn_gz_record;

typedef struct wn_gazetteer wn_gazetteer;

/* A new, empty gazetteer; NULL when out of memory. */
wn_gazetteer *wn_gz_new(void);
void wn_gz_free(wn_gazetteer *gz);
/* The normaliser; change its rules only before the first name is added. */
wn_normalizer *wn_gz_normalizer(wn_gazetteer *gz);
/* Makes word a spelling of word b: after this, the key of a is the key
** of b.  Only before names are added (WN_EINVAL after). */
int wn_gz_add_equiv(wn_gazetteer *gz, const char *a, size_t alen,
                    const char *b, size_t blen);
/* Adds a record; its index is stored in *rec. */
int wn_gz_add_record(wn_gazetteer *gz, const wn_gz_fields *f, uint32_t *rec);
/*
** Adds a name of record rec.  tag is the caller's (e.g. primary name,
** alias, surname; -32768..32767) and comes back with every match; among
** names with the
** same key sequence, higher priority comes first, then earlier added.
** WN_EINVAL when the name has no word with a key or over 32 words.
*/
int wn_gz_add_name(wn_gazetteer *gz, uint32_t rec, const char *name,
                   size_t len, int casepolicy, int tag, int priority);
size_t wn_gz_nrecords(const wn_gazetteer *gz);
size_t wn_gz_nnames(const wn_gazetteer *gz);
const wn_gz_record *wn_gz_record_at(const wn_gazetteer *gz, uint32_t rec);
const char *wn_gz_str(const wn_gazetteer *gz, uint32_t off);
/* Bytes of memory held by the gazetteer. */
size_t wn_gz_memory(const wn_gazetteer *gz);

/* Where a TSV load failed: 1-based line and the reason. */
typedef struct wn_gz_error {
  size_t line;
  char msg[160];
} wn_gz_error;

/*
** Loads TSV text: one record per line, columns id, name, kind, canonical,
** country, admin, lat, lon, aliases ("|"-separated), class, case ("name"
** or "any"), priority; the first three are required, trailing ones may be
** left out.  Blank lines and lines starting with "#" are skipped.  Every
** line is checked before anything is added, so on WN_EINVAL (err says
** where and why) the gazetteer is unchanged.
*/
int wn_gz_load_tsv(wn_gazetteer *gz, const char *buf, size_t len,
                   wn_gz_error *err);

typedef struct wn_gz_match {
  uint32_t start, stop;          /* bytes, 1-based inclusive */
  uint32_t first, last;          /* token indices, 1-based */
  uint32_t name, record;         /* 0-based */
  int32_t tag;
} wn_gz_match;

/*
** Matches of one call.  The work space (units, and a cache of the keys of
** frequent words) is kept for the next call; the cache is tied to the
** gazetteer last used and its size, and is cleared when either changes.
*/
typedef struct wn_gz_matches {
  wn_gz_match *v;
  size_t n, cap;
  void *scratch;                 /* per-call work space, kept for reuse */
  size_t scratch_cap;
  void *cache;                   /* word -> key cache */
  const void *cache_owner;
  size_t cache_keys;
} wn_gz_matches;

#define WN_GZ_LONGEST 0          /* longest-leftmost, non-overlapping */
#define WN_GZ_ALL     1          /* every name at every position */

void wn_gz_matches_init(wn_gz_matches *m);
void wn_gz_matches_free(wn_gz_matches *m);
/* Matches over the tokens toks of text (tokenized by wn_tokenize). */
int wn_gz_find(const wn_gazetteer *gz, const char *text,
                const wn_tokens *toks, int mode, wn_gz_matches *out);

/* -------------------------------------------------------------- sentence.c */

/*
** Sentence boundaries from a token array.  Abbreviations and word roles
** come from the caller (the Lua rule pack) as lexicons of folded
** forms, so users extend them without recompiling.  Payloads of the
** abbreviation lexicon say how the abbreviation behaves before a period:
*/
enum wn_abbrev_kind {
  WN_ABBR_PLAIN = 1,    /* ends a sentence only before a starter ("Co.") */
  WN_ABBR_TITLE = 2,    /* comes before a name, never ends one ("Mr.") */
  WN_ABBR_NUMERIC = 3,  /* an abbreviation only before a number ("No. 5") */
  WN_ABBR_TIME = 4      /* clock time ("p.m."): like PLAIN, and ends a
                           clause before a title ("6 p.m. Mr. Smith") */
};
/* Or-ed into a kind: the entry only counts when the word is capitalised,
** so "Ill." and "Mass." (states) leave "was ill." and "mass." alone. */
#define WN_ABBR_CAPITAL 0x100

/* Roles in the word lexicon (payload bits). */
#define WN_WORD_STARTER 1   /* capitalised, usually opens a sentence: "The",
                               "How" (tells "the U.S. How" from "U.S. Army") */
#define WN_WORD_JOINER  2   /* lower case, cannot end a line that stands
                               alone: "the", "of", "said" (a wrapped line) */

typedef struct wn_sbd_opts {
  const wn_lexset *abbrevs;   /* may be NULL: no abbreviations known */
  const wn_lexset *words;     /* WN_WORD_* roles of common words */
  int pdf;                    /* a line break before a lower-case word is
                                 layout, never a boundary */
  unsigned min_wrap;          /* hard-wrapped text is assumed at least this
                                 wide (columns); 0 means 60 */
} wn_sbd_opts;

void wn_sbd_opts_init(wn_sbd_opts *o);
/*
** Sentence spans of s[0..len-1] tokenized as t, appended to out: 1-based
** inclusive, from the first to the last token of each sentence, ordered,
** each token in exactly one sentence.  Returns WN_OK or WN_ENOMEM.
*/
int wn_sentences(wn_spans *out, const char *s, size_t len,
                 const wn_tokens *t, const wn_sbd_opts *o);

/* -------------------------------------------------------------- document.c */

/*
** Paragraph fingerprints for duplicate detection.  Words are maximal runs
** of bytes that are neither ASCII space nor ASCII punctuation, compared
** ASCII-case-insensitively.
*/
#define WN_FP_MAX_K 8

typedef struct wn_fingerprint_t {
  uint64_t key;          /* hash of the word sequence: equal for exact repeats */
  uint32_t figures;      /* hash of the digit runs, in order */
  size_t words;          /* words in the paragraph */
  size_t alpha_words;    /* words of two or more ASCII letters only */
  size_t shingles;       /* distinct shingle hashes written to out */
} wn_fingerprint_t;

/*
** Fingerprint of s[0..len-1]: fills *fp and writes the distinct hashes of
** its first max k-word shingles, sorted, to out (room for max entries).
** Returns WN_OK, or WN_EINVAL when k is not in 1..WN_FP_MAX_K.
*/
int wn_fingerprint(const char *s, size_t len, int k, uint32_t *out,
                   size_t max, wn_fingerprint_t *fp);

/*
** Words of s[0..len-1] as the cleaning rules count them: the matches of
** the Lua pattern "%w[%w'%-]*" in the C locale (an ASCII letter or digit,
** then letters, digits, apostrophes and hyphens).
*/
size_t wn_count_words(const char *s, size_t len);

/*
** The next such word at or after *pos: returns its length (0 when there
** is none) and its offset in *start, and moves *pos past it.
*/
size_t wn_next_word(const char *s, size_t len, size_t *pos, size_t *start);

/*
** The text the cleaning rules' patterns read: s[0..len-1] ASCII-lower-cased
** with each run of ASCII white space (" \t\n\v\f\r") written as one
** space, as s:lower():gsub("%s+", " ") in Lua's C locale.  Writes at most
** len bytes to out and returns how many.
*/
size_t wn_fold_space_lower(const char *s, size_t len, char *out);

/*
** Duplicate paragraphs of one document.  check() takes the paragraphs in
** order: a paragraph of at least min_words_exact words whose word sequence
** was seen is an exact repeat; one of at least min_words_near alphabetic
** words whose shingle set has Jaccard similarity >= threshold with a kept
** paragraph with the same figures is a near repeat (the most similar, the
** earliest on ties).  Each shingle remembers at most max_postings
** paragraphs (two at least).  Paragraphs that are not repeats are kept.
*/
typedef struct wn_dedup_cfg {
  int shingle;                 /* words per shingle, 1..WN_FP_MAX_K */
  size_t max_shingles;         /* shingles kept per paragraph, <= 1024 */
  size_t max_postings;
  size_t min_words_exact, min_words_near;
  double threshold;
} wn_dedup_cfg;

enum wn_dupkind { WN_DUP_NONE, WN_DUP_EXACT, WN_DUP_NEAR };

typedef struct wn_dedup {
  wn_dedup_cfg cfg;
  uint64_t *ekeys; uint32_t *eids; unsigned char *eused; size_t ecap, en;
  uint32_t *pkeys, *phead, *pcount; size_t pcap, pn;   /* shingle postings */
  uint32_t *nid, *nnext; size_t ncap, nn;              /* posting nodes */
  uint32_t *sizes, *figures, *shared; size_t idcap;    /* by paragraph id */
  uint32_t *touched, *out;                             /* scratch */
} wn_dedup;

/* Returns WN_OK, WN_EINVAL (bad configuration) or WN_ENOMEM. */
int  wn_dedup_init(wn_dedup *d, const wn_dedup_cfg *cfg);
void wn_dedup_free(wn_dedup *d);          /* idempotent */
/*
** Checks paragraph id (>= 1, increasing) of text s[0..len-1]: *kind is a
** wn_dupkind, *of the id repeated and *sim the similarity (1 for exact).
** Returns WN_OK, WN_EINVAL or WN_ENOMEM.
*/
int  wn_dedup_check(wn_dedup *d, uint32_t id, const char *s, size_t len,
                    int *kind, uint32_t *of, double *sim);

/*
** An exact set of lower-case ASCII words (the run-together word list):
** built from every maximal run of "a".."z" in a list.
*/
typedef struct wn_wordset {
  char *chars;                 /* the distinct words, back to back */
  uint32_t *off, *len;         /* slot -> word (len 0: empty slot) */
  size_t cap, n, used;         /* slots, words, bytes of chars */
} wn_wordset;

/* Returns WN_OK, WN_ENOMEM or WN_ETOOBIG (list over WN_MAX_INPUT). */
int  wn_wordset_build(wn_wordset *ws, const char *list, size_t len);
void wn_wordset_free(wn_wordset *ws);    /* idempotent */
int  wn_wordset_has(const wn_wordset *ws, const char *w, size_t n);
/*
** Appends to out (1-based inclusive spans) every word of s[0..len-1] that
** is a maximal run of ASCII letters, all lower-case, at least min_len long
** and not in ws: the candidates of run-together words.
*/
int  wn_unknown_words(const wn_wordset *ws, const char *s, size_t len,
                      size_t min_len, wn_spans *out);

/* How a document marks its paragraphs (see wn_paragraphs). */
enum wn_parmode { WN_PAR_LINE, WN_PAR_INDENT, WN_PAR_BLANK };

/*
** Paragraph spans of s[0..len-1] (1-based inclusive, trimmed of ASCII
** white space), appended to out, and the mode in *mode: WN_PAR_INDENT
** (Reuters: an indented line opens a paragraph, wrapped lines continue
** it) when some but not all non-blank lines after the first are indented;
** else WN_PAR_BLANK (blank-line separated blocks) when there are blank
** lines and at least half the non-blank lines end without closing
** punctuation; else WN_PAR_LINE (one paragraph per line).  Lines end at
** "\n", "\r\n" or "\r"; a line of spaces, tabs, form and vertical
** feeds only is blank.  Returns WN_OK, WN_ENOMEM or WN_ETOOBIG.
*/
int wn_paragraphs(const char *s, size_t len, wn_spans *out, int *mode);
/* ---------------------------------------------------------------- number.c */

/*
** Numeric expressions over a token array.  Every number found gets a kind;
** the count grammar (lua/wirenews/counts.lua) decides which are counts.
*/
enum wn_numkind {
  WN_NK_CARDINAL = 1,  /* "13,500", "three million", "2.4bn", "a pair" */
  WN_NK_VAGUE,         /* "dozens", "tens of thousands", "a few": value is
                          the coding-policy figure */
  WN_NK_ORDINAL,       /* "fifth", "21st", "twenty-fifth" */
  WN_NK_FRACTION,      /* "half", "a third", "two thirds", "1/5" */
  WN_NK_YEAR,          /* "in 2011", "1987", "the 1990s" */
  WN_NK_DATE,          /* day of the month: "May 25", "8 Feb", "12/05/2012" */
  WN_NK_TIME,          /* clock time, value hhmm: "10:30", "3 pm", "0900 GMT" */
  WN_NK_DURATION,      /* a number before a time unit: "15 months" */
  WN_NK_ATTRIBUTIVE,   /* compound modifier: "11-year", "six-country" */
  WN_NK_POSITION,      /* photo position: "(2nd-R)" */
  WN_NK_MEASURE        /* a number with a unit: "5 km", "155mm" */
};

/* Number flags. */
#define WN_NF_MONEY     0x0001u  /* "$5", "5 mln dlrs", "20 euros" */
#define WN_NF_PERCENT   0x0002u  /* "5%", "5 pct", "5 per cent" */
#define WN_NF_NEGATIVE  0x0004u  /* "-504", "minus 1,200,000" */
#define WN_NF_RANGE     0x0008u  /* "10-15": high is the upper end */
#define WN_NF_WORDS     0x0010u  /* spelled out, at least in part */
#define WN_NF_INEXACT   0x0020u  /* more digits than a double holds exactly */
#define WN_NF_OVERFLOW  0x0040u  /* too large for a double: value is HUGE_VAL */
#define WN_NF_LIST      0x0080u  /* an item of a badly grouped "1,2,3,4" */
#define WN_NF_GLOSS     0x0100u  /* "forty-five (45)": both forms, one number */
#define WN_NF_DECADE    0x0200u  /* "the 1990s" */
#define WN_NF_OF        0x0400u  /* a quantity noun with its "of": "dozens of" */
#define WN_NF_SUFFIX    0x0800u  /* scale suffix: "2.4bn", "400K" */
#define WN_NF_LEADZERO  0x1000u  /* "0033" */

typedef struct wn_number {
  uint32_t start, stop;   /* bytes, 1-based inclusive */
  uint32_t first, last;   /* token indices, 0-based inclusive */
  double value;           /* the number; the low end of a range */
  double high;            /* upper end of a range, else equal to value */
  uint8_t kind;           /* enum wn_numkind */
  uint8_t reserved;
  uint16_t flags;         /* WN_NF_* */
} wn_number;

typedef struct wn_numbers {
  wn_number *v;
  size_t n, cap;
} wn_numbers;

struct wn_numword;

/*
** Parser configuration: number words in a hash set (built once) and the
** vague-quantity coding policy.  Owned by the caller; no global state.
*/
typedef struct wn_numparser {
  wn_lexset words;            /* folded hash -> index into entries */
  struct wn_numword *entries;
  size_t n, cap;
} wn_numparser;

int  wn_numparser_init(wn_numparser *p);
void wn_numparser_free(wn_numparser *p);
/* Sets the figure of a vague word ("dozens" = 12), adding the word when
** it is new (then it reads as "several" does).  WN_EINVAL when the word is
** a number word that is not vague ("three"). */
int  wn_numparser_set_vague(wn_numparser *p, const char *w, size_t len,
                            double figure);
/* Figure of a vague word: 1 and *figure, or 0 when it is not vague. */
int  wn_numparser_get_vague(const wn_numparser *p, const char *w, size_t len,
                            double *figure);

void wn_numbers_init(wn_numbers *n);
void wn_numbers_free(wn_numbers *n);
/* Numbers of the tokens t of text s[0..len-1], replacing out's content. */
int  wn_numbers_parse(const wn_numparser *p, const wn_tokens *t,
                      const char *s, size_t len, wn_numbers *out);
const char *wn_numkind_name(int kind);

#endif
