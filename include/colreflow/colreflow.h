/*
 * colreflow.h - the stable C API of colreflow.
 *
 * colreflow repairs the OCR output of multi-column newspaper pages: it finds
 * columns read in the wrong order, jumped article tails, stranded headings,
 * words cut at line ends and OCR spacing inside CJK text, rebuilds the
 * reading order, and writes the reflowed article with a log of every repair.
 *
 * Lifecycle:
 *
 *   crf_options opts = CRF_OPTIONS_INIT;       // or crf_options_init()
 *   crf_document *doc = NULL;
 *   if (crf_document_from_text(&doc, data, size, "page.txt", &opts) != CRF_OK)
 *     fprintf(stderr, "%s\n", crf_error_last());
 *   crf_buf text = CRF_BUF_INIT;
 *   crf_document_render(&text, doc, CRF_FORMAT_TXT);
 *   fwrite(text.ptr, 1, text.size, stdout);
 *   crf_buf_dispose(&text);
 *   crf_document_free(doc);
 *
 * Many pages with one configuration: make a crf_engine once (it checks the
 * options and loads the word list), then repair each page with it, from any
 * number of threads at once:
 *
 *   crf_engine *engine = NULL;
 *   crf_engine_new(&engine, &opts);
 *   crf_document *page = NULL;
 *   if (crf_engine_repair_file(&page, engine, "page.xml", CRF_INPUT_AUTO) == CRF_OK) ...
 *   crf_document_free(page);
 *   crf_engine_free(engine);
 *
 * What was found is readable without parsing JSON: the repair log
 * (crf_document_repair_at), the articles and their units
 * (crf_document_unit_at), the input blocks (crf_document_block_at) and, for
 * geometry inputs, the regions with their ids and boxes in reading order
 * (crf_document_region_at). Strings these accessors give are borrowed from
 * the document and valid until crf_document_free().
 *
 * Threading: a crf_engine is immutable after creation and shareable: any
 * number of threads may repair pages with one engine at once, each with its
 * own documents, and get the bytes a single thread gets. A crf_document is
 * immutable once made; it may be rendered, reported and read from several
 * threads at once. The library's shared caches (word lists, Hunspell
 * dictionaries) are locked; the error message, the ICU break iterators and
 * the Tesseract engines it keeps are per thread. See docs/threading.md.
 *
 * Ownership: `T **out` parameters hand the caller an object to release with
 * crf_T_free(); a crf_buf is released with crf_buf_dispose(). Strings
 * returned as `const char *` are borrowed from the library.
 */
#ifndef COLREFLOW_H
#define COLREFLOW_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#if defined(_WIN32)
#  if defined(CRF_BUILDING_LIBRARY)
#    define CRF_API __declspec(dllexport)
#  else
#    define CRF_API
#  endif
#else
#  define CRF_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define CRF_VERSION_MAJOR 0
#define CRF_VERSION_MINOR 1
#define CRF_VERSION_PATCH 0
#define CRF_VERSION_NUMBER \
  (CRF_VERSION_MAJOR * 10000 + CRF_VERSION_MINOR * 100 + CRF_VERSION_PATCH)

/**
 * Status codes, returned by every function that can fail. Values are
 * pinned; new ones are only added. The enum has the size and values of an
 * int, so code built when these functions returned `int` still links.
 * After a failure, crf_error_last() says what went wrong.
 */
typedef enum crf_status {
  CRF_OK = 0,
  CRF_ERROR = -1,    /**< unexpected internal failure */
  CRF_EINVALID = -2, /**< the input is not what was expected (bad UTF-8, binary) */
  CRF_ENOMEM = -3,   /**< out of memory */
  CRF_ELIMIT = -4,   /**< the input exceeds a configured limit */
  CRF_EUSAGE = -5,   /**< a bad argument: NULL handle, unknown format, bad version */
  CRF_ENOTFOUND = -6 /**< a file that cannot be opened or read */
} crf_status;

/** Output formats. */
typedef enum crf_format {
  CRF_FORMAT_TXT = 0,  /**< headline, blank line, paragraphs; headings on own lines */
  CRF_FORMAT_MD = 1,   /**< Markdown: headline as #, subheadings as ## */
  CRF_FORMAT_JSON = 2, /**< articles, blocks with roles and source lines, repair log */
  CRF_FORMAT_SOURCE = 3 /**< the input's own format (hOCR, ALTO, PAGE XML, TSV) with only
                             the reading order changed; CRF_EUSAGE for plain-text input */
} crf_format;

/** Input formats. Values are pinned; new ones are only added. */
typedef enum crf_input {
  CRF_INPUT_AUTO = 0, /**< detected from the content */
  CRF_INPUT_TEXT = 1, /**< plain OCR text, UTF-8 */
  CRF_INPUT_HOCR = 2, /**< hOCR (XHTML), as Tesseract and OCRmyPDF write it */
  CRF_INPUT_ALTO = 3, /**< ALTO XML, v1 (CCS) to v4 */
  CRF_INPUT_PAGE = 4, /**< PAGE XML, 2010 to 2019 */
  CRF_INPUT_TSV = 5,  /**< Tesseract TSV */
  CRF_INPUT_IMAGE = 6 /**< a page image (PNG, TIFF, JPEG, PNM, WebP, GIF), OCR'd by Tesseract */
} crf_input;

/** Repairs, as bits of crf_options.repairs. Values are pinned. */
#define CRF_REPAIR_ORDER 0x1u    /**< reorder blocks and regions */
#define CRF_REPAIR_JOIN 0x2u     /**< rejoin lines and words cut at line ends (dehyphenation) */
#define CRF_REPAIR_SPACING 0x4u  /**< remove OCR spaces inside CJK text */
#define CRF_REPAIR_HEADINGS 0x8u /**< find headings and move stranded ones to their section */
#define CRF_REPAIR_ALL 0xFu

#define CRF_OPTIONS_VERSION 4

/**
 * Options for reading and repairing. Fields are only ever appended; set
 * `version` to CRF_OPTIONS_VERSION (CRF_OPTIONS_INIT does).
 */
typedef struct crf_options {
  unsigned int version;
  /** Inputs larger than this many bytes are refused with CRF_ELIMIT; 0 means
   *  the default of 64 MiB. A newspaper page is well under 1 MiB of text. */
  size_t max_input_bytes;
  /** A word list (one word a line, as Debian's wamerican ships) that vouches
   *  for words rejoined across a line-end hyphen; NULL means the default,
   *  /usr/share/dict/american-english-large (Debian's wamerican-large); ""
   *  means none: the document's own words are then the only evidence. */
  const char *lexicon_path;
  /* --- version 2 --- */
  /** Tesseract languages for images, e.g. "chi_sim+eng"; NULL means
   *  "chi_sim+eng". */
  const char *languages;
  /** Tesseract page segmentation mode for images; 0 means 3 (automatic). */
  int psm;
  /** Directory of Tesseract's .traineddata files; NULL means Tesseract's own. */
  const char *tessdata;
  /** Resolution of images in dots per inch; 0 means the file's (or 300). */
  int dpi;
  /* --- version 3 --- */
  /** Which repairs to apply, CRF_REPAIR_* bits; 0 means CRF_REPAIR_ALL. */
  unsigned int repairs;
  /** Hunspell dictionaries for Latin-script dehyphenation, separated by ':'
   *  each a path without the .dic/.aff suffix or a language such as "de_DE";
   *  NULL means the installed ones for the text's languages; "" means none. */
  const char *dictionaries;
  /** Limits; 0 means the default. Exceeding one gives CRF_ELIMIT. */
  size_t max_xml_depth;      /**< element nesting, default 256 */
  size_t max_xml_elements;   /**< elements and attributes, default 20,000,000 */
  size_t max_image_pixels;   /**< width x height, default 400,000,000 */
  size_t max_words;          /**< words (or CJK characters) per page, default 2,000,000 */
  unsigned int max_millis;   /**< wall time per page in ms, default 0 = unlimited */
  /* --- version 4 --- */
  /** Images: Tesseract's own renderings of the page to keep, for
   *  crf_document_engine_output(): CRF_ENGINE_OUTPUT(CRF_INPUT_HOCR),
   *  ..._ALTO and ..._TSV bits; 0 keeps none. */
  unsigned int engine_outputs;
} crf_options;

#define CRF_ENGINE_OUTPUT(input) (1u << (unsigned)(input))

#define CRF_OPTIONS_INIT {CRF_OPTIONS_VERSION, 0, NULL, NULL, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, 0}

/** Bytes owned by the library: release with crf_buf_dispose(). */
typedef struct crf_buf {
  char *ptr;   /**< NUL-terminated for convenience; may hold NULs only in binary formats */
  size_t size; /**< bytes before the terminating NUL */
} crf_buf;

#define CRF_BUF_INIT {NULL, 0}

/** A repaired document. Opaque; release with crf_document_free(). */
typedef struct crf_document crf_document;

/** Options checked and resources (the word list) loaded once, for many
 *  pages. Opaque; immutable after crf_engine_new() and shareable between
 *  threads; release with crf_engine_free() once no thread uses it. */
typedef struct crf_engine crf_engine;

/** Leptonica's image (PIX); colreflow.h does not include Leptonica. */
struct Pix;

/**
 * Fill `opts` with defaults for the given options version.
 * @param[out] opts    the options to initialise
 * @param version      CRF_OPTIONS_VERSION, or 1 to 3 for the shorter structs
 *                     of earlier releases (only their fields are written)
 * @return CRF_OK, or CRF_EUSAGE for a NULL pointer or an unknown version
 */
CRF_API crf_status crf_options_init(crf_options *opts, unsigned int version);

/**
 * Read plain OCR text (UTF-8, optional BOM, LF or CRLF) and repair it.
 * @param[out] out      the repaired document, to free with crf_document_free()
 * @param data          the input bytes; need not be NUL-terminated
 * @param size          number of bytes in `data`
 * @param source_name   a name for error messages (a file name), or NULL
 * @param opts          options, or NULL for defaults
 * @return CRF_OK, CRF_EINVALID (message names the byte offset), CRF_ELIMIT,
 *         CRF_ENOMEM, CRF_EUSAGE or CRF_ERROR; on failure `*out` is NULL
 *
 * Example:
 *   crf_document *doc;
 *   if (crf_document_from_text(&doc, "a\nb\n", 4, "x.txt", NULL) == CRF_OK) ...
 */
CRF_API crf_status crf_document_from_text(crf_document **out, const char *data, size_t size,
                                          const char *source_name, const crf_options *opts);

/**
 * Read an input in any supported format and repair it. Geometry formats
 * (hOCR, ALTO, PAGE, TSV) are ordered from their layout: columns, bands and
 * spanning headings; the text is then reflowed in that order.
 * @param[out] out      the repaired document, to free with crf_document_free()
 * @param data          the input bytes; need not be NUL-terminated
 * @param size          number of bytes in `data`
 * @param input         the input's format, or CRF_INPUT_AUTO to detect it
 * @param source_name   a name for error messages (a file name), or NULL
 * @param opts          options, or NULL for defaults
 * @return as crf_document_from_text(); malformed XML gets CRF_EINVALID with
 *         a message naming the line and the element
 */
CRF_API crf_status crf_document_from_bytes(crf_document **out, const char *data, size_t size,
                                           crf_input input, const char *source_name,
                                           const crf_options *opts);

/** The format the document was read from (never CRF_INPUT_AUTO); CRF_INPUT_TEXT for NULL. */
CRF_API crf_input crf_document_input(const crf_document *doc);

/**
 * Write the repaired document in a format.
 * @param[out] out   receives the bytes; dispose with crf_buf_dispose()
 * @param doc        the document (borrowed)
 * @param format     one of crf_format
 * @return CRF_OK, CRF_EUSAGE for a bad argument, CRF_ENOMEM
 */
CRF_API crf_status crf_document_render(crf_buf *out, const crf_document *doc,
                                       crf_format format);

/**
 * Write a human summary of the defects found and repaired.
 * @param[out] out   receives the text; dispose with crf_buf_dispose()
 * @param doc        the document (borrowed)
 * @return CRF_OK, CRF_EUSAGE for a bad argument, CRF_ENOMEM
 */
CRF_API crf_status crf_document_report(crf_buf *out, const crf_document *doc);

/**
 * Draw the reading order found on the page image: each region outlined and
 * coloured by its role, numbered in reading order, with arrows from region
 * to region per article. For geometry and image inputs only.
 * @param[out] out   receives PNG bytes; dispose with crf_buf_dispose()
 * @param doc        the document (borrowed)
 * @param image      the page image's bytes (the scan the OCR was made from;
 *                   for image inputs, the input itself); boxes are scaled when
 *                   its size differs from the page's
 * @param size       number of bytes in `image`
 * @return CRF_OK, CRF_EINVALID (not an image), CRF_EUSAGE (a text input, NULL), CRF_ENOMEM
 */
CRF_API crf_status crf_document_overlay(crf_buf *out, const crf_document *doc, const char *image,
                                        size_t size);

/**
 * What Tesseract itself made of an image input, before any repair: the
 * whole hOCR, ALTO or TSV file `tesseract IMAGE OUT hocr|alto|tsv` writes.
 * Kept only when crf_options.engine_outputs asked for the format.
 * @param[out] out   receives the bytes; dispose with crf_buf_dispose()
 * @param doc        the document (borrowed)
 * @param format     CRF_INPUT_HOCR, CRF_INPUT_ALTO or CRF_INPUT_TSV
 * @return CRF_OK; CRF_EUSAGE when the input was no image or the format was
 *         not asked for; CRF_ENOMEM
 */
CRF_API crf_status crf_document_engine_output(crf_buf *out, const crf_document *doc,
                                              crf_input format);

/** Number of entries in the repair log; 0 for NULL. */
CRF_API size_t crf_document_repair_count(const crf_document *doc);

/** What a unit or block is to a reader. Values are pinned; new ones are only added. */
typedef enum crf_role {
  CRF_ROLE_UNKNOWN = 0,
  CRF_ROLE_HEADLINE = 1,   /**< article title, lines kept */
  CRF_ROLE_SUBHEADING = 2, /**< section heading inside an article */
  CRF_ROLE_DATELINE = 3,   /**< first paragraph, opening with a dateline */
  CRF_ROLE_BODY = 4,       /**< running text */
  CRF_ROLE_BYLINE = 5,     /**< author line */
  CRF_ROLE_CAPTION = 6,    /**< caption of a picture or table (geometry inputs) */
  CRF_ROLE_FURNITURE = 7   /**< running head, page number (geometry inputs) */
} crf_role;

/** Kinds of repair-log entries, as named in JSON. Values are pinned. */
typedef enum crf_repair_kind {
  CRF_KIND_LINE_JOIN = 0,       /**< line breaks inside a paragraph removed */
  CRF_KIND_DEHYPHENATION = 1,   /**< a line-end hyphen removed, the word rejoined */
  CRF_KIND_HYPHEN_KEPT = 2,     /**< a line-end hyphen kept (compound, or no evidence) */
  CRF_KIND_SPACING = 3,         /**< OCR whitespace inside CJK text removed */
  CRF_KIND_BLOCK_MOVED = 4,     /**< a block or region read away from its input position */
  CRF_KIND_HEADING_PLACED = 5,  /**< a heading attached to the section it titles */
  CRF_KIND_PARAGRAPH_BREAK = 6, /**< a paragraph boundary found inside a block */
  CRF_KIND_COLUMN_JOIN = 7,     /**< a paragraph continued across a block boundary */
  CRF_KIND_ORDER_KEPT = 8,      /**< the input order kept where text cannot settle it */
  CRF_KIND_LINE_REREAD = 9      /**< a garbled line of an image read again by the engine */
} crf_repair_kind;

/** One entry of the repair log. The struct's layout is fixed; strings are
 *  borrowed from the document. */
typedef struct crf_repair_entry {
  crf_repair_kind kind;
  const char *kind_name;   /**< "line_join", ... as in JSON and the report */
  uint32_t first_line;     /**< 1-based source lines concerned (0: none) */
  uint32_t last_line;
  const char *cue;         /**< the evidence, e.g. "\"discuss\" is in the word list" */
  double confidence;       /**< 0..1; below 0.6 is worth a review */
} crf_repair_entry;

/**
 * Read one entry of the repair log.
 * @param[out] out   filled with the entry; its strings are borrowed from `doc`
 * @param doc        the document (borrowed)
 * @param index      0 to crf_document_repair_count() - 1
 * @return CRF_OK, or CRF_EUSAGE for NULL or an index out of range
 *
 * Example:
 *   crf_repair_entry e;
 *   for (size_t i = 0; crf_document_repair_at(&e, doc, i) == CRF_OK; ++i)
 *     if (e.confidence < 0.6) printf("review %s at line %u: %s\n", e.kind_name,
 *                                    (unsigned)e.first_line, e.cue);
 */
CRF_API crf_status crf_document_repair_at(crf_repair_entry *out, const crf_document *doc,
                                          size_t index);

/** Number of articles found; 0 for NULL. */
CRF_API size_t crf_document_article_count(const crf_document *doc);

/** Number of units (paragraphs, headings) in an article; 0 for NULL or out of range. */
CRF_API size_t crf_document_unit_count(const crf_document *doc, size_t article);

/** One unit of repaired output: a paragraph, a heading or a headline. The
 *  struct's layout is fixed; pointers are borrowed from the document. */
typedef struct crf_unit {
  crf_role role;
  const char *role_name;        /**< "headline", ... as in JSON */
  const char *text;             /**< the repaired text, NUL-terminated (UTF-8) */
  size_t text_size;             /**< bytes of `text` before the NUL */
  const uint32_t *source_lines; /**< the 1-based input lines it came from, in output order */
  size_t source_line_count;
} crf_unit;

/**
 * Read a unit of an article, in reading order.
 * @param[out] out   filled with the unit; pointers borrowed from `doc`
 * @param doc        the document (borrowed)
 * @param article    0 to crf_document_article_count() - 1
 * @param index      0 to crf_document_unit_count(doc, article) - 1
 * @return CRF_OK, or CRF_EUSAGE for NULL or an index out of range
 */
CRF_API crf_status crf_document_unit_at(crf_unit *out, const crf_document *doc, size_t article,
                                        size_t index);

/** Number of input blocks (runs of lines the order stage moves as one); 0 for NULL. */
CRF_API size_t crf_document_block_count(const crf_document *doc);

/** An input block. The struct's layout is fixed. */
typedef struct crf_block {
  crf_role role;
  const char *role_name;
  uint32_t first_line; /**< 1-based line numbers of the text the stages read */
  uint32_t last_line;
  size_t line_count;
  long position;       /**< its place in the output order, from 0; -1 if not placed */
} crf_block;

/**
 * Read an input block, in input order.
 * @param[out] out   filled with the block
 * @param doc        the document (borrowed)
 * @param index      0 to crf_document_block_count() - 1
 * @return CRF_OK, or CRF_EUSAGE for NULL or an index out of range
 */
CRF_API crf_status crf_document_block_at(crf_block *out, const crf_document *doc, size_t index);

/** Number of regions of a geometry or image input; 0 for plain text and NULL. */
CRF_API size_t crf_document_region_count(const crf_document *doc);

/** A region of the page (hOCR ocr_carea, ALTO TextBlock, PAGE TextRegion,
 *  TSV block), in reading order. The struct's layout is fixed; strings are
 *  borrowed from the document. */
typedef struct crf_region {
  const char *id;        /**< the source's id; "" when it has none */
  size_t article;        /**< the article it was read in, from 0 */
  size_t position;       /**< its place in the reading order, from 0 */
  const char *hint;      /**< what the input calls it: "none", "paragraph", "heading", ... */
  int x0, y0, x1, y1;    /**< bounding box in the page's units; x1, y1 exclusive */
  uint32_t source_line;  /**< line of the input file where it starts; 0 for images */
  uint32_t first_line;   /**< the laid-out text lines it became (the numbers */
  uint32_t last_line;    /**< units' source_lines use); both 0 when it has no text */
} crf_region;

/**
 * Read a region of a geometry input, in reading order.
 * @param[out] out   filled with the region; strings borrowed from `doc`
 * @param doc        the document (borrowed)
 * @param position   0 to crf_document_region_count() - 1
 * @return CRF_OK, or CRF_EUSAGE for NULL, a text input or an index out of range
 */
CRF_API crf_status crf_document_region_at(crf_region *out, const crf_document *doc,
                                          size_t position);

/**
 * The page size a geometry input declares, in its own units.
 * @param[out] width   receives the width (0: not given)
 * @param[out] height  receives the height (0: not given)
 * @param doc          the document (borrowed)
 * @return CRF_OK, or CRF_EUSAGE for NULL pointers or a plain-text input
 */
CRF_API crf_status crf_document_page_size(int *width, int *height, const crf_document *doc);

/** Release a document; NULL is accepted. */
CRF_API void crf_document_free(crf_document *doc);

/**
 * Read a file in any supported format and repair it. The file is read
 * whole, refused beyond max_input_bytes without reading it all.
 * @param[out] out   the repaired document, to free with crf_document_free()
 * @param path       the file's path; also the name in messages and JSON
 * @param input      the file's format, or CRF_INPUT_AUTO to detect it
 * @param opts       options, or NULL for defaults
 * @return CRF_OK, CRF_ENOTFOUND (cannot open the file; the message says
 *         why), or as crf_document_from_bytes(); on failure `*out` is NULL
 *
 * Example:
 *   crf_document *doc;
 *   if (crf_document_from_file(&doc, "page.hocr", CRF_INPUT_AUTO, NULL) != CRF_OK)
 *     fprintf(stderr, "%s\n", crf_error_last());
 */
CRF_API crf_status crf_document_from_file(crf_document **out, const char *path, crf_input input,
                                          const crf_options *opts);

/**
 * Recognise an image the caller has already decoded with Leptonica, with
 * Tesseract, and repair it, as crf_document_from_bytes() does for an image
 * file. The image is encoded to PNG in memory first (its resolution kept),
 * a few milliseconds for a page.
 * @param[out] out        the repaired document, to free with crf_document_free()
 * @param pix             the image (borrowed: neither kept nor destroyed)
 * @param source_name     a name for messages, or NULL
 * @param opts            options (languages, psm, tessdata, dpi), or NULL
 * @return CRF_OK, CRF_EINVALID (an image Leptonica cannot encode, a
 *         language Tesseract cannot load), CRF_ELIMIT, CRF_EUSAGE, CRF_ERROR
 */
CRF_API crf_status crf_document_from_pix(crf_document **out, struct Pix *pix,
                                         const char *source_name, const crf_options *opts);

/**
 * Make an engine: options checked and copied (strings included), the word
 * list loaded. An engine is immutable and may be used by many threads at
 * once; each repair gives the bytes crf_document_from_bytes() gives with
 * the same options.
 * @param[out] out   the engine, to free with crf_engine_free()
 * @param opts       options, or NULL for defaults
 * @return CRF_OK, CRF_EUSAGE (bad options), CRF_ENOMEM
 */
CRF_API crf_status crf_engine_new(crf_engine **out, const crf_options *opts);

/** Release an engine; NULL is accepted. Documents it made stay valid. */
CRF_API void crf_engine_free(crf_engine *engine);

/**
 * Repair one input with an engine's options. Thread-safe on a shared engine.
 * @param[out] out      the repaired document, to free with crf_document_free()
 * @param engine        the engine (borrowed)
 * @param data, size    the input bytes
 * @param input         the input's format, or CRF_INPUT_AUTO
 * @param source_name   a name for messages and JSON, or NULL
 * @return as crf_document_from_bytes()
 */
CRF_API crf_status crf_engine_repair(crf_document **out, const crf_engine *engine,
                                     const char *data, size_t size, crf_input input,
                                     const char *source_name);

/** As crf_engine_repair() for a file, as crf_document_from_file() reads it. */
CRF_API crf_status crf_engine_repair_file(crf_document **out, const crf_engine *engine,
                                          const char *path, crf_input input);

/** As crf_engine_repair() for a Leptonica image, as crf_document_from_pix() reads it. */
CRF_API crf_status crf_engine_repair_pix(crf_document **out, const crf_engine *engine,
                                         struct Pix *pix, const char *source_name);

/**
 * One call: read plain text, repair it, write it in `format`.
 * @param[out] out   receives the output; dispose with crf_buf_dispose()
 * @return as crf_document_from_text() and crf_document_render()
 */
CRF_API crf_status crf_repair_text(crf_buf *out, const char *data, size_t size,
                                   crf_format format, const crf_options *opts);

/** Release the bytes of a buffer and reset it to CRF_BUF_INIT; NULL is accepted. */
CRF_API void crf_buf_dispose(crf_buf *buf);

/**
 * The message of the last failure on this thread: never NULL, owned by the
 * library, valid until the next colreflow call on this thread.
 */
CRF_API const char *crf_error_last(void);

/** CRF_VERSION_NUMBER of the library actually linked. */
CRF_API int crf_version_number(void);

/** The version as "MAJOR.MINOR.PATCH"; a static string. */
CRF_API const char *crf_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* COLREFLOW_H */
