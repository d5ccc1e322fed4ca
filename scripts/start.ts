// `npm start`: the Electron app where Electron can start (its binary is fetched on the first start, as
// `npm install` does not); elsewhere (no display, or the binary cannot be downloaded, as on our build
// machines) one line saying why, then the headless host with the built screens, which prints the URL to
// open. Arguments after `npm start --` go to whichever starts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronAvailability, systemProbe, type ElectronAvailability } from '../main/shell/electron-binary.js';
import { downloadElectron } from './electron-download.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const requireFrom = createRequire(import.meta.url);
const availability = await availableElectron();

if (availability.ok) {
  startElectron(availability.binary);
} else {
  process.stdout.write(`Electron cannot start here (${availability.reason}); starting the headless host instead.\n`);
  // In this process, so the host's own SIGINT/SIGTERM handling (save, then exit 0) applies unchanged.
  const screens = `${root}dist/renderer`;
  if (!process.env.DOCKHAND_STATIC_DIR && existsSync(`${screens}/index.html`)) process.env.DOCKHAND_STATIC_DIR = screens;
  await import('../main/server/cli.js');
}

async function availableElectron(): Promise<ElectronAvailability> {
  const first = electronAvailability(systemProbe(requireFrom));
  if (first.ok || !first.missingBinary) return first;
  process.stdout.write("Fetching Electron's binary (the first start only)…\n");
  const failed = await downloadElectron(requireFrom);
  if (failed) return { ok: false, reason: `its binary could not be downloaded: ${failed}`, missingBinary: true };
  return electronAvailability(systemProbe(requireFrom));
}

function startElectron(binary: string): void {
  const env = { ...process.env };
  // Set in the environment, it would make Electron a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [`${root}dist/shell/main.mjs`, ...args], { stdio: 'inherit', env });
  // A Ctrl-C in the terminal reaches Electron too; forwarding is for signals sent to this process alone.
  // The app treats a repeated quit request as one, so a signal arriving twice is harmless.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    process.stderr.write(`Electron could not be started: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });
}
