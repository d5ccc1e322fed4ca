/** The Demo store's products, ship methods and shoppers: small, realistic, deterministic. */

export const DEMO_PRODUCTS = [
  { sku: 'TSHIRT-BLK-M', name: 'Organic T-Shirt, black, M', price: '24.00' },
  { sku: 'TSHIRT-WHT-L', name: 'Organic T-Shirt, white, L', price: '24.00' },
  { sku: 'MUG-CER-12', name: 'Ceramic Mug 12 oz', price: '14.50' },
  { sku: 'BOTTLE-SS-750', name: 'Steel Bottle 750 ml', price: '29.95' },
  { sku: 'CAP-NAVY', name: 'Baseball Cap, navy', price: '19.00' },
  { sku: 'SOCKS-3PK', name: 'Wool Socks (3 pairs)', price: '21.00' },
  { sku: 'TOTE-CANVAS', name: 'Canvas Tote Bag', price: '17.25' },
  { sku: 'NOTEBOOK-A5', name: 'Dotted Notebook A5', price: '9.80' },
] as const;

/** Ship codes as a cart sends them, and the WMS ship method each maps to in the demo setup. */
export const DEMO_SHIP_CODES = [
  { cartCode: 'Standard Shipping', wmsCode: 'UPS-GND', description: 'UPS Ground', carrier: 'UPS' },
  { cartCode: 'Express (2-Day)', wmsCode: 'FDX-2D', description: 'FedEx 2Day', carrier: 'FedEx' },
  { cartCode: 'Economy', wmsCode: 'USPS-GA', description: 'USPS Ground Advantage', carrier: 'USPS' },
] as const;
