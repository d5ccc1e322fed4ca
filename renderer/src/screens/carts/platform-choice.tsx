import { cartPlatform } from '../../../../shared/platforms/index.js';
import type { PlatformInfo } from './cart-form.js';


/** The platforms Dockhand can connect to, as cards; the chosen one is pressed. */
export function PlatformChoice({ platforms, chosen, onChoose }: { platforms: PlatformInfo[]; chosen: string | null; onChoose: (platform: string) => void }) {
  return (
    <div className="choice-cards cart-platforms" role="group" aria-label="Platform">
      {platforms.map((p) => (
        <button key={p.platform} type="button" className="choice-card" aria-pressed={chosen === p.platform} onClick={() => onChoose(p.platform)}>
          <strong>{p.displayName}</strong>
          <span className="muted">{cartPlatform(p.platform)?.blurb ?? `Connect a ${p.displayName} shop.`}</span>
        </button>
      ))}
    </div>
  );
}
