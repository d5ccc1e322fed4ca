import type { TestResultView } from '../../../shared/api-types.js';
import type { ServerIdentityWitness } from '../transports/registry.js';

/**
 * The identity witness a person's Test hands to what it connects (never a scheduled run): it may meet a
 * server whose identity (an SFTP host key) nobody confirmed yet, connect to show it, and the key it saw
 * goes back in the result (`details.hostKeyFingerprint`), which the screen offers to trust and save.
 */
export function testIdentityWitness(): { identity: ServerIdentityWitness; withSeenIdentity(result: TestResultView): TestResultView } {
  let seen: string | undefined;
  return {
    identity: { allowUnconfirmed: true, seen: (fingerprint) => (seen = fingerprint) },
    withSeenIdentity: (result) => (seen === undefined ? result : { ...result, details: { ...result.details, hostKeyFingerprint: seen } }),
  };
}
