import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../../test/support/api.js';
import { createDataset, query, upload } from '../datasets/test-files.js';

const api = useTestApi({ queryTimeoutMs: 1000 });

let user: TestSession;
let sales: Json;
beforeAll(async () => {
  user = await api.signUp('querier');
  const rows = ['region,month,revenue,orders'];
  for (const [i, region] of ['North', 'South', 'East'].entries())
    for (let m = 1; m <= 6; m++) rows.push(`${region},2024-0${m}-01,${(i + 1) * 100 + m},${m}`);
  sales = await createDataset(api, user, 'sales.csv', rows.join('\n'));
});

describe('SQL over datasets', () => {
  it('answers a SELECT with typed columns, and says when rows were cut', async () => {
    const response = await query(
      api,
      user,
      'select region, sum(revenue) as revenue from sales group by 1 order by 2 desc',
      { limit: 2 },
    );
    expect(response.status).toBe(200);
    expect(response.body.columns).toEqual([
      { name: 'region', kind: 'string', type: 'VARCHAR' },
      { name: 'revenue', kind: 'number', type: 'HUGEINT' },
    ]);
    expect(response.body.rows).toEqual([
      ['East', 1821],
      ['South', 1221],
    ]);
    expect(response.body.truncated).toBe(true);
  });

  it('takes filter values as parameters, never as SQL text', async () => {
    const response = await query(api, user, 'select count(*) as n from sales where region = $region', {
      params: { region: "North' or 1=1 --" },
    });
    expect(response.body.rows).toEqual([[0]]);
    const north = await query(api, user, 'select count(*) as n from sales where region = $region', {
      params: { region: 'North' },
    });
    expect(north.body.rows).toEqual([[6]]);
  });

  it('caches a result until the dataset is reloaded', async () => {
    const sql = 'select max(revenue) as top from sales';
    await query(api, user, sql);
    const again = await query(api, user, sql);
    expect(again.body.cached).toBe(true);
    const staged = await upload(api, user, 'more.csv', 'region,month,revenue,orders\nWest,2024-07-01,9999,1\n');
    await api.request('POST', `/api/datasets/${sales.id}/load`, {
      token: user.token,
      body: { upload_id: staged.body.upload_id, mode: 'append' },
    });
    const fresh = await query(api, user, sql);
    expect(fresh.body).toMatchObject({ cached: false, rows: [[9999]] });
  });

  it('points at a syntax error', async () => {
    const response = await query(api, user, 'select region from sales where region = = 1');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'sql_syntax_error', position: expect.any(Number) });
    expect(response.body.errors[0].path).toBe('/body/sql');
    expect(response.body.detail).toMatch(/syntax error at or near "="/);
    expect(response.body.position).toBe(40); // the second "="
  });

  const refused: [string, string][] = [
    ['DDL', 'create table stolen as select * from sales'],
    ['DROP', 'drop view sales'],
    ['an UPDATE', "update sales set region = 'x'"],
    ['COPY to a server file', "copy sales to '/tmp/ocp-leak.csv'"],
    ['COPY from a server file', "copy sales from '/etc/passwd'"],
    ['read_csv of a server path', "select * from read_csv('/etc/passwd')"],
    ['read_text', "select read_text('/etc/hostname')"],
    ['a file named as a table', "select * from '/etc/passwd'"],
    ['ATTACH', "attach '/tmp/other.duckdb' as other"],
    ['INSTALL', 'install httpfs'],
    ['LOAD', 'load httpfs'],
    ['SET', 'set enable_external_access = true'],
    ['PRAGMA', 'pragma database_list'],
    ['two statements', 'select 1; drop view sales'],
    ['the catalog', 'select * from information_schema.tables'],
    ['DuckDB settings', 'select * from duckdb_settings()'],
    ['getenv', "select getenv('HOME')"],
  ];
  for (const [what, sql] of refused) {
    it(`refuses ${what}`, async () => {
      const response = await query(api, user, sql);
      expect(response.status).toBe(422);
      expect(['query_not_allowed', 'unknown_dataset', 'query_failed']).toContain(response.body.code);
      // The dataset is still there and whole.
      expect((await query(api, user, 'select count(*) from sales')).body.rows[0][0]).toBeGreaterThanOrEqual(18);
    });
  }

  it('stops a query that runs too long', async () => {
    const response = await query(api, user, 'select count(*) from range(1000000000000) a');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('query_timeout');
  });

  it('names a table that is not one of the caller’s datasets', async () => {
    const response = await query(api, user, 'select * from nowhere');
    expect(response.body).toMatchObject({
      code: 'unknown_dataset',
      detail: 'There is no dataset called nowhere that you can read',
    });
  });
});

describe('structured queries', () => {
  it('groups by a time grain, aggregates, filters and sorts, with the compiled SQL shown', async () => {
    const response = await api.request<Json>('POST', '/api/query', {
      token: user.token,
      body: {
        dataset_id: sales.id,
        query: {
          dimensions: [{ field: 'month', time_grain: 'quarter' }],
          measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }, { aggregate: 'count' }],
          filters: [{ field: 'region', op: 'in', values: ['North', 'South'] }],
          sort: [{ field: 'month', direction: 'asc' }],
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      ['2024-01-01', 912, 6],
      ['2024-04-01', 930, 6],
    ]);
    expect(response.body.sql).toMatch(/date_trunc\('quarter', "month"\)/);
  });

  it('says which field is wrong, and what the dataset has', async () => {
    const response = await api.request<Json>('POST', '/api/query', {
      token: user.token,
      body: { dataset_id: sales.id, query: { dimensions: [{ field: 'country' }], measures: [{ aggregate: 'count' }] } },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toEqual({
      path: '/body/query/dimensions/0/field',
      message: '"country" is not a column of this dataset (it has region, month, revenue, orders)',
    });
  });

  it('refuses sum over text', async () => {
    const response = await api.request<Json>('POST', '/api/query', {
      token: user.token,
      body: { dataset_id: sales.id, query: { measures: [{ field: 'region', aggregate: 'sum' }] } },
    });
    expect(response.body.errors[0].path).toBe('/body/query/measures/0/aggregate');
  });
});
