import type { CartPlatformOAuthView } from '../../../shared/api-types.js';
import { cartPlatform } from '../../../shared/platforms/index.js';

/** What the screens need of a platform's consent grant; undefined for a platform without one. */
export function consentSummary(platform: string): CartPlatformOAuthView | undefined {
  const oauth = cartPlatform(platform)?.oauth;
  return oauth ? { appFields: [...oauth.appFields], grantFields: [...oauth.grantFields], pkce: oauth.pkce, appHelp: oauth.appHelp } : undefined;
}
