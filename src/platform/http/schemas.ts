import { Type, type TSchema } from '@sinclair/typebox';

/** `?page&pageSize` of every list (SPEC §5): pageSize at most 200. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, description: '每页条数，≤ 200' })),
});

/** `{"items","total","page","pageSize"}` around an item schema. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Offset and limit for a page request, with the defaults applied. */
export function pageWindow(query: { page?: number; pageSize?: number }): {
  page: number;
  pageSize: number;
  offset: number;
} {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 20, 200);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * The single error shape of SPEC §5, registered once by buildApp (`app.addSchema`) so the OpenAPI
 * document holds it as one component (`#/components/schemas/ErrorResponse`).
 */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** What a route declares for an error status: a reference to the one registered error shape. */
export const ErrorResponse = Type.Ref(ErrorResponseSchema);

/** The error responses every route documents; add route-specific ones next to them. */
export const standardErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  429: ErrorResponse,
  500: ErrorResponse,
} as const;
