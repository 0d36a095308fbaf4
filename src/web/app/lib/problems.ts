import { ERRORS, type ErrorCode, type Problem } from '../../../shared/errors';

/** An answer of the API that was a problem+json document, as an Error the UI can show. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): ErrorCode {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'title' in value;
}

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiProblem (also for errors that are not problem+json, e.g. a proxy's 502). */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw asProblem(result);
}

/** Throws an ApiProblem unless the answer is a success (for answers without a body, e.g. 204). */
export function expectOk(result: ApiResult<unknown>): void {
  if (!result.response.ok) throw asProblem(result);
}

function asProblem({ error, response }: ApiResult<unknown>): ApiProblem {
  if (isProblem(error)) return new ApiProblem(error);
  const known = Object.entries(ERRORS).find(([, e]) => e.status === response.status);
  return new ApiProblem({
    type: 'about:blank',
    title: known?.[1].title ?? `The server answered ${response.status} ${response.statusText}`,
    status: response.status,
    code: (known?.[0] as ErrorCode | undefined) ?? 'internal',
  });
}

/** What went wrong, in words for the person using the app. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) {
    const { problem } = error;
    const text = problem.detail ?? ERRORS[problem.code]?.title ?? problem.title;
    // A reference the administrator can find in the server's log.
    return problem.status >= 500 && problem.requestId ? `${text} (request ${problem.requestId})` : text;
  }
  if (error instanceof TypeError) return 'Could not reach the OCP server. Check the connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/**
 * The field errors of a validation problem, keyed by the form path of each field ("title",
 * "tabs.0.title"), each message starting with a capital: ready for a form's setErrors.
 */
export function fieldErrors(error: unknown, prefix = '/body'): Record<string, string> {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return {};
  const errors: Record<string, string> = {};
  for (const { path, message } of error.problem.errors) {
    if (!path.startsWith(`${prefix}/`)) continue;
    const key = path.slice(prefix.length + 1).replaceAll('/', '.');
    errors[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return errors;
}

/** The message for the whole form: the problem's, unless every detail is already shown beside a field. */
export function formMessage(error: unknown, fields: readonly string[], prefix = '/body'): string | null {
  const byField = fieldErrors(error, prefix);
  const shown = Object.keys(byField).filter((key) => fields.includes(key));
  if (shown.length > 0 && shown.length === Object.keys(byField).length) return null;
  return problemMessage(error);
}
