import { z } from 'zod';
import { COLUMN_KINDS } from '../../shared/chart-spec.js';
import { BadRow, CsvOptions, DatasetColumn, FILE_FORMATS } from '../../shared/datasets.js';

const Timestamp = z.string().describe('ISO 8601 timestamp');
const TableName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case identifier: letters, digits and _, not starting with a digit')
  .describe('The name SQL uses for the dataset; unique per owner; fixed once created');

export const Dataset = z
  .object({
    id: z.guid(),
    name: z.string(),
    description: z.string().nullable(),
    table_name: z.string(),
    owner: z.union([
      z.object({ type: z.literal('user'), user_id: z.guid() }),
      z.object({ type: z.literal('team'), team_id: z.guid() }),
    ]),
    source: z.record(z.string(), z.unknown()).describe('Where the current data came from: file name, format, options'),
    columns: z.array(DatasetColumn),
    row_count: z.number().int(),
    size_bytes: z.number().int(),
    data_version: z.number().int().describe('1 after the first load, one more per replace or append'),
    loaded_at: Timestamp.nullable(),
    loaded_by: z.guid().nullable(),
    created_by: z.guid().nullable(),
    abilities: z.object({ can_edit: z.boolean(), can_delete: z.boolean() }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Dataset' });

export const LoadReport = z
  .object({
    row_count: z.number().int(),
    bad_rows: z.array(BadRow).describe('The first 100 rows or values that could not be loaded'),
    bad_row_count: z.number().int(),
  })
  .meta({ id: 'LoadReport' });

export const DatasetWithReport = Dataset.extend({ load: LoadReport }).meta({ id: 'DatasetWithLoadReport' });

export const DatasetList = z
  .object({ items: z.array(Dataset), next_cursor: z.string().nullable() })
  .meta({ id: 'DatasetList' });

export const ListDatasetsQuery = z.object({
  scope: z.enum(['all', 'personal', 'team']).default('all'),
  team_id: z.guid().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search in names and table names'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const QueryResultSchema = z
  .object({
    columns: z.array(z.object({ name: z.string(), kind: z.enum(COLUMN_KINDS), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
    truncated: z.boolean().describe('More rows existed than were returned'),
  })
  .meta({ id: 'QueryResult' });

export const Upload = z
  .object({
    upload_id: z.guid().describe('Name it when creating or reloading a dataset; kept for 24 hours'),
    file_name: z.string(),
    format: z.enum(FILE_FORMATS),
    size_bytes: z.number().int(),
    csv: CsvOptions.nullable().describe('For CSV: what OCP detected; send a changed copy to override'),
    preview: QueryResultSchema,
    bad_rows: z.array(BadRow).describe('Problems in the previewed rows'),
    bad_row_count: z.number().int(),
  })
  .meta({ id: 'Upload' });

export const UploadParams = z.object({ upload_id: z.guid() });
export const PreviewUploadBody = z.object({ csv: CsvOptions.optional() });

export const CreateDatasetBody = z.object({
  upload_id: z.guid(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullable().optional(),
  table_name: TableName.optional().describe('Left out: made from the name'),
  team_id: z.guid().optional().describe('Create it for this team (you must be editor or admin); else it is yours'),
  csv: CsvOptions.optional().describe('For CSV: how to read it; left out, as detected'),
});

export const LoadDatasetBody = z.object({
  upload_id: z.guid(),
  mode: z.enum(['replace', 'append']).default('replace'),
  csv: CsvOptions.optional(),
});

export const UpdateDatasetBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export const DeleteDatasetQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Delete even though charts use it (they will show an error until given other data)'),
});

export const RowsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});

export const DatasetUsage = z
  .object({
    charts: z.array(
      z.object({
        chart_id: z.guid(),
        chart_title: z.string(),
        tab_id: z.guid(),
        tab_title: z.string(),
        dashboard_id: z.guid(),
        dashboard_title: z.string(),
      }),
    ),
    total: z.number().int().describe('All charts that use it, including those on dashboards you cannot see'),
  })
  .meta({ id: 'DatasetUsage' });
