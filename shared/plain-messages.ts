import type { z } from 'zod';

/**
 * Zod's own messages ("Too small: expected number to be >=0", "Invalid input: expected int, received
 * number", "Invalid URL") are for programmers. Every place that checks input with a shared schema (the
 * API dispatcher, the forms, saved settings read back) passes this map, so a person reads a sentence
 * that says what to enter. A message a schema sets itself wins over these (zod's precedence): write one
 * there when a field needs more than the generic sentence.
 *
 * Messages never name the field: they are shown on it.
 */
export const plainError: z.core.$ZodErrorMap = (issue) => plainMessage(issue);

/** Use as `schema.safeParse(value, PLAIN)`. */
export const PLAIN = { error: plainError } as const;

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const isBlank = (input: unknown) => input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

const TYPE_WORDS: Record<string, string> = {
  number: 'Enter a number',
  int: 'Enter a whole number',
  string: 'Enter text',
  boolean: 'Choose yes or no',
  array: 'Enter a list',
  object: 'Fill in these settings',
  date: 'Enter a date',
};

const FORMAT_WORDS: Record<string, string> = {
  url: 'Enter a web address, such as https://example.com',
  email: 'Enter an email address, such as name@example.com',
  date: 'Enter a date as YYYY-MM-DD, such as 2025-01-31',
  datetime: 'Enter a date and time, such as 2025-01-31T09:00:00Z',
  time: 'Enter a time as HH:MM, such as 09:30',
  uuid: 'Enter an id in the form 123e4567-e89b-12d3-a456-426614174000',
  ipv4: 'Enter an IP address, such as 192.0.2.10',
};

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function bound(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return value.toString();
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
}

export function plainMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (isBlank(issue.input)) return issue.expected === 'boolean' ? 'Choose yes or no' : 'This is required';
      return TYPE_WORDS[issue.expected] ?? 'This value is not of the right kind';
    }
    case 'too_small': {
      const min = issue.minimum as number | bigint | Date;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case 'string':
          if (Number(min) === 1 && inclusive) return 'This is required';
          return `Enter at least ${plural(Number(min), 'character', 'characters')}`;
        case 'array':
        case 'set':
          if (Number(min) === 1 && inclusive) return 'Add at least one';
          return `Add at least ${bound(min)}`;
        case 'date':
          return `Enter a date on or after ${bound(min)}`;
        default:
          if (!inclusive && Number(min) === 0) return 'Enter a number greater than 0';
          return inclusive ? `Enter ${bound(min)} or more` : `Enter a number greater than ${bound(min)}`;
      }
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint | Date;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case 'string':
          return `Enter at most ${plural(Number(max), 'character', 'characters')}`;
        case 'array':
        case 'set':
          return `Enter at most ${bound(max)}`;
        case 'date':
          return `Enter a date on or before ${bound(max)}`;
        default:
          return inclusive ? `Enter ${bound(max)} or less` : `Enter a number less than ${bound(max)}`;
      }
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Start with “${String((issue as { prefix?: string }).prefix ?? '')}”`;
      if (issue.format === 'ends_with') return `End with “${String((issue as { suffix?: string }).suffix ?? '')}”`;
      if (isBlank(issue.input)) return 'This is required';
      return FORMAT_WORDS[issue.format] ?? 'This is not in the expected form';
    case 'not_multiple_of':
      return `Enter a multiple of ${bound(issue.divisor)}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) return `Must be “${values[0]}”`;
      if (values.length <= 6) return `Choose one of: ${values.join(', ')}`;
      return 'Choose one of the listed options';
    }
    case 'unrecognized_keys':
      return `Not a setting Dockhand knows: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'This value is not one Dockhand accepts here';
    case 'invalid_key':
    case 'invalid_element':
      return 'One of the entries is not valid';
    case 'custom':
      return undefined;
    default:
      return undefined;
  }
}
