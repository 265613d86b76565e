/*
** fuzz_tokenize.c: the tokenizer and the UTF-8 decoder on arbitrary bytes.
**
** Properties checked:
**  - every decoded code point re-encodes to the very bytes it came from
**    (so overlong forms and surrogates are never accepted);
**  - token spans lie inside the input, in order, and cover every byte that
**    is not white space exactly once: the gaps hold only WN_CP_SPACE;
**  - each token's hash is wn_hash_folded of its text, its class and flags
**    are known values, and invalid_bytes counts the bytes of the invalid
**    tokens, which are the bytes the decoder rejects;
**  - tokenizing again, into a fresh or a reused array, gives the same.
*/
#include <string.h>
#include "fuzz.h"

#define KNOWN_FLAGS 0x3FFFu

/* Checks the decoder over the whole input; returns the rejected bytes. */
static size_t check_decoder(const unsigned char *s, size_t len) {
  size_t i = 0, bad = 0;
  while (i < len) {
    int32_t cp;
    int n = wn_utf8_decode(s + i, len - i, &cp);
    FUZZ_REQUIRE(n >= 1 && n <= 4 && (size_t)n <= len - i, "length %d", n);
    if (cp < 0) {
      FUZZ_REQUIRE(n == 1, "a bad sequence must step one byte, not %d", n);
      FUZZ_REQUIRE(s[i] >= 0x80, "ASCII byte %u rejected", s[i]);
      bad++;
    } else {
      char buf[4];
      FUZZ_REQUIRE(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF),
                   "code point %ld accepted", (long)cp);
      FUZZ_REQUIRE(wn_utf8_encode(cp, buf) == n &&
                   memcmp(buf, s + i, (size_t)n) == 0,
                   "U+%04lX at byte %zu does not round-trip", (long)cp, i);
    }
    i += (size_t)n;
  }
  return bad;
}

static void check_tokens(const wn_tokens *t, const unsigned char *s,
                         size_t len, size_t rejected) {
  size_t prev = 0, invalid = 0;        /* prev: bytes consumed so far */
  for (size_t k = 0; k < t->n; k++) {
    const wn_token *tk = &t->v[k];
    FUZZ_REQUIRE(tk->start >= 1 && tk->start <= tk->stop && tk->stop <= len,
                 "token %zu span %u..%u, input %zu bytes", k + 1,
                 tk->start, tk->stop, len);
    FUZZ_REQUIRE(tk->start > prev, "token %zu starts at %u inside the "
                 "previous one (ends %zu)", k + 1, tk->start, prev);
    FUZZ_REQUIRE(fuzz_all_space(s, len, prev, tk->start - 1),
                 "bytes %zu..%u before token %zu are not all white space",
                 prev + 1, tk->start - 1, k + 1);
    FUZZ_REQUIRE(tk->hash == wn_hash_folded((const char *)s + tk->start - 1,
                                            tk->stop - tk->start + 1),
                 "token %zu hash", k + 1);
    FUZZ_REQUIRE(tk->cls >= WN_TK_WORD && tk->cls <= WN_TK_INVALID,
                 "token %zu class %u", k + 1, tk->cls);
    FUZZ_REQUIRE((tk->flags & ~KNOWN_FLAGS) == 0, "token %zu flags %x",
                 k + 1, tk->flags);
    if (tk->cls == WN_TK_INVALID) invalid += tk->stop - tk->start + 1;
    prev = tk->stop;
  }
  FUZZ_REQUIRE(fuzz_all_space(s, len, prev, len),
               "bytes %zu..%zu after the last token are not white space",
               prev + 1, len);
  FUZZ_REQUIRE(invalid == t->invalid_bytes, "invalid tokens hold %zu "
               "bytes, invalid_bytes says %zu", invalid, t->invalid_bytes);
  FUZZ_REQUIRE(invalid == rejected, "invalid tokens hold %zu bytes, the "
               "decoder rejects %zu", invalid, rejected);
}

static int same_tokens(const wn_tokens *a, const wn_tokens *b) {
  return a->n == b->n && a->invalid_bytes == b->invalid_bytes &&
         (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(wn_token)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wn_tokens t, again;
  size_t rejected = check_decoder(data, size);
  wn_tokens_init(&t);
  wn_tokens_init(&again);
  FUZZ_OK(wn_tokenize(&t, (const char *)data, size));
  check_tokens(&t, data, size, rejected);
  FUZZ_OK(wn_tokenize(&again, (const char *)data, size));
  FUZZ_REQUIRE(same_tokens(&t, &again), "a second run differs");
  FUZZ_OK(wn_tokenize(&again, (const char *)data, size));   /* reused */
  FUZZ_REQUIRE(same_tokens(&t, &again), "a run into a reused array differs");
done:
  wn_tokens_free(&t);
  wn_tokens_free(&again);
  return 0;
}
