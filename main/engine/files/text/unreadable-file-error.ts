/**
 * A file that is not a usable table at all (empty, binary, not in its encoding, without the columns its
 * format names): the connector moves it to the error folder and reports it, whole. Problems of single
 * rows travel with the row instead.
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}
