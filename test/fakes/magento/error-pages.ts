/**
 * Bodies a Magento store answers with when things go wrong. JSON errors are Magento's
 * {"message", "parameters"} (the message may hold %1 or %name placeholders the parameters fill in);
 * outages come as HTML from Magento itself or from the nginx in front of it.
 */

export const MESSAGES = {
  unauthorized: "The consumer isn't authorized to access %resources.",
  noRoute: 'Request does not match any route.',
  badSignIn: 'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
  noSuchOrder: "The entity that was requested doesn't exist. Verify the entity and try again.",
  noSuchProduct: "The product that was requested doesn't exist. Verify the product and try again.",
  shipmentNotAllowed: 'Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.',
  shipmentTooMuch: 'Shipment Document Validation Error(s):\nYou can\'t create a shipment without products.',
  sourceItemsInvalid: 'Could not save Source Item Configuration',
  trackNotSaved: 'Could not save the shipment tracking.',
} as const;

export type HtmlErrorPage = 'magento-report' | 'magento-maintenance' | 'nginx';

/** Magento's pub/errors report page (an uncaught exception with display errors off). */
const MAGENTO_REPORT = `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>There has been an error processing your request</title>
<link rel="stylesheet" href="/errors/default/css/styles.css" type="text/css" /></head>
<body><main class="page-main">
<h1>There has been an error processing your request</h1>
<p>Exception printing is disabled by default for security reasons.</p>
<p>Error log record number: 1f0ee4bd7c5f5b4a7bc1d37b2d5e3c8b</p>
</main></body></html>`;

/** What Magento's maintenance mode (bin/magento maintenance:enable) serves, with 503. */
const MAGENTO_MAINTENANCE = `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>Error 503: Service Unavailable</title></head>
<body><h1>Service Temporarily Unavailable</h1>
<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems.
Please try again later.</p></body></html>`;

export function nginxPage(status: number): string {
  const reason = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[status] ?? 'Error';
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function htmlPage(kind: HtmlErrorPage, status: number): string {
  if (kind === 'nginx') return nginxPage(status);
  return kind === 'magento-maintenance' ? MAGENTO_MAINTENANCE : MAGENTO_REPORT;
}

/** The ACL resource Magento names in its 401 for each kind of call. */
export function aclResourceFor(path: string): string {
  if (path.includes('/inventory/')) return 'Magento_InventoryApi::source';
  if (path.includes('stockItems')) return 'Magento_CatalogInventory::cataloginventory';
  if (path.startsWith('/V1/shipment')) return 'Magento_Sales::shipment';
  if (path.startsWith('/V1/products')) return 'Magento_Catalog::products';
  if (/\/order\/\d+\/ship/.test(path)) return 'Magento_Sales::ship';
  return 'Magento_Sales::actions_view';
}
