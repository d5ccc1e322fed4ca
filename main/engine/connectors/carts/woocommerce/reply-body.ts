/**
 * What a WordPress site actually sends back, which is not always JSON: a plugin's PHP notice printed
 * before the JSON (WP_DEBUG_DISPLAY left on), an HTML page (a fatal error, maintenance mode, a theme's
 * 404 when pretty permalinks are off), or an ordinary website at an address that is not WordPress.
 */

export type ReplyBody =
  | { kind: 'json'; value: unknown; notice?: string }
  | { kind: 'html'; wordpress: boolean; title?: string }
  | { kind: 'other'; excerpt: string };

/** PHP's own output formats (html_errors on or off), and what CLI-style logging to output looks like. */
const PHP_MESSAGE = /^\s*(<br\s*\/?>\s*)?(<b>)?(PHP )?(Notice|Warning|Deprecated|Strict Standards|Fatal error|Parse error)(<\/b>)?:/i;
const WORDPRESS_MARKS = /wp-content|wp-includes|wp-json|class="[^"]*\b(error404|wp-die-message)\b|id="error-page"|WordPress/i;
/** How far into a reply a notice may run before we stop looking for the JSON after it. */
const MAX_NOTICE_CHARS = 8_000;

export function readReplyBody(text: string): ReplyBody {
  const trimmed = text.trimStart();
  const direct = tryJson(trimmed);
  if (direct.ok) return { kind: 'json', value: direct.value };
  if (PHP_MESSAGE.test(trimmed)) {
    const found = jsonAfterNotice(trimmed);
    if (found) return { kind: 'json', value: found.value, notice: plainText(found.notice) };
  }
  if (/^<(!doctype|html|head|body|\?xml|div|p|h1|center|title)\b/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1];
    return { kind: 'html', wordpress: WORDPRESS_MARKS.test(trimmed), ...(title ? { title: plainText(title) } : {}) };
  }
  return { kind: 'other', excerpt: plainText(trimmed).slice(0, 120) };
}

/** The first `{` or `[` after the notice from which the rest of the reply parses as JSON. */
function jsonAfterNotice(text: string): { value: unknown; notice: string } | undefined {
  const limit = Math.min(text.length, MAX_NOTICE_CHARS);
  for (let i = 0; i < limit; i++) {
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    const attempt = tryJson(text.slice(i));
    if (attempt.ok) return { value: attempt.value, notice: text.slice(0, i) };
  }
  return undefined;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const first = text[0];
  if (first !== '{' && first !== '[' && first !== '"') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Tags dropped, entities of the common kind decoded, whitespace folded: for messages and logs. */
export function plainText(html: string): string {
  return html
    .replace(/<(br|\/?p|\/?div|\/?h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&rsaquo;/g, '›')
    .replace(/&#8211;/g, '–')
    .replace(/&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
