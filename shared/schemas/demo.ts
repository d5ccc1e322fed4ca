import { z } from 'zod';

/** The built-in Demo store: realistic orders with no account, so the whole loop runs on first start. */
export const demoSettingsSchema = z.object({
  /** How many new orders each download run invents (0 stops new ones). */
  ordersPerRun: z.number().int().min(0).max(1000).default(5),
  /** Seed for the order generator, so a demo is reproducible. */
  seed: z.number().int().default(1),
});
export type DemoSettings = z.infer<typeof demoSettingsSchema>;
export const demoCredentialsSchema = z.object({});
