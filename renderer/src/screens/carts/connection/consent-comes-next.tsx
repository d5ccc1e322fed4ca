import type { CartPlatformOAuthView } from '../../../../../shared/api-types.js';
import { Banner } from '../../../components/states.js';

/**
 * On a new cart of a platform that grants access on a consent page: the form asks only for the app's
 * fields, and the account is connected once the cart is saved (the Connection box on its screen).
 */
export function ConsentComesNext({ platformName, oauth }: { platformName: string; oauth: CartPlatformOAuthView }) {
  return (
    <Banner kind="info">
      <strong>Two steps: save, then connect.</strong> Enter the fields of your {platformName} app and save the cart; its screen then shows a
      Connection box, where you connect the seller's account on {platformName}'s consent page (or send the merchant a setup link). {oauth.appHelp}
    </Banner>
  );
}
