import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The API serves the built console at `/` (apps/api/src/console): files, long-cached hashed assets, the
 * page for client routes, and nothing of it in the way of the API, /docs and /health.
 */
describe('console serving', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'forge-console-'));
  const script = 'console.log("forge");'.repeat(50);

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>FORGE Pipeline</title><div id="root"></div>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
    t = await createTestApp({ env: { CONSOLE_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves index.html at / and for client routes, revalidated on every load, with the security headers', async () => {
    for (const path of ['/', '/login', '/officer/applications/0b6f0000-0000-4000-8000-000000000000']) {
      const response = await fetch(`${t.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year and sends the precompressed file to gzip clients', async () => {
    const plain = await fetch(`${t.baseUrl}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const gzipped = await fetch(`${t.baseUrl}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(script); // fetch inflates it
    const icon = await fetch(`${t.baseUrl}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers 404 for a missing asset, hidden files and paths outside the folder', async () => {
    for (const path of [
      '/assets/index-old.js',
      '/.vite/manifest.json',
      '/assets/index-abc123.js.gz',
      '/%2e%2e/package.json',
    ]) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('leaves the API, /docs-json and /health to the API (its 404 stays problem+json)', async () => {
    const missing = await fetch(`${t.baseUrl}/api/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(`${t.baseUrl}/docs-json`)).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
    const unauthenticated = await fetch(`${t.baseUrl}/api/v1/me`);
    expect(unauthenticated.status).toBe(401);
  });
});
