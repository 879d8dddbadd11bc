// Serves the built app (dist/) at http://localhost:4173, or with --lan over HTTPS on every interface
// with a self-signed certificate, which is what a Quest on the hall's network needs for WebXR.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { newSetupCode, printSetupCode } from './setup-code.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lan = process.argv.includes('--lan');
const port = 4173;

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = join(root, '.cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    const san = ['DNS:localhost', 'IP:127.0.0.1', ...lanAddresses().map((a) => `IP:${a}`)].join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '825', '-subj', '/CN=traffic-safety-hall', '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const server = await preview({
  root,
  preview: lan ? { port, strictPort: true, host: '0.0.0.0', https: certificate() } : { port, strictPort: true },
});

// this run's staff setup code (a device without a staff PIN asks for it): its hash beside the app
const setup = await newSetupCode([join(root, 'dist')]);

const scheme = lan ? 'https' : 'http';
console.log(`\nTraffic-Safety Hall is served at ${scheme}://localhost:${port}/`);
if (lan) {
  for (const a of lanAddresses()) console.log(`  on the hall's network: https://${a}:${port}/`);
  console.log('On a Quest: open the Browser, type the https address above, accept the certificate warning once');
  console.log('(Advanced → Proceed), then press "Enter VR" in the hall.');
} else {
  console.log('To open it on a Quest (WebXR needs HTTPS): run `npm run start:lan` and open the https address it prints');
  console.log('in the Quest Browser on the same network.');
}
printSetupCode(setup.code);
console.log('Press Ctrl+C to stop.');
void server;
