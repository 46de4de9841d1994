import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { SANCTIONS_PREVIEW_PATH, SANCTIONS_UPLOAD_PATH } from './reference.controller.js';

interface RouteOptionsLike {
  method: string | string[];
  url: string;
  bodyLimit?: number;
}

/**
 * A full sanctions list is several MiB of CSV text in a JSON body, more than MAX_BODY_BYTES (1 MiB). Fastify
 * supports a per-route `bodyLimit`, which Nest's decorators cannot set: this provider registers an `onRoute`
 * hook (at construction, before Nest registers the routes) giving the upload route and its preview MAX_UPLOAD_BYTES.
 */
@Injectable()
export class SanctionsUploadBodyLimit {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const instance = host.httpAdapter?.getInstance?.() as
      { addHook?: (name: 'onRoute', hook: (route: RouteOptionsLike) => void) => void } | undefined;
    instance?.addHook?.('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const url = route.url.replace(/\/$/, '');
      const large = [SANCTIONS_UPLOAD_PATH, SANCTIONS_PREVIEW_PATH].some((path) => url.endsWith(`/${path}`));
      if (methods.includes('POST') && large) {
        route.bodyLimit = Math.max(config.http.maxUploadBytes, config.http.maxBodyBytes);
      }
    });
  }
}
