import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract.js';

describe('docs/api.md', () => {
  it('lists every contract method', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    const missing = Object.keys(contract).filter((m) => !doc.includes(`\`${m}\``));
    expect(missing).toEqual([]);
  });
});
