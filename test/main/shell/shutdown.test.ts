import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../../main/shell/shutdown.js';

function steps(closeEngine: () => Promise<void> = async () => {}) {
  const log: string[] = [];
  return {
    log,
    steps: {
      beforeClose: () => void log.push('before'),
      closeEngine: async () => {
        log.push('close');
        await closeEngine();
      },
      exit: (code: number) => void log.push(`exit ${code}`),
      onError: (err: unknown) => void log.push(`error ${(err as Error).message}`),
    },
  };
}

describe('quitting', () => {
  it('closes the engine (which saves) before it exits with 0', async () => {
    const { log, steps: s } = steps();
    await createShutdown(s).run();
    expect(log).toEqual(['before', 'close', 'exit 0']);
  });

  it('runs once however many quit requests arrive while it saves', async () => {
    let release!: () => void;
    const { log, steps: s } = steps(() => new Promise<void>((resolve) => (release = resolve)));
    const shutdown = createShutdown(s);
    const first = shutdown.run();
    const second = shutdown.run();
    expect(shutdown.started).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['before', 'close', 'exit 0']);
  });

  it('still exits, with 1, when closing the engine fails', async () => {
    const { log, steps: s } = steps(async () => {
      throw new Error('disk full');
    });
    await createShutdown(s).run();
    expect(log).toEqual(['before', 'close', 'error disk full', 'exit 1']);
  });
});
