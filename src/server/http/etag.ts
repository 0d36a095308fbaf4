import type { FastifyReply } from 'fastify';

/** Sets the ETag header from a resource's etag field. */
export function setEtag(reply: FastifyReply, etag: string): void {
  reply.header('etag', `"${etag}"`);
}

/** The etag an If-Match header names (quotes and a weak prefix removed); undefined when absent or "*". */
export function ifMatch(header: string | undefined): string | undefined {
  if (!header || header.trim() === '*') return undefined;
  return header
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}
