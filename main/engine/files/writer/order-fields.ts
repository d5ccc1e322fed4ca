import type { Address, OrderLine } from '../../../../shared/domain.js';
import { orderedQuantityOf } from '../../../../shared/order-lines.js';
import { ADDRESS_FIELDS, type OrderFieldName } from '../../../../shared/schemas/csv-profile.js';
import type { OrderForDelivery } from '../row-types.js';

/** What a column can read from: the order being written, one of its lines, and the batch. */
export interface OrderFieldScope {
  batchId: string;
  merchantCode: string;
  /** The carrier of each WMS ship method, by its code: what the Carrier column says for a mapped order. */
  carriers?: ReadonlyMap<string, string>;
  item: OrderForDelivery;
  /** Absent for order-level cells and for empty item slots of a horizontal row. */
  line?: OrderLine;
}

const ADDRESS_KEYS = new Set<keyof Address>(ADDRESS_FIELDS);

export type FieldGetter = (scope: OrderFieldScope) => string;

const getters = new Map<OrderFieldName, FieldGetter>();

/** The canonical value of a field as text ('' when the order has none). */
export function orderFieldValue(field: OrderFieldName, scope: OrderFieldScope): string {
  return fieldGetter(field)(scope);
}

/** A field's reader, resolved once per field name: files call it millions of times. */
export function fieldGetter(field: OrderFieldName): FieldGetter {
  let getter = getters.get(field);
  if (!getter) getters.set(field, (getter = buildGetter(field)));
  return getter;
}

function buildGetter(field: OrderFieldName): FieldGetter {
  if (field === 'line.orderedQuantity') return (scope) => (scope.line ? String(orderedQuantityOf(scope.line)) : '');
  if (field.startsWith('line.')) {
    const key = field.slice('line.'.length) as keyof OrderLine;
    return (scope) => (scope.line ? text(scope.line[key]) : '');
  }
  if (field.startsWith('shipTo.') || field.startsWith('billTo.')) {
    const [who, key] = field.split('.') as ['shipTo' | 'billTo', keyof Address];
    if (!ADDRESS_KEYS.has(key)) return () => '';
    return (scope) => text(scope.item.order[who][key]);
  }
  const custom = /^customField([1-5])$/.exec(field);
  if (custom) {
    const index = Number(custom[1]) - 1;
    return (scope) => text(scope.item.order.customFields?.[index]);
  }
  switch (field) {
    case 'batchId':
      return (scope) => scope.batchId;
    case 'merchantCode':
      return (scope) => scope.merchantCode;
    case 'orderSource':
      return (scope) => scope.item.orderSource;
    case 'shipCode':
      return (scope) => scope.item.mappedShipCode;
    case 'shipCodeReceived':
      return (scope) => scope.item.order.shipCode;
    case 'carrier':
      // The carrier of the WMS ship method the order's code maps to; the cart's own only when the
      // method names none (a cart rarely sends a carrier, and the WMS knows its methods' carriers).
      return (scope) => scope.carriers?.get(scope.item.mappedShipCode) || text(scope.item.order.carrier);
    case 'orderNumber':
    case 'poNumber':
    case 'orderDate':
    case 'currency':
    case 'subtotal':
    case 'discount':
    case 'tax':
    case 'shipping':
    case 'total':
    case 'giftMessage':
    case 'shippingInstructions':
    case 'requestedShipDate': {
      const key = field;
      return (scope) => text(scope.item.order[key]);
    }
    default:
      return () => '';
  }
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}
