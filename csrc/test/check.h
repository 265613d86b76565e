/*
** check.h: what the C test programs share.  Each program includes it
** once: a failure count, CHECK macros that print where a check failed and
** go on, a string comparison that shows both sides, and the closing
** report that gives main its exit status.
*/
#ifndef WN_TEST_CHECK_H
#define WN_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond) do { if (!(cond)) { \
  fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
  failures++; } } while (0)

/* CHECKF(cond, fmt, ...): CHECK with a printf-style explanation. */
#define CHECKF(cond, ...) do { if (!(cond)) { \
  failures++; \
  fprintf(stderr, "%s:%d: %s: ", __FILE__, __LINE__, #cond); \
  fprintf(stderr, __VA_ARGS__); \
  fputc('\n', stderr); } } while (0)

/* CHECK_STR(what, subject, got, want): got must equal want; on a
** difference prints "WHAT of "SUBJECT"" and both strings. */
#define CHECK_STR(what, subject, got, want) \
  check_str(__FILE__, __LINE__, what, subject, got, want)

static inline void check_str(const char *file, int line, const char *what,
                             const char *subject, const char *got,
                             const char *want) {
  if (strcmp(got, want) == 0) return;
  fprintf(stderr, "%s:%d: %s of \"%s\":\n  got      %s\n  expected %s\n",
          file, line, what, subject, got, want);
  failures++;
}

/* Appends bytes start..stop (1-based, inclusive) of s to the
** |-separated list in buf (size bytes, pos used); 0 when it is full. */
static inline int join_span(char *buf, size_t size, size_t *pos,
                            const char *s, uint32_t start, uint32_t stop) {
  size_t len = (size_t)stop - start + 1;
  if (*pos + len + 2 >= size) return 0;
  if (*pos > 0) buf[(*pos)++] = '|';
  memcpy(buf + *pos, s + start - 1, len);
  *pos += len;
  buf[*pos] = '\0';
  return 1;
}

/* The closing line of program name; its exit status. */
static inline int check_report(const char *name) {
  if (failures) {
    fprintf(stderr, "%s: %d failure(s)\n", name, failures);
    return 1;
  }
  printf("%s: ok\n", name);
  return 0;
}

#endif
