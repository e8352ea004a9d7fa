/**
 * Bad command-line usage: a task prints the message with a pointer to `--help` and exits 2.
 *
 * @module
 */

/** Bad command-line usage (an unknown flag, a missing value, a required flag not given). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
