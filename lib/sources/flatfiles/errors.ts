/**
 * Errors of the flat-file source. Each names the object (`s3://bucket/key`) it is about.
 *
 * @module
 */

/** A flat file could not be read or parsed; `objectKey` names it. */
export class FlatFileError extends Error {
  readonly objectKey: string;
  constructor(objectKey: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "FlatFileError";
    this.objectKey = objectKey;
  }
}

/**
 * The S3 endpoint refused the credentials or the object (401/403): never retried, and it
 * stops the whole run (`fatal`), since every other object would be refused the same way.
 */
export class FlatFileAuthError extends FlatFileError {
  readonly fatal = true;
  constructor(objectKey: string, message: string) {
    super(objectKey, message);
    this.name = "FlatFileAuthError";
  }
}

/**
 * No such object (404): a holiday, or a day not published yet. The partition is skipped with
 * a note (`skip`), not recorded, so a later run tries again.
 */
export class FlatFileNotFound extends FlatFileError {
  readonly skip = true;
  constructor(objectKey: string, message: string) {
    super(objectKey, message);
    this.name = "FlatFileNotFound";
  }
}
