import { z } from 'zod';
import { CHART_TYPES, ChartSpec } from '../../shared/chart-spec.js';

export { CHART_TYPES };

const Title = z.string().trim().min(1, 'must not be empty').max(200);
const Description = z.string().max(5000).nullable();
const JsonObject = z.record(z.string(), z.unknown());
const Timestamp = z.string().describe('ISO 8601 timestamp');

export const IdParams = z.object({ id: z.guid() });

export const Abilities = z
  .object({ can_edit: z.boolean(), can_delete: z.boolean(), can_share: z.boolean() })
  .describe('What the caller may do with this dashboard');

export const Chart = z
  .object({
    id: z.guid(),
    tab_id: z.guid(),
    title: z.string(),
    chart_type: z.enum(CHART_TYPES),
    configuration: JsonObject,
    position: z.number().int(),
    etag: z.string().describe('Send as If-Match to change this chart'),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Chart' });

export const Tab = z
  .object({
    id: z.guid(),
    dashboard_id: z.guid(),
    title: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    settings: JsonObject,
    etag: z.string(),
    created_at: Timestamp,
    updated_at: Timestamp,
    charts: z.array(Chart),
  })
  .meta({ id: 'Tab' });

export const Owner = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('user'), user_id: z.guid() }),
    z.object({ type: z.literal('team'), team_id: z.guid() }),
  ])
  .meta({ id: 'Owner' });

const DashboardFields = {
  id: z.guid(),
  title: z.string(),
  description: z.string().nullable(),
  owner: Owner,
  is_public: z.boolean(),
  settings: JsonObject,
  latest_version: z.number().int().nullable(),
  etag: z.string().describe('Changes whenever anything in the dashboard changes; send as If-Match'),
  abilities: Abilities,
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const Dashboard = z.object({ ...DashboardFields, tabs: z.array(Tab) }).meta({ id: 'Dashboard' });

export const DashboardSummary = z
  .object({ ...DashboardFields, tab_count: z.number().int(), chart_count: z.number().int() })
  .meta({ id: 'DashboardSummary' });

export const DashboardList = z
  .object({
    items: z.array(DashboardSummary),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'DashboardList' });

export const ListDashboardsQuery = z.object({
  scope: z
    .enum(['all', 'personal', 'team', 'public'])
    .default('all')
    .describe('all: yours and your teams’; personal; team (with team_id); public: everyone’s public dashboards'),
  team_id: z.guid().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search in titles'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

/**
 * A chart's configuration: a chart spec, or {} for a chart not configured yet. Checked against the
 * spec field by field, so that each problem is reported at its own path (a union would only say
 * "invalid input").
 */
const ChartConfiguration = JsonObject.superRefine((value, ctx) => {
  if (Object.keys(value).length === 0) return;
  const parsed = ChartSpec.safeParse(value);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message });
}).describe('A chart spec (JSON Schema at /api/charts/spec.schema.json), or {} for a chart not configured yet');

/** The chart type the spec names must be the chart's type; left out, it is taken from the spec. */
function chartTypeAgrees(body: {
  chart_type?: string | undefined;
  configuration?: Record<string, unknown> | undefined;
}) {
  const specType = body.configuration?.type;
  return body.chart_type === undefined || specType === undefined || specType === body.chart_type;
}

const NewChart = z
  .object({
    title: Title,
    chart_type: z.enum(CHART_TYPES).optional().describe("Left out: the type of the configuration's spec"),
    configuration: ChartConfiguration.default({}),
  })
  .refine((chart) => chart.chart_type !== undefined || typeof chart.configuration.type === 'string', {
    message: 'is needed when the configuration is empty',
    path: ['chart_type'],
  })
  .refine(chartTypeAgrees, { message: "must be the type of the configuration's spec", path: ['chart_type'] });

const NewTab = z.object({
  title: Title,
  description: Description.optional(),
  settings: JsonObject.optional(),
  charts: z.array(NewChart).max(10, 'a tab holds at most 10 charts').default([]),
});

export const CreateDashboardBody = z.object({
  title: Title,
  description: Description.optional(),
  team_id: z.guid().optional().describe('Create it for this team (you must be editor or admin); else it is yours'),
  is_public: z.boolean().default(false),
  settings: JsonObject.default({}),
  tabs: z.array(NewTab).max(100).optional().describe('Tabs to start with; one empty "Overview" tab when left out'),
});

export const UpdateDashboardBody = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    is_public: z.boolean().optional(),
    settings: JsonObject.optional(),
    owner: z
      .union([z.object({ type: z.literal('me') }), z.object({ type: z.literal('team'), team_id: z.guid() })])
      .optional()
      .describe('Move the dashboard to yourself or to a team where you are editor or admin'),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export const CreateTabBody = NewTab.extend({ position: z.number().int().min(0).optional() });

export const UpdateTabBody = z
  .object({ title: Title.optional(), description: Description.optional(), settings: JsonObject.optional() })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export const OrderBody = z.object({ ids: z.array(z.guid()).min(1).max(1000).describe('Every id, in the new order') });

export const CreateChartBody = z
  .object({
    title: Title,
    chart_type: z.enum(CHART_TYPES).optional().describe("Left out: the type of the configuration's spec"),
    configuration: ChartConfiguration.default({}),
    position: z.number().int().min(0).optional(),
  })
  .refine((chart) => chart.chart_type !== undefined || typeof chart.configuration.type === 'string', {
    message: 'is needed when the configuration is empty',
    path: ['chart_type'],
  })
  .refine(chartTypeAgrees, { message: "must be the type of the configuration's spec", path: ['chart_type'] });

export const UpdateChartBody = z
  .object({
    title: Title.optional(),
    chart_type: z.enum(CHART_TYPES).optional(),
    configuration: ChartConfiguration.optional(),
    tab_id: z.guid().optional().describe('Move the chart to this tab (of this or another dashboard you may edit)'),
    position: z.number().int().min(0).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field')
  .refine(chartTypeAgrees, { message: "must be the type of the configuration's spec", path: ['chart_type'] });

export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag you loaded; the write fails with 412 if it changed since'),
});
