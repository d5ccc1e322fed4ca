import { z } from 'zod';

/** The built-in Demo store: realistic orders with no account, so the whole loop runs on first start. */
export const demoSettingsSchema = z.object({
  /** How many new orders each download run invents (0 stops new ones). */
  ordersPerRun: z.number({ error: 'Enter how many orders each download invents, from 0 to 1000' }).int('Enter a whole number from 0 to 1000').min(0, 'Enter a number from 0 to 1000').max(1000, 'Enter a number from 0 to 1000').default(5),
  /** Seed for the order generator, so a demo is reproducible. */
  seed: z.number({ error: 'Enter a whole number for the seed' }).int('Enter a whole number for the seed').default(1),
});
export type DemoSettings = z.infer<typeof demoSettingsSchema>;
export const demoCredentialsSchema = z.object({});
