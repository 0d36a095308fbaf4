import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldErrors, formMessage, problemMessage, unwrap } from './problems';

const validation = new ApiProblem({
  type: 'https://ocp.dev/problems/validation-failed',
  title: 'Some fields are not valid',
  status: 422,
  code: 'validation_failed',
  errors: [
    { path: '/body/title', message: 'must not be empty' },
    { path: '/body/tabs/0/title', message: 'is too long' },
    { path: '/querystring/limit', message: 'is too big' },
  ],
});

describe('problems from the API, in words for people', () => {
  it('puts each field’s message beside the field, by form path, capitalised', () => {
    expect(fieldErrors(validation)).toEqual({ title: 'Must not be empty', 'tabs.0.title': 'Is too long' });
    expect(fieldErrors(validation, '/querystring')).toEqual({ limit: 'Is too big' });
  });

  it('says nothing above the form when every message is already beside its field', () => {
    expect(formMessage(validation, ['title', 'tabs.0.title'])).toBeNull();
    expect(formMessage(validation, ['title'])).toBe('Some fields are not valid');
  });

  it('gives the request id of server errors, for the administrator’s log', () => {
    const internal = new ApiProblem({
      type: 'about:blank',
      title: 'Something went wrong on our side',
      status: 500,
      code: 'internal',
      requestId: 'req-1',
    });
    expect(problemMessage(internal)).toBe('Something went wrong on our side (request req-1)');
  });

  it('explains a network failure and an answer that is not problem+json', () => {
    expect(problemMessage(new TypeError('Failed to fetch'))).toMatch(/Could not reach the OCP server/);
    const bad = () => unwrap({ error: '<html>Bad gateway</html>', response: new Response('', { status: 502 }) });
    expect(bad).toThrow(ApiProblem);
    const byStatus = () => unwrap({ response: new Response('', { status: 412 }) });
    expect(byStatus).toThrow('Someone else changed this since you loaded it');
  });
});
