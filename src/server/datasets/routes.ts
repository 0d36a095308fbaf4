import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataServices } from '../../data/services.js';
import type { Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { decodeCursor } from '../http/cursor.js';
import { keysetPage } from '../http/page.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { callerDatasets, runQuery } from '../query/service.js';
import * as q from './queries.js';
import {
  CreateDatasetBody,
  Dataset,
  DatasetList,
  DatasetUsage,
  DatasetWithReport,
  DeleteDatasetQuery,
  ListDatasetsQuery,
  LoadDatasetBody,
  PreviewUploadBody,
  QueryResultSchema,
  RowsQuery,
  UpdateDatasetBody,
  Upload,
  UploadParams,
} from './schema.js';
import * as service from './service.js';
import { previewUpload, stageUpload } from './uploads.js';

const NoContent = z.null().describe('Done');

/**
 * /api/uploads and /api/datasets. An upload is a file staged for the caller (detected and
 * previewed); a dataset is created from it, reloaded or appended to with another.
 */
export function datasetRoutes(db: Database, data: DataServices): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: data.maxUploadBytes, files: 1, fields: 5, fieldSize: 10_000 },
    });

    app.post(
      '/uploads',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Upload a CSV/TSV, JSON/NDJSON or Parquet file (multipart/form-data, field "file")',
          description:
            'The file is streamed to disk, its format and (for CSV) delimiter, quoting, header, number and date formats are detected, and the first rows are previewed with any problems found. Create a dataset from it with POST /api/datasets.',
          consumes: ['multipart/form-data'],
          response: { 201: Upload, ...problemResponses(400, 401, 413, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (!request.isMultipart())
          throw new ApiError('bad_request', 'Send the file as multipart/form-data, in a field named "file"');
        const file = await request.file();
        if (!file)
          throw new ApiError('validation_failed', 'No file was sent', [{ path: '/body/file', message: 'is required' }]);
        const staged = await stageUpload(data, user.userId, file.filename || 'upload', file.file);
        return reply.code(201).send(staged);
      },
    );

    app.post(
      '/uploads/:upload_id/preview',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Preview an upload again, read with other CSV options (types, delimiter, formats)',
          params: UploadParams,
          body: PreviewUploadBody,
          response: { 200: Upload, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return previewUpload(data, user.userId, request.params.upload_id, request.body.csv);
      },
    );

    app.get(
      '/datasets',
      {
        schema: {
          tags: ['datasets'],
          summary: 'List the datasets you can read (yours and your teams’), newest first',
          querystring: ListDatasetsQuery,
          response: { 200: DatasetList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const query = request.query;
        const rows = await db.asCaller(user, (tx) =>
          q.listDatasets(tx, {
            scope: query.scope,
            teamId: query.team_id,
            q: query.q,
            limit: query.limit + 1,
            after: decodeCursor(query.cursor),
          }),
        );
        return keysetPage(rows, query.limit);
      },
    );

    app.post(
      '/datasets',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Create a dataset from an upload',
          description:
            'Loads the upload (with the detected CSV options, or those sent) and reports rows that could not be loaded, with their line numbers.',
          body: CreateDatasetBody,
          response: { 201: DatasetWithReport, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        return reply.code(201).send(await service.createDataset(db, data, user, request.body));
      },
    );

    app.get(
      '/datasets/:id',
      {
        schema: {
          tags: ['datasets'],
          summary: 'One dataset: its columns, size and where its data came from',
          params: IdParams,
          response: { 200: Dataset, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const dataset = await db.asCaller(user, (tx) => q.getDataset(tx, request.params.id));
        if (!dataset) throw notFound('Dataset not found');
        return dataset;
      },
    );

    app.patch(
      '/datasets/:id',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Rename or describe a dataset (its table name stays)',
          params: IdParams,
          body: UpdateDatasetBody,
          response: { 200: Dataset, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, async (tx) => {
          const dataset = await q.getDataset(tx, request.params.id);
          if (!dataset) throw notFound('Dataset not found');
          if (!dataset.abilities.can_edit)
            throw new ApiError('forbidden', 'Only the owner or the team’s editors and admins may change this dataset');
          await q.updateDataset(tx, request.params.id, request.body);
          return (await q.getDataset(tx, request.params.id)) as q.DatasetJson;
        });
      },
    );

    app.post(
      '/datasets/:id/load',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Replace a dataset’s data with an upload, or append the upload’s rows',
          description:
            'The old data keeps serving queries until the new load has succeeded; a failed load changes nothing.',
          params: IdParams,
          body: LoadDatasetBody,
          response: { 200: DatasetWithReport, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return service.loadDataset(db, data, user, request.params.id, request.body);
      },
    );

    app.get(
      '/datasets/:id/usage',
      {
        schema: {
          tags: ['datasets'],
          summary: 'The charts that draw from this dataset',
          params: IdParams,
          response: { 200: DatasetUsage, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, async (tx) => {
          if (!(await q.getDataset(tx, request.params.id))) throw notFound('Dataset not found');
          const usage = await q.chartsUsingDataset(tx, request.params.id);
          return { charts: usage.visible, total: usage.total };
        });
      },
    );

    app.get(
      '/datasets/:id/rows',
      {
        schema: {
          tags: ['datasets'],
          summary: 'A page of a dataset’s rows, in load order',
          params: IdParams,
          querystring: RowsQuery,
          response: { 200: QueryResultSchema, ...problemResponses(401, 404, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const dataset = await db.asCaller(user, (tx) => q.getDataset(tx, request.params.id));
        if (!dataset) throw notFound('Dataset not found');
        const { limit, offset } = request.query;
        const result = await runQuery(
          data,
          callerDatasets(db, user),
          { sql: `select * from "${dataset.table_name}" limit ${limit} offset ${offset}`, dataset_id: dataset.id },
          { maxRows: limit, path: '/querystring' },
        );
        return {
          columns: result.columns,
          rows: result.rows,
          truncated: offset + result.rows.length < dataset.row_count,
        };
      },
    );

    app.delete(
      '/datasets/:id',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Delete a dataset and its data',
          description: 'While charts use it, the answer is 409 naming them; send force=true to delete it anyway.',
          params: IdParams,
          querystring: DeleteDatasetQuery,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await service.deleteDataset(db, data, user, request.params.id, request.query.force);
        return reply.code(204).send(null);
      },
    );
  };
}
