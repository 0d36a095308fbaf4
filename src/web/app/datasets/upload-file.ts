import type { Problem } from '../../../shared/errors';
import type { components } from '../../api/schema';
import { ApiProblem } from '../lib/problems';
import { freshSession, refreshSession } from '../lib/refresh';

export type Upload = components['schemas']['Upload'];

/** An upload under way: its answer, and a way to stop it. */
export interface UploadTask {
  done: Promise<Upload>;
  abort: () => void;
}

/** Thrown when the user stopped the upload (not an error to show). */
export class UploadAborted extends Error {
  constructor() {
    super('The upload was stopped');
    this.name = 'UploadAborted';
  }
}

/**
 * POSTs a file to /api/uploads as multipart/form-data with XMLHttpRequest, the one browser API
 * that reports how much of a request body has been sent (fetch does not), so that the progress
 * bar is the real one. The session's token goes along as with every other request; a 401 is
 * tried once more after a refresh, like the API client does.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadTask {
  let current: XMLHttpRequest | null = null;
  let aborted = false;

  const send = (token: string | undefined) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', `${window.location.origin}/api/uploads`);
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.responseType = 'text';
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          body = null;
        }
        resolve({ status: xhr.status, body });
      };
      // The same error fetch throws when the server cannot be reached (problemMessage words it).
      xhr.onerror = () => reject(new TypeError('The upload could not reach the server'));
      xhr.onabort = () => reject(new UploadAborted());
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });

  const done = (async () => {
    let answer = await send((await freshSession())?.accessToken);
    if (answer.status === 401 && !aborted) {
      const session = await refreshSession();
      if (session) {
        onProgress(0);
        answer = await send(session.accessToken);
      }
    }
    if (answer.status === 201 && answer.body) {
      onProgress(1);
      return answer.body as Upload;
    }
    throw toProblem(answer.status, answer.body);
  })();

  return {
    done,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}

function toProblem(status: number, body: unknown): ApiProblem {
  if (typeof body === 'object' && body !== null && 'code' in body && 'title' in body && 'status' in body) {
    return new ApiProblem(body as Problem);
  }
  if (status === 413) {
    return new ApiProblem({
      type: 'about:blank',
      title: 'The request body is too large',
      status,
      code: 'payload_too_large',
      detail: 'The file is larger than this server accepts (its administrator sets the limit with MAX_UPLOAD_MB).',
    });
  }
  return new ApiProblem({ type: 'about:blank', title: `The server answered ${status}`, status, code: 'internal' });
}
