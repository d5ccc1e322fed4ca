import { parseArgs } from 'node:util';
import { fuzzFiles } from './file-fuzz.js';

/**
 * `npm run fuzz -- --files 10000 [--seed N]`: that many generated confirmation files and as many
 * inventory files through the readers (test/crash/file-fuzz.ts says what is checked). Prints a summary
 * as a JSON line; exits 1 with the first failures (seed, file as base64, format) to replay.
 */
const { values } = parseArgs({ options: { files: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const files = Number(values.files);
const seed = Number(values.seed);
if (!Number.isInteger(files) || files < 1 || !Number.isInteger(seed)) {
  process.stderr.write(`--files and --seed need whole numbers, got ${values.files} and ${values.seed}\n`);
  process.exit(2);
}

const tally = await fuzzFiles(files, seed);
const { failures, ...counts } = tally;
process.stdout.write(`${JSON.stringify({ ...counts, failures: failures.length, firstSeed: seed })}\n`);
if (failures.length > 0) {
  for (const f of failures.slice(0, 5)) process.stderr.write(`seed ${f.seed} (${f.kind}): ${f.problem}\n  file: ${f.file}\n  format: ${JSON.stringify(f.profile)}\n`);
  process.exit(1);
}
