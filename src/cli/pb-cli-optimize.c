/* placeholder: being written */
#include "pb-cli-private.h"

int
pb_cli_optimize (PbCli *cli, int argc, char **argv)
{
  return pb_cli_usage (argv[0], "not written yet");
}
