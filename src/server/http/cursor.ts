import { ApiError } from '../errors/api-error.js';

/** Opaque keyset cursors: the sort key of the last item of a page. */
export function encodeCursor(position: { updatedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { updatedAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof updatedAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(updatedAt)))
      return { updatedAt, id };
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'The cursor is not one this API gave out', [
    { path: '/querystring/cursor', message: 'is not valid' },
  ]);
}
