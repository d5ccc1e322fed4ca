import type { z } from 'zod';
import { contract } from '../../../../shared/contract.js';
import type { ShipMethod } from '../../../../shared/domain.js';

/**
 * The WMS ship method list is checked with the schema of `shipMethods.save` itself, so the table and the
 * CSV import refuse exactly what the engine would refuse.
 */
export const shipMethodsSaveSchema = contract['shipMethods.save'].input;
export const shipMethodSchema = shipMethodsSaveSchema.shape.methods.element;

export type ShipMethodDraft = ShipMethod;

/** The first message of a zod failure, in words a person can act on. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid';
  const field = issue.path.map(String).join('.');
  if (issue.code === 'too_small' && field === 'code') return 'Enter a code';
  if (issue.code === 'too_big') return `The ${field || 'value'} is too long (at most ${'maximum' in issue ? String(issue.maximum) : '?'} characters)`;
  return field ? `${field}: ${issue.message}` : issue.message;
}
