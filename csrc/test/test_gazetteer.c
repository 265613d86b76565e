/*
** test_gazetteer.c: the normaliser and the gazetteer matcher without Lua.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


/* A few rules of lua/wirenews/data/variants.lua. */
static const char *const rules[][2] = {
  {"ou", "u"}, {"ee", "i"}, {"ei", "ay"}, {"ey", "ay"}, {"ai", "ay"},
  {"iyeh$", "iya"}, {"iyah$", "iya"}, {"ieh$", "iya"}, {"eh$", "a"},
  {"^kafr$", "kfar"},
};
static const char *const articles[] = {"al", "el", "ad", "as", "ash", "az", "ez"};

static void setup(wn_gazetteer *gz) {
  wn_normalizer *nz = wn_gz_normalizer(gz);
  size_t i;
  for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
    CHECK(wn_norm_add_rule(nz, rules[i][0], rules[i][1]) == WN_OK);
  for (i = 0; i < sizeof articles / sizeof articles[0]; i++)
    CHECK(wn_norm_add_article(nz, articles[i], i < 2) == WN_OK);
  CHECK(wn_gz_add_equiv(gz, "Khalidiyeh", 10, "Khaldiyeh", 9) == WN_OK);
  CHECK(wn_gz_add_equiv(gz, "Zour", 4, "Zor", 3) == WN_OK);
  CHECK(wn_gz_add_equiv(gz, "Ezzor", 5, "Zor", 3) == WN_OK);
}

/* Key of a word as a C string. */
static const char *key(wn_gazetteer *gz, const char *w) {
  static char bufs[2][WN_KEY_MAX + 1];
  static int which = 0;
  char *buf = bufs[which ^= 1];
  unsigned info;
  size_t n = wn_norm_word(wn_gz_normalizer(gz), w, strlen(w), buf, &info);
  buf[n] = '\0';
  return buf;
}

static void test_keys(wn_gazetteer *gz) {
  CHECK(strcmp(key(gz, "Homs"), "homs") == 0);
  CHECK(strcmp(key(gz, "Kafr"), key(gz, "Kfar")) == 0);
  CHECK(strcmp(key(gz, "Zaytā"), key(gz, "Zeyta")) == 0);          /* ā, ey */
  CHECK(strcmp(key(gz, "Zeytun"), key(gz, "Zaytoun")) == 0);
  CHECK(strcmp(key(gz, "Arba\xCA\xBF" "een"), key(gz, "Arba'een")) == 0);
  CHECK(strcmp(key(gz, "Latamneh"), key(gz, "Latamna")) == 0);
  CHECK(strcmp(key(gz, "Assad"), "asad") == 0);                    /* doubles */
  CHECK(strcmp(key(gz, "Khaldiyeh"), key(gz, "Khaldiyah")) == 0);
  CHECK(strcmp(key(gz, "ḤAMĀ"), "hama") == 0);
  CHECK(strcmp(key(gz, "U.N."), "un") == 0);
  /* anchors: "kafr" only as a whole word */
  CHECK(strcmp(key(gz, "Kafranbel"), "kafranbel") == 0);
  /* names that must stay apart */
  CHECK(strcmp(key(gz, "Homs"), key(gz, "Hama")) != 0);
  CHECK(strcmp(key(gz, "Hama"), key(gz, "Hamas")) != 0);
  CHECK(strcmp(key(gz, "Assad"), key(gz, "Assadi")) != 0);
  {
    unsigned info;
    char out[WN_KEY_MAX];
    wn_norm_word(wn_gz_normalizer(gz), "al", 2, out, &info);
    CHECK((info & WN_W_ARTICLE) && (info & WN_W_SOLO));
    wn_norm_word(wn_gz_normalizer(gz), "ash", 3, out, &info);
    CHECK((info & WN_W_ARTICLE) && !(info & WN_W_SOLO));
    wn_norm_word(wn_gz_normalizer(gz), "UN", 2, out, &info);
    CHECK((info & WN_W_CAP) && (info & WN_W_UPPER));
  }
}

static uint32_t add(wn_gazetteer *gz, const char *id, const char *kind,
                    const char *name, int policy) {
  wn_gz_fields f = {id, name, kind, "SY", NULL, NULL, NAN, NAN};
  uint32_t rec = 0;
  CHECK(wn_gz_add_record(gz, &f, &rec) == WN_OK);
  CHECK(wn_gz_add_name(gz, rec, name, strlen(name), policy, 0, 0) == WN_OK);
  return rec;
}

/* Matches of text as "id@start-stop" joined by spaces. */
static const char *find(const wn_gazetteer *gz, const char *text, int mode) {
  static char out[1024];
  wn_tokens t;
  wn_gz_matches m;
  size_t i, n = 0;
  wn_tokens_init(&t);
  wn_gz_matches_init(&m);
  out[0] = '\0';
  CHECK(wn_tokenize(&t, text, strlen(text)) == WN_OK);
  CHECK(wn_gz_find(gz, text, &t, mode, &m) == WN_OK);
  for (i = 0; i < m.n && n < sizeof out - 64; i++) {
    const wn_gz_record *r = wn_gz_record_at(gz, m.v[i].record);
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s@%u-%u", i ? " " : "",
                          wn_gz_str(gz, r->id), m.v[i].start, m.v[i].stop);
  }
  wn_gz_matches_free(&m);
  wn_tokens_free(&t);
  return out;
}

#define FINDS(gz, text, want) \
  CHECK_STR("matches", text, find(gz, text, WN_GZ_LONGEST), want)

static void test_matching(void) {
  wn_gazetteer *gz = wn_gz_new();
  uint32_t kz;
  CHECK(gz != NULL);
  if (gz == NULL) return;
  setup(gz);
  test_keys(gz);
  kz = add(gz, "kz", "place", "Kfar Zita", WN_CASE_NAME);
  CHECK(wn_gz_add_name(gz, kz, "Kafr Zita", 9, WN_CASE_NAME, 1, 0) == WN_OK);
  add(gz, "homs", "place", "Homs", WN_CASE_NAME);
  add(gz, "hama", "place", "Hama", WN_CASE_NAME);
  add(gz, "hama-gov", "place", "Hama province", WN_CASE_NAME);
  add(gz, "hamas", "org", "Hamas", WN_CASE_NAME);
  add(gz, "assad", "person", "Bashar al-Assad", WN_CASE_NAME);
  add(gz, "hafa", "place", "Al-Hafa", WN_CASE_NAME);
  add(gz, "khal", "place", "Khaldiyeh", WN_CASE_NAME);
  add(gz, "deir", "place", "Deir ez-Zor", WN_CASE_NAME);
  add(gz, "un", "org", "UN", WN_CASE_NAME);
  add(gz, "unsc", "org", "UN Security Council", WN_CASE_NAME);
  add(gz, "rebels", "actor", "rebels", WN_CASE_ANY);
  add(gz, "sohr", "org", "Syrian Observatory for Human Rights", WN_CASE_NAME);

  FINDS(gz, "Kfar Zita and Kafr Zita", "kz@1-9 kz@15-23");
  FINDS(gz, "KAFR ZITA", "kz@1-9");
  FINDS(gz, "in Hama province", "hama-gov@4-16");
  FINDS(gz, "Hama, Homs and Hamas", "hama@1-4 homs@7-10 hamas@16-20");
  FINDS(gz, "homs and hama", "");                      /* case policy */
  FINDS(gz, "Assadi said", "");
  FINDS(gz, "President Bashar Al Assad's regime", "assad@11-25");
  FINDS(gz, "Bashar al-Assad", "assad@1-15");
  FINDS(gz, "the town of Al-Hafa and Al Hafa and Hafa", "hafa@13-19 hafa@25-31 hafa@37-40");
  FINDS(gz, "Khalidiyeh, Khaldiyeh, Khaldiyah", "khal@1-10 khal@13-21 khal@24-32");
  FINDS(gz, "Deir Ezzor, Deir ez-Zor, Deir al-Zour", "deir@1-10 deir@13-23 deir@26-37");
  FINDS(gz, "the UN Security Council and the UN", "unsc@5-23 un@33-34");
  FINDS(gz, "the U.N. and the Un", "un@5-8");
  FINDS(gz, "Rebels and rebels", "rebels@1-6 rebels@12-17");
  FINDS(gz, "the Syrian Observatory for Human Rights said",
        "sohr@5-39");
  FINDS(gz, "UN-backed", "un@1-2");
  FINDS(gz, "see http://example.com/homs/Homs", "");
  FINDS(gz, "Hama\n\nprovince", "hama@1-4");          /* no match across paragraphs */
  /* an article taken by one match is not the lead of the next (fuzzing) */
  {
    uint32_t al = add(gz, "al", "place", "Al", WN_CASE_NAME);
    (void)al;
    FINDS(gz, "Al-Hafa", "al@1-2 hafa@4-7");
    FINDS(gz, "in Al Hafa", "al@4-5 hafa@7-10");
    CHECK(strcmp(find(gz, "Al-Hafa", WN_GZ_ALL), "al@1-2 hafa@1-7") == 0);
  }
  /* all matches: the shorter name inside the longer one too */
  {
    const char *got = find(gz, "UN Security Council", WN_GZ_ALL);
    CHECK(strcmp(got, "un@1-2 unsc@1-19") == 0);
  }
  CHECK(wn_gz_nrecords(gz) == 14);
  CHECK(wn_gz_memory(gz) > 0);
  /* equivalences only before names */
  CHECK(wn_gz_add_equiv(gz, "Hims", 4, "Homs", 4) == WN_EINVAL);
  /* a name without any word */
  CHECK(wn_gz_add_name(gz, kz, "--", 2, WN_CASE_NAME, 0, 0) == WN_EINVAL);
  wn_gz_free(gz);
}

static void test_priority(void) {
  wn_gazetteer *gz = wn_gz_new();
  wn_gz_fields f = {"city", "Hama", "place", NULL, NULL, NULL, NAN, NAN};
  uint32_t a, b;
  CHECK(gz != NULL);
  if (gz == NULL) return;
  CHECK(wn_gz_add_record(gz, &f, &a) == WN_OK);
  f.id = "gov";
  CHECK(wn_gz_add_record(gz, &f, &b) == WN_OK);
  CHECK(wn_gz_add_name(gz, b, "Hama", 4, WN_CASE_NAME, 0, 0) == WN_OK);
  CHECK(wn_gz_add_name(gz, a, "Hama", 4, WN_CASE_NAME, 0, 5) == WN_OK);
  FINDS(gz, "Hama", "city@1-4");
  CHECK(strcmp(find(gz, "Hama", WN_GZ_ALL), "city@1-4 gov@1-4") == 0);
  wn_gz_free(gz);
}

static void tsv_error(const char *text, size_t line, const char *want) {
  wn_gazetteer *gz = wn_gz_new();
  wn_gz_error err;
  CHECK(gz != NULL);
  if (gz == NULL) return;
  CHECK(wn_gz_load_tsv(gz, text, strlen(text), &err) == WN_EINVAL);
  if (err.line != line || strstr(err.msg, want) == NULL) {
    fprintf(stderr, "tsv: got line %u '%s', want %u '%s'\n", (unsigned)err.line,
            err.msg, (unsigned)line, want);
    failures++;
  }
  CHECK(wn_gz_nrecords(gz) == 0);              /* nothing added on error */
  wn_gz_free(gz);
}

static void test_tsv(void) {
  const char *good =
    "# id\tname\tkind\tcanonical\tcountry\tadmin\tlat\tlon\taliases\tclass\tcase\tpriority\n"
    "163345\tHoms\tplace\tHoms\tSY\tHoms\t34.72682\t36.72339\tHims|Hims City\n"
    "\n"
    "wn:actor:rebels\trebels\tactor\t\t\t\t\t\tinsurgents\tnon_state_armed\tany\r\n";
  wn_gazetteer *gz = wn_gz_new();
  wn_gz_error err;
  const wn_gz_record *r;
  CHECK(gz != NULL);
  if (gz == NULL) return;
  CHECK(wn_gz_load_tsv(gz, good, strlen(good), &err) == WN_OK);
  CHECK(wn_gz_nrecords(gz) == 2);
  CHECK(wn_gz_nnames(gz) == 5);
  r = wn_gz_record_at(gz, 0);
  CHECK(r && strcmp(wn_gz_str(gz, r->id), "163345") == 0);
  CHECK(r && fabs(r->lat - 34.72682) < 1e-9 && fabs(r->lon - 36.72339) < 1e-9);
  r = wn_gz_record_at(gz, 1);
  CHECK(r && strcmp(wn_gz_str(gz, r->canonical), "rebels") == 0);
  CHECK(r && strcmp(wn_gz_str(gz, r->klass), "non_state_armed") == 0);
  CHECK(r && isnan(r->lat));
  FINDS(gz, "Hims and Homs; INSURGENTS", "163345@1-4 163345@10-13 wn:actor:rebels@16-25");
  wn_gz_free(gz);

  tsv_error("a\tHoms\tplace\nb\tHama\n", 2, "at least 3");
  tsv_error("a\t\tplace\n", 1, "empty name");
  tsv_error("a\tHoms\tplace\tHoms\tSY\t\t91\t36\n", 1, "latitude");
  tsv_error("a\tHoms\tplace\tHoms\tSY\t\t34\tx\n", 1, "longitude");
  tsv_error("a\tHoms\tplace\tHoms\tSY\t\t34\n", 1, "together");
  tsv_error("a\tHoms\tplace\t\t\t\t\t\tHims||Hums\n", 1, "empty alias");
  tsv_error("a\tHoms\tplace\t\t\t\t\t\t\t\tupper\n", 1, "case");
  tsv_error("a\t--\tplace\n", 1, "no letter");
  tsv_error("a\tHoms\tplace\n\xff\tx\tplace\n", 2, "UTF-8");
  tsv_error("a\tb\tc\td\te\tf\t1\t2\tg\th\tany\t1\tx\n", 1, "more than 12");
  tsv_error("a\tHoms\tplace\t\t\t\t\t\t\t\t\t1.5\n", 1, "priority");
  tsv_error("a\tHoms\tplace\t\t\t\t\t\t\t\t\t888888888888888\n", 1, "priority");
  /* found by fuzz_gazetteer: a control character makes an alias unmatchable */
  tsv_error("a\tHoms\tplace\nb\tHama\tplace\t\t\t\t\t\tHama\x01\n", 2, "alias 1 has no word");
  {
    wn_gazetteer *g2 = wn_gz_new();
    const char *ok = "a\tHoms\tplace\n";
    const char *bad = "b\tHama\tplace\nc\tIdlib\tplace\t\t\t\t\t\tIdlib\x01\n";
    CHECK(g2 != NULL);
    if (g2 != NULL) {
      CHECK(wn_gz_load_tsv(g2, ok, strlen(ok), &err) == WN_OK);
      CHECK(wn_gz_load_tsv(g2, bad, strlen(bad), &err) == WN_EINVAL);
      CHECK(wn_gz_nrecords(g2) == 1 && wn_gz_nnames(g2) == 1);
      FINDS(g2, "Homs, Hama, Idlib", "a@1-4");
      wn_gz_free(g2);
    }
  }
}

int main(void) {
  test_matching();
  test_priority();
  test_tsv();
  return check_report("test_gazetteer");
}
