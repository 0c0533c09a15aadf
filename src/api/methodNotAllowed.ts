import type { ApiRoute } from './apiRoute.js';

/**
 * The methods the API answers on a path, from its routes (`/api/registry/documents/{id}/diff`
 * matches any one id): a request whose path is a route's with another method is 405 with
 * `Allow` (RFC 9110 §15.5.6), not the 404 of a path no route has.
 */
export function methodsOfPath(routes: readonly ApiRoute[], path: string): string[] {
  const methods = routes.filter((r) => pattern(r.path).test(path)).map((r) => r.method.toUpperCase());
  return [...new Set(methods)].sort();
}

/** `/api/x/{id}/diff` → /^\/api\/x\/[^/]+\/diff\/?$/ */
function pattern(routePath: string): RegExp {
  const parts = routePath.split(/\{[^}/]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
}
