/** The largest sample file the designer sends (formats.preview and formats.sniff refuse more). */
export const MAX_SAMPLE_BYTES = 2 * 1024 * 1024;

/** Bytes as base64, in slices (String.fromCharCode of a whole 2 MB file overflows the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export type SampleFile = { name: string; base64: string };

/** A chosen file read for the API, or why not (too big), in words. */
export async function readSampleFile(file: File): Promise<SampleFile | { problem: string }> {
  if (file.size > MAX_SAMPLE_BYTES) return { problem: `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB: a sample file is at most 2 MB. Cut it to its first rows.` };
  return { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
