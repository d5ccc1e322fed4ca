import { z } from 'zod';
import type { ServiceName } from './domain.js';

/**
 * How often each service may run (PRODUCT.md, "The loop"). A frequency is a whole number of minutes,
 * or null for "off". The screens offer FREQUENCY_CHOICES filtered by the service's range; the API
 * accepts any whole number of minutes inside the range.
 */
export const ONE_DAY_MINUTES = 24 * 60;

export const FREQUENCY_RANGE: Record<ServiceName, { min: number; max: number }> = {
  order_download: { min: 5, max: ONE_DAY_MINUTES },
  order_delivery: { min: 5, max: ONE_DAY_MINUTES },
  shipment_pickup: { min: 15, max: ONE_DAY_MINUTES },
  shipment_upload: { min: 15, max: ONE_DAY_MINUTES },
  inventory_pickup: { min: 60, max: ONE_DAY_MINUTES },
  inventory_upload: { min: 60, max: ONE_DAY_MINUTES },
};

export const FREQUENCY_CHOICES = [5, 10, 15, 30, 60, 120, 240, 360, 720, ONE_DAY_MINUTES] as const;

export function describeMinutes(minutes: number): string {
  if (minutes === ONE_DAY_MINUTES) return 'once a day';
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return `every ${minutes} min`;
}

export function allowedRangeText(service: ServiceName): string {
  const { min, max } = FREQUENCY_RANGE[service];
  return `${describeMinutes(min)} to ${describeMinutes(max)}, or off`;
}

/** Returns an error message naming the allowed range, or null when the frequency is allowed. */
export function checkFrequency(service: ServiceName, minutes: number | null): string | null {
  if (minutes === null) return null;
  const { min, max } = FREQUENCY_RANGE[service];
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    return `${minutes} min is not allowed for ${service.replace('_', ' ')}: choose ${allowedRangeText(service)}`;
  }
  return null;
}

export function frequencyChoices(service: ServiceName): number[] {
  const { min, max } = FREQUENCY_RANGE[service];
  return FREQUENCY_CHOICES.filter((m) => m >= min && m <= max);
}

/** zod schema for one service's frequency, with the range in its message. */
/** A custom frequency left blank (the field holds NaN): an error, never a silent Off. */
export const BLANK_FREQUENCY_MESSAGE = 'Enter how often this runs, in minutes, or choose Off';

export function frequencySchema(service: ServiceName) {
  return z
    .number({ error: BLANK_FREQUENCY_MESSAGE })
    .int({ error: 'Enter a whole number of minutes' })
    .nullable()
    .superRefine((value, ctx) => {
      const problem = checkFrequency(service, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
