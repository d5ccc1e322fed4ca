import { OutcomeUnknownError, ServerFailureError, serverReplyOf, type ServerErrorReply } from '../../../net/index.js';
import { magentoMessage, pageTitle } from './magento-errors.js';

/**
 * What a Magento store said in the 5xx it kept answering (net hands over the last answer), in words a
 * person acts on. Magento's documented failure bodies:
 * - its webapi JSON {"message": "Internal Error. Details are available in Magento log file. Report ID:
 *   webapi-..."}: the report id finds the exception in var/log/exception.log;
 * - its pub/errors report page ("There has been an error processing your request", "Error log record
 *   number: ..."): the record is var/report/<number>;
 * - maintenance mode (bin/magento maintenance:enable): pub/errors' 503 page;
 * - the web server in front (nginx, a load balancer) failing: its own page, named by its title.
 * Only these recognised parts reach the message, never the page as a whole.
 */

const REPORT_RECORD = /Error log record number:\s*([A-Za-z0-9]+)/;
const MAINTENANCE = /maintenance downtime|Service Temporarily Unavailable/i;

/** The same error with a message naming what Magento said, or the error as it was. */
export function nameServerFailure(label: string, what: string, err: unknown): unknown {
  const reply = serverReplyOf(err);
  if (!reply) return err;
  const said = describeReply(label, what, reply);
  if (!said) return err;
  if (err instanceof OutcomeUnknownError) return new OutcomeUnknownError(`${said} It may or may not have been applied.`, err, reply);
  const tries = /\(gave up after \d+ attempts?\)$/.exec((err as Error).message)?.[0];
  return new ServerFailureError(tries ? `${said} ${tries.slice(1, -1).replace(/^g/, 'G')}.` : said, reply, (err as ServerFailureError).retryAfterMs);
}

export function describeReply(label: string, what: string, reply: ServerErrorReply): string | undefined {
  const { status, body } = reply;
  const message = magentoMessage(body);
  if (message !== undefined) {
    const report = /Report ID:\s*(\S+)/.exec(message)?.[1];
    const where = report ? ` The store's developer finds the cause in var/log/exception.log under report ${report}.` : '';
    return `${label} failed ${what} (HTTP ${status}): "${message.slice(0, 200)}".${where}`;
  }
  const record = REPORT_RECORD.exec(body)?.[1];
  if (record) {
    return `${label} failed ${what} with Magento's error report page (HTTP ${status}): the store's developer finds the cause in var/report/${record} on the server.`;
  }
  const title = pageTitle(body);
  if (status === 503 && MAINTENANCE.test(body) && !/nginx|apache|cloudflare|varnish/i.test(body)) {
    return `${label} is in maintenance mode (HTTP 503${title ? `, "${title}"` : ''}) during ${what}: Magento answers this way while bin/magento maintenance:enable is on, during a deployment or an upgrade. It ends when the store's developer runs bin/magento maintenance:disable.`;
  }
  if (title) return `${label} failed ${what}: the web server in front of Magento answered "${title}" (HTTP ${status}).`;
  return undefined;
}
