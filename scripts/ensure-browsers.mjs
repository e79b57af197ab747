// Makes sure the real browsers the e2e suite drives are installed: Debian's Chromium (every flow)
// and Firefox ESR (the smoke test). Installs them when we are root on Debian; otherwise fails
// with the exact line to run. The e2e suite never skips for a missing browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL_LINE = 'apt-get install -y chromium firefox-esr';
const wanted = [
  { name: 'chromium', path: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  { name: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
];

const missing = () => wanted.filter((b) => !existsSync(b.path));
if (missing().length) {
  const names = missing().map((b) => b.name).join(', ');
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`Missing browser(s) for the e2e tests: ${names}.\nInstall them (Debian, as root): ${INSTALL_LINE}`);
    process.exit(1);
  }
  console.log(`Installing ${names} for the e2e tests: apt-get update && ${INSTALL_LINE}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'firefox-esr'], { stdio: 'inherit', env });
  } catch {
    console.error(`Installing the browsers failed. Run as root: ${INSTALL_LINE}`);
    process.exit(1);
  }
  if (missing().length) {
    console.error(`Still missing after install: ${missing().map((b) => b.path).join(', ')}. Run: ${INSTALL_LINE}`);
    process.exit(1);
  }
}
for (const b of wanted) {
  const v = spawnSync(b.path, ['--version'], { encoding: 'utf8' });
  console.log(`e2e browser: ${(v.stdout || v.stderr || b.path).trim().split('\n')[0]}`);
}
