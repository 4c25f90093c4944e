import { METHODS } from 'node:http';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { TRole } from '@asah/contracts/roles';
import { API_PREFIX } from '@asah/contracts/api-paths';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth/access.decorators';

export interface ControllerRoute {
  /** `METHOD /api/path/:param`, the key the access tables use. */
  key: string;
  isPublic: boolean;
  roles: TRole[] | undefined;
}

const join = (...parts: (string | undefined)[]) =>
  '/' + parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/');

/** Every route the Nest controllers declare, with the access metadata the auth guard reads. */
export function controllerRoutes(app: INestApplication): ControllerRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: ControllerRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!controller) continue;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as Function;
      const paths = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const b of base) {
        for (const p of ([] as string[]).concat(paths)) {
          routes.push({
            key: `${method} ${join(API_PREFIX, b, p)}`,
            isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller]) === true,
            roles: reflector.getAllAndOverride<TRole[] | undefined>(ROLES_KEY, [handler, controller]),
          });
        }
      }
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route Express will answer under /api, whoever registered it (Nest controllers, Swagger),
 * so a route added outside a controller cannot escape the access tables. Nest mounts module
 * middleware (the request logger) as a route bound to every HTTP method; those are not endpoints.
 */
export function httpRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const keys = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const methods = Object.entries(layer.route.methods).filter(([m, on]) => on && m !== '_all').map(([m]) => m.toUpperCase());
    if (METHODS.every((m) => methods.includes(m))) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) continue;
      for (const method of methods) keys.add(`${method} ${path}`);
    }
  }
  return [...keys].sort();
}
