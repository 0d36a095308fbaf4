import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

// Where the rows live. Each dataset has a folder named by its id; each successful load is one
// DuckDB file in it, named by the load's storage key (a UUID the database records). Uploads wait
// in a folder per user until they are loaded or expire. Paths are built only from ids that have
// been checked to be UUIDs, so no request can point outside these folders.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkedId(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a UUID: ${id}`);
  return id.toLowerCase();
}

export class DataStorage {
  readonly datasetsDir: string;
  readonly uploadsDir: string;

  constructor(readonly root: string) {
    this.datasetsDir = path.resolve(root, 'datasets');
    this.uploadsDir = path.resolve(root, 'uploads');
  }

  datasetDir(datasetId: string): string {
    return path.join(this.datasetsDir, checkedId(datasetId));
  }

  /** The DuckDB file of one load of a dataset. */
  datasetFile(datasetId: string, storageKey: string): string {
    return path.join(this.datasetDir(datasetId), `${checkedId(storageKey)}.duckdb`);
  }

  userUploadsDir(userId: string): string {
    return path.join(this.uploadsDir, checkedId(userId));
  }

  /** An uploaded file: only its uploader's id leads to it. */
  uploadFile(userId: string, uploadId: string): string {
    return path.join(this.userUploadsDir(userId), checkedId(uploadId));
  }

  async prepareDataset(datasetId: string): Promise<void> {
    await mkdir(this.datasetDir(datasetId), { recursive: true });
  }

  async prepareUploads(userId: string): Promise<void> {
    await mkdir(this.userUploadsDir(userId), { recursive: true });
  }

  /** Removes every load of a dataset but the current one (after a reload, or after a failed load). */
  async removeOtherLoads(datasetId: string, keep: string | null): Promise<void> {
    const dir = this.datasetDir(datasetId);
    const files = await readdir(dir).catch(() => [] as string[]);
    const kept = keep ? `${checkedId(keep)}.duckdb` : undefined;
    await Promise.all(files.filter((f) => f !== kept).map((f) => rm(path.join(dir, f), { force: true })));
  }

  async removeDataset(datasetId: string): Promise<void> {
    await rm(this.datasetDir(datasetId), { recursive: true, force: true });
  }

  async removeUpload(userId: string, uploadId: string): Promise<void> {
    await rm(this.uploadFile(userId, uploadId), { force: true });
    await rm(`${this.uploadFile(userId, uploadId)}.json`, { force: true });
  }

  /** Deletes uploads older than maxAgeMs (abandoned previews). */
  async sweepUploads(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    const users = await readdir(this.uploadsDir).catch(() => [] as string[]);
    for (const user of users) {
      const dir = path.join(this.uploadsDir, user);
      for (const file of await readdir(dir).catch(() => [] as string[])) {
        const info = await stat(path.join(dir, file)).catch(() => undefined);
        if (info && now - info.mtimeMs > maxAgeMs) {
          await rm(path.join(dir, file), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
