// The OpenAPI 3.1 description of the REST API, built from the same zod schemas that validate requests.
import type { Router } from 'express';
import { z } from 'zod';
import { CaseDetail, CaseListQuery, CaseSummary, CommandBody, ReportBody } from '@contract/cases';
import { ApiError, CityConfig, Health } from '@contract/http';
import { extraPaths } from './openapi-routes';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const errors = {
  '400': { description: 'invalid input; the message says what to fix', ...json('ApiError') },
  '401': { description: 'not signed in or session expired', ...json('ApiError') },
  '403': { description: 'role or scope does not allow this', ...json('ApiError') },
};

export function openApiDocument(version: string) {
  const doc = {
    openapi: '3.1.0',
    info: {
      title: '城市运行管理服务平台 API / City operations command API',
      version,
      description:
        'Case workflow (闭环), reference data and ingest. Authenticate with POST /api/auth/login and send ' +
        '`Authorization: Bearer <token>`. Machine channels use `X-Ingest-Key`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        ingestKey: { type: 'apiKey', in: 'header', name: 'X-Ingest-Key' },
      },
      schemas: {
        ApiError: schema(ApiError),
        Health: schema(Health),
        CityConfig: schema(CityConfig),
        CaseSummary: schema(CaseSummary),
        CaseDetail: schema(CaseDetail),
        ReportBody: schema(ReportBody),
        CommandBody: schema(CommandBody),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/health': {
        get: { summary: 'Health of this node', security: [], responses: { '200': json('Health') } },
      },
      '/api/city': {
        get: { summary: 'City profile', security: [], responses: { '200': json('CityConfig') } },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in',
          security: [],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['username', 'password'],
                  properties: { username: { type: 'string' }, password: { type: 'string' } },
                },
              },
            },
          },
          responses: { '200': { description: 'token, expiry and user' }, ...errors },
        },
      },
      '/api/auth/me': {
        get: { summary: 'The signed-in user', responses: { '200': { description: 'user' }, ...errors } },
      },
      '/api/cases': {
        get: {
          summary: 'Cases this user may see, filtered and sorted',
          parameters: Object.keys(CaseListQuery.shape).map((name) => ({
            name,
            in: 'query',
            required: false,
            schema: { type: 'string' },
          })),
          responses: { '200': { description: '{ total, items: CaseSummary[] }' }, ...errors },
        },
        post: {
          summary: 'Report a problem (上报)',
          requestBody: json('ReportBody'),
          responses: { '201': json('CaseDetail'), ...errors },
        },
      },
      '/api/cases/{id}': {
        get: {
          summary: 'A case with its timeline and the commands this user may issue now',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json('CaseDetail'), ...errors, '404': { description: 'no such case' } },
        },
      },
      '/api/cases/{id}/commands': {
        post: {
          summary: 'Run a workflow command (verify, open, dispatch, handle, approve …)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: json('CommandBody'),
          responses: {
            '200': json('CaseDetail'),
            ...errors,
            '409': {
              description:
                'illegal in this state (lists the allowed commands) or the case changed meanwhile (returns the current case)',
              ...json('ApiError'),
            },
          },
        },
      },
      '/api/reference': {
        get: {
          summary: 'Categories, departments, divisions',
          responses: { '200': { description: 'reference data' } },
        },
      },
      '/api/admin/categories/{id}': {
        patch: {
          summary: 'Edit a category (admin)',
          responses: { '200': { description: 'category' }, ...errors },
        },
      },
      '/api/admin/time-limits': {
        put: {
          summary: 'Set a time limit (admin)',
          responses: { '200': { description: 'time limit' }, ...errors },
        },
      },
      '/api/ingest/reports': {
        post: {
          summary: 'Machine ingest of one report or a batch of up to 500',
          security: [{ ingestKey: [] }],
          responses: {
            '201': { description: 'accepted' },
            '207': { description: 'some items rejected (per-item results)' },
            ...errors,
          },
        },
      },
    },
  };
  // Every other route (layers, alarms, incidents, ingest, admin, assets, Open311), without overwriting.
  for (const [path, item] of Object.entries(extraPaths(json('ApiError'))))
    (doc.paths as Record<string, object>)[path] = {
      ...item,
      ...((doc.paths as Record<string, object>)[path] ?? {}),
    };
  return doc;
}

export function mountOpenApi(version: string) {
  const doc = openApiDocument(version);
  return (router: Router) => {
    router.get('/openapi.json', (_req, res) => {
      res.json(doc);
    });
  };
}
