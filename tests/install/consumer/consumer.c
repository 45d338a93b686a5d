/* A program built against the installed colreflow (find_package or
 * pkg-config): repairs the file named on its command line through an
 * engine and prints the text, then the number of repairs and articles. */
#include <stdio.h>

#include <colreflow/colreflow.h>

int main(int argc, char **argv) {
  crf_engine *engine = NULL;
  crf_document *doc = NULL;
  crf_buf text = CRF_BUF_INIT;
  int rc = 1;
  if (argc != 2) {
    fprintf(stderr, "usage: consumer FILE\n");
    return 2;
  }
  if (crf_version_number() != CRF_VERSION_NUMBER) {
    fprintf(stderr, "consumer: header %d, library %d\n", CRF_VERSION_NUMBER,
            crf_version_number());
    return 1;
  }
  if (crf_engine_new(&engine, NULL) == CRF_OK &&
      crf_engine_repair_file(&doc, engine, argv[1], CRF_INPUT_AUTO) == CRF_OK &&
      crf_document_render(&text, doc, CRF_FORMAT_TXT) == CRF_OK) {
    fwrite(text.ptr, 1, text.size, stdout);
    printf("-- %lu repairs, %lu articles\n", (unsigned long)crf_document_repair_count(doc),
           (unsigned long)crf_document_article_count(doc));
    rc = 0;
  } else {
    fprintf(stderr, "consumer: %s\n", crf_error_last());
  }
  crf_buf_dispose(&text);
  crf_document_free(doc);
  crf_engine_free(engine);
  return rc;
}
