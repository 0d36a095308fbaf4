import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// uploadFile in Node, with the browser's pieces it uses stood in for: window (origin, storage
// holding a session) and an XMLHttpRequest that plays back what the test scripts.

interface Scripted {
  status: number;
  body: unknown;
  /** Progress events (bytes sent of 100) before the answer. */
  progress?: number[];
}

const sent: { url: string; authorization: string | null; file: unknown }[] = [];
let script: Scripted[] = [];

class FakeXhr {
  status = 0;
  responseText = '';
  responseType = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private url = '';
  private headers = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers.set(name.toLowerCase(), value);
  }
  send(body: FormData) {
    sent.push({ url: this.url, authorization: this.headers.get('authorization') ?? null, file: body.get('file') });
    const next = script.shift();
    if (!next) throw new Error('no answer scripted');
    this.timer = setTimeout(() => {
      for (const loaded of next.progress ?? [])
        this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 });
      this.status = next.status;
      this.responseText = JSON.stringify(next.body);
      this.onload?.();
    }, 5);
  }
  abort() {
    if (this.timer) clearTimeout(this.timer);
    this.onabort?.();
  }
}

const session = {
  accessToken: 'token-1',
  refreshToken: 'refresh-1',
  expiresAt: Date.now() + 600_000,
  user: { id: 'u1', email: 'me@example.test' },
};

beforeEach(() => {
  sent.length = 0;
  script = [];
  const storage = new Map([['ocp-session', JSON.stringify(session)]]);
  vi.stubGlobal('window', {
    location: { origin: 'http://ocp.test' },
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
    addEventListener: () => {},
  });
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const file = () => new File(['a;b\n1;2\n'], 'small.csv', { type: 'text/csv' });

describe('uploading a file with XMLHttpRequest', () => {
  it('sends the file with the session’s token and reports how much of it went', async () => {
    const { uploadFile } = await import('./upload-file');
    script.push({ status: 201, body: { upload_id: 'up-1', file_name: 'small.csv' }, progress: [25, 75, 100] });
    const fractions: number[] = [];
    const upload = await uploadFile(file(), (fraction) => fractions.push(fraction)).done;
    expect(upload.upload_id).toBe('up-1');
    expect(fractions).toEqual([0.25, 0.75, 1, 1]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: 'http://ocp.test/api/uploads', authorization: 'Bearer token-1' });
    expect(sent[0]?.file).toMatchObject({ name: 'small.csv' });
  });

  it('turns a refusal into the API’s problem, with its words', async () => {
    const { uploadFile } = await import('./upload-file');
    const { ApiProblem, problemMessage } = await import('../lib/problems');
    script.push({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'The file could not be read as asked',
        status: 422,
        code: 'upload_unreadable',
        detail: 'This is not a Parquet file.',
      },
    });
    const failure = await uploadFile(file(), () => {}).done.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect(problemMessage(failure)).toBe('This is not a Parquet file.');
  });

  it('names a too-large file even when a proxy answers 413 without a problem document', async () => {
    const { uploadFile } = await import('./upload-file');
    const { problemMessage } = await import('../lib/problems');
    script.push({ status: 413, body: null });
    const failure = await uploadFile(file(), () => {}).done.catch((error: unknown) => error);
    expect(problemMessage(failure)).toMatch(/larger than this server accepts/);
  });

  it('stops when asked, with an error the dialog does not show', async () => {
    const { uploadFile, UploadAborted } = await import('./upload-file');
    script.push({ status: 201, body: { upload_id: 'never' } });
    const task = uploadFile(file(), () => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    task.abort();
    await expect(task.done).rejects.toBeInstanceOf(UploadAborted);
  });
});
