import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../shared/errors.js';

/** The problem+json body, as documented in the OpenAPI description. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]).describe('Stable error code to branch on'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    position: z.number().int().optional().describe('SQL errors: 0-based character offset of the problem in the query'),
    errors: z
      .array(
        z.object({
          path: z.string().describe('JSON path of the field at fault, e.g. /body/title'),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

/** Response entries for the given error statuses, for a route's schema. */
export function problemResponses(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));
}
