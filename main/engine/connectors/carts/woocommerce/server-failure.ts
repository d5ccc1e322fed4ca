import type { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError, ServerFailureError, serverReplyOf, type ServerErrorReply } from '../../../net/index.js';
import { wpErrorSchema } from './payload-schemas.js';
import { plainText, readReplyBody } from './reply-body.js';

/**
 * What a WordPress site said in the 5xx it kept answering, in words a person acts on. The HTTP layer
 * retries 5xx and hands over the last answer (net's ServerFailureError / OutcomeUnknownError); this names
 * the two WordPress pages a store's owner meets most:
 * - maintenance mode (503, Retry-After 600): WordPress updating plugins, themes or itself, over in a
 *   minute unless an interrupted update left its .maintenance file behind;
 * - the critical error (500, WordPress 5.2+'s fatal error handler): a plugin or the theme died.
 * WordPress sends each as an HTML page, or as JSON ({code: 'wp_die' | 'internal_server_error', message})
 * to a request that asks for JSON as ours do; both forms are read. Anything else is named by its
 * WordPress error code or its page title. Only recognised phrases and titles reach the message: a page
 * may echo the request, whose query string can carry the keys.
 */

const MAINTENANCE_TEXT = 'Briefly unavailable for scheduled maintenance';
const CRITICAL_TEXT = 'There has been a critical error on this website';
const GAVE_UP = /\s*\(gave up after \d+ attempts?\)$/;

/** The same error with a message naming what the server said, or the error as it was when nothing is recognised. */
export function nameServerFailure(label: string, route: string, err: unknown): unknown {
  const reply = serverReplyOf(err);
  if (!reply) return err;
  const said = describeReply(label, route, reply);
  if (!said) return err;
  if (err instanceof OutcomeUnknownError) {
    return new OutcomeUnknownError(`${said} The request may or may not have been applied.`, err, reply);
  }
  const failure = err as ServerFailureError;
  const tries = GAVE_UP.exec(failure.message)?.[0].trim();
  return new ServerFailureError(tries ? `${said} ${capitalise(tries.slice(1, -1))}.` : said, reply, (failure as DockhandError).retryAfterMs);
}

/** The sentence for one 5xx answer, or undefined when the body says nothing worth naming. */
export function describeReply(label: string, route: string, reply: ServerErrorReply): string | undefined {
  const body = readReplyBody(reply.body);
  const json = body.kind === 'json' ? wpErrorSchema.safeParse(body.value) : undefined;
  const wpError = json?.success ? json.data : undefined;
  const text = wpError ? plainText(wpError.message) : body.kind === 'html' ? plainText(reply.body) : '';

  if (text.includes(MAINTENANCE_TEXT)) {
    const words = sentenceAt(text, MAINTENANCE_TEXT);
    return (
      `The store answered with WordPress's maintenance page: "${words}" (${label}, HTTP ${reply.status}). WordPress shows it while it ` +
      'updates plugins, themes or itself, and it ends by itself within minutes; if it lasts, an interrupted update left the ' +
      '.maintenance file in the WordPress folder, which the site’s administrator must delete.'
    );
  }
  if (text.includes(CRITICAL_TEXT) || wpError?.code === 'internal_server_error') {
    return (
      `WordPress reported a critical error on the site (${label}, HTTP ${reply.status}) while answering ${route}: "${CRITICAL_TEXT}." A plugin or the theme ` +
      'stopped with a PHP fatal error. WordPress e-mails the site’s administrator which one; it is also in the PHP error log.'
    );
  }
  if (wpError) {
    const message = plainText(wpError.message).slice(0, 200);
    return `${label} failed ${route} (HTTP ${reply.status}, WordPress error ${wpError.code}${message ? `: ${message}` : ''}).`;
  }
  if (body.kind === 'html') {
    const page = body.title ? ` ("${body.title.slice(0, 80)}")` : '';
    return body.wordpress
      ? `${label} failed ${route} with a WordPress error page${page} (HTTP ${reply.status}).`
      : `${label} failed ${route} with a web page${page} (HTTP ${reply.status}) from the web server or a proxy in front of WordPress.`;
  }
  return undefined;
}

/** The sentence of `text` that holds `phrase`, up to the next one (WordPress's maintenance line is two). */
function sentenceAt(text: string, phrase: string): string {
  const start = text.indexOf(phrase);
  const rest = text.slice(start, start + 160);
  const end = /\.\s+[^.]*\.?/.exec(rest);
  return (end ? rest.slice(0, end.index + end[0].length) : rest).trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
