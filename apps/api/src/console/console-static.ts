import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Serves the console (apps/web, built by `npm run build` into dist/web) at `/`, same origin as the API:
 * files by path, hashed `/assets/*` cached for a year (their names change when their bytes do), `index.html`
 * revalidated on every load, and every other GET that is not `/api`, `/docs`, `/health`, `/metrics` or the queue
 * dashboard (`/admin/queues`) answered with
 * `index.html` so the console's own routes (`/officer/applications/…`) survive a reload. Precompressed
 * `.gz` siblings (written by the build) are sent to browsers that accept gzip.
 *
 * A Fastify `onRequest` hook rather than routes: the console is not part of the API (no OpenAPI entry,
 * no rate limit, no authentication), and the API's own 404 stays problem+json.
 */
export function registerConsole(app: NestFastifyApplication, configuredDir?: string): void {
  const dir = resolveConsoleDir(configuredDir);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = decodePath(request.url);
    if (path === undefined || isApiPath(path)) return;
    if (!dir) {
      if (path !== '/') return;
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          'The console is not built: run `npm run build` (or `npm start`), then reload. The API is at /api/v1, its documentation at /docs.\n',
        );
    }
    const file = path === '/' ? undefined : fileWithin(dir, path);
    if (file) return sendFile(request, reply, file, path.startsWith('/assets/'));
    // A missing hashed asset is a 404 (an old tab asking for a chunk of a previous build), not the page.
    if (path.startsWith('/assets/') || extname(path) !== '') return;
    return sendFile(request, reply, join(dir, 'index.html'), false);
  });
}

/** CONSOLE_DIR, else dist/web next to the compiled API (dist/apps/api/src/console → dist/web) or the sources. */
export function resolveConsoleDir(configuredDir?: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = configuredDir
    ? [resolve(configuredDir)]
    : [resolve(here, '../../../../web'), resolve(here, '../../../../dist/web')];
  return candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
}

function isApiPath(path: string): boolean {
  return /^\/(api|docs|docs-json|health|metrics|admin\/queues)(\/|$|-)/.test(path);
}

function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
}

function fileWithin(dir: string, path: string): string | undefined {
  // No hidden files (the build's .vite/manifest.json), no precompressed twins by name, nothing outside dir.
  if (path.includes('/.') || path.endsWith('.gz')) return undefined;
  const candidate = normalize(join(dir, path));
  if (!candidate.startsWith(dir + sep)) return undefined;
  try {
    return statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, immutable: boolean) {
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const gzipped = acceptsGzip && existsSync(`${file}.gz`);
  const path = gzipped ? `${file}.gz` : file;
  void reply
    .status(200)
    .type(TYPES[extname(file)] ?? 'application/octet-stream')
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('vary', 'accept-encoding')
    .header('content-length', String(statSync(path).size));
  if (gzipped) void reply.header('content-encoding', 'gzip');
  if (request.method === 'HEAD') return reply.send();
  return reply.send(createReadStream(path));
}
