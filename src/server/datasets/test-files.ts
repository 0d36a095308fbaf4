import type { Json, TestApi, TestSession } from '../../../test/support/api.js';

/** A messy European CSV: BOM, semicolons, decimal commas with thousands dots, day-first dates, quotes, a newline inside a value, a short row and a row with too many fields. */
export const MESSY_CSV = [
  '\uFEFFRegion;Month;Revenue;Units;Note',
  'North;31/01/2024;1.234,50;12;"said ""hi"""',
  'South;29/02/2024;99,00;3;ok',
  'East;15/03/2024;7,25;4;"two',
  'lines"',
  'West;15/04/2024;1.000.000,00;4;fine;extra',
  'North;30/04/2024;2.000,00;5;',
  'South;31/05/2024;10,00;6;last',
].join('\n');

/** Uploads a file (multipart) as the user and returns the answer. */
export function upload(api: TestApi, user: TestSession | undefined, fileName: string, content: string | Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  return api.request<Json>('POST', '/api/uploads', { token: user?.token, body: form });
}

/** Uploads and creates a dataset in one go; fails the test if either step fails. */
export async function createDataset(
  api: TestApi,
  user: TestSession,
  fileName: string,
  content: string | Uint8Array,
  extra: Json = {},
): Promise<Json> {
  const staged = await upload(api, user, fileName, content);
  if (staged.status !== 201) throw new Error(`upload failed: ${JSON.stringify(staged.body)}`);
  const created = await api.request<Json>('POST', '/api/datasets', {
    token: user.token,
    body: { upload_id: staged.body.upload_id, name: fileName.replace(/\.\w+$/, ''), ...extra },
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** Runs SQL through POST /api/query. */
export function query(api: TestApi, user: TestSession | undefined, sql: string, extra: Json = {}) {
  return api.request<Json>('POST', '/api/query', { token: user?.token, body: { sql, ...extra } });
}
