import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { detectCsvOptions, detectFormat, LoadError, previewFile } from '../../data/ingest/load.js';
import type { DataServices } from '../../data/services.js';
import type { CsvOptions, FileFormat } from '../../shared/datasets.js';
import { ApiError, notFound } from '../errors/api-error.js';
import type { Upload } from './schema.js';

// Uploads are staged on disk, streamed there chunk by chunk (never held in memory), detected and
// previewed; a dataset is then created from (or reloaded with) an upload by its id. An upload is
// found only under its uploader's own folder, so another user's upload id leads nowhere.

export type UploadJson = z.infer<typeof Upload>;

interface UploadMeta {
  file_name: string;
  format: FileFormat;
  size_bytes: number;
  csv: CsvOptions | null;
}

const metaFile = (file: string) => `${file}.json`;

export function unreadable(error: unknown): ApiError {
  if (error instanceof LoadError) return new ApiError('upload_unreadable', error.message);
  throw error;
}

/** Streams a file into the caller's uploads; refuses one larger than the limit (413), keeping nothing of it. */
export async function stageUpload(
  data: DataServices,
  userId: string,
  fileName: string,
  stream: Readable & { truncated?: boolean },
): Promise<UploadJson> {
  const uploadId = randomUUID();
  await data.storage.prepareUploads(userId);
  const file = data.storage.uploadFile(userId, uploadId);
  try {
    await pipeline(stream, createWriteStream(file));
    if (stream.truncated)
      throw new ApiError(
        'payload_too_large',
        `The file is larger than ${Math.round(data.maxUploadBytes / 1024 ** 2)} MB`,
      );
    const size = (await stat(file)).size;
    if (size === 0) throw new ApiError('upload_unreadable', 'The file is empty');
    const head = Buffer.alloc(4096);
    const handle = await open(file);
    const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
    const format = detectFormat(fileName, head.subarray(0, bytesRead));
    const csv = format === 'csv' ? await detectCsvOptions(file).catch((e) => Promise.reject(unreadable(e))) : null;
    const meta: UploadMeta = { file_name: fileName, format, size_bytes: size, csv };
    await writeFile(metaFile(file), JSON.stringify(meta));
    return await describeUpload(data, userId, uploadId, meta, csv ?? undefined);
  } catch (error) {
    await rm(file, { force: true });
    await rm(metaFile(file), { force: true });
    throw error;
  }
}

async function describeUpload(
  data: DataServices,
  userId: string,
  uploadId: string,
  meta: UploadMeta,
  csv: CsvOptions | undefined,
): Promise<UploadJson> {
  const file = data.storage.uploadFile(userId, uploadId);
  const preview = await previewFile({ file, format: meta.format, csv }).catch((e) => Promise.reject(unreadable(e)));
  return {
    upload_id: uploadId,
    file_name: meta.file_name,
    format: meta.format,
    size_bytes: meta.size_bytes,
    csv: csv ?? null,
    preview: preview.result,
    bad_rows: preview.badRows,
    bad_row_count: preview.badRowCount,
  };
}

export interface StagedUpload {
  file: string;
  meta: UploadMeta;
}

/** One of the caller's uploads, or 404. */
export async function findUpload(data: DataServices, userId: string, uploadId: string): Promise<StagedUpload> {
  const file = data.storage.uploadFile(userId, uploadId);
  try {
    const meta = JSON.parse(await readFile(metaFile(file), 'utf8')) as UploadMeta;
    return { file, meta };
  } catch {
    throw notFound('Upload not found (uploads are kept for 24 hours)');
  }
}

/** The preview again, read with other CSV options. */
export async function previewUpload(
  data: DataServices,
  userId: string,
  uploadId: string,
  csv: CsvOptions | undefined,
): Promise<UploadJson> {
  const { meta } = await findUpload(data, userId, uploadId);
  if (csv && meta.format !== 'csv')
    throw new ApiError('validation_failed', undefined, [
      { path: '/body/csv', message: `is only for CSV files; this one is ${meta.format}` },
    ]);
  return describeUpload(data, userId, uploadId, meta, csv ?? meta.csv ?? undefined);
}
