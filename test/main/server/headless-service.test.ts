import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The headless host as a service manager runs it: built JavaScript (`npm test` builds dist/server
 * first), started through npm, stopped by a SIGTERM to the pid it started.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const URL_LINE = /Dockhand is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=/;
const headlessScript = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.headless;

let group: ChildProcess | undefined;
const dirs: string[] = [];

afterEach(async () => {
  if (group?.pid) killGroup(group.pid);
  group = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Pids whose process group is `pgid` (Linux /proc), with their command lines. */
function processesInGroup(pgid: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The fields after the command's closing parenthesis: state, ppid, pgrp, ...
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      found.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() });
    } catch {
      /* ended meanwhile */
    }
  }
  return found;
}

describe.runIf(process.platform === 'linux')('the headless host as a service', () => {
  it('runs npm run headless as built JavaScript in one process, which a SIGTERM to npm stops with exit 0, leaving nothing behind', { timeout: 120_000 }, async () => {
    // The script builds the screens and the host, then execs the host, so no shell or loader stays between npm and it.
    const tail = ' && exec node dist/server/cli.js';
    expect(headlessScript.endsWith(tail)).toBe(true);

    // The same command after the build steps (`npm test` has just built them), run by npm as a service would.
    const project = await mkdtemp(join(tmpdir(), 'dockhand-service-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'dockhand-service-data-'));
    dirs.push(project, dataDir);
    const hostScript = join(repoRoot, 'dist/server/cli.js');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'service', private: true, scripts: { headless: `exec node ${hostScript}` } }));
    group = spawn('npm', ['run', 'headless', '--silent', '--', '--port', '0', '--data-dir', dataDir], {
      cwd: project,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const npmPid = group.pid!;
    let output = '';
    group.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    group.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exit = new Promise<number | null>((resolve) => group!.on('exit', (code) => resolve(code)));
    while (!URL_LINE.test(output)) {
      if (group.exitCode !== null) throw new Error(`the host exited before printing its URL:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const running = processesInGroup(npmPid);
    const hosts = running.filter((p) => p.cmd.includes('dist/server/cli.js'));
    expect(hosts, JSON.stringify(running)).toHaveLength(1);
    expect(running.map((p) => p.cmd).join('\n')).not.toMatch(/tsx|\bsh -c\b/);

    process.kill(npmPid, 'SIGTERM');
    expect(await exit, output).toBe(0);
    // The host saved and exited on its own: no orphan is left in the group npm led.
    const deadline = Date.now() + 10_000;
    while (processesInGroup(npmPid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesInGroup(npmPid)).toEqual([]);
    expect(output).toContain('SIGTERM: finishing the running step and saving');
  });
});
