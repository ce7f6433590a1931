/* pb-cli-private.h: what the pricebook-cli commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-catalog.h"
#include "pb-quote.h"

G_BEGIN_DECLS

/* Exit statuses of the contract. */
#define PB_CLI_OK       0
#define PB_CLI_INTERNAL 1
#define PB_CLI_INPUT    2

typedef struct
{
  PbCatalog *catalog;   /* the built-in catalog or --catalog FILE */
} PbCli;

/* Each command parses its own options from argv (argv[0] is the command's
 * name) and returns an exit status.  Output goes to stdout only on success. */
int  pb_cli_quote    (PbCli *cli, int argc, char **argv);
int  pb_cli_optimize (PbCli *cli, int argc, char **argv);
int  pb_cli_simulate (PbCli *cli, int argc, char **argv);
int  pb_cli_export_timeline (PbCli *cli, int argc, char **argv);
int  pb_cli_export_pdf (PbCli *cli, int argc, char **argv);
int  pb_cli_export_csv (PbCli *cli, int argc, char **argv);
int  pb_cli_key_dates (PbCli *cli, int argc, char **argv);

/* The quote at @path, read and checked; NULL with *@status set after
 * printing why (file, line:column, item, rule). */
PbQuote *pb_cli_load_quote (PbCli      *cli,
                            const char *path,
                            int        *status);

/* A command's option that takes a value: "--name VALUE" or "--name=VALUE". */
typedef struct
{
  const char  *name;
  const char **value;
} PbCliOption;

/* Reads argv (argv[0] is the command's name): --help prints @usage, each of
 * @options takes its value, and the one other argument goes to *@path (a
 * second one is refused with @only_one).  Returns -1 to go on, or the exit
 * status the command ends with. */
int      pb_cli_parse_arguments (int                argc,
                                 char             **argv,
                                 const char        *usage,
                                 const PbCliOption *options,
                                 guint              n_options,
                                 const char       **path,
                                 const char        *only_one);
/* @text (NULL: nothing given, *@instant untouched) as an instant; the
 * error names @option. */
gboolean pb_cli_parse_instant   (const char        *option,
                                 const char        *text,
                                 PbInstant         *instant,
                                 GError           **error);

/* Prints "pricebook-cli: MESSAGE" on stderr and maps the error to 2 (input,
 * rule, overflow) or 1 (anything else). */
int  pb_cli_fail     (const GError *error);
/* Prints a usage error for @command on stderr; returns 2. */
int  pb_cli_usage    (const char   *command,
                      const char   *message);
/* Writes @root to stdout as pretty JSON followed by a newline. */
void pb_cli_print    (JsonNode     *root);

G_END_DECLS
