/*
 * c_api_test.c - the C API used from C: strict C11, linked against the
 * shared library, real calls only. Exits non-zero on the first failure.
 */
#include <stdio.h>  /* printf, fprintf */
#include <stdlib.h> /* malloc, free */
#include <string.h> /* strstr, strlen, memcmp */

#include "colreflow/colreflow.h"

static int failures = 0;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n",     \
              __FILE__, __LINE__, #cond, crf_error_last());            \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

static const char kCjk[] =
    "\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf\xe5\x85\xa8\xe5\xb8\x82\xe5\x85\xac\xe5\xae\x89\n" /* 本报讯全市公安 */
    "\xe5\xb7\xa5\xe4\xbd\x9c\xe4\xbc\x9a\xe8\xae\xae\xe5\x8f\xac\xe5\xbc\x80\xe3\x80\x82\n"; /* 工作会议召开。 */

static const char kEnglish[] =
    "The council met on Tuesday to discuss the\n"
    "budget for the coming year.\n"
    "\n"
    "Members voted to approve the plan.\n";

/* Every fallible function returns crf_status, which keeps the size and the
 * values of the int it replaced (the ABI). */
_Static_assert(sizeof(crf_status) == sizeof(int), "crf_status must stay int-sized");
_Static_assert(CRF_OK == 0 && CRF_ERROR == -1 && CRF_EINVALID == -2 && CRF_ENOMEM == -3 &&
                   CRF_ELIMIT == -4 && CRF_EUSAGE == -5,
               "crf_status values are pinned");

static void test_version(void) {
  CHECK(crf_version_number() == CRF_VERSION_NUMBER);
  CHECK(strlen(crf_version_string()) >= 5);
}

static void test_options(void) {
  crf_options o = CRF_OPTIONS_INIT;
  CHECK(o.version == CRF_OPTIONS_VERSION);
  o.max_input_bytes = 7;
  CHECK(crf_options_init(&o, CRF_OPTIONS_VERSION) == CRF_OK);
  CHECK(o.version == CRF_OPTIONS_VERSION && o.max_input_bytes == 0);
  CHECK(crf_options_init(NULL, CRF_OPTIONS_VERSION) == CRF_EUSAGE);
  CHECK(crf_options_init(&o, 99) == CRF_EUSAGE);
  CHECK(strstr(crf_error_last(), "99") != NULL);
}

/* Renders `doc` in every format and checks each holds `needle`. */
static void render_all(const crf_document *doc, const char *needle) {
  crf_format formats[] = {CRF_FORMAT_TXT, CRF_FORMAT_MD, CRF_FORMAT_JSON};
  size_t i;
  for (i = 0; i < sizeof formats / sizeof formats[0]; ++i) {
    crf_buf out = CRF_BUF_INIT;
    CHECK(crf_document_render(&out, doc, formats[i]) == CRF_OK);
    CHECK(out.ptr != NULL && out.size > 0);
    if (out.ptr != NULL) {
      CHECK(out.ptr[out.size] == '\0');
      CHECK(strstr(out.ptr, needle) != NULL);
    }
    crf_buf_dispose(&out);
    CHECK(out.ptr == NULL && out.size == 0);
  }
}

static void test_repair(const char *text, const char *name, const char *needle) {
  crf_options o = CRF_OPTIONS_INIT;
  crf_document *doc = NULL;
  crf_buf report = CRF_BUF_INIT;
  CHECK(crf_document_from_text(&doc, text, strlen(text), name, &o) == CRF_OK);
  CHECK(doc != NULL);
  if (doc == NULL) return;
  render_all(doc, needle);
  CHECK(crf_document_report(&report, doc) == CRF_OK);
  CHECK(report.ptr != NULL && strstr(report.ptr, name) != NULL);
  crf_buf_dispose(&report);
  (void)crf_document_repair_count(doc); /* any count; must not crash */
  crf_document_free(doc);
}

static void test_one_call(void) {
  crf_buf out = CRF_BUF_INIT;
  crf_status status = crf_repair_text(&out, "Hello world.\n", 13, CRF_FORMAT_TXT, NULL);
  CHECK(status == CRF_OK);
  CHECK(out.size == 13 && memcmp(out.ptr, "Hello world.\n", 13) == 0);
  crf_buf_dispose(&out);

  /* Empty input is valid and gives empty output; data may then be NULL. */
  CHECK(crf_repair_text(&out, NULL, 0, CRF_FORMAT_TXT, NULL) == CRF_OK);
  CHECK(out.size == 0 && out.ptr != NULL && out.ptr[0] == '\0');
  crf_buf_dispose(&out);
}

static void test_errors(void) {
  crf_document *doc = NULL;
  crf_buf out = CRF_BUF_INIT;
  crf_options o = CRF_OPTIONS_INIT;
  crf_status status;

  /* Invalid UTF-8: 0xC3 then '(' at byte 4. */
  doc = (crf_document *)1; /* must be reset to NULL on failure */
  status = crf_document_from_text(&doc, "abc\xc3(", 5, "bad.txt", NULL);
  CHECK(status == CRF_EINVALID);
  CHECK(doc == NULL);
  CHECK(strstr(crf_error_last(), "bad.txt: invalid UTF-8 at byte 4") != NULL);

  /* Binary input. */
  CHECK(crf_repair_text(&out, "ab\0cd", 5, CRF_FORMAT_TXT, NULL) == CRF_EINVALID);
  CHECK(out.ptr == NULL);
  CHECK(strstr(crf_error_last(), "byte 2") != NULL);

  /* Limits. */
  o.max_input_bytes = 4;
  CHECK(crf_repair_text(&out, "Hello\n", 6, CRF_FORMAT_TXT, &o) == CRF_ELIMIT);
  CHECK(strstr(crf_error_last(), "limit of 4 bytes") != NULL);
  CHECK(crf_document_from_text(&doc, "Hello\n", 6, NULL, &o) == CRF_ELIMIT);
  CHECK(doc == NULL);

  /* Bad arguments. */
  CHECK(crf_document_from_text(NULL, "a", 1, NULL, NULL) == CRF_EUSAGE);
  CHECK(crf_document_from_text(&doc, NULL, 3, NULL, NULL) == CRF_EUSAGE);
  o.max_input_bytes = 0;
  o.version = 99;
  CHECK(crf_document_from_text(&doc, "a", 1, NULL, &o) == CRF_EUSAGE);
  CHECK(strstr(crf_error_last(), "version") != NULL);
  CHECK(crf_repair_text(NULL, "a", 1, CRF_FORMAT_TXT, NULL) == CRF_EUSAGE);
  CHECK(crf_repair_text(&out, "a", 1, (crf_format)42, NULL) == CRF_EUSAGE);
  CHECK(strstr(crf_error_last(), "format") != NULL);
  CHECK(crf_document_render(&out, NULL, CRF_FORMAT_TXT) == CRF_EUSAGE);
  CHECK(crf_document_report(&out, NULL) == CRF_EUSAGE);
  CHECK(crf_document_report(NULL, NULL) == CRF_EUSAGE);
  CHECK(crf_document_repair_count(NULL) == 0);

  /* Options of version 1 (before the image fields) are still accepted. */
  {
    crf_options v1;
    memset(&v1, 0xAB, sizeof v1);
    CHECK(crf_options_init(&v1, 1) == CRF_OK);
    CHECK(v1.version == 1);
    CHECK(crf_repair_text(&out, "Hello\n", 6, CRF_FORMAT_TXT, &v1) == CRF_OK);
    crf_buf_dispose(&out);
  }

  /* Geometry input through the C API: a PAGE file, detected. */
  {
    static const char page[] =
        "<PcGts><Page imageWidth='100' imageHeight='100'><TextRegion id='r'>"
        "<Coords points='0,0 90,0 90,20 0,20'/><TextEquiv><Unicode>Hello page.</Unicode>"
        "</TextEquiv></TextRegion></Page></PcGts>";
    CHECK(crf_document_from_bytes(&doc, page, sizeof page - 1, CRF_INPUT_AUTO, "p.xml", NULL) ==
          CRF_OK);
    CHECK(crf_document_input(doc) == CRF_INPUT_PAGE);
    CHECK(crf_document_render(&out, doc, CRF_FORMAT_SOURCE) == CRF_OK);
    CHECK(strstr(out.ptr, "RegionRefIndexed") != NULL);
    crf_buf_dispose(&out);
    crf_document_free(doc);
    doc = NULL;
  }

  o.version = CRF_OPTIONS_VERSION;
  CHECK(crf_document_from_text(&doc, "a\n", 2, NULL, &o) == CRF_OK);
  CHECK(crf_document_render(NULL, doc, CRF_FORMAT_TXT) == CRF_EUSAGE);
  CHECK(crf_document_render(&out, doc, (crf_format)-1) == CRF_EUSAGE);
  CHECK(out.ptr == NULL);
  crf_document_free(doc);

  /* Releasing nothing is fine. */
  crf_document_free(NULL);
  crf_buf_dispose(NULL);
  crf_buf_dispose(&out);

  /* The message stays until the next failure. */
  CHECK(crf_error_last() != NULL);
}

int main(void) {
  test_version();
  test_options();
  test_repair(kCjk, "cjk.txt", "\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf"); /* 本报讯 */
  test_repair(kEnglish, "english.txt", "budget");
  test_one_call();
  test_errors();
  if (failures != 0) {
    fprintf(stderr, "c_api_test: %d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
