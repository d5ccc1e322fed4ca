/**
 * Replies as WordPress and WooCommerce shape them: REST errors are {code, message, data:{status}}
 * (WooCommerce REST docs, "Errors"); PHP fatal errors and maintenance mode are HTML pages, not JSON.
 */

export interface FakeReply {
  status: number;
  /** An object is sent as JSON; a string as it is (HTML pages). */
  body: unknown;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): FakeReply {
  return { status, body, headers };
}

export function restError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): FakeReply {
  return { status, body: { code, message, data: { status, ...extra } } };
}

export const noRoute = (): FakeReply => restError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

export function invalidParam(name: string, reason: string): FakeReply {
  return restError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: reason } });
}

export function missingParam(name: string): FakeReply {
  return restError(400, 'rest_missing_callback_param', `Missing parameter(s): ${name}`, { params: [name] });
}

const CRITICAL_ERROR_MESSAGE =
  '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>';
const MAINTENANCE_MESSAGE = 'Briefly unavailable for scheduled maintenance. Check back in a minute.';

/** What WordPress 5.2+ prints when a plugin dies with a fatal error. */
export const CRITICAL_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>WordPress &rsaquo; Error</title></head>
<body id="error-page"><div class="wp-die-message"><p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body>
</html>`;

/** What WordPress prints while it updates plugins (the .maintenance file). */
export const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Maintenance</title></head>
<body id="error-page"><div class="wp-die-message"><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></div></body>
</html>`;

/**
 * wp_die() as WordPress 5.1+ answers it: the HTML page, or to a request that accepts or sends JSON
 * (wp_is_json_request) _json_wp_die_handler's {code, message, data: {status}, additional_errors}. The
 * fatal error handler passes the code internal_server_error; maintenance mode passes none, so 'wp_die'.
 */
export function wpDie(status: 500 | 503, asJson: boolean): FakeReply {
  if (!asJson) return { status, body: status === 503 ? MAINTENANCE_PAGE : CRITICAL_ERROR_PAGE };
  const body =
    status === 503
      ? { code: 'wp_die', message: MAINTENANCE_MESSAGE, data: { status }, additional_errors: [] }
      : { code: 'internal_server_error', message: CRITICAL_ERROR_MESSAGE, data: { status }, additional_errors: [] };
  return { status, body };
}

export const TOO_MANY_REQUESTS_PAGE = '<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>';

/** A plugin's PHP notice, printed before the JSON when WP_DEBUG_DISPLAY is on. */
export const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined index: shipping_phone in <b>/var/www/html/wp-content/plugins/acme-checkout/acme.php</b> on line <b>212</b><br />\n';

/** An ordinary website at the address: no /wp-json anywhere. */
export const NOT_WORDPRESS_PAGE = '<!DOCTYPE html><html><head><title>Welcome to Acme Outdoor</title></head><body><h1>Acme Outdoor</h1><p>Our new shop opens soon.</p></body></html>';

export const HTML_404_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Page not found &#8211; Acme Outdoor</title></head><body class="error404"><h1>Oops! That page can&rsquo;t be found.</h1></body></html>';
