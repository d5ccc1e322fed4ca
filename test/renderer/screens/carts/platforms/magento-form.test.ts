import { describe, expect, it } from 'vitest';
import { magentoSettingsSchema } from '../../../../../shared/platforms/magento.js';
import { magentoForm, MAGENTO_TOKEN_HINT, statusesFromText } from '../../../../../renderer/src/screens/carts/platforms/magento-form.js';

describe('the Magento connection form', () => {
  it('starts blank with processing orders and the integration token, and gives settings the API accepts once filled', () => {
    const draft = magentoForm.newDraft();
    expect(draft).toMatchObject({ storeUrl: '', storeCode: 'default', sourceCode: 'default', orderStatuses: 'processing', authMode: 'integration_token' });
    const input = magentoForm.toInput({ ...draft, storeUrl: 'https://shop.example.com', accessToken: ' tok ' });
    expect(magentoSettingsSchema.safeParse(input.settings).success).toBe(true);
    expect(input.credentials).toEqual({ accessToken: 'tok' });
  });

  it('sends the statuses as a list and only the credentials of the chosen sign-in', () => {
    expect(statusesFromText(' processing, pending ,, processing')).toEqual(['processing', 'pending']);
    const draft = { ...magentoForm.newDraft(), storeUrl: 'https://shop.example.com', authMode: 'admin_user' as const, accessToken: 'x', username: 'dockhand', password: ' pass ' };
    expect(magentoForm.toInput(draft).credentials).toEqual({ username: 'dockhand', password: ' pass ' });
  });

  it('names each missing credential, unless credentials are saved', () => {
    const draft = { ...magentoForm.newDraft(), authMode: 'admin_user' as const };
    expect(Object.keys(magentoForm.checkCredentials(draft, false))).toEqual(['credentials.username', 'credentials.password']);
    expect(magentoForm.checkCredentials(draft, true)).toEqual({});
    expect(Object.keys(magentoForm.checkCredentials(magentoForm.newDraft(), false))).toEqual(['credentials.accessToken']);
  });

  it('says where the token is made and which API resources to tick', () => {
    expect(MAGENTO_TOKEN_HINT).toContain('System > Extensions > Integrations > Add New Integration');
    expect(MAGENTO_TOKEN_HINT).toContain('Sales > Operations > Orders');
    expect(MAGENTO_TOKEN_HINT).toContain('Catalog > Inventory > Products');
    expect(MAGENTO_TOKEN_HINT).toContain('Activate');
  });

  it('keeps a saved cart\'s settings in the draft, credentials blank', () => {
    const saved = magentoSettingsSchema.parse({ storeUrl: 'https://shop.example.com', orderStatuses: ['processing', 'pending'], storeCode: 'us' });
    expect(magentoForm.draftFromSaved(saved)).toMatchObject({ storeUrl: 'https://shop.example.com', storeCode: 'us', orderStatuses: 'processing, pending', accessToken: '' });
  });
});
