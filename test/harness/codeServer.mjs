// A real VS Code for tests and the demo: code-server 4.100.3 (VS Code 1.100.3), installed into
// .cache/ on first use with a recipe that works without downloads beyond the npm registry
// (its usual install fetches ripgrep from the internet and builds kerberos against headers).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, '.cache', `code-server-${CODE_SERVER_VERSION}`);
const packageDir = join(cacheDir, 'package');
const doneMarker = join(cacheDir, '.installed');

function log(line) {
  process.stderr.write(`[code-server] ${line}\n`);
}

function run(command, args, cwd, env = {}) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

/** Checks the Debian packages the install and the browser need; says how to get them. */
export function checkSystem() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  if (missing.length > 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
}

/** Installs code-server into .cache/ unless a finished install is there; a half-finished one is redone. */
export function ensureCodeServer() {
  checkSystem();
  if (existsSync(doneMarker)) {
    return packageDir;
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (about a minute)`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent'], cacheDir);
  const tarball = readdirSync(cacheDir).find((f) => f.endsWith('.tgz'));
  if (!tarball) {
    throw new Error('npm pack code-server produced no tarball');
  }
  run('tar', ['-xzf', tarball], cacheDir);
  rmSync(join(cacheDir, tarball));
  const npmInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', npmInstall, packageDir);
  run('npm', ['rebuild', 'argon2'], packageDir);
  const vscodeDir = join(packageDir, 'lib', 'vscode');
  run('npm', npmInstall, vscodeDir);
  run('npm', ['rebuild', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty', '@vscode/deviceid'], vscodeDir, { npm_config_yes: 'true' });
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  cpSync('/usr/bin/rg', join(rgDir, 'rg'));
  if (!existsSync(join(vscodeDir, 'node_modules.asar'))) {
    symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  }
  run('npm', npmInstall, join(vscodeDir, 'extensions'));
  writeFileSync(doneMarker, new Date().toISOString());
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return packageDir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a fresh profile; resolves when it answers HTTP.
 * Returns { port, url(folder, payload), stop(), output() }.
 */
export async function startCodeServer({ settings = {}, timeoutMs = 60_000, verbose = false, prepareExtensions, port: fixedPort } = {}) {
  const dir = ensureCodeServer();
  const port = fixedPort ?? (await freePort());
  const profile = mkdtempSync(join(tmpdir(), 'acd-vscode-'));
  const userData = join(profile, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'git.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  prepareExtensions?.(join(profile, 'extensions'));
  let output = '';
  const child = spawn(
    process.execPath,
    [
      join(dir, 'out', 'node', 'entry.js'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', userData,
      '--extensions-dir', join(profile, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--log', 'info',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_CLI: undefined } },
  );
  const collect = (chunk) => {
    output += chunk.toString();
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      throw new Error(`code-server exited (code ${exited}) before it answered:\n${output.slice(-3000)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  return {
    port,
    /** The workbench URL for a folder, with extension development/test paths in the payload. */
    url(folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
      const payload = [];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      const query = `folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
      return `http://127.0.0.1:${port}/?${query}`;
    },
    output: () => output,
    async stop() {
      if (exited === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            r();
          }, 5000);
          child.on('exit', () => {
            clearTimeout(timer);
            r();
          });
        });
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'install') {
  ensureCodeServer();
}
