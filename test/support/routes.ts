import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { type INestApplicationContext } from '@nestjs/common';
import { API_PREFIX_EXCLUDE } from '../../apps/api/src/api.bootstrap.js';
import { POLICY_KEY, type RoutePolicy } from '../../apps/api/src/auth/policy.decorators.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface DiscoveredRoute {
  method: RouteMethod;
  /** As registered, e.g. `/api/v1/applications/:id`. */
  path: string;
  handler: string;
  policy: RoutePolicy | undefined;
}

/** Routes served outside the global prefix (api.bootstrap.ts). */
const UNPREFIXED = new Set(API_PREFIX_EXCLUDE.map((path) => `/${path}`));

function join(...parts: string[]): string {
  const path = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${path}`;
}

/**
 * Every route the running Nest app registered, with the policy its decorators declare (handler over class),
 * sorted by path: the generated matrices (security/route-matrix, access/access-matrix) walk this list, so a
 * route added later is covered without editing them.
 */
export function discoverRoutes(app: INestApplicationContext): DiscoveredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/';
      const classPolicy = Reflect.getMetadata(POLICY_KEY, controller) as RoutePolicy | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPaths === undefined || requestMethod === undefined) continue;
        const method = RequestMethod[requestMethod] as RouteMethod;
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) as RoutePolicy | undefined) ?? classPolicy;
        for (const basePath of [base].flat()) {
          for (const methodPath of [methodPaths].flat()) {
            const local = join(basePath, methodPath);
            const path = UNPREFIXED.has(local) ? local : join('api/v1', local);
            routes.push({ method, path, handler: `${controller.name}.${name}`, policy });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The path parameters of a registered path, in order (`/a/:id/b/:did` → `['id', 'did']`). */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)\??/g)].map((match) => match[1]!);
}
