import { DockhandError } from '../../../../../shared/errors.js';

/**
 * What a person types as the store address ("shop.example.com", "https://example.com/shop/",
 * "https://shop.example.com/rest/default/V1/orders") -> the REST base every call is built on,
 * "https://shop.example.com/rest/default". Plain http is refused (the token would travel in clear text),
 * except to this machine, where tests and local stores run.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function restBaseFor(address: string, storeCode = 'default'): string {
  let text = address.trim();
  if (text === '') throw new DockhandError('config', 'Enter the store address, e.g. https://shop.example.com', { fields: { storeUrl: 'Required' } });
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DockhandError('config', `"${address}" is not a web address`, { fields: { storeUrl: 'Not a web address' } });
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new DockhandError('config', `The store address must start with https:// (not http://): Magento would receive the access token unencrypted`, {
      fields: { storeUrl: 'Use https://' },
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DockhandError('config', `"${address}" is not a web address`, { fields: { storeUrl: 'Not a web address' } });
  }
  // A store in a subfolder keeps it; anything from /rest or /index.php on is ours to build.
  const prefix = url.pathname.replace(/\/(index\.php|rest)(\/.*)?$/i, '').replace(/\/+$/, '');
  if (!/^[A-Za-z0-9_]+$/.test(storeCode)) throw new DockhandError('config', `"${storeCode}" is not a Magento store code`, { fields: { storeCode: 'Letters, digits and _ only' } });
  return `${url.origin}${prefix}/rest/${storeCode}`;
}
