import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TeamCast, type TestSession, useTestApi } from '../../../test/support/api.js';
import { createDataset, MESSY_CSV, query, upload } from './test-files.js';

const api = useTestApi({ maxUploadBytes: 64 * 1024 });

let user: TestSession;
let other: TestSession;
beforeAll(async () => {
  [user, other] = await Promise.all([api.signUp('analyst'), api.signUp('other')]);
});

describe('uploading a messy CSV', () => {
  it('requires authentication', async () => {
    expect((await upload(api, undefined, 'x.csv', 'a\n1')).status).toBe(401);
  });

  it('detects the delimiter, header, BOM, number and date formats, and previews the rows', async () => {
    const response = await upload(api, user, 'sales.csv', MESSY_CSV);
    expect(response.status).toBe(201);
    const { csv, preview, format } = response.body;
    expect(format).toBe('csv');
    expect(csv).toMatchObject({
      delimiter: ';',
      header: true,
      decimal_separator: ',',
      thousands_separator: '.',
      date_format: '%d/%m/%Y',
    });
    expect(csv.columns).toEqual([
      { name: 'Region', type: 'VARCHAR' },
      { name: 'Month', type: 'DATE' },
      { name: 'Revenue', type: 'DOUBLE' },
      { name: 'Units', type: 'BIGINT' },
      { name: 'Note', type: 'VARCHAR' },
    ]);
    expect(preview.rows[0]).toEqual(['North', '2024-01-31', 1234.5, 12, 'said "hi"']);
    expect(preview.rows[2]).toEqual(['East', '2024-03-15', 7.25, 4, 'two\nlines']);
  });

  it('creates a dataset, reporting the row it could not load with its line number', async () => {
    const dataset = await createDataset(api, user, 'sales.csv', MESSY_CSV);
    expect(dataset).toMatchObject({ name: 'sales', table_name: 'sales', row_count: 5, data_version: 1 });
    expect(dataset.columns.map((c: Json) => `${c.name}:${c.kind}`)).toEqual([
      'Region:string',
      'Month:date',
      'Revenue:number',
      'Units:number',
      'Note:string',
    ]);
    expect(dataset.load.bad_row_count).toBe(1);
    expect(dataset.load.bad_rows[0]).toMatchObject({ message: expect.stringMatching(/more fields/) });
    // Line 6 of the file: the row before it spans two lines.
    expect(dataset.load.bad_rows[0].line).toBe(6);
    const sums = await query(
      api,
      user,
      `select "Region", sum("Revenue") as revenue from ${dataset.table_name} group by 1 order by 1`,
    );
    expect(sums.body.rows).toEqual([
      ['East', 7.25],
      ['North', 3234.5],
      ['South', 109],
    ]);
  });

  it('reports a value that does not fit its column with the line it is on', async () => {
    const csv = 'id,amount,day\n1,10,2024-01-01\n2,ten,2024-01-02\n3,30,2024-01-03\n4,40,2024-01-04';
    const staged = await upload(api, user, 'amounts.csv', csv);
    const options = {
      ...staged.body.csv,
      columns: [
        { name: 'id', type: 'BIGINT' },
        { name: 'amount', type: 'BIGINT' },
        { name: 'day', type: 'DATE' },
      ],
    };
    const created = await api.request<Json>('POST', '/api/datasets', {
      token: user.token,
      body: { upload_id: staged.body.upload_id, name: 'Amounts', csv: options },
    });
    expect(created.status).toBe(201);
    expect(created.body.row_count).toBe(3);
    expect(created.body.load.bad_rows).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'amount',
        value: 'ten',
        message: expect.stringMatching(/row was left out/),
      }),
    ]);
  });

  it('lets the user override what was detected, e.g. keep a column as text', async () => {
    const staged = await upload(api, user, 'codes.csv', 'code,label\n007,James\n042,Answer\n');
    expect(staged.body.csv.columns[0]).toEqual({ name: 'code', type: 'BIGINT' });
    const options = {
      ...staged.body.csv,
      columns: [
        { name: 'code', type: 'VARCHAR' },
        { name: 'label', type: 'VARCHAR' },
      ],
    };
    const preview = await api.request<Json>('POST', `/api/uploads/${staged.body.upload_id}/preview`, {
      token: user.token,
      body: { csv: options },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.preview.rows[0]).toEqual(['007', 'James']);
  });

  it('loads JSON, NDJSON and Parquet too', async () => {
    const json = await createDataset(
      api,
      user,
      'events.json',
      JSON.stringify([
        { kind: 'view', n: 3 },
        { kind: 'click', n: 1 },
      ]),
    );
    expect(json.row_count).toBe(2);
    const ndjson = await createDataset(
      api,
      user,
      'events.ndjson',
      '{"kind":"view","n":3}\n{"kind":"buy","n":2}\n{"kind":"view","n":4}\n',
    );
    expect(ndjson.row_count).toBe(3);
    const parquetFile = path.join(api.dataDir, 'fixture.parquet');
    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    await connection.run(
      `copy (select range as i, range * 2 as double_i from range(10)) to '${parquetFile}' (format parquet)`,
    );
    connection.closeSync();
    duck.closeSync();
    const { readFile } = await import('node:fs/promises');
    const parquet = await createDataset(api, user, 'numbers.parquet', await readFile(parquetFile));
    expect(parquet.row_count).toBe(10);
    const total = await query(api, user, `select sum(double_i) as s from ${parquet.table_name}`);
    expect(total.body.rows).toEqual([[90]]);
  });

  it('refuses a file over the size limit with 413 and keeps nothing of it', async () => {
    const big = `a,b\n${'1,2\n'.repeat(20_000)}`;
    const response = await upload(api, user, 'big.csv', big);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    const uploads = await readdir(path.join(api.dataDir, 'uploads', user.userId)).catch(() => [] as string[]);
    expect(uploads.some((f) => f.length > 0 && !f.endsWith('.json') && !uploads.includes(`${f}.json`))).toBe(false);
  });

  it('explains a file that is not what it claims to be', async () => {
    const response = await upload(api, user, 'broken.parquet', 'this is not parquet');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('upload_unreadable');
  });
});

describe('another user and an anonymous caller', () => {
  let dataset: Json;
  let stagedId: string;
  beforeAll(async () => {
    dataset = await createDataset(api, user, 'private.csv', 'secret,value\nalpha,1\nbeta,2\n');
    stagedId = (await upload(api, user, 'staged.csv', 'a\n1\n')).body.upload_id;
  });

  it('cannot see, change, reload or delete the dataset (404), nor query it', async () => {
    const id = dataset.id;
    expect((await api.request('GET', `/api/datasets/${id}`, { token: other.token })).status).toBe(404);
    expect(
      (await api.request('PATCH', `/api/datasets/${id}`, { token: other.token, body: { name: 'mine' } })).status,
    ).toBe(404);
    expect((await api.request('GET', `/api/datasets/${id}/rows`, { token: other.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/datasets/${id}`, { token: other.token })).status).toBe(404);
    const own = (await upload(api, other, 'x.csv', 'a\n1\n')).body.upload_id;
    expect(
      (await api.request('POST', `/api/datasets/${id}/load`, { token: other.token, body: { upload_id: own } })).status,
    ).toBe(404);
    const refused = await query(api, other, `select * from ${dataset.table_name}`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('unknown_dataset');
    const list = await api.request<Json>('GET', '/api/datasets', { token: other.token });
    expect(list.body.items.map((d: Json) => d.id)).not.toContain(id);
    const still = await query(api, user, `select count(*) as n from ${dataset.table_name}`);
    expect(still.body.rows).toEqual([[2]]);
  });

  it('cannot use another user’s upload', async () => {
    const response = await api.request<Json>('POST', '/api/datasets', {
      token: other.token,
      body: { upload_id: stagedId, name: 'Stolen' },
    });
    expect(response.status).toBe(404);
    expect(
      (await api.request('POST', `/api/uploads/${stagedId}/preview`, { token: other.token, body: {} })).status,
    ).toBe(404);
  });

  it('an anonymous caller gets 401 everywhere', async () => {
    expect((await api.request('GET', '/api/datasets')).status).toBe(401);
    expect((await api.request('GET', `/api/datasets/${dataset.id}`)).status).toBe(401);
    expect((await query(api, undefined, 'select 1')).status).toBe(401);
    expect((await api.request('DELETE', `/api/datasets/${dataset.id}`)).status).toBe(401);
  });
});

describe('team datasets', () => {
  let team: TeamCast;
  let dataset: Json;
  beforeAll(async () => {
    team = await signUpTeam(api, 'Data team');
    dataset = await createDataset(api, team.editor, 'team_sales.csv', 'region,amount\nN,1\nS,2\n', {
      team_id: team.teamId,
    });
  });

  it('a viewer queries it but cannot reload, rename or delete it (403)', async () => {
    expect((await query(api, team.viewer, `select sum(amount) as s from ${dataset.table_name}`)).body.rows).toEqual([
      [3],
    ]);
    const own = (await upload(api, team.viewer, 'x.csv', 'region,amount\nX,9\n')).body.upload_id;
    expect(
      (
        await api.request('POST', `/api/datasets/${dataset.id}/load`, {
          token: team.viewer.token,
          body: { upload_id: own },
        })
      ).status,
    ).toBe(403);
    expect(
      (await api.request('PATCH', `/api/datasets/${dataset.id}`, { token: team.viewer.token, body: { name: 'x' } }))
        .status,
    ).toBe(403);
    expect((await api.request('DELETE', `/api/datasets/${dataset.id}`, { token: team.viewer.token })).status).toBe(403);
    expect((await query(api, team.viewer, `select count(*) from ${dataset.table_name}`)).body.rows).toEqual([[2]]);
  });

  it('a viewer cannot create a dataset in the team; an outsider is told the team is not his', async () => {
    const viewerUpload = (await upload(api, team.viewer, 'x.csv', 'a\n1\n')).body.upload_id;
    const byViewer = await api.request<Json>('POST', '/api/datasets', {
      token: team.viewer.token,
      body: { upload_id: viewerUpload, name: 'x', team_id: team.teamId },
    });
    expect(byViewer.status).toBe(403);
    const outsiderUpload = (await upload(api, team.outsider, 'x.csv', 'a\n1\n')).body.upload_id;
    const byOutsider = await api.request<Json>('POST', '/api/datasets', {
      token: team.outsider.token,
      body: { upload_id: outsiderUpload, name: 'x', team_id: team.teamId },
    });
    expect(byOutsider.status).toBe(422);
    expect(byOutsider.body.errors[0].path).toBe('/body/team_id');
  });
});

describe('replacing and appending', () => {
  it('replace swaps the data (and the cached results); append adds rows; a failed load changes nothing', async () => {
    const dataset = await createDataset(api, user, 'metrics.csv', 'host,cpu\na,10\nb,20\n');
    const total = () => query(api, user, `select sum(cpu) as s, count(*) as n from ${dataset.table_name}`);
    expect((await total()).body.rows).toEqual([[30, 2]]);

    const bad = (await upload(api, user, 'bad.json', '{"host": "c", "cpu": "not a number"}')).body.upload_id;
    const failed = await api.request<Json>('POST', `/api/datasets/${dataset.id}/load`, {
      token: user.token,
      body: { upload_id: bad, mode: 'append' },
    });
    expect(failed.status).toBe(422);
    expect(failed.body.code).toBe('upload_unreadable');
    expect((await total()).body.rows).toEqual([[30, 2]]);

    const more = (await upload(api, user, 'more.csv', 'host,cpu\nc,5\n')).body.upload_id;
    const appended = await api.request<Json>('POST', `/api/datasets/${dataset.id}/load`, {
      token: user.token,
      body: { upload_id: more, mode: 'append' },
    });
    expect(appended.status).toBe(200);
    expect(appended.body).toMatchObject({ row_count: 3, data_version: 2 });
    expect((await total()).body.rows).toEqual([[35, 3]]);

    const fresh = (await upload(api, user, 'fresh.csv', 'host,cpu\nz,1\n')).body.upload_id;
    const replaced = await api.request<Json>('POST', `/api/datasets/${dataset.id}/load`, {
      token: user.token,
      body: { upload_id: fresh },
    });
    expect(replaced.body).toMatchObject({ row_count: 1, data_version: 3 });
    expect((await total()).body.rows).toEqual([[1, 1]]);
    // Only the current load is kept on disk.
    expect(await readdir(path.join(api.dataDir, 'datasets', dataset.id))).toHaveLength(1);
  });
});

describe('deleting a dataset that charts use', () => {
  it('asks first, naming the charts; deletes with force', async () => {
    const dataset = await createDataset(api, user, 'orders.csv', 'day,amount\n2024-01-01,5\n2024-01-02,7\n');
    const spec = {
      version: 1,
      type: 'line',
      data: { dataset_id: dataset.id, sql: `select day, amount from ${dataset.table_name}` },
    };
    const dashboard = await api.request<Json>('POST', '/api/dashboards', {
      token: user.token,
      body: {
        title: 'Orders board',
        tabs: [{ title: 'Main', charts: [{ title: 'Orders per day', configuration: spec }] }],
      },
    });
    expect(dashboard.status).toBe(201);
    const usage = await api.request<Json>('GET', `/api/datasets/${dataset.id}/usage`, { token: user.token });
    expect(usage.body).toMatchObject({
      total: 1,
      charts: [expect.objectContaining({ chart_title: 'Orders per day', dashboard_title: 'Orders board' })],
    });

    const asked = await api.request<Json>('DELETE', `/api/datasets/${dataset.id}`, { token: user.token });
    expect(asked.status).toBe(409);
    expect(asked.body.code).toBe('dataset_in_use');
    expect(asked.body.detail).toMatch(/"Orders per day" on "Orders board"/);
    expect((await api.request('GET', `/api/datasets/${dataset.id}`, { token: user.token })).status).toBe(200);

    expect((await api.request('DELETE', `/api/datasets/${dataset.id}?force=true`, { token: user.token })).status).toBe(
      204,
    );
    expect((await api.request('GET', `/api/datasets/${dataset.id}`, { token: user.token })).status).toBe(404);
    expect(await readdir(path.join(api.dataDir, 'datasets')).then((d) => d.includes(dataset.id))).toBe(false);
  });
});

describe('two loads at once', () => {
  it('a load built on data that another load has replaced meanwhile is refused and changes nothing', async () => {
    const { commitLoad } = await import('./queries.js');
    const dataset = await createDataset(api, user, 'race.csv', 'a\n1\n');
    const before = (await api.request<Json>('GET', `/api/datasets/${dataset.id}`, { token: user.token })).body;
    const stale = await api.db.asUser(user.userId, (tx) =>
      commitLoad(tx, dataset.id, '00000000-0000-4000-8000-000000000000', {
        storageKey: '11111111-1111-4111-8111-111111111111',
        source: {},
        columns: [],
        rowCount: 0,
        sizeBytes: 0,
      }),
    );
    expect(stale).toBe(false);
    const after = (await api.request<Json>('GET', `/api/datasets/${dataset.id}`, { token: user.token })).body;
    expect(after).toMatchObject({ data_version: before.data_version, row_count: 1 });
    expect((await query(api, user, `select count(*) from ${dataset.table_name}`)).body.rows).toEqual([[1]]);
  });
});
