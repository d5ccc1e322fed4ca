import type { PassThrough } from 'node:stream';

/**
 * The chunks a download writes into `pass`, while `done` (the download itself) runs. The download's own
 * error wins over the stream's (it is already a DockhandError that says what and where); a consumer that
 * stops early destroys the stream and waits for the download to wind down, so the connection is free
 * for the next operation; a download that fails after its last chunk still fails the read.
 */
export async function* downloadStream(pass: PassThrough, done: Promise<unknown>): AsyncGenerator<Buffer> {
  done.catch((err: unknown) => pass.destroy(err instanceof Error ? err : new Error(String(err))));
  let finished = false;
  try {
    for await (const chunk of pass) yield chunk as Buffer;
    finished = true;
  } catch (err) {
    await done;
    throw err;
  } finally {
    if (!finished) {
      pass.destroy();
      await done.catch(() => {});
    }
  }
  await done;
}
