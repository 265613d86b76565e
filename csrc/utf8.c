/*
** utf8.c: UTF-8 decoding, character classes, case folding and the
** folded-form hash shared by every lexicon lookup.
*/
#include "wirenews.h"

int wn_utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
  unsigned c = s[0];
  int need;
  int32_t v, min;
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c < 0xC2) goto bad;                 /* continuation or overlong lead */
  if (c < 0xE0) { need = 1; v = c & 0x1F; min = 0x80; }
  else if (c < 0xF0) { need = 2; v = c & 0x0F; min = 0x800; }
  else if (c < 0xF5) { need = 3; v = c & 0x07; min = 0x10000; }
  else goto bad;
  if ((size_t)need >= len) goto bad;      /* truncated */
  for (int i = 1; i <= need; i++) {
    unsigned d = s[i];
    if ((d & 0xC0) != 0x80) goto bad;
    v = (v << 6) | (int32_t)(d & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) goto bad;
  *cp = v;
  return need + 1;
bad:
  *cp = -1;
  return 1;
}

int wn_utf8_encode(int32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Classes of ASCII, indexed by byte. */
const unsigned char wn_ascii_class[128] = {
  /* 0x00 */ 6,6,6,6,6,6,6,6,6,0,0,0,0,0,6,6,
  /* 0x10 */ 6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,6,
  /* 0x20 */ 0,4,4,5,5,5,5,4,4,4,5,5,4,4,4,4,   /* !"#$%&'()*+,-./ */
  /* 0x30 */ 3,3,3,3,3,3,3,3,3,3,4,4,5,5,5,4,   /* 0-9 :;<=>? */
  /* 0x40 */ 5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,   /* @ A-O */
  /* 0x50 */ 1,1,1,1,1,1,1,1,1,1,1,4,4,4,5,4,   /* P-Z [\]^_ */
  /* 0x60 */ 5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,   /* ` a-o */
  /* 0x70 */ 1,1,1,1,1,1,1,1,1,1,1,4,5,4,5,6    /* p-z {|}~ DEL */
};

/* Non-ASCII ranges that are not letters; everything else above 0x7F that
** decodes is taken as a letter, which is right for the scripts wire copy
** carries (Latin, Arabic, Cyrillic, Greek, Hebrew, CJK). */
typedef struct { int32_t lo, hi; unsigned char cls; } cprange;

static const cprange ranges[] = {
  {0x0080, 0x009F, WN_CP_CONTROL},
  {0x00A0, 0x00A0, WN_CP_SPACE},
  {0x00A1, 0x00A1, WN_CP_PUNCT},   /* inverted exclamation */
  {0x00A2, 0x00A9, WN_CP_SYMBOL},  /* cents, pound, currency, yen, |, §, ¨, © */
  {0x00AA, 0x00AA, WN_CP_LETTER},  /* ª */
  {0x00AB, 0x00AB, WN_CP_PUNCT},   /* « */
  {0x00AC, 0x00AC, WN_CP_SYMBOL},
  {0x00AD, 0x00AD, WN_CP_CONTROL}, /* soft hyphen */
  {0x00AE, 0x00B4, WN_CP_SYMBOL},  /* ® ¯ ° ± ² ³ ´ */
  {0x00B5, 0x00B5, WN_CP_LETTER},  /* µ */
  {0x00B6, 0x00B7, WN_CP_PUNCT},   /* ¶ · */
  {0x00B8, 0x00B9, WN_CP_SYMBOL},
  {0x00BA, 0x00BA, WN_CP_LETTER},  /* º */
  {0x00BB, 0x00BB, WN_CP_PUNCT},   /* » */
  {0x00BC, 0x00BE, WN_CP_SYMBOL},  /* fractions */
  {0x00BF, 0x00BF, WN_CP_PUNCT},
  {0x00D7, 0x00D7, WN_CP_SYMBOL},  /* × */
  {0x00F7, 0x00F7, WN_CP_SYMBOL},  /* ÷ */
  {0x02C2, 0x02C5, WN_CP_SYMBOL},
  {0x02D2, 0x02DF, WN_CP_SYMBOL},
  {0x0300, 0x036F, WN_CP_MARK},
  {0x037E, 0x037E, WN_CP_PUNCT},
  {0x0483, 0x0489, WN_CP_MARK},
  {0x055A, 0x055F, WN_CP_PUNCT},
  {0x0589, 0x058A, WN_CP_PUNCT},
  {0x0591, 0x05BD, WN_CP_MARK},
  {0x05BE, 0x05BE, WN_CP_PUNCT},
  {0x05C0, 0x05C0, WN_CP_PUNCT},
  {0x05C3, 0x05C3, WN_CP_PUNCT},
  {0x0600, 0x0605, WN_CP_CONTROL},
  {0x0609, 0x060D, WN_CP_PUNCT},   /* Arabic comma and friends */
  {0x0610, 0x061A, WN_CP_MARK},
  {0x061B, 0x061F, WN_CP_PUNCT},   /* Arabic semicolon, question mark */
  {0x064B, 0x065F, WN_CP_MARK},    /* harakat */
  {0x0660, 0x0669, WN_CP_DIGIT},   /* Arabic-Indic digits */
  {0x066A, 0x066D, WN_CP_PUNCT},
  {0x0670, 0x0670, WN_CP_MARK},
  {0x06D4, 0x06D4, WN_CP_PUNCT},
  {0x06D6, 0x06ED, WN_CP_MARK},
  {0x06F0, 0x06F9, WN_CP_DIGIT},   /* Extended Arabic-Indic digits */
  {0x0964, 0x0965, WN_CP_PUNCT},
  {0x0966, 0x096F, WN_CP_DIGIT},
  {0x1680, 0x1680, WN_CP_SPACE},
  {0x1AB0, 0x1AFF, WN_CP_MARK},
  {0x1DC0, 0x1DFF, WN_CP_MARK},
  {0x2000, 0x200A, WN_CP_SPACE},
  {0x200B, 0x200F, WN_CP_CONTROL}, /* zero-width space, joiners, marks */
  {0x2010, 0x2027, WN_CP_PUNCT},   /* dashes, quotes, bullets, ellipsis */
  {0x2028, 0x2029, WN_CP_SPACE},   /* line and paragraph separators */
  {0x202A, 0x202E, WN_CP_CONTROL},
  {0x202F, 0x202F, WN_CP_SPACE},
  {0x2030, 0x205E, WN_CP_PUNCT},
  {0x205F, 0x205F, WN_CP_SPACE},
  {0x2060, 0x206F, WN_CP_CONTROL},
  {0x2070, 0x209F, WN_CP_SYMBOL},  /* super- and subscripts */
  {0x20A0, 0x20CF, WN_CP_SYMBOL},  /* currency */
  {0x20D0, 0x20FF, WN_CP_MARK},
  {0x2100, 0x214F, WN_CP_SYMBOL},  /* letterlike: №, ℃, ™ */
  {0x2150, 0x218F, WN_CP_SYMBOL},  /* number forms */
  {0x2190, 0x2BFF, WN_CP_SYMBOL},  /* arrows, math, boxes, shapes */
  {0x2E00, 0x2E7F, WN_CP_PUNCT},
  {0x3000, 0x3000, WN_CP_SPACE},
  {0x3001, 0x3003, WN_CP_PUNCT},
  {0x3008, 0x3011, WN_CP_PUNCT},
  {0x3014, 0x301F, WN_CP_PUNCT},
  {0xFD3E, 0xFD3F, WN_CP_PUNCT},
  {0xFE00, 0xFE0F, WN_CP_MARK},    /* variation selectors */
  {0xFE10, 0xFE19, WN_CP_PUNCT},
  {0xFE20, 0xFE2F, WN_CP_MARK},
  {0xFE30, 0xFE6F, WN_CP_PUNCT},
  {0xFEFF, 0xFEFF, WN_CP_CONTROL}, /* byte order mark */
  {0xFF01, 0xFF0F, WN_CP_PUNCT},
  {0xFF10, 0xFF19, WN_CP_DIGIT},
  {0xFF1A, 0xFF20, WN_CP_PUNCT},
  {0xFF3B, 0xFF40, WN_CP_PUNCT},
  {0xFF5B, 0xFF65, WN_CP_PUNCT},
  {0xFFF0, 0xFFFF, WN_CP_SYMBOL},
  {0x1F000, 0x1FAFF, WN_CP_SYMBOL},/* emoji and pictographs */
  {0xE0000, 0xE007F, WN_CP_CONTROL},
  {0xE0100, 0xE01EF, WN_CP_MARK},
  {0xF0000, 0x10FFFF, WN_CP_SYMBOL}/* private use */
};

int wn_cp_class(int32_t cp) {
  size_t lo = 0, hi = sizeof(ranges) / sizeof(ranges[0]);
  if (cp < 0) return WN_CP_INVALID;
  if (cp < 0x80) return wn_ascii_class[cp];
  while (lo < hi) {                       /* binary search over the ranges */
    size_t mid = (lo + hi) / 2;
    if (cp < ranges[mid].lo) hi = mid;
    else if (cp > ranges[mid].hi) lo = mid + 1;
    else return ranges[mid].cls;
  }
  return WN_CP_LETTER;
}

/* Latin Extended-A pairs upper/lower as even/odd, except for a few runs
** that are odd/even; this tells which. */
static int latin_ext_a_upper(int32_t cp) {
  if (cp == 0x0130 || cp == 0x0178) return 1;          /* İ, Ÿ */
  if (cp == 0x0131 || cp == 0x0138 || cp == 0x0149 || cp == 0x017F) return 0;
  if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E))
    return cp & 1;
  return !(cp & 1);
}

int wn_cp_isupper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return latin_ext_a_upper(cp);
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;
  if (cp >= 0x400 && cp <= 0x42F) return 1;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return !(cp & 1);
  return 0;
}

int wn_cp_islower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !latin_ext_a_upper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return 1;
  if (cp >= 0x430 && cp <= 0x45F) return 1;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp & 1;
  return 0;
}

int32_t wn_cp_fold(int32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032: return '\'';
    case 0x0130: return 'i';
    case 0x0178: return 0xFF;
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && latin_ext_a_upper(cp)) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0x1E00 && cp <= 0x1EFF && !(cp & 1)) return cp + 1;
  return cp;
}

#define FNV_OFFSET 2166136261u
#define FNV_PRIME  16777619u

uint32_t wn_hash_folded(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  uint32_t h = FNV_OFFSET;
  size_t i = 0;
  while (i < len) {
    unsigned c = p[i];
    if (c < 0x80) {                        /* fast path: ASCII */
      if (c >= 'A' && c <= 'Z') c += 32;
      h = (h ^ c) * FNV_PRIME;
      i++;
    } else {
      int32_t cp;
      int n = wn_utf8_decode(p + i, len - i, &cp);
      if (cp < 0) {                        /* hash invalid bytes as they are */
        h = (h ^ c) * FNV_PRIME;
      } else {
        char buf[4];
        int m = wn_utf8_encode(wn_cp_fold(cp), buf);
        for (int k = 0; k < m; k++)
          h = (h ^ (unsigned char)buf[k]) * FNV_PRIME;
      }
      i += (size_t)n;
    }
  }
  return h;
}

const char *wn_strerror(int code) {
  switch (code) {
    case WN_OK: return "ok";
    case WN_ENOMEM: return "not enough memory";
    case WN_ETOOBIG: return "input too large (over 4 GB)";
    case WN_EINVAL: return "invalid argument";
    default: return "unknown error";
  }
}
