import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * helmet's security headers for the API's policy, worked out once at boot. The policy has no per-request
 * part (no CSP nonces), so running helmet's middleware chain on every answer only rebuilt the same
 * twelve headers: ~3% of the API's CPU in the claim rush (tests/bench/claims).
 */
export function securityHeaders({ apiDocs }: { apiDocs: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet({
    // The API serves JSON and images, never HTML to render: nothing may load, run or frame it. Swagger UI
    // (only where API_DOCS is on) needs its own scripts, inline styles and the document from 'self'.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        ...(apiDocs && {
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
        }),
      },
    },
    frameguard: { action: 'deny' },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    // Only a policy helmet cannot build fails here, at boot.
    if (error) throw error instanceof Error ? error : new Error('helmet refused the security policy');
  });
  return headers;
}
