import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

type Http = Parameters<typeof request>[0];

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, SchemaObject> };
}
export interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: SchemaObject }[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
}
export interface SchemaObject {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  format?: string;
  example?: unknown;
}

export async function openApiDocument(http: Http): Promise<OpenApiDocument> {
  return (await request(http).get('/api/docs-json').expect(200)).body as OpenApiDocument;
}

/** `METHOD /path` for every operation of the OpenAPI document, paths as it spells them (`{id}`). */
export async function documentedRoutes(http: Http): Promise<string[]> {
  const doc = await openApiDocument(http);
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * `METHOD /path` for every route Fastify serves, read from its route tree (`printRoutes`): each line is
 * one node, indented four characters per level, holding the part of the path below its parent.
 */
export function servedRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1].length / 4;
    stack.length = depth;
    stack.push(node[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of node[3]?.split(', ') ?? []) {
      // HEAD is answered for every GET and OPTIONS is the CORS preflight: neither is a route of ours.
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
