import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ChartSpecInput } from '../../../src/shared/chart-spec.js';
import type { TestApi, TestSession } from '../../support/api.js';
import { AuthPage } from '../pages/auth-page.js';
import { HomePage } from '../pages/home-page.js';

// What the journeys set up before they open a browser: data, dashboards, teams and signed-in
// pages, made through the API (or the sign-in page) so that each test drives only its own feature.

const REGIONS = [
  { name: 'North', first: 1000, monthly: 110 },
  { name: 'South', first: 800, monthly: 90 },
  { name: 'West', first: 600, monthly: 70 },
];

/** Revenue per month and region (`month,region,revenue`) from January 2026, growing every month. */
export function salesCsv({ months, regions }: { months: number; regions: number }): string {
  const rows = Array.from({ length: months }, (_, m) => {
    const month = `2026-${String(m + 1).padStart(2, '0')}-01`;
    return REGIONS.slice(0, regions).map((r) => `${month},${r.name},${r.first + m * r.monthly}`);
  });
  return ['month,region,revenue', ...rows.flat()].join('\n');
}

/** Six months of revenue in North, South and West: the data most journeys chart. */
export const SALES_CSV = salesCsv({ months: 6, regions: 3 });

/** A dataset named Sales, loaded through the upload API as the user (the team's when `teamId` is given). */
export async function createSalesDataset(
  api: TestApi,
  user: Pick<TestSession, 'token'>,
  { csv = SALES_CSV, teamId }: { csv?: string; teamId?: string } = {},
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'sales.csv');
  const staged = await api.request<{ upload_id: string }>('POST', '/api/uploads', { token: user.token, body: form });
  const created = await api.request<{ id: string }>('POST', '/api/datasets', {
    token: user.token,
    body: { upload_id: staged.body.upload_id, name: 'Sales', ...(teamId ? { team_id: teamId } : {}) },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A bar chart of the sales dataset's revenue per region, largest first, with the values on the bars. */
export function revenueByRegionChart(datasetId: string, title: string): ChartSpecInput {
  return {
    version: 1,
    type: 'bar',
    data: {
      dataset_id: datasetId,
      query: {
        dimensions: [{ field: 'region' }],
        measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
        sort: [{ field: 'revenue', direction: 'desc' }],
      },
    },
    style: { title, labels: true },
  };
}

/** A chart as the API takes it inside a new dashboard's tab. */
export interface NewChart {
  title: string;
  configuration: ChartSpecInput;
}

/**
 * A dashboard made through the API as the user (in the team when `teamId` is given), with the
 * given tabs; by default one empty tab, Overview. Returns its id.
 */
export async function createDashboard(
  api: TestApi,
  user: TestSession,
  {
    title,
    tabs = [{ title: 'Overview', charts: [] }],
    teamId,
  }: { title: string; tabs?: { title: string; charts: NewChart[] }[]; teamId?: string },
): Promise<string> {
  const created = await api.request<{ id: string }>('POST', '/api/dashboards', {
    token: user.token,
    body: { title, ...(teamId ? { team_id: teamId } : {}), tabs },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** The dashboard "Regional sales" with one chart: the revenue per region as bars, titled `chartTitle`. */
export function createDashboardWithChart(
  api: TestApi,
  user: TestSession,
  { datasetId, chartTitle, teamId }: { datasetId: string; chartTitle: string; teamId?: string },
): Promise<string> {
  const configuration = revenueByRegionChart(datasetId, chartTitle);
  return createDashboard(api, user, {
    title: 'Regional sales',
    tabs: [{ title: 'Overview', charts: [{ title: chartTitle, configuration }] }],
    ...(teamId ? { teamId } : {}),
  });
}

/**
 * A team made by `admin` that `viewer` joins as a viewer, the way people do: invited by email,
 * the invitation accepted. Returns the team's id.
 */
export async function createTeamWithViewer(
  api: TestApi,
  { admin, viewer, name = 'Ops' }: { admin: TestSession; viewer: TestSession; name?: string },
): Promise<string> {
  const team = await api.request<{ id: string }>('POST', '/api/teams', { token: admin.token, body: { name } });
  expect(team.status).toBe(201);
  const invitation = await api.request<{ id: string }>('POST', `/api/teams/${team.body.id}/invitations`, {
    token: admin.token,
    body: { email: viewer.email, role: 'viewer' },
  });
  expect(invitation.status).toBe(201);
  const accepted = await api.request('POST', `/api/invitations/${invitation.body.id}/accept`, {
    token: viewer.token,
  });
  expect(accepted.status).toBe(200);
  return team.body.id;
}

/**
 * A browser context of its own (1440×900 unless `options` say otherwise), signed in as the user
 * through the sign-in page and showing the dashboards. The caller closes the context.
 */
export async function signedInPage(
  browser: Browser,
  api: TestApi,
  user: Pick<TestSession, 'email' | 'password'>,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  await new AuthPage(page, api.baseUrl).signIn({ email: user.email, password: user.password });
  await new HomePage(page).waitUntilShown();
  return { context, page };
}
