/* test-quote-document.c: the quote PDF and CSV, read back as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number the document shows must be the model's: the tests price the
 * quote with pb_pricing_compute, format with pb-money.h and pb-time.h, and
 * look for exactly those strings in what pdftotext reads out of the PDF.
 * pdftotext breaks lines where the document wraps them, so texts are
 * compared with all white space removed.
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pb-error.h"
#include "pb-money.h"
#include "pb-pricing.h"
#include "pb-quote-csv.h"
#include "pb-quote-document.h"
#include "pb-test.h"
#include "pb-translation-private.h"
#include "pb-translation.h"

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *fonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pages = g_find_program_in_path ("pdftoppm");

  if (text != NULL && fonts != NULL && pages != NULL)
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed");
  return FALSE;
}

/* stdout of a NULL-terminated command. */
static char *
run (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_shows (const char *squeezed, const char *needle)
{
  g_autofree char *wanted = squeeze (needle);

  if (strstr (squeezed, wanted) == NULL)
    g_error ("the document does not show “%s”:\n%s", needle, squeezed);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pricebook-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Exports @document and returns the PDF's text, white space removed. */
static char *
export_text (PbQuoteDocument *document, char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, "quote.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (pb_quote_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  *path_out = path;
  return squeeze (text);
}

/* The customer's copy of @quote, exported: its text, white space removed. */
static char *
quote_text (PbQuote *quote, char **path_out)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  return export_text (document, path_out);
}

/* TRUE when @rule is the rule of one of @pricing's terms. */
static gboolean
is_term_rule (PbPricing *pricing, const char *rule)
{
  for (guint i = 0; i < pricing->terms->len; i++)
    if (g_str_equal (((PbQuoteTerm *) g_ptr_array_index (pricing->terms, i))->rule, rule))
      return TRUE;
  return FALSE;
}

/* Everything the model says about @quote, found in its PDF: lines, totals
 * with net, tax and gross, the gross in capitals, terms and
 * assumptions with their rules.  The customer's copy has no rule column:
 * a line's rule that no term names is nowhere; the internal copy shows it. */
static void
assert_document_shows_model (PbQuote *quote, const PbSeller *seller, PbQuoteDocumentFlags flags)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = pb_time_format_date (pb_quote_get_date (quote));
  g_autofree char *until = pb_time_format_date (pb_time_add_days (pb_quote_get_date (quote),
                                                                  (int) pb_quote_get_valid_days (quote)));
  PbMoney amounts[6];
  g_autofree char *words = NULL;
  guint hidden_rules = 0;

  g_assert_true (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_no_error (error);
  document = pb_quote_document_new_full (quote, cat, seller, flags, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);

  assert_shows (text, pb_customer_get_name (pb_quote_get_customer (quote)));
  assert_shows (text, pb_quote_get_number (quote));
  assert_shows (text, date);
  assert_shows (text, until);
  for (guint i = 0; i < pricing->items->len; i++)
    {
      const PbPricedItem *item = g_ptr_array_index (pricing->items, i);

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PbPriceLine *line = g_ptr_array_index (item->lines, j);
          g_autofree char *unit = pb_money_format_display (line->unit_price);
          g_autofree char *amount = pb_money_format_display (line->amount);
          g_autofree char *quantity = pb_format_count (line->quantity);

          assert_shows (text, line->description);
          assert_shows (text, unit);
          assert_shows (text, amount);
          assert_shows (text, quantity);
          if (flags & PB_QUOTE_DOCUMENT_INTERNAL)
            assert_shows (text, line->rule);
          else if (!is_term_rule (pricing, line->rule))
            {
              if (strstr (text, line->rule) != NULL)
                g_error ("the customer's copy shows the line's rule %s", line->rule);
              hidden_rules++;
            }
        }
    }
  if (!(flags & PB_QUOTE_DOCUMENT_INTERNAL))
    g_assert_cmpuint (hidden_rules, >, 0);
  amounts[0] = pricing->subtotal;
  amounts[1] = pricing->discount;
  amounts[2] = pricing->net;
  amounts[3] = pricing->tax;
  amounts[4] = pricing->gross;
  amounts[5] = pricing->total;
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *shown = pb_money_format_display (amounts[i]);

      assert_shows (text, shown);
    }
  /* The capitals are the gross, the amount to pay. */
  words = pb_money_format_chinese (pricing->gross);
  assert_shows (text, words);
  g_assert_cmpuint (pricing->terms->len, >, 0);
  for (guint i = 0; i < pricing->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);

      assert_shows (text, term->body);
      assert_shows (text, term->rule);
    }
  if (seller != NULL)
    {
      const char *fields[] = { seller->company, seller->address, seller->tax_id, seller->bank,
                               seller->bank_account, seller->contact, seller->phone, seller->email };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (fields[i] != NULL)
          assert_shows (text, fields[i]);
    }
  g_unlink (path);
}

static void
test_english (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbSeller) seller = pb_seller_new ("Shanghai Cloudway IT Co., Ltd.", "Li Ming", "021-6000-1234",
                                              "liming@example.com");

  if (!have_poppler ())
    return;
  g_assert_cmpint (pb_quote_get_language (quote), ==, PB_QUOTE_LANGUAGE_EN);
  assert_document_shows_model (quote, seller, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
  assert_document_shows_model (quote, seller, PB_QUOTE_DOCUMENT_INTERNAL);
}

/* The program speaks Chinese from here on: gettext, the build tree's
 * translations, a UTF-8 locale (glibc ignores LANGUAGE under plain C). */
static void
speak_chinese (void)
{
  const char *localedir = g_getenv ("PRICEBOOK_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* The premise: gettext does answer in Chinese here. */
  g_assert_cmpstr (_("Lapsed"), !=, "Lapsed");
}

/* Back to the source language (and the locale the suite set) for the
 * tests that follow. */
static void
speak_english (void)
{
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_cmpstr (_("Lapsed"), ==, "Lapsed");
}

/* The carried catalog answers as gettext does with the build's
 * translations, for words of the timeline figure, a plural in both its
 * forms and a message with a format. */
static void
test_translation_lookup (void)
{
  const char *messages[] = { "Base fee", "Lapsed", "Binding", "Usable", "Suspended", "void",
                             "Enterprise Live", "Voice Message", "All packages", "minutes left",
                             "%s min expire unused", "0 left · %s", "%s · %s viewers · gift" };

  speak_chinese ();
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_assert_cmpstr (pb_translate (PB_TRANSLATION_CHINESE, messages[i]), ==, _(messages[i]));
      g_assert_cmpstr (pb_translate (PB_TRANSLATION_CHINESE, messages[i]), !=, messages[i]);
      g_assert_cmpstr (pb_translate (PB_TRANSLATION_ENGLISH, messages[i]), ==, messages[i]);
      /* No language: the program's, which speaks Chinese here. */
      g_assert_cmpstr (pb_translate (NULL, messages[i]), ==, pb_translate (PB_TRANSLATION_CHINESE, messages[i]));
    }
  for (gulong n = 0; n < 3; n++)
    {
      g_assert_cmpstr (pb_ntranslate (PB_TRANSLATION_CHINESE, "%s month billed", "%s months billed", n), ==,
                       g_dngettext (GETTEXT_PACKAGE, "%s month billed", "%s months billed", n));
      g_assert_cmpstr (pb_ntranslate (PB_TRANSLATION_ENGLISH, "%s month billed", "%s months billed", n), ==,
                       n == 1 ? "%s month billed" : "%s months billed");
    }
  /* What no catalog holds is shown as written, never as nothing. */
  g_assert_cmpstr (pb_translate (PB_TRANSLATION_CHINESE, "no such message"), ==, "no such message");
  g_assert_cmpstr (pb_translate ("xx", "Lapsed"), ==, "Lapsed");
  g_assert_cmpstr (pb_ntranslate (PB_TRANSLATION_CHINESE, "no message", "no messages", 2), ==, "no messages");
  speak_english ();
}

/* A .mo file as msgfmt writes it from @po, in @endianness. */
static GBytes *
compile_po (const char *po, const char *endianness)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *in = g_build_filename (dir, "t.po", NULL);
  g_autofree char *out = g_build_filename (dir, "t.mo", NULL);
  g_autofree char *option = g_strconcat ("--endianness=", endianness, NULL);
  g_autofree char *ignored = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (in, po, -1, &error));
  ignored = run ("msgfmt", option, "-o", out, in, NULL);
  g_assert_true (g_file_get_contents (out, &contents, &length, &error));
  g_assert_no_error (error);
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
  return g_bytes_new_take (contents, length);
}

/* A copy of @bytes with the 32-bit word at @offset set to @value, in the
 * file's byte order (@big_endian). */
static GBytes *
patched (GBytes *bytes, gsize offset, guint32 value, gboolean big_endian)
{
  gsize size = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  guint32 word = big_endian ? GUINT32_TO_BE (value) : GUINT32_TO_LE (value);

  g_assert_cmpuint (offset + 4, <=, size);
  memcpy (data + offset, &word, 4);
  return g_bytes_new_take (data, size);
}

/* The reader behind pb_translate(): both byte orders, two plural forms (the
 * carried Chinese has one), and files it must refuse or read around. */
static void
test_mo_reader (void)
{
  const char *po =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
    "msgid \"Lapsed\"\nmsgstr \"Expired\"\n\n"
    "msgid \"Usable\"\nmsgstr \"\"\n\n"
    "msgid \"%s month billed\"\nmsgid_plural \"%s months billed\"\n"
    "msgstr[0] \"one: %s\"\nmsgstr[1] \"other: %s\"\n";
  const char *orders[] = { "little", "big" };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(GBytes) mo = compile_po (po, orders[i]);
      gboolean big = g_str_equal (orders[i], "big");
      gsize size = g_bytes_get_size (mo);
      g_autoptr(GBytes) short_file = g_bytes_new_from_bytes (mo, 0, 27);
      g_autoptr(GBytes) revision = patched (mo, 4, 1 << 16, big);
      g_autoptr(GBytes) minor = patched (mo, 4, 1, big);
      PbMoCatalog catalog;
      guint32 n, translations;

      g_assert_true (pb_mo_catalog_init (&catalog, mo));
      g_assert_cmpstr (pb_mo_catalog_lookup (&catalog, "Lapsed"), ==, "Expired");
      g_assert_null (pb_mo_catalog_lookup (&catalog, "Usable"));
      g_assert_null (pb_mo_catalog_lookup (&catalog, "Laps"));
      g_assert_null (pb_mo_catalog_lookup (&catalog, "Lapsed and more"));
      g_assert_cmpstr (pb_mo_catalog_nlookup (&catalog, "%s month billed", 1), ==, "one: %s");
      g_assert_cmpstr (pb_mo_catalog_nlookup (&catalog, "%s month billed", 0), ==, "other: %s");
      g_assert_cmpstr (pb_mo_catalog_nlookup (&catalog, "%s month billed", 2), ==, "other: %s");
      n = catalog.n;
      translations = catalog.translations;

      /* Too short for a header, a major revision it does not know. */
      g_assert_false (pb_mo_catalog_init (&catalog, short_file));
      g_assert_null (pb_mo_catalog_lookup (&catalog, "Lapsed"));
      g_assert_false (pb_mo_catalog_init (&catalog, revision));
      g_assert_null (pb_mo_catalog_lookup (&catalog, "Lapsed"));
      g_assert_true (pb_mo_catalog_init (&catalog, minor));

      /* A translation that points past the end of the file, or whose
       * length runs over its NUL, is not read; the others still are.  The
       * originals sort as "" (the header), "%s month billed", "Lapsed". */
      g_assert_cmpuint (n, ==, 3);
      for (guint32 entry = 1; entry < n; entry++)
        {
          g_autoptr(GBytes) outside = patched (mo, translations + entry * 8 + 4, (guint32) size, big);
          g_autoptr(GBytes) too_long = patched (mo, translations + entry * 8, (guint32) size, big);
          GBytes *broken[] = { outside, too_long };

          for (guint b = 0; b < G_N_ELEMENTS (broken); b++)
            {
              g_assert_true (pb_mo_catalog_init (&catalog, broken[b]));
              if (entry == 1)
                {
                  g_assert_null (pb_mo_catalog_nlookup (&catalog, "%s month billed", 2));
                  g_assert_cmpstr (pb_mo_catalog_lookup (&catalog, "Lapsed"), ==, "Expired");
                }
              else
                {
                  g_assert_null (pb_mo_catalog_lookup (&catalog, "Lapsed"));
                  g_assert_cmpstr (pb_mo_catalog_nlookup (&catalog, "%s month billed", 2), ==, "other: %s");
                }
            }
        }
    }
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("not a catalog, only words in a file", 35);
    PbMoCatalog catalog;

    g_assert_false (pb_mo_catalog_init (&catalog, text));
  }
}

/* the timeline figure is in the quote's language, like the rest of
 * the document, though the program runs in Chinese. */
static void
test_figure_language (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *text = NULL;

  if (!have_poppler ())
    return;
  speak_chinese ();
  g_assert_cmpint (pb_quote_get_language (quote), ==, PB_QUOTE_LANGUAGE_EN);
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);
  /* Lane headings and subtitles, span labels, the ruler's months. */
  assert_shows (text, "Projected timeline");
  assert_shows (text, "Enterprise Live");
  assert_shows (text, "Lapsed");
  assert_shows (text, "12 months billed");
  assert_shows (text, "Standard · 300 viewers");
  assert_shows (text, "Apr");
  g_assert_null (strstr (text, _("Lapsed")));
  g_assert_null (strstr (text, "月"));
  g_unlink (path);
  speak_english ();
}

static void
test_chinese (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("contract-example.pricebook");
  g_autoptr(PbSeller) seller = pb_seller_new ("上海云途信息技术有限公司", "李明", "021-6000-1234",
                                              "liming@example.com");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  pb_quote_set_language (quote, PB_QUOTE_LANGUAGE_ZH_CN);
  assert_document_shows_model (quote, seller, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
  assert_document_shows_model (quote, seller, PB_QUOTE_DOCUMENT_INTERNAL);

  /* The fixed words follow the quote's language, whatever the UI's. */
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);
  assert_shows (text, "报价单");
  assert_shows (text, "有效期至");
  assert_shows (text, "人民币大写");
  g_assert_null (strstr (text, "Quotation"));
  g_assert_null (strstr (text, "Valid until"));
  g_unlink (path);
}

/* an English quote to a Chinese customer (the usual case) sets its
 * Latin text in a Latin font and stays small: cairo 1.16 once embedded
 * some 870 KB of Noto Sans CJK subroutines in it (see pb-timeline-private.h). */
static void
test_english_pdf_size (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "quote.pdf", NULL);
  g_autofree char *fonts = NULL, *text = NULL;
  GStatBuf st;

  if (!have_poppler ())
    return;
  g_assert_cmpint (pb_quote_get_language (quote), ==, PB_QUOTE_LANGUAGE_EN);
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  fonts = run ("pdffonts", path, NULL);
  if (strstr (fonts, "NotoSans-Regular") == NULL)
    {
      /* tools/deps.sh installs fonts-noto-core; without it pango falls back. */
      g_test_skip ("Noto Sans (fonts-noto-core) is not installed");
      g_unlink (path);
      return;
    }
  /* The customer's Chinese name is there, from the CJK font. */
  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (text, "杭州云帆网络科技有限公司"));
  g_assert_nonnull (strstr (fonts, "NotoSansCJKsc"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 400 * 1024);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_fonts_embedded (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("contract-example.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "quote.pdf", NULL);
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (!have_poppler ())
    return;
  pb_quote_set_language (quote, PB_QUOTE_LANGUAGE_ZH_CN);
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  fonts = run ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  /* Two lines of heading, then one line per font: name, type (in words),
   * encoding, emb, sub, uni, object, generation. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      g_assert_cmpuint (words->len, >=, 7);
      if (!g_str_equal (g_ptr_array_index (words, words->len - 5), "yes"))
        g_error ("a font is not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_unlink (path);
}

/* 300 lines: the table goes on over pages, its head on each of them, no
 * line split between two pages, every line exactly once. */
static void
test_long_quote (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree guint *line_page = g_new0 (guint, 300);
  g_autofree guint *rows_on_page = NULL;
  g_autofree char *pages_line = NULL;
  guint n_pages, last_row_page = 0, full_pages = 0, rows_per_full = 0;
  const char *at;

  if (!have_poppler ())
    return;
  pb_customer_set_name (pb_quote_get_customer (quote), "长单测试有限公司");
  pb_customer_set_enterprise (pb_quote_get_customer (quote), TRUE);
  pb_quote_set_number (quote, "Q-2026-0300");
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(PbQuoteItem) item = pb_quote_item_new (PB_ITEM_KIND_CUSTOM_PACKAGE);

      pb_quote_item_set_minutes (item, 1000 * (i + 1));
      pb_quote_item_set_quantity (item, 1);
      pb_quote_append_item (quote, item);
    }
  g_assert_true (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pricing->items->len, ==, 300);

  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  n_pages = pb_quote_document_get_n_pages (document);

  info = run ("pdfinfo", path, NULL);
  at = strstr (info, "Pages:");
  g_assert_nonnull (at);
  g_assert_cmpuint ((guint) g_ascii_strtoull (at + strlen ("Pages:") + strspn (at + strlen ("Pages:"), " "), NULL, 10),
                    ==, n_pages);

  rows_on_page = g_new0 (guint, n_pages + 1);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *raw = run ("pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL);
      g_autofree char *text = squeeze (raw);
      g_autofree char *footer = g_strdup_printf ("%u/%u", page, n_pages);

      assert_shows (text, footer);
      for (guint i = 0; i < 300; i++)
        {
          const PbPricedItem *item = g_ptr_array_index (pricing->items, i);
          const PbPriceLine *line = g_ptr_array_index (item->lines, 0);
          g_autofree char *description = squeeze (line->description);
          g_autofree char *amount = pb_money_format_display (line->amount);

          if (strstr (text, description) == NULL)
            continue;
          /* The whole row on this page, and on no other. */
          g_assert_nonnull (strstr (text, amount));
          g_assert_cmpuint (line_page[i], ==, 0);
          line_page[i] = page;
          rows_on_page[page]++;
        }
      if (rows_on_page[page] > 0)
        {
          assert_shows (text, "Description");
          assert_shows (text, "List unit price");
          assert_shows (text, "Amount");
        }
    }
  for (guint i = 0; i < 300; i++)
    {
      g_assert_cmpuint (line_page[i], >, 0);
      g_assert_cmpuint (line_page[i], >=, last_row_page);
      last_row_page = line_page[i];
    }
  /* The pages between the first and the last of the table are full, all
   * with the same number of rows (these rows all have the same height),
   * and the table needs exactly as many pages as that number says. */
  for (guint page = 2; page < last_row_page; page++)
    {
      if (rows_per_full == 0)
        rows_per_full = rows_on_page[page];
      g_assert_cmpuint (rows_on_page[page], ==, rows_per_full);
      full_pages++;
    }
  g_assert_cmpuint (full_pages, >, 0);
  g_assert_cmpuint (rows_on_page[1], >, 0);
  g_assert_cmpuint (rows_on_page[last_row_page], >, 0);
  g_assert_cmpuint (rows_on_page[last_row_page], <=, rows_per_full);
  g_assert_cmpuint (last_row_page, ==, 2 + (300 - rows_on_page[1] - 1) / rows_per_full);
  /* After the table: totals, terms, assumptions, the signature block, the
   * figure and its key dates, at most three more pages. */
  g_assert_cmpuint (n_pages, >=, last_row_page);
  g_assert_cmpuint (n_pages, <=, last_row_page + 3);
  g_unlink (path);
}

static void
test_refused (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  /* Item 2 is the custom package: 1,500 minutes is off the grid. */
  pb_quote_item_set_minutes (pb_quote_get_item (quote, 2), 1500);
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PB_ERROR, PB_ERROR_RULE);
  g_assert_nonnull (strstr (error->message, "VM-6"));
  g_assert_nonnull (strstr (error->message, "item 2"));
  g_clear_error (&error);

  csv = pb_quote_csv_build (quote, cat, &error);
  g_assert_null (csv);
  g_assert_error (error, PB_ERROR, PB_ERROR_RULE);
  g_assert_nonnull (strstr (error->message, "VM-6"));
}

/* The printing path: pages drawn into any cairo context. */
static void
test_draw_page (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int width = (int) PB_QUOTE_DOCUMENT_PAGE_WIDTH, height = (int) PB_QUOTE_DOCUMENT_PAGE_HEIGHT;

  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pb_quote_document_get_n_pages (document), >=, 1);
  g_assert_nonnull (strstr (pb_quote_document_get_title (document), "Q-2026-0042"));
  for (guint page = 0; page < pb_quote_document_get_n_pages (document); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_t *cr = cairo_create (surface);
      guint inked = 0;
      const guchar *data;
      int stride;

      /* Start black: the page paints its own white paper. */
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      pb_quote_document_draw_page (document, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      /* The corners are paper; some of the page is ink. */
      g_assert_cmphex (*(const guint32 *) (const void *) data & 0xffffff, ==, 0xffffff);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          if ((*(const guint32 *) (const void *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
            inked++;
      g_assert_cmpuint (inked, >, 2000);
      cairo_surface_destroy (surface);
    }
}

static void
test_metadata (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbSeller) seller = pb_seller_new ("云途信息", "李明", NULL, "");
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "quote.pdf", NULL);
  g_autofree char *info = NULL;

  if (!have_poppler ())
    return;
  document = pb_quote_document_new (quote, cat, seller, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  info = run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Q-2026-0042"));
  g_assert_nonnull (strstr (info, "杭州云帆网络科技有限公司"));
  g_assert_nonnull (strstr (info, "Author:          云途信息 · 李明"));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  g_assert_nonnull (strstr (info, "A4"));
  g_unlink (path);
}

/* A failed export leaves nothing behind and says where and why. */
static void
test_unwritable (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "quote.pdf", NULL);

  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (pb_quote_document_export_pdf (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_csv (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  guint row = 1;

  g_assert_true (pb_pricing_compute (cat, quote, &pricing, &error));
  csv = pb_quote_csv_build (quote, cat, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "item,kind,rule,description,quantity,unit_price,amount\r\n"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  rows = g_strsplit (csv, "\r\n", -1);
  for (guint i = 0; i < pricing->items->len; i++)
    {
      const PbPricedItem *item = g_ptr_array_index (pricing->items, i);

      for (guint j = 0; j < item->lines->len; j++, row++)
        {
          const PbPriceLine *line = g_ptr_array_index (item->lines, j);
          g_autofree char *unit = pb_money_format (line->unit_price);
          g_autofree char *amount = pb_money_format (line->amount);
          g_autofree char *description = strchr (line->description, ',') != NULL
                                           ? g_strdup_printf ("\"%s\"", line->description)
                                           : g_strdup (line->description);
          g_autofree char *expected = g_strdup_printf ("%u,%s,%s,%s,%" G_GINT64_FORMAT ",%s,%s", i + 1,
                                                       pb_item_kind_to_string (item->kind), line->rule,
                                                       description, line->quantity, unit, amount);

          g_assert_nonnull (rows[row]);
          g_assert_cmpstr (rows[row], ==, expected);
        }
    }
  /* One row per line, then the final line end. */
  g_assert_cmpstr (rows[row], ==, "");
  g_assert_null (rows[row + 1]);
}

/* Capital numerals beyond test-money.c's: zeros inside, across 万 and 亿
 * groups, jiao and fen. */
static void
assert_capitals (const char *amount, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  PbMoney value;

  g_assert_true (pb_money_parse (amount, &value, &error));
  g_assert_no_error (error);
  words = pb_money_format_chinese (value);
  g_assert_cmpstr (words, ==, expected);
}

static void
test_capitals (void)
{
  assert_capitals ("185617.75", "壹拾捌万伍仟陆佰壹拾柒元柒角伍分");
  assert_capitals ("1217353.75", "壹佰贰拾壹万柒仟叁佰伍拾叁元柒角伍分");
  assert_capitals ("100000000.10", "壹亿元壹角整");
  /* A zero 万 place before a non-zero 仟: one 零 (the payment rules allow
   * it written or left out; Pricebook writes it, as for ¥10,395). */
  assert_capitals ("1001000.01", "壹佰万零壹仟元零壹分");
  assert_capitals ("20000000.50", "贰仟万元伍角整");
  assert_capitals ("1000000001", "壹拾亿零壹元整");
  assert_capitals ("10000100", "壹仟万零壹佰元整");
  assert_capitals ("100010000", "壹亿零壹万元整");
  assert_capitals ("0.09", "玖分");
  assert_capitals ("60.08", "陆拾元零捌分");
}

/* The text of each page of the PDF at @path, white space removed. */
static GStrv
page_texts (const char *path)
{
  g_autofree char *raw = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);
  GPtrArray *squeezed = g_ptr_array_new ();

  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL || *pages[i] != '\0')
      g_ptr_array_add (squeezed, squeeze (pages[i]));
  g_ptr_array_add (squeezed, NULL);
  return (GStrv) g_ptr_array_free (squeezed, FALSE);
}

static guint
count_in (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* Pixels of page 1 of the PDF at @path, rendered back by pdftoppm, that are
 * the draft watermark's pale red: nothing else on a page of text is red. */
static guint
watermark_pixels (const char *path)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *out = run ("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", path, prefix,
                              NULL);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((const guint32 *) (data + y * stride))[x];
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        n += r >= 200 && r - g >= 8 && r - b >= 8 && ABS (g - b) <= 3;
      }
  cairo_surface_destroy (surface);
  g_unlink (png);
  g_rmdir (dir);
  return n;
}

/* A quote with every quotation detail (issue 17), exclusive 13 %. */
static PbQuote *
detailed_quote (PbQuoteLanguage language)
{
  PbQuote *quote = pb_test_quote ("sample.pricebook");
  PbCustomer *customer = pb_quote_get_customer (quote);

  pb_quote_set_language (quote, language);
  pb_customer_set_address (customer, "杭州市西湖区文三路 90 号");
  pb_customer_set_tax_id (customer, "91330100MA2BUYER01");
  pb_customer_set_bank (customer, "招商银行杭州分行");
  pb_customer_set_bank_account (customer, "5719 0000 1111 2222");
  pb_quote_set_tax (quote, PB_TAX_EXCLUSIVE, 1300);
  pb_quote_set_payment_terms (quote, "100% prepayment within 5 business days of signing");
  pb_quote_set_notes (quote, "First note line\nSecond note line");
  pb_quote_set_revision (quote, 2);
  return quote;
}

static PbSeller *
detailed_seller (void)
{
  PbSeller *seller = pb_seller_new ("上海云途信息技术有限公司", "李明", "021-6000-1234", "liming@example.com");

  seller->address = g_strdup ("上海市浦东新区张江路 88 号");
  seller->tax_id = g_strdup ("91310115MA1SELLER2");
  seller->bank = g_strdup ("中国工商银行上海张江支行");
  seller->bank_account = g_strdup ("1001 2345 6789");
  return seller;
}

/* Issue 17 items 1-6 in both languages: every seller and buyer detail, net,
 * tax and gross with their words, payment terms, notes, the signature
 * block, the revision, the draft watermark; no rule column. */
static void
test_quotation_details (void)
{
  struct {
    PbQuoteLanguage language;
    const char *words[14];
  } cases[] = {
    { PB_QUOTE_LANGUAGE_EN, { "Seller", "Buyer", "Tax ID", "Bank", "Account", "Amount excl. tax",
                              "VAT (13 %)", "Total incl. tax", "Payment terms", "Notes", "Seller (stamp)",
                              "Buyer (stamp)", "Q-2026-0042 rev. 2", "Draft" } },
    { PB_QUOTE_LANGUAGE_ZH_CN, { "供方", "需方", "纳税人识别号", "开户行", "账号", "不含税金额", "税额（13%）",
                                 "价税合计", "付款条件", "备注", "供方（盖章）", "需方（盖章）",
                                 "Q-2026-0042 第 2 版", "草稿" } },
  };
  g_autoptr(PbSeller) seller = detailed_seller ();

  if (!have_poppler ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PbQuote) quote = detailed_quote (cases[c].language);
      g_autoptr(PbCatalog) cat = pb_test_catalog ();
      g_autoptr(PbQuoteDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL, *text = NULL;
      const char *details[] = { "杭州市西湖区文三路90号", "91330100MA2BUYER01", "招商银行杭州分行", "5719000011112222",
                                "上海市浦东新区张江路88号", "91310115MA1SELLER2", "中国工商银行上海张江支行",
                                "100123456789", "100%prepaymentwithin5businessdaysofsigning",
                                "Firstnoteline", "Secondnoteline",
                                /* ¥185,617.75 + 13 % = ¥24,130.3075 → ¥24,130.31 */
                                "¥185,617.75", "¥24,130.31", "¥209,748.06",
                                "贰拾万零玖仟柒佰肆拾捌元零陆分" };

      assert_document_shows_model (quote, seller, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
      document = pb_quote_document_new (quote, cat, seller, &error);
      g_assert_no_error (error);
      text = export_text (document, &path);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].words); i++)
        assert_shows (text, cases[c].words[i]);
      for (guint i = 0; i < G_N_ELEMENTS (details); i++)
        assert_shows (text, details[i]);
      /* The customer's copy: no rule column, no internal mark. */
      g_assert_null (strstr (text, cases[c].language == PB_QUOTE_LANGUAGE_EN ? "Internalcopy" : "内部副本"));
      g_assert_null (strstr (text, cases[c].language == PB_QUOTE_LANGUAGE_EN ? "Rule" : "规则"));
      /* The diagonal watermark is drawn, and only its word's outlines: no
       * stray letter of it in the text. */
      g_assert_cmpuint (watermark_pixels (path), >, 200);
      g_unlink (path);
    }
}

/* Q-7 at the catalog's default: the assumption in its own section, with
 * its rule, and inclusive 6 % in the totals. */
static void
test_default_tax (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *text = NULL;

  if (!have_poppler ())
    return;
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);
  /* ¥185,617.75 / 1.06 = ¥175,111.08, tax ¥10,506.67. */
  assert_shows (text, "Amount excl. tax ¥175,111.08");
  assert_shows (text, "VAT (6 %) ¥10,506.67");
  assert_shows (text, "Total incl. tax ¥185,617.75");
  assert_shows (text, "List unit prices include 6 % VAT.");
  assert_shows (text, "Assumptions");
  assert_shows (text, "List prices include 6 % VAT");
  assert_shows (text, "(Q-7)");
  g_assert_null (strstr (text, "Assumption:"));
  g_unlink (path);
}

/* The internal copy keeps the rule column and says it is internal; a sent
 * quote has no watermark; revision 1 is not shown. */
static void
test_internal_copy (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) internal = NULL, sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *text = NULL, *path2 = NULL, *text2 = NULL;

  if (!have_poppler ())
    return;
  internal = pb_quote_document_new_full (quote, cat, NULL, PB_QUOTE_DOCUMENT_INTERNAL, &error);
  g_assert_no_error (error);
  text = export_text (internal, &path);
  assert_shows (text, "Internal copy: not for the customer");
  assert_shows (text, "Rule");
  assert_shows (text, "VM-2");
  g_assert_cmpuint (watermark_pixels (path), >, 200);

  pb_quote_set_status (quote, PB_QUOTE_STATUS_SENT);
  pb_quote_set_revision (quote, 1);
  sent = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  text2 = export_text (sent, &path2);
  g_assert_null (strstr (text2, "Draft"));
  g_assert_cmpuint (watermark_pixels (path2), ==, 0);
  g_assert_null (strstr (text2, "rev."));
  g_assert_null (strstr (text2, "Internal"));
  g_unlink (path);
  g_unlink (path2);
}

/* Item 5: the signature block of both parties is never split over two
 * pages, wherever the text before it ends. */
static void
test_signature_together (void)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GString) notes = g_string_new (NULL);
  guint pages_seen = 0, last_page = 0;

  if (!have_poppler ())
    return;
  for (guint lines = 0; lines <= 60; lines += 4)
    {
      g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
      g_autoptr(PbQuoteDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = temp_dir ();
      g_autofree char *path = g_build_filename (dir, "sign.pdf", NULL);
      g_auto(GStrv) pages = NULL;
      guint found = 0;

      g_string_truncate (notes, 0);
      for (guint i = 0; i < lines; i++)
        g_string_append_printf (notes, "Note line %u of a long note.\n", i);
      pb_quote_set_notes (quote, notes->str);
      document = pb_quote_document_new (quote, cat, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (pb_quote_document_export_pdf (document, path, &error));
      pages = page_texts (path);
      for (guint p = 0; pages[p] != NULL; p++)
        if (strstr (pages[p], "Seller(stamp)") != NULL)
          {
            g_assert_nonnull (strstr (pages[p], "Buyer(stamp)"));
            g_assert_cmpuint (count_in (pages[p], "Signature:"), ==, 2);
            g_assert_cmpuint (count_in (pages[p], "Date:"), ==, 2);
            found++;
            if (p != last_page)
              pages_seen++;
            last_page = p;
          }
      g_assert_cmpuint (found, ==, 1);
      g_unlink (path);
      g_rmdir (dir);
    }
  /* The notes pushed the block on to a later page at least once. */
  g_assert_cmpuint (pages_seen, >, 0);
}

/* Writes a @width × @height PNG to a temporary file. */
static char *
write_png (int width, int height)
{
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.5);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* Item 1: the seller's logo is drawn; a file that is not a PNG, is missing
 * or is absurdly large is refused by name, never half drawn. */
static void
test_logo (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbSeller) seller = detailed_seller ();
  g_autofree char *logo = write_png (120, 60);
  g_autofree char *dir = temp_dir ();
  g_autofree char *not_png = g_build_filename (dir, "logo.txt", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *images = NULL, *path = NULL, *text = NULL, *contents = NULL;
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *refused[] = { not_png, huge, "/nonexistent/logo.png", dir };

  if (!have_poppler ())
    return;
  pb_seller_set (&seller->logo, logo);
  document = pb_quote_document_new (quote, cat, seller, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);
  images = run ("pdfimages", "-list", path, NULL);
  g_assert_nonnull (strstr (images, "120    60"));

  /* A PNG header claiming 100,000 × 100,000 pixels. */
  g_assert_true (g_file_get_contents (logo, &contents, &length, NULL));
  contents[16] = 0; contents[17] = 1; contents[18] = 0x86; contents[19] = 0xa0;
  contents[20] = 0; contents[21] = 1; contents[22] = 0x86; contents[23] = 0xa0;
  g_assert_true (g_file_set_contents (huge, contents, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (not_png, "not an image", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PbQuoteDocument) none = NULL;

      g_clear_error (&error);
      pb_seller_set (&seller->logo, refused[i]);
      none = pb_quote_document_new (quote, cat, seller, &error);
      g_assert_null (none);
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, refused[i]));
    }
  g_unlink (path);
  g_unlink (not_png);
  g_unlink (huge);
  g_unlink (logo);
}

/* Issue 17, item 7: under the projected timeline, the key dates the rules
 * derive (EL-7, EL-3 with EL-T4, VM-9), in the quote's language.  The
 * sample is dated 2026-03-16: codes bound within 2 months, so strictly
 * before 2026-05-16 00:00; one year of base fee ends 2027-03-15 00:00;
 * packages last 24 months, to 2028-03-16 00:00 (hand-computed). */
static void
test_key_dates (void)
{
  struct {
    PbQuoteLanguage language;
    const char *rows[5];
  } cases[] = {
    { PB_QUOTE_LANGUAGE_EN, { "Key dates What When Applies to",
                              "Bind codes by 2026-05-16 00:00 G1, C1 × 2 (EL-7)",
                              "Renew the base fee by 2027-03-15 00:00 Base fee (EL-3)",
                              "Packages usable until 2028-03-16 00:00 P1, P2 (VM-9)", "Projected timeline" } },
    { PB_QUOTE_LANGUAGE_ZH_CN, { "关键日期 事项 日期 涉及",
                                 "激活码绑定截止 2026-05-16 00:00 G1、C1 × 2（EL-7）",
                                 "基础年费续费截止 2027-03-15 00:00 基础年费（EL-3）",
                                 "套餐包可用至 2028-03-16 00:00 P1、P2（VM-9）", "预计时间线" } },
  };

  if (!have_poppler ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
      g_autoptr(PbCatalog) cat = pb_test_catalog ();
      g_autoptr(PbQuoteDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL, *text = NULL, *heading = NULL, *figure = NULL;

      pb_quote_set_language (quote, cases[c].language);
      document = pb_quote_document_new (quote, cat, NULL, &error);
      g_assert_no_error (error);
      text = export_text (document, &path);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].rows); i++)
        assert_shows (text, cases[c].rows[i]);
      /* Below the figure, not before it. */
      heading = squeeze (cases[c].rows[0]);
      figure = squeeze (cases[c].rows[4]);
      g_assert_true (strstr (text, heading) > strstr (text, figure));
      g_unlink (path);
    }
}

/* The text from the figure's heading on: the terms before it quote the
 * rules (EL-7 says what becomes of a code never bound), the figure sells. */
static const char *
figure_text (const char *text, const char *heading)
{
  g_autofree char *wanted = squeeze (heading);
  const char *figure = strstr (text, wanted);

  g_assert_nonnull (figure);
  return figure;
}

/* Issue 17, item 7: the projected timeline of a quote never draws a quoted
 * code as void nor quoted minutes as expiring unused.  The sample's codes
 * are to be bound by 2026-05-16 00:00 (EL-7) and then, an assumption,
 * usable if bound by then (EL-8); its packages are usable until 2028-03-16
 * 00:00 (VM-9). */
static void
test_figure_sells (void)
{
  struct {
    PbQuoteLanguage language;
    const char *heading;
    const char *shown[3];
    const char *never[3];
  } cases[] = {
    { PB_QUOTE_LANGUAGE_EN, "Projected timeline",
      { "bind by 2026-05-16 00:00", "if bound by then", "usable until 2028-03-16 00:00" },
      { "void", "expire unused", "expireunused" } },
    { PB_QUOTE_LANGUAGE_ZH_CN, "预计时间线",
      { "请于 2026-05-16 00:00 前绑定", "若按期绑定", "可用至 2028-03-16 00:00" },
      { "已失效", "作废", "void" } },
  };

  if (!have_poppler ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
      g_autofree char *path = NULL, *text = NULL;
      const char *figure;

      pb_quote_set_language (quote, cases[c].language);
      text = quote_text (quote, &path);
      figure = figure_text (text, cases[c].heading);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].shown); i++)
        assert_shows (figure, cases[c].shown[i]);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].never); i++)
        if (strstr (figure, cases[c].never[i]) != NULL)
          g_error ("the projected timeline shows “%s”:\n%s", cases[c].never[i], figure);
      g_unlink (path);
    }
}

/* The customer's history is no proposal: the account quote's B, gifted and
 * never bound, is drawn void as it is (EL-7), beside the proposed C1 to
 * bind by 2020-08-01 00:00. */
static void
test_figure_history_void (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("account.pricebook");
  g_autofree char *path = NULL, *text = NULL;
  const char *figure;

  if (!have_poppler ())
    return;
  text = quote_text (quote, &path);
  figure = figure_text (text, "Projected timeline");
  /* The figure's only void: C1 is to be bound, A is bound. */
  assert_shows (figure, "void");
  g_assert_true (strstr (figure, "void") == g_strrstr (figure, "void"));
  assert_shows (figure, "bind by 2020-08-01 00:00");
  g_unlink (path);
}

/* A quote with nothing that lasts has neither figure nor key dates. */
static void
test_no_key_dates (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *text = NULL;

  if (!have_poppler ())
    return;
  pb_customer_set_name (pb_quote_get_customer (quote), "Acme");
  document = pb_quote_document_new (quote, cat, NULL, &error);
  g_assert_no_error (error);
  text = export_text (document, &path);
  g_assert_null (strstr (text, "Keydates"));
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote-document/Q-3/english", test_english);
  g_test_add_func ("/quote-document/Q-7/quotation-details", test_quotation_details);
  g_test_add_func ("/quote-document/Q-7/default-tax", test_default_tax);
  g_test_add_func ("/quote-document/Q-5/internal-copy", test_internal_copy);
  g_test_add_func ("/quote-document/Q-1/signature-together", test_signature_together);
  g_test_add_func ("/quote-document/Q-1/logo", test_logo);
  g_test_add_func ("/quote-document/EL-7/EL-3/VM-9/key-dates", test_key_dates);
  g_test_add_func ("/quote-document/Q-1/no-key-dates", test_no_key_dates);
  g_test_add_func ("/quote-document/EL-7/EL-8/VM-9/figure-sells", test_figure_sells);
  g_test_add_func ("/quote-document/EL-7/figure-history-void", test_figure_history_void);
  g_test_add_func ("/quote-document/Q-5/chinese", test_chinese);
  g_test_add_func ("/quote-document/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/quote-document/Q-3/english-pdf-size", test_english_pdf_size);
  g_test_add_func ("/quote-document/long-quote-pages", test_long_quote);
  g_test_add_func ("/quote-document/Q-4/refused", test_refused);
  g_test_add_func ("/quote-document/draw-page", test_draw_page);
  g_test_add_func ("/quote-document/metadata", test_metadata);
  g_test_add_func ("/quote-document/unwritable", test_unwritable);
  g_test_add_func ("/quote-csv/Q-3/lines", test_csv);
  g_test_add_func ("/quote-document/Q-3/capital-numerals", test_capitals);
  g_test_add_func ("/quote-document/Q-3/translation-lookup", test_translation_lookup);
  g_test_add_func ("/quote-document/Q-3/mo-reader", test_mo_reader);
  g_test_add_func ("/quote-document/Q-3/figure-in-quote-language", test_figure_language);

  return g_test_run ();
}
