import type { FakeCartHook } from './cart-under-test.js';
import type { CaseEnv } from './case-env.js';
import {
  changedDuringRun,
  firstRunFromEarliestDate,
  incrementalChangedOnly,
  incrementalNewOnly,
  massActionInOneSecond,
  pagesAcrossThreeOrMore,
} from './download-cases.js';
import { inventoryPushesOnlyChangedSkus, inventoryWrittenInCart, unknownSkusReported } from './inventory-cases.js';
import {
  malformedOrderRecordedRunGoesOn,
  malformedPayloadFailsWithNothingHalfWritten,
  rateLimitWaitedOut,
  serverErrorsFailCleanly,
  serverErrorsRetried,
  wrongCredentialsAreAuth,
} from './remote-failure-cases.js';
import {
  fullShipmentUploaded,
  partialShipmentsUploaded,
  resentShipmentNotDuplicated,
  shipmentOfUnknownLinesRefused,
} from './shipment-cases.js';

/**
 * Every conformance case (issue 10, part 1): its title, the fake's hooks it needs, and whether it is about
 * talking to a server (a remote case: every cart with a network fake must run it).
 */
export interface ConformanceCase {
  title: string;
  remote: boolean;
  requires: FakeCartHook[];
  run(env: CaseEnv): Promise<void>;
}

export const CONFORMANCE_CASES = {
  'first-run-from-earliest-date': {
    title: 'the first run downloads from the earliest order date, and an older order changed later stays out',
    remote: false,
    requires: ['seedOrdersCreatedAt', 'changeOrder'],
    run: firstRunFromEarliestDate,
  },
  'pages': {
    title: 'pages across three pages and more, every order once, and resumes from any page position',
    remote: false,
    requires: ['pageSize'],
    run: pagesAcrossThreeOrMore,
  },
  'incremental-new': {
    title: 'an incremental run hands over only the orders added since, and nothing when nothing changed',
    remote: false,
    requires: [],
    run: incrementalNewOnly,
  },
  'incremental-changed': {
    title: 'an incremental run hands over an order changed since, in its new version, and only it',
    remote: false,
    requires: ['changeOrder'],
    run: incrementalChangedOnly,
  },
  'changed-during-run': {
    title: 'orders changed while a run pages are neither lost nor handed over twice in the same version',
    remote: false,
    requires: ['changeOrder', 'pageSize'],
    run: changedDuringRun,
  },
  'mass-action-one-second': {
    title: 'a bulk action saving 1,200 orders in one second hands each over once, none again, and a newer order still comes',
    remote: false,
    requires: ['seedOrdersInOneGo'],
    run: massActionInOneSecond,
  },
  'rate-limit': {
    title: 'rate-limit answers are waited out (and reported) without failing the run',
    remote: true,
    requires: ['rateLimitNext', 'rateLimitAnswers'],
    run: rateLimitWaitedOut,
  },
  'server-error-retried': {
    title: 'a few 5xx answers are retried and the run completes',
    remote: true,
    requires: ['failNext'],
    run: serverErrorsRetried,
  },
  'server-error-fails-cleanly': {
    title: 'lasting 5xx answers fail the run as transient, with nothing saved and the job not paused',
    remote: true,
    requires: ['failNext', 'healthy'],
    run: serverErrorsFailCleanly,
  },
  'malformed-payload': {
    title: 'a malformed payload fails the run with nothing half-written in the store, and the next run completes',
    remote: true,
    requires: ['malformPage', 'healthy', 'pageSize'],
    run: malformedPayloadFailsWithNothingHalfWritten,
  },
  'malformed-order': {
    title: 'one order off the documented shape is recorded invalid with its reason, and the rest of the run goes on',
    remote: true,
    requires: ['seedMalformedOrder'],
    run: malformedOrderRecordedRunGoesOn,
  },
  'wrong-credentials': {
    title: 'refused credentials are auth: alert raised, schedule paused by auth, Resume offered',
    remote: true,
    requires: ['wrongCredentials'],
    run: wrongCredentialsAreAuth,
  },
  'shipment-full': {
    title: 'a full shipment becomes one fulfillment of every line with its tracking number',
    remote: false,
    requires: ['fulfillments'],
    run: fullShipmentUploaded,
  },
  'shipment-partial': {
    title: 'partial shipments become one fulfillment each, adding up to the order',
    remote: false,
    requires: ['fulfillments'],
    run: partialShipmentsUploaded,
  },
  'shipment-resent': {
    title: 'a shipment sent again is found, not created twice',
    remote: false,
    requires: ['fulfillments'],
    run: resentShipmentNotDuplicated,
  },
  'shipment-refused': {
    title: 'a shipment of lines the order does not have is refused as bad data, and the others of the batch go on',
    remote: false,
    requires: [],
    run: shipmentOfUnknownLinesRefused,
  },
  'inventory-changed-only': {
    title: 'inventory upload sends only the SKUs whose stock changed, and nothing when nothing did',
    remote: false,
    requires: [],
    run: inventoryPushesOnlyChangedSkus,
  },
  'inventory-in-cart': {
    title: 'the cart holds the pushed stock levels, and the second push wrote only the changed SKU',
    remote: false,
    requires: ['inventoryWrites'],
    run: inventoryWrittenInCart,
  },
  'unknown-skus': {
    title: 'SKUs the cart does not sell are reported by name, and the others still pushed',
    remote: false,
    requires: [],
    run: unknownSkusReported,
  },
} satisfies Record<string, ConformanceCase>;

export type ConformanceCaseId = keyof typeof CONFORMANCE_CASES;

export const CONFORMANCE_CASE_IDS = Object.keys(CONFORMANCE_CASES) as ConformanceCaseId[];
