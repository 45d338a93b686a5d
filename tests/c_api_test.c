/*
 * c_api_test.c - the C API used from C: strict C11, linked against the
 * shared library, real calls only. Exits non-zero on the first failure.
 */
#define _POSIX_C_SOURCE 200809L /* pthreads under -std=c11 */
#include <pthread.h> /* pthread_create, pthread_join */
#include <stdio.h>  /* printf, fprintf */
#include <stddef.h> /* offsetof */
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

  /* A struct of an older version: crf_options_init writes none of the
   * newer fields, and the library reads none of them. Allocated at exactly
   * the length of its fields (what a program built against that header
   * may pass), so that ASan catches a read past its end; fields are set
   * through memcpy, as the newer struct type does not fit in it. */
  {
    crf_options full;
    const size_t v3_size = offsetof(crf_options, engine_outputs);
    const unsigned int no_join = CRF_REPAIR_ALL & ~CRF_REPAIR_JOIN;
    unsigned char *v3 = (unsigned char *)malloc(v3_size);
    memset(&full, 0xAB, sizeof full);
    CHECK(crf_options_init(&full, 3) == CRF_OK);
    CHECK(full.version == 3 && full.repairs == 0 && full.engine_outputs == 0xABABABABu);
    CHECK(v3 != NULL);
    if (v3 != NULL) {
      memcpy(v3, &full, v3_size);
      memcpy(v3 + offsetof(crf_options, repairs), &no_join, sizeof no_join);
      CHECK(crf_repair_text(&out, "Hello\nworld\n", 12, CRF_FORMAT_TXT, (crf_options *)(void *)v3) ==
            CRF_OK);
      CHECK(out.ptr != NULL && strcmp(out.ptr, "Hello\nworld\n") == 0);
      crf_buf_dispose(&out);
      free(v3);
    }
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

/* The repair log, the articles and the blocks, read through accessors. */
static void test_structure(void) {
  crf_document *doc = NULL;
  crf_repair_entry e;
  crf_unit u;
  crf_block b;
  crf_region r;
  size_t i, a, n, joins = 0, units = 0;
  int w = -1, h = -1;
  CHECK(crf_document_from_text(&doc, kEnglish, strlen(kEnglish), "english.txt", NULL) == CRF_OK);
  if (doc == NULL) return;
  n = crf_document_repair_count(doc);
  CHECK(n >= 1);
  for (i = 0; i < n; ++i) {
    CHECK(crf_document_repair_at(&e, doc, i) == CRF_OK);
    CHECK(e.kind_name != NULL && e.cue != NULL);
    CHECK(e.confidence >= 0.0 && e.confidence <= 1.0);
    if (e.kind == CRF_KIND_LINE_JOIN) {
      ++joins;
      CHECK(strcmp(e.kind_name, "line_join") == 0);
      CHECK(e.first_line == 1 && e.last_line == 2);
    }
  }
  CHECK(joins == 1);
  CHECK(crf_document_repair_at(&e, doc, n) == CRF_EUSAGE);
  CHECK(strstr(crf_error_last(), "index") != NULL);

  CHECK(crf_document_article_count(doc) == 1);
  for (a = 0; a < crf_document_article_count(doc); ++a)
    for (i = 0; i < crf_document_unit_count(doc, a); ++i) {
      CHECK(crf_document_unit_at(&u, doc, a, i) == CRF_OK);
      CHECK(u.text != NULL && strlen(u.text) == u.text_size);
      CHECK(u.source_line_count >= 1 && u.source_lines != NULL);
      ++units;
    }
  CHECK(units == 2);
  CHECK(crf_document_unit_at(&u, doc, 0, 0) == CRF_OK);
  CHECK(u.role == CRF_ROLE_BODY && strcmp(u.role_name, "body") == 0);
  CHECK(strcmp(u.text, "The council met on Tuesday to discuss the budget for the coming year.") ==
        0);
  CHECK(u.source_line_count == 2 && u.source_lines[0] == 1 && u.source_lines[1] == 2);
  CHECK(crf_document_unit_at(&u, doc, 1, 0) == CRF_EUSAGE);
  CHECK(crf_document_unit_count(doc, 5) == 0);

  CHECK(crf_document_block_count(doc) == 2);
  CHECK(crf_document_block_at(&b, doc, 1) == CRF_OK);
  CHECK(b.first_line == 4 && b.last_line == 4 && b.line_count == 1 && b.position == 1);
  CHECK(crf_document_block_at(&b, doc, 2) == CRF_EUSAGE);

  /* Plain text has no regions and no page. */
  CHECK(crf_document_region_count(doc) == 0);
  CHECK(crf_document_region_at(&r, doc, 0) == CRF_EUSAGE);
  CHECK(crf_document_page_size(&w, &h, doc) == CRF_EUSAGE);
  crf_document_free(doc);
  CHECK(crf_document_repair_count(NULL) == 0 && crf_document_article_count(NULL) == 0);
}

/* A geometry input from a file, through an engine: regions with ids and boxes. */
static void test_engine_and_regions(void) {
  static const char page[] =
      "<PcGts><Page imageWidth='200' imageHeight='100'>"
      "<TextRegion id='right'><Coords points='110,0 190,0 190,90 110,90'/>"
      "<TextEquiv><Unicode>Second column.</Unicode></TextEquiv></TextRegion>"
      "<TextRegion id='left'><Coords points='10,0 90,0 90,90 10,90'/>"
      "<TextEquiv><Unicode>First column.</Unicode></TextEquiv></TextRegion>"
      "</Page></PcGts>";
  const char *path = "c_api_test_page.xml";
  crf_engine *engine = NULL;
  crf_document *doc = NULL;
  crf_region r;
  crf_options o = CRF_OPTIONS_INIT;
  crf_buf out = CRF_BUF_INIT;
  int w = 0, h = 0;
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f == NULL) return;
  fwrite(page, 1, sizeof page - 1, f);
  fclose(f);

  CHECK(crf_engine_new(&engine, NULL) == CRF_OK);
  CHECK(crf_engine_repair_file(&doc, engine, path, CRF_INPUT_AUTO) == CRF_OK);
  if (doc != NULL) {
    CHECK(crf_document_input(doc) == CRF_INPUT_PAGE);
    CHECK(crf_document_page_size(&w, &h, doc) == CRF_OK && w == 200 && h == 100);
    CHECK(crf_document_region_count(doc) == 2);
    /* The left column is read first, though the file gives it second. */
    CHECK(crf_document_region_at(&r, doc, 0) == CRF_OK);
    CHECK(strcmp(r.id, "left") == 0 && r.position == 0 && r.x0 == 10 && r.x1 == 91);
    CHECK(r.first_line >= 1 && r.last_line >= r.first_line);
    CHECK(crf_document_region_at(&r, doc, 1) == CRF_OK);
    CHECK(strcmp(r.id, "right") == 0 && r.y0 == 0);
    CHECK(crf_document_region_at(&r, doc, 2) == CRF_EUSAGE);
    CHECK(crf_document_render(&out, doc, CRF_FORMAT_JSON) == CRF_OK);
    CHECK(out.ptr != NULL && strstr(out.ptr, path) != NULL); /* named after the file */
    crf_buf_dispose(&out);
    crf_document_free(doc);
    doc = NULL;
  }
  /* The same through crf_document_from_file, with order repair off: file order. */
  o.repairs = CRF_REPAIR_ALL & ~CRF_REPAIR_ORDER;
  CHECK(crf_document_from_file(&doc, path, CRF_INPUT_PAGE, &o) == CRF_OK);
  if (doc != NULL) {
    CHECK(crf_document_region_at(&r, doc, 0) == CRF_OK && strcmp(r.id, "right") == 0);
    crf_document_free(doc);
    doc = NULL;
  }
  remove(path);

  /* A missing file: CRF_ENOTFOUND, the path in the message. */
  doc = (crf_document *)1;
  CHECK(crf_engine_repair_file(&doc, engine, "no/such/page.xml", CRF_INPUT_AUTO) ==
        CRF_ENOTFOUND);
  CHECK(doc == NULL);
  CHECK(strstr(crf_error_last(), "no/such/page.xml: cannot open") != NULL);
  CHECK(crf_document_from_file(&doc, NULL, CRF_INPUT_AUTO, NULL) == CRF_EUSAGE);

  /* Text through the engine, named; bad arguments. */
  CHECK(crf_engine_repair(&doc, engine, kEnglish, strlen(kEnglish), CRF_INPUT_TEXT, "e.txt") ==
        CRF_OK);
  CHECK(crf_document_render(&out, doc, CRF_FORMAT_TXT) == CRF_OK);
  CHECK(out.ptr != NULL && strstr(out.ptr, "discuss the budget") != NULL);
  crf_buf_dispose(&out);
  crf_document_free(doc);
  CHECK(crf_engine_repair(&doc, NULL, "a", 1, CRF_INPUT_TEXT, NULL) == CRF_EUSAGE);
  CHECK(crf_engine_repair(&doc, engine, "a", 1, (crf_input)77, NULL) == CRF_EUSAGE);
  CHECK(crf_engine_repair_pix(&doc, engine, NULL, NULL) == CRF_EUSAGE);
  crf_engine_free(engine);
  crf_engine_free(NULL);

  o.repairs = 0x80;
  CHECK(crf_engine_new(&engine, &o) == CRF_EUSAGE);
  CHECK(engine == NULL);
}

/* One engine shared by 8 POSIX threads, each repairing every input several
 * times from a different start: every JSON rendering equals the one a
 * single thread made first. */
#define N_THREADS 8
#define N_ROUNDS 4
#define N_INPUTS 3

static const char kPage[] =
    "<PcGts><Page imageWidth='200' imageHeight='100'>"
    "<TextRegion id='b'><Coords points='110,0 190,0 190,90 110,90'/>"
    "<TextEquiv><Unicode>the second col-\numn ends.</Unicode></TextEquiv></TextRegion>"
    "<TextRegion id='a'><Coords points='10,0 90,0 90,90 10,90'/>"
    "<TextEquiv><Unicode>The first column\ncarries on.</Unicode></TextEquiv></TextRegion>"
    "</Page></PcGts>";

struct shared_run {
  const crf_engine *engine;
  const char *inputs[N_INPUTS];
  crf_buf expected[N_INPUTS];
  int start;
  int mismatches;
};

static int render_json(crf_buf *out, const crf_engine *engine, const char *input) {
  crf_document *doc = NULL;
  int ok = crf_engine_repair(&doc, engine, input, strlen(input), CRF_INPUT_AUTO, "shared") ==
               CRF_OK &&
           crf_document_render(out, doc, CRF_FORMAT_JSON) == CRF_OK;
  crf_document_free(doc);
  return ok;
}

static void *shared_worker(void *arg) {
  struct shared_run *run = (struct shared_run *)arg;
  int r, k;
  for (r = 0; r < N_ROUNDS; ++r)
    for (k = 0; k < N_INPUTS; ++k) {
      int i = (k + run->start) % N_INPUTS;
      crf_buf got = CRF_BUF_INIT;
      if (!render_json(&got, run->engine, run->inputs[i]) ||
          got.size != run->expected[i].size ||
          memcmp(got.ptr, run->expected[i].ptr, got.size) != 0)
        ++run->mismatches;
      crf_buf_dispose(&got);
    }
  return NULL;
}

static void test_shared_engine(void) {
  crf_engine *engine = NULL;
  struct shared_run runs[N_THREADS];
  pthread_t threads[N_THREADS];
  int t, i;
  CHECK(crf_engine_new(&engine, NULL) == CRF_OK);
  if (engine == NULL) return;
  for (t = 0; t < N_THREADS; ++t) {
    runs[t].engine = engine;
    runs[t].inputs[0] = kCjk;
    runs[t].inputs[1] = kEnglish;
    runs[t].inputs[2] = kPage;
    runs[t].start = t;
    runs[t].mismatches = 0;
  }
  for (i = 0; i < N_INPUTS; ++i) {
    crf_buf one = CRF_BUF_INIT;
    CHECK(render_json(&one, engine, runs[0].inputs[i]));
    for (t = 0; t < N_THREADS; ++t) runs[t].expected[i] = one; /* shared, read only */
  }
  for (t = 0; t < N_THREADS; ++t)
    CHECK(pthread_create(&threads[t], NULL, shared_worker, &runs[t]) == 0);
  for (t = 0; t < N_THREADS; ++t) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(runs[t].mismatches == 0);
  }
  for (i = 0; i < N_INPUTS; ++i) crf_buf_dispose(&runs[0].expected[i]);
  crf_engine_free(engine);
}

int main(void) {
  test_version();
  test_options();
  test_repair(kCjk, "cjk.txt", "\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf"); /* 本报讯 */
  test_repair(kEnglish, "english.txt", "budget");
  test_one_call();
  test_errors();
  test_structure();
  test_engine_and_regions();
  test_shared_engine();
  if (failures != 0) {
    fprintf(stderr, "c_api_test: %d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
