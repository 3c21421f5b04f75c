// `npm start`: build with electron-vite, then run the desktop app — or, where the Electron
// binary is not installed (it downloads separately from npm and may be blocked), serve the
// very same app through the web host and say so in one line.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Runs a command in the project with inherited stdio; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    // Ctrl+C reaches the child through the terminal's process group: wait for it to stop.
    // A SIGTERM sent to this script alone is passed on.
    const ignore = () => {};
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * The Electron executable, or null when it is not installed. electron's index.js tries to
 * download a missing binary (and throws when that fails), so it is only required once
 * path.txt and the binary it names are known to be there.
 */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return tryRequireElectron();
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  if (!executable || !fs.existsSync(path.join(pkgDir, 'dist', executable))) return null;
  return tryRequireElectron();
}

function tryRequireElectron() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * better-sqlite3 in node_modules is built for Node (tests and the web host load it), and
 * Electron's ABI differs. Build a second copy for Electron once, under out/native, from a
 * scratch copy of the package, with node-gyp against Electron's headers (needs the network
 * the Electron download needed). Returns its path, or null to try the Node build.
 */
async function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const target = path.join(root, 'out', 'native', `better_sqlite3-electron-${electronVersion}.node`);
  if (fs.existsSync(target)) return target;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const scratch = path.join(root, 'out', 'native', 'build');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(source, scratch, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  console.log(`Fetching or building better-sqlite3 for Electron ${electronVersion} (once)...`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const opts = { cwd: scratch, shell: process.platform === 'win32' };
  const built = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
  // The project's prebuilt binary for this Electron first, then a local compile.
  const prebuilt = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install');
  let code = await run(prebuilt, ['--runtime=electron', `--target=${electronVersion}`], opts).catch(() => 1);
  if (code !== 0 || !fs.existsSync(built)) {
    code = await run(
      npx,
      ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      opts,
    );
  }
  if (code !== 0 || !fs.existsSync(built)) {
    console.error('Could not build better-sqlite3 for Electron; the app may fail to open its database.');
    return null;
  }
  fs.copyFileSync(built, target);
  fs.rmSync(scratch, { recursive: true, force: true });
  return target;
}

const viteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const built = await run(process.execPath, [viteBin, 'build']);
if (built !== 0) process.exit(built);

const electron = electronBinary();
let code;
if (electron) {
  // ELECTRON_RUN_AS_NODE inherited from a parent tool would start plain Node instead.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const binding = await electronSqliteBinding();
  if (binding) env.SERVICELOOP_SQLITE_BINDING = binding;
  code = await run(electron, [root], { env });
} else {
  console.log(
    'Electron is not available on this machine (its binary could not be downloaded); serving the same app through the web host instead.',
  );
  code = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src-main', 'host', 'cli.ts')]);
}
process.exit(code);
