import type { PageRequest } from './webmail-page.js';

/** What a service call carries besides its action and body: headers, cookie headers, caps. */
export type ServiceCallBase = Omit<PageRequest, 'url' | 'body' | 'method'>;

/** One call of the page's own service endpoint, as OWA's page makes it: the action in the address and in the Action header (docs/webmail-routes.md). */
export function serviceRequest(base: ServiceCallBase, origin: string, action: string, body: unknown): PageRequest {
  return {
    ...base,
    url: new URL(`/owa/service.svc?action=${action}&app=Mail`, origin).href,
    method: 'POST',
    headers: { ...base.headers, Action: action },
    body: JSON.stringify(body),
  };
}
