/* test-cli-export-quote.c: `pricebook-cli export-pdf` and `export-csv`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract: the file written and exit 0 with nothing on stdout; or
 * exit 2, nothing on stdout, no file, and stderr naming the item and rule.
 * The numbers are checked against `pricebook-cli quote` on the same file.
 */
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pb-test.h"
#include "pb-test-cli.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
}

static char *
temp_output (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pricebook-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
test_pdf (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *output = temp_output ("sample.pdf");
  g_autofree char *text = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) quote = { 0 };
  g_autoptr(JsonNode) root = NULL;
  const char *needles[] = { "上海云途信息技术有限公司", "李明", "021-6000-1234", "liming@example.com",
                            "Q-2026-0042", "杭州云帆网络科技有限公司" };

  if (!pb_test_have_pdftotext ())
    return;
  pb_cli_run (&run, "export-pdf", path, "-o", output, "--seller-company", "上海云途信息技术有限公司",
              "--seller-name=李明", "--seller-phone", "021-6000-1234", "--seller-email",
              "liming@example.com", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  text = pb_test_pdf_text (output);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (text, needles[i]) == NULL)
      g_error ("the PDF does not show “%s”", needles[i]);

  /* The total is the one `pricebook-cli quote` computes, "185617.75",
   * shown as the documents show money. */
  pb_cli_run (&quote, "quote", path, NULL);
  root = pb_cli_run_json (&quote);
  {
    const char *total = json_object_get_string_member (json_node_get_object (root), "total");
    g_autofree char *whole = g_strndup (total, strlen (total) - 3);
    g_autofree char *shown = NULL;
    guint64 value = g_ascii_strtoull (whole, NULL, 10);

    shown = g_strdup_printf ("¥%" G_GUINT64_FORMAT ",%03" G_GUINT64_FORMAT "%s", value / 1000, value % 1000,
                             total + strlen (total) - 3);
    g_assert_cmpuint (value, >=, 1000);
    g_assert_cmpuint (value, <, 1000000);
    if (strstr (text, shown) == NULL)
      g_error ("the PDF does not show the total %s", shown);
  }
  g_unlink (output);
}

/* the customer's copy has no rule column; --internal keeps it and
 * says the copy is not for the customer. */
static void
test_pdf_internal (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *customer = temp_output ("customer.pdf");
  g_autofree char *internal = g_strconcat (customer, ".internal.pdf", NULL);
  g_autofree char *customer_text = NULL, *internal_text = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) run_internal = { 0 };

  if (!pb_test_have_pdftotext ())
    return;
  pb_cli_run (&run, "export-pdf", path, "-o", customer, NULL);
  pb_cli_run (&run_internal, "export-pdf", path, "--internal", "-o", internal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (run_internal.status, ==, 0);
  customer_text = pb_test_pdf_text (customer);
  internal_text = pb_test_pdf_text (internal);
  /* VM-2 is the numbers' line rule, named by no term. */
  g_assert_null (strstr (customer_text, "VM-2"));
  g_assert_null (strstr (customer_text, "Internalcopy"));
  g_assert_nonnull (strstr (internal_text, "VM-2"));
  g_assert_nonnull (strstr (internal_text, "Internalcopy:notforthecustomer"));
  g_unlink (customer);
  g_unlink (internal);
}

/* a Chinese quote's PDF is Chinese throughout, its timeline figure
 * too, though pricebook-cli itself runs in the C locale. */
static void
test_pdf_chinese_figure (void)
{
  g_autofree char *sample = data_path ("sample.pricebook");
  g_autofree char *path = temp_output ("zh.pricebook");
  g_autofree char *output = g_strconcat (path, ".pdf", NULL);
  g_autofree char *contents = NULL, *text = NULL;
  g_autoptr(GString) chinese = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PbCliRun) run = { 0 };
  const char *chinese_words[] = { "预计时间线", "小程序·企业直播", "年费过期", "已计费12个月", "剩余分钟数", "4月" };
  const char *english_words[] = { "Lapsed", "monthsbilled", "Allpackages", "viewers", "Apr" };

  if (!pb_test_have_pdftotext ())
    return;
  g_assert_true (g_file_get_contents (sample, &contents, NULL, &error));
  g_assert_no_error (error);
  chinese = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (chinese, "\"currency\": \"CNY\",",
                                      "\"currency\": \"CNY\", \"language\": \"zh_CN\",", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, chinese->str, -1, &error));
  g_assert_no_error (error);

  pb_cli_run (&run, "export-pdf", path, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pb_test_pdf_text (output);
  for (guint i = 0; i < G_N_ELEMENTS (chinese_words); i++)
    if (strstr (text, chinese_words[i]) == NULL)
      g_error ("the Chinese PDF does not show “%s”:\n%s", chinese_words[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    if (strstr (text, english_words[i]) != NULL)
      g_error ("the Chinese PDF shows the English “%s”:\n%s", english_words[i], text);
  g_unlink (output);
  g_unlink (path);
}

static void
test_csv (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_autofree char *output = temp_output ("contract.csv");
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) quote = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  guint row = 1;

  pb_cli_run (&run, "export-csv", path, "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (output, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  rows = g_strsplit (csv + 3, "\r\n", -1);
  g_assert_cmpstr (rows[0], ==, "item,kind,rule,description,quantity,unit_price,amount");

  pb_cli_run (&quote, "quote", path, NULL);
  root = pb_cli_run_json (&quote);
  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonArray *lines = json_object_get_array_member (json_array_get_object_element (items, i), "lines");

      for (guint j = 0; j < json_array_get_length (lines); j++, row++)
        {
          JsonObject *line = json_array_get_object_element (lines, j);
          g_autofree char *ending = g_strdup_printf (",%" G_GINT64_FORMAT ",%s,%s",
                                                     json_object_get_int_member (line, "quantity"),
                                                     json_object_get_string_member (line, "unit_price"),
                                                     json_object_get_string_member (line, "amount"));

          g_assert_nonnull (rows[row]);
          if (!g_str_has_suffix (rows[row], ending))
            g_error ("row %u “%s” does not end with “%s”", row, rows[row], ending);
          g_assert_nonnull (strstr (rows[row], json_object_get_string_member (line, "rule")));
        }
    }
  g_assert_cmpstr (rows[row], ==, "");
  g_assert_null (rows[row + 1]);
  g_unlink (output);
}

static void
test_Q4_refused (void)
{
  const char *text =
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-T\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"测试科技有限公司\", \"enterprise\": true },\n"
    "  \"items\": [\n"
    "    { \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 1500 }\n"
    "  ] }\n";
  g_autofree char *path = pb_test_write_temp ("bad.pricebook", text, -1);
  g_autofree char *pdf = temp_output ("bad.pdf");
  g_autofree char *csv = temp_output ("bad.csv");
  g_auto(PbCliRun) run_pdf = { 0 };
  g_auto(PbCliRun) run_csv = { 0 };

  pb_cli_run (&run_pdf, "export-pdf", path, "-o", pdf, NULL);
  pb_assert_input_error (&run_pdf, "bad.pricebook:4:", "item 0", "VM-6", NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  pb_cli_run (&run_csv, "export-csv", path, "-o", csv, NULL);
  pb_assert_input_error (&run_csv, "bad.pricebook:4:", "item 0", "VM-6", NULL);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *missing = temp_output ("nowhere/out.pdf");
  g_auto(PbCliRun) no_output = { 0 };
  g_auto(PbCliRun) unknown = { 0 };
  g_auto(PbCliRun) no_file = { 0 };
  g_auto(PbCliRun) no_dir = { 0 };
  g_auto(PbCliRun) help = { 0 };

  pb_cli_run (&no_output, "export-pdf", path, NULL);
  pb_assert_input_error (&no_output, "export-pdf", "-o OUT.pdf", NULL);
  pb_cli_run (&unknown, "export-csv", path, "-o", "x.csv", "--width", "3", NULL);
  pb_assert_input_error (&unknown, "export-csv", "--width", NULL);
  pb_cli_run (&no_file, "export-pdf", "no-such-quote.pricebook", "-o", missing, NULL);
  pb_assert_input_error (&no_file, "no-such-quote.pricebook", NULL);
  pb_cli_run (&no_dir, "export-pdf", path, "-o", missing, NULL);
  pb_assert_input_error (&no_dir, missing, NULL);
  pb_cli_run (&help, "export-pdf", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--seller-company"));
}

/* An export refused for its target: exit 2, stderr names the target and
 * says why, and the target is as it was. */
static void
assert_target_refused (const char *command, const char *target, const char *why)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, command, path, "-o", target, NULL);
  pb_assert_input_error (&run, target, why, NULL);
}

/* Devices, pipes, folders, read-only and hard-linked files are refused and
 * left as they were; a private file stays private; a link stays a link. */
static void
test_targets (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *fifo = temp_output ("fifo.csv");
  g_autofree char *dir = g_path_get_dirname (fifo);
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *private = g_build_filename (dir, "private.csv", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.csv", NULL);
  g_autofree char *real = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *symbolic = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *text = NULL;

  assert_target_refused ("export-pdf", "/dev/null", "device");
  assert_target_refused ("export-csv", "/dev/full", "device");
  g_assert_true (S_ISCHR (pb_test_mode_of ("/dev/null")) && S_ISCHR (pb_test_mode_of ("/dev/full")));
  /* pb_cli_run() reads stdout through a pipe. */
  assert_target_refused ("export-csv", "/dev/stdout", "pipe");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_target_refused ("export-csv", fifo, "pipe");
  g_assert_true (S_ISFIFO (pb_test_mode_of (fifo)));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_target_refused ("export-pdf", folder, "folder");

  g_assert_true (g_file_set_contents (locked, "old", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  assert_target_refused ("export-pdf", locked, "read-only");
  g_assert_true (g_file_get_contents (locked, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "old");
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_set_contents (hard, "old", -1, NULL));
  g_assert_cmpint (link (hard, other), ==, 0);
  assert_target_refused ("export-csv", hard, "hard links");
  g_assert_true (g_file_get_contents (other, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "old");
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_set_contents (private, "old", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "export-csv", path, "-o", private, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (pb_test_mode_of (private) & 07777, ==, 0600);
  }

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", symbolic), ==, 0);
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "export-pdf", path, "-o", symbolic, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (S_ISLNK (pb_test_mode_of (symbolic)));
    g_assert_true (g_file_get_contents (real, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "%PDF-"));
  }
  g_unlink (symbolic);
  g_unlink (real);
  g_unlink (private);
  g_unlink (hard);
  g_unlink (other);
  g_chmod (locked, 0644);
  g_unlink (locked);
  g_rmdir (folder);
  g_unlink (fifo);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static char *
seller_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sellers", name, NULL);
}

/* The seller's profile from a pricebook-seller/1 file, each --seller-*
 * option over the file's member (issue 17 item 1). */
static void
test_pdf_seller_file (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *seller = seller_path ("cloudway.json");
  g_autofree char *output = temp_output ("seller.pdf");
  g_autofree char *text = NULL, *overridden = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) again = { 0 };
  const char *needles[] = { "上海云途信息技术有限公司", "李明", "021-6000-1234", "liming@example.com" };

  if (!pb_test_have_pdftotext ())
    return;
  pb_cli_run (&run, "export-pdf", path, "-o", output, "--seller", seller, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  text = pb_test_pdf_text (output);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (text, needles[i]) == NULL)
      g_error ("the PDF does not show the seller file's “%s”:\n%s", needles[i], text);

  pb_cli_run (&again, "export-pdf", path, "-o", output, "--seller-phone=010-1234-5678", "--seller", seller,
              "--seller-name", "王芳", NULL);
  g_assert_cmpint (again.status, ==, 0);
  overridden = pb_test_pdf_text (output);
  g_assert_nonnull (strstr (overridden, "010-1234-5678"));
  g_assert_nonnull (strstr (overridden, "王芳"));
  g_assert_null (strstr (overridden, "021-6000-1234"));
  g_assert_null (strstr (overridden, "李明"));
  g_assert_nonnull (strstr (overridden, "liming@example.com"));
  g_unlink (output);
}

/* A wrong seller file is wrong input: exit 2, the file and place named,
 * no PDF. */
static void
test_pdf_seller_refused (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_autofree char *long_line = g_strnfill (201, 'x');
  g_autofree char *long_address = g_strdup_printf ("{ \"format\": \"pricebook-seller/1\", \"company\": \"A\",\n"
                                                   "  \"address\": \"%s\" }", long_line);
  struct { const char *text; const char *needle; } cases[] = {
    { "{ \"format\": \"pricebook-seller/1\", \"company\": \"A\",\n  \"fax\": \"1\" }", "fax" },
    { "{ \"format\": \"pricebook-seller/1\", \"contact\": \"B\" }", "company" },
    { "{ \"format\": \"pricebook-seller/1\", \"company\": \"  \" }", "company" },
    { "{ \"format\": \"pricebook-quote/1\", \"company\": \"A\" }", "pricebook-seller/1" },
    { "{ \"format\": \"pricebook-seller/1\", \"company\": \"A\",\n  \"phone\": 21 }", "phone" },
    { "{ \"format\": \"pricebook-seller/1\", \"company\": \"A\",\n  \"email\": \"a\\nb\" }", "email" },
    { long_address, "200" },
    { "{ \"format\": \"pricebook-seller/1\", \"company\": \"A\"", "seller.json:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *seller = pb_test_write_temp ("seller.json", cases[i].text, -1);
      g_autofree char *output = temp_output ("refused.pdf");
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "export-pdf", path, "-o", output, "--seller", seller, NULL);
      pb_assert_input_error (&run, "seller.json:", cases[i].needle, NULL);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *output = temp_output ("refused.pdf");
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "export-pdf", path, "-o", output, "--seller", "/nonexistent/seller.json", NULL);
    pb_assert_input_error (&run, "/nonexistent/seller.json", NULL);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }
}

/* A quote without a customer name or items is exported all the same, with
 * a warning on stderr (the window asks first): exit 0, nothing on stdout. */
static void
test_pdf_warns_missing (void)
{
  g_autofree char *quote = pb_test_write_temp ("nameless.pricebook",
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-1\", \"date\": \"2026-11-22\",\n"
    "  \"valid_days\": 30, \"customer\": { \"name\": \"\", \"enterprise\": true }, \"items\": [] }\n", -1);
  g_autofree char *sample = data_path ("sample.pricebook");
  g_autofree char *output = temp_output ("nameless.pdf");
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) named = { 0 };

  pb_cli_run (&run, "export-pdf", quote, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (run.err, "pricebook-cli: warning: "));
  g_assert_nonnull (strstr (run.err, "nameless.pricebook"));
  g_assert_nonnull (strstr (run.err, "no customer name and no items"));
  g_assert_cmpuint (strlen (run.err), ==, strcspn (run.err, "\n") + 1);   /* one line */
  g_unlink (output);

  pb_cli_run (&named, "export-pdf", sample, "-o", output, NULL);
  g_assert_cmpint (named.status, ==, 0);
  g_assert_cmpstr (named.err, ==, "");
  g_unlink (output);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export-pdf/Q-3/sample", test_pdf);
  g_test_add_func ("/cli/export-pdf/Q-3/chinese-figure", test_pdf_chinese_figure);
  g_test_add_func ("/cli/export-pdf/Q-5/internal", test_pdf_internal);
  g_test_add_func ("/cli/export-pdf/Q-1/seller-file", test_pdf_seller_file);
  g_test_add_func ("/cli/export-pdf/Q-1/seller-refused", test_pdf_seller_refused);
  g_test_add_func ("/cli/export-pdf/Q-1/warns-missing", test_pdf_warns_missing);
  g_test_add_func ("/cli/export-csv/Q-3/contract-example", test_csv);
  g_test_add_func ("/cli/export-quote/Q-4/refused", test_Q4_refused);
  g_test_add_func ("/cli/export-quote/usage", test_usage);
  g_test_add_func ("/cli/export-quote/targets", test_targets);

  return g_test_run ();
}
