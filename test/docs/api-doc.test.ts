import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract.js';
import { listApi } from '../../main/server/api-listing.js';

const doc = () => readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');

/** Every object node of a JSON Schema, with where it is. */
function objectNodes(node: unknown, where: string, found: { where: string; node: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => objectNodes(n, `${where}[${i}]`, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'object') found.push({ where, node: record });
    for (const [key, value] of Object.entries(record)) objectNodes(value, `${where}.${key}`, found);
  }
  return found;
}

describe('docs/api.md', () => {
  it('lists every contract method', () => {
    const text = doc();
    const missing = Object.keys(contract).filter((m) => !text.includes(`\`${m}\``));
    expect(missing).toEqual([]);
  });

  it('says unknown keys are refused, and GET /api lists every input object with additionalProperties false', () => {
    expect(doc()).toContain('"additionalProperties": false');
    const open = listApi(contract)
      .methods.flatMap((m) => objectNodes(m.input, m.method))
      // A map (keys are data, each checked by propertyNames, like a cart's carrier names) has no fixed keys to refuse others beside.
      .filter(({ node }) => node.additionalProperties !== false && !(node.propertyNames !== undefined && node.properties === undefined))
      .map(({ where }) => where);
    expect(open).toEqual([]);
  });
});
