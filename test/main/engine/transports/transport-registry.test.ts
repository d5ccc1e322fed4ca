import { describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../../../../shared/transports/index.js';
import { TRANSPORT_FACTORIES } from '../../../../main/engine/transports/registry.js';

describe('the engine transport registry', () => {
  it('has one factory for every transport of shared/transports, and none for a transport it does not describe', () => {
    expect(Object.keys(TRANSPORT_FACTORIES).sort()).toEqual(TRANSPORTS.map((t) => t.kind).sort());
  });
});
