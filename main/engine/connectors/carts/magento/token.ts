import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type HttpContext } from '../../../net/index.js';
import { classifyFailure, magentoMessage, notMagento } from './magento-errors.js';
import { adminTokenSchema } from './schemas.js';

/**
 * Where the bearer token comes from. Two ways a merchant can let us in:
 * - an integration's access token (System > Extensions > Integrations), sent as is; it does not expire,
 *   so a 401 means it was revoked or is not allowed as a bearer token, and asking again cannot help;
 * - an admin user's name and password, exchanged at POST /V1/integration/admin/token for a token that
 *   lives 4 hours by default; it is cached and exchanged again before it runs out or after a 401.
 */

export interface MagentoTokenSource {
  token(): Promise<string>;
  /** Drops the current token after a 401; true if asking again may give a better one. */
  invalidate(): boolean;
}

export class IntegrationToken implements MagentoTokenSource {
  constructor(private readonly value: string) {}

  token(): Promise<string> {
    return Promise.resolve(this.value);
  }

  invalidate(): boolean {
    return false;
  }
}

export interface AdminTokenOptions {
  restBase: string;
  username: string;
  password: string;
  http: HttpContext;
  /** Re-exchange this long after the last exchange (default 3.5 h, under Magento's 4 h default). */
  reuseForMs?: number;
  label?: string;
}

export class AdminTokenExchange implements MagentoTokenSource {
  private cached?: { token: string; until: number };
  private pending?: Promise<string>;

  constructor(private readonly options: AdminTokenOptions) {}

  token(): Promise<string> {
    const now = this.options.http.clock.now().getTime();
    if (this.cached && this.cached.until > now) return Promise.resolve(this.cached.token);
    // One exchange at a time: concurrent calls share it (Magento locks an admin after repeated sign-ins).
    this.pending ??= this.exchange().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): boolean {
    const had = this.cached !== undefined;
    this.cached = undefined;
    return had;
  }

  private async exchange(): Promise<string> {
    const { restBase, username, password, http } = this.options;
    const label = this.options.label ?? `Magento ${new URL(restBase).host}`;
    const res = await httpRequest(http, {
      url: `${restBase}/V1/integration/admin/token`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      // Asking for a token changes nothing in the store: safe to send again after a dropped connection.
      idempotent: true,
      label,
    });
    if (res.status === 401) {
      throw new DockhandError(
        'auth',
        `${label} refused the admin user name or password${magentoMessage(res.text) ? `: ${magentoMessage(res.text)}` : ''}. Check them, and that the user is not locked or asked for two-factor authentication.`,
        { fields: { 'credentials.password': 'Refused by Magento' } },
      );
    }
    if (res.status !== 200) throw classifyFailure(label, res, 'the admin token exchange', restBase);
    let value: unknown;
    try {
      value = JSON.parse(res.text);
    } catch {
      throw notMagento(label, res, restBase);
    }
    const parsed = adminTokenSchema.safeParse(value);
    if (!parsed.success) throw notMagento(label, res, restBase);
    this.cached = { token: parsed.data, until: http.clock.now().getTime() + (this.options.reuseForMs ?? 3.5 * 3600_000) };
    return parsed.data;
  }
}
