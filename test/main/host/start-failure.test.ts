import { describe, expect, it } from 'vitest';
import { DockhandError } from '../../../shared/errors.js';
import { healthLine, startFailure } from '../../../main/host/start-failure.js';

describe('what the hosts say when the engine cannot start or cannot save', () => {
  it('shows a storage refusal as it is, under a title that says the data needs attention', () => {
    const refusal = new DockhandError('storage', 'Dockhand will not start: the database in /d/db cannot be rebuilt ...');
    expect(startFailure(refusal)).toEqual({
      title: 'Dockhand will not start: its data needs attention',
      text: 'Dockhand will not start: the database in /d/db cannot be rebuilt ...',
    });
  });

  it('prefixes any other failure with "Dockhand could not start"', () => {
    expect(startFailure(new Error('port in use')).text).toBe('Dockhand could not start: port in use');
  });

  it('says in one line when saving stopped and when it resumed', () => {
    expect(healthLine({ status: 'degraded', reason: 'the disk holding /d/db is full (ENOSPC).', since: '2025-01-01T00:00:00.000Z' })).toBe(
      'Dockhand cannot save (since 2025-01-01T00:00:00.000Z): the disk holding /d/db is full (ENOSPC).',
    );
    expect(healthLine({ status: 'ok' })).toMatch(/can save again/);
  });
});
