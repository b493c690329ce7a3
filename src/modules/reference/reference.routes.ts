import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { PageOf, standardErrors } from '../../platform/http/schemas.ts';
import { IndustryQuery, IndustrySchema, OccupationQuery, OccupationSchema, RegionQuery, RegionSchema } from './reference.schemas.ts';
import { listIndustries, listOccupations, listRegions } from './reference.service.ts';

/** Reference lists every signed-in user needs for forms and filters: regions, industries, occupations. */
export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/reference/regions', {
      // Public: GB/T 2260 codes are published data, and the public calculator and 公示 pages need them.
      config: { access: 'anyone' },
      schema: {
        tags: ['reference'], summary: '江苏省行政区划（省、设区市、县级）',
        querystring: RegionQuery,
        response: { 200: PageOf(RegionSchema), ...standardErrors },
      },
    }, async (request) => listRegions(ctx.db, request.query));

    app.get('/api/v1/reference/industries', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'], summary: '国民经济行业分类（GB/T 4754-2017 门类和大类）',
        querystring: IndustryQuery,
        response: { 200: PageOf(IndustrySchema), ...standardErrors },
      },
    }, async (request) => listIndustries(ctx.db, { ...request.query, isManufacturing: request.query.manufacturing }));

    app.get('/api/v1/reference/occupations', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'], summary: '职业分类大典（2022 年版）职业，含数字职业 S 和绿色职业 L 标识',
        querystring: OccupationQuery,
        response: { 200: PageOf(OccupationSchema), ...standardErrors },
      },
    }, async (request) => {
      const { digital, green, ...rest } = request.query;
      return listOccupations(ctx.db, { ...rest, isDigital: digital, isGreen: green });
    });
  };
}
