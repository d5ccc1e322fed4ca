import { describe, expect, it } from 'vitest';
import { schedulesSummary } from '../../../../renderer/src/screens/merchants/schedules-summary.js';

describe("a merchant's WMS schedules in one line", () => {
  it("name each service in the user's words with how often it runs", () => {
    expect(schedulesSummary({ order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 })).toBe(
      'Order Delivery every 15 min · Shipping Confirmations every 30 min · Inventory every hour',
    );
  });

  it('say "off" for a service that is switched off, and read hours and days as such', () => {
    expect(schedulesSummary({ order_delivery: 120, shipment_pickup: null, inventory_pickup: 1440 })).toBe(
      'Order Delivery every 2 hours · Shipping Confirmations off · Inventory once a day',
    );
  });
});
