import { describe, expect, it } from 'vitest';
import { readReplyBody } from '../../../../../../main/engine/connectors/carts/woocommerce/reply-body.js';
import { classifyFailure } from '../../../../../../main/engine/connectors/carts/woocommerce/rest-errors.js';
import { CRITICAL_ERROR_PAGE, HTML_404_PAGE, PHP_NOTICE } from '../../../../../fakes/woocommerce/wp-replies.js';

describe('reading what a WordPress site sends back', () => {
  it('reads plain JSON as it is', () => {
    expect(readReplyBody('[{"id":1}]')).toEqual({ kind: 'json', value: [{ id: 1 }] });
  });

  it('cuts a PHP notice (HTML-formatted) off the JSON and keeps its text', () => {
    const body = readReplyBody(`${PHP_NOTICE}{"id":5,"note":"<b>x</b>"}`);
    expect(body).toMatchObject({ kind: 'json', value: { id: 5, note: '<b>x</b>' } });
    expect(body.kind === 'json' && body.notice).toContain('Notice: Undefined index: shipping_phone');
  });

  it('cuts plain-text PHP warnings and deprecations, several in a row', () => {
    const text = 'PHP Deprecated: Creation of dynamic property in /x.php on line 3\nWarning: Cannot modify header information [1]\n[{"id":1}]';
    expect(readReplyBody(text)).toMatchObject({ kind: 'json', value: [{ id: 1 }] });
  });

  it('does not dig JSON out of an ordinary page', () => {
    expect(readReplyBody('<html><body><script>var x = {"a":1}</script></body></html>')).toMatchObject({ kind: 'html', wordpress: false });
  });

  it('tells a WordPress error page from another site’s page', () => {
    expect(readReplyBody(CRITICAL_ERROR_PAGE)).toEqual({ kind: 'html', wordpress: true, title: 'WordPress › Error' });
    expect(readReplyBody(HTML_404_PAGE)).toMatchObject({ kind: 'html', wordpress: true });
    expect(readReplyBody('<!DOCTYPE html><html><head><title>Shop</title></head><body>Hi</body></html>')).toMatchObject({ kind: 'html', wordpress: false });
  });

  it('reports anything else with a short excerpt', () => {
    expect(readReplyBody('Service Unavailable')).toEqual({ kind: 'other', excerpt: 'Service Unavailable' });
  });
});

describe('classing a failed WooCommerce answer', () => {
  const label = 'WooCommerce shop.example';

  it('sends a WordPress theme page at /wp-json (pretty permalinks off) to config, saying what to turn on', () => {
    const err = classifyFailure(label, 'wc/v3/orders', 404, readReplyBody(HTML_404_PAGE), null);
    expect(err.kind).toBe('config');
    expect(err.message).toContain('pretty permalinks');
  });

  it('classes a firewall’s HTML 403 as auth and says a firewall may be the cause', () => {
    const err = classifyFailure(label, 'wc/v3/orders', 403, readReplyBody('<html><head><title>Access denied</title></head></html>'), null);
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('firewall');
  });

  it('classes a guest refusal as auth and an unknown order id as data', () => {
    const guest = { kind: 'json' as const, value: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } } };
    expect(classifyFailure(label, 'wc/v3/orders', 401, guest, null).kind).toBe('auth');
    const missing = { kind: 'json' as const, value: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };
    const err = classifyFailure(label, 'wc/v3/orders/9', 404, missing, null);
    expect(err.kind).toBe('data');
    expect(err.code).toBe('woocommerce_rest_shop_order_invalid_id');
  });
});
