import { type EngineOptions, QueryEngine } from './query/engine.js';
import { DataStorage } from './storage.js';

/** What the data features need: where files live and the query engine. One per server process. */
export interface DataServices {
  storage: DataStorage;
  engine: QueryEngine;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
  close(): void;
}

export function createDataServices(
  dataDir: string,
  options: { maxUploadBytes?: number | undefined; engine?: Partial<EngineOptions> | undefined } = {},
): DataServices {
  const engine = new QueryEngine(options.engine);
  return {
    storage: new DataStorage(dataDir),
    engine,
    maxUploadBytes: options.maxUploadBytes ?? 2 * 1024 ** 3,
    close: () => engine.close(),
  };
}
