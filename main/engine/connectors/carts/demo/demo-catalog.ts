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

export const DEMO_SHOPPERS = [
  { firstName: 'Maria', lastName: 'Lopez', address1: '1200 Harbor Blvd', city: 'Oxnard', state: 'CA', zip: '93035', phone: '805-555-0142' },
  { firstName: 'James', lastName: 'O\'Neill', address1: '45 Elm Street', address2: 'Apt 3B', city: 'Burlington', state: 'VT', zip: '05401', phone: '802-555-0199' },
  { firstName: 'Aisha', lastName: 'Khan', company: 'Khan Design LLC', address1: '700 N Michigan Ave', address2: 'Suite 1400', city: 'Chicago', state: 'IL', zip: '60611', phone: '312-555-0110' },
  { firstName: 'Tom', lastName: 'Becker', address1: '9 Pine Ridge Rd', city: 'Boulder', state: 'CO', zip: '80302', phone: '303-555-0175' },
  { firstName: 'Linh', lastName: 'Nguyen', address1: '3100 Westheimer Rd', city: 'Houston', state: 'TX', zip: '77098', phone: '713-555-0163' },
] as const;
