import { contract } from '../shared/contract.js';

/** Prints the Markdown table of API methods for docs/api.md (`npx tsx scripts/api-methods-table.ts`). */
export function methodsTable(): string {
  const rows = Object.entries(contract).map(([name, def]) => `| \`${name}\` | ${def.description.replace(/\|/g, '\\|')} |`);
  return ['| Method | What it does |', '| --- | --- |', ...rows].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  console.log(methodsTable());
}
