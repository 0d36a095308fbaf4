import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CustomCommand, invalidCommands, matchCommand, planCommand } from './match.js';

const ME = '00000000-0000-4000-8000-00000000000a';
const STRANGER = '00000000-0000-4000-8000-00000000000b';
const AGENT = '00000000-0000-4000-8000-0000000000a1';

let next = 0;
function command(fields: Partial<CustomCommand> & Pick<CustomCommand, 'command_pattern' | 'handler_config'>) {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    name: `Command ${next}`,
    description: null,
    is_public: false,
    owner: { type: 'user', user_id: ME },
    ...fields,
  } satisfies CustomCommand;
}

const options = { userId: ME };

// A local receiver for webhook commands; it counts what reaches it.
let server: http.Server;
let hits: string[] = [];
let hookUrl = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      hits.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: 'Sunny in Paris' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  hits = [];
});

describe('custom commands', () => {
  it('a prompt template is filled from the numbered and named groups and the whole message', async () => {
    const report = command({
      command_pattern: '^/report\\s+(?<period>\\w+)(?:\\s+(\\d{4}))?$',
      handler_config: { type: 'prompt_template', template: 'Report for {{period}} {{2}} [{{1}}] ({{input}})' },
    });
    expect(await matchCommand('/report monthly 2024', [report], options)).toEqual({
      kind: 'prompt',
      text: 'Report for monthly 2024 [monthly] (/report monthly 2024)',
      commandId: report.id,
    });
    expect(await matchCommand('/report weekly', [report], options)).toMatchObject({
      text: 'Report for weekly  [weekly] (/report weekly)',
    });
  });

  it('a tool command runs the tool with its filled input, without the model', async () => {
    const find = command({
      command_pattern: '^/find (.+)$',
      handler_config: { type: 'tool', tool: 'find_dashboards', input: { query: '{{1}}' } },
    });
    expect(await matchCommand('/find Sales board', [find], options)).toEqual({
      kind: 'tool',
      tool: 'find_dashboards',
      input: { query: 'Sales board' },
      commandId: find.id,
    });
  });

  it('a tool command whose filled input the tool refuses answers why, and runs nothing', async () => {
    const describeIt = command({
      name: 'Describe',
      command_pattern: '^/describe (\\S+)$',
      handler_config: { type: 'tool', tool: 'describe_dataset', input: { dataset_id: '{{1}}' } },
    });
    expect(await matchCommand('/describe sales', [describeIt], options)).toEqual({
      kind: 'reply',
      text: 'The command “Describe” could not run: describe_dataset does not accept it: input.dataset_id Invalid GUID.',
      commandId: describeIt.id,
    });
  });

  it('an agent command routes the message, or its template, to the agent', async () => {
    const plain = command({ command_pattern: '^/ask ', handler_config: { type: 'agent', agent_id: AGENT } });
    expect(await matchCommand('/ask why?', [plain], options)).toEqual({
      kind: 'prompt',
      text: '/ask why?',
      agentId: AGENT,
      commandId: plain.id,
    });
    const templated = command({
      command_pattern: '^/review (?P<what>.+)$',
      handler_config: { type: 'agent', agent_id: AGENT, template: 'Review {{what}} critically' },
    });
    expect(await matchCommand('/review the Q3 board', [templated], options)).toMatchObject({
      kind: 'prompt',
      text: 'Review the Q3 board critically',
      agentId: AGENT,
    });
  });

  it('a webhook command answers with the webhook’s text, when private addresses are allowed', async () => {
    const weather = command({
      name: 'Weather',
      command_pattern: '^/weather (?P<city>.+)$',
      handler_config: { type: 'webhook', url: hookUrl },
    });
    expect(await matchCommand('/weather Paris', [weather], { ...options, allowPrivateWebhooks: true })).toEqual({
      kind: 'reply',
      text: 'Sunny in Paris',
      commandId: weather.id,
    });
    expect(hits.map((body) => JSON.parse(body))).toEqual([
      {
        command: 'Weather',
        message: '/weather Paris',
        groups: { '0': '/weather Paris', '1': 'Paris', city: 'Paris' },
        user_id: ME,
      },
    ]);
  });

  it('a webhook to a private address is refused by default: a reply says why, nothing is sent, nothing throws', async () => {
    const weather = command({
      name: 'Weather',
      command_pattern: '^/weather (.+)$',
      handler_config: { type: 'webhook', url: hookUrl },
    });
    const outcome = await matchCommand('/weather Paris', [weather], options);
    expect(outcome).toEqual({
      kind: 'reply',
      text: "The command “Weather” could not run: the webhook's address is private (127.0.0.1); an administrator can allow private addresses with OCP_WEBHOOK_ALLOW_PRIVATE=true.",
      commandId: weather.id,
    });
    expect(hits).toEqual([]);
  });

  it('planning reports the webhook it would call, without calling it', () => {
    const weather = command({ command_pattern: '^/weather (.+)$', handler_config: { type: 'webhook', url: hookUrl } });
    const plan = planCommand('/weather Paris', [weather], options);
    expect(plan?.outcome).toMatchObject({ kind: 'webhook', url: hookUrl, commandId: weather.id });
    expect(hits).toEqual([]);
  });

  it('a message that does not start with / matches a pattern that says so', async () => {
    const summary = command({
      command_pattern: '(?i)weekly summary',
      handler_config: { type: 'prompt_template', template: 'Summarise the last 7 days' },
    });
    expect(await matchCommand('Give me the Weekly Summary please', [summary], options)).toMatchObject({
      kind: 'prompt',
      text: 'Summarise the last 7 days',
    });
    expect(await matchCommand('Give me the numbers', [summary], options)).toBeNull();
  });

  it('skips stored commands with an invalid pattern or configuration, and reports them', async () => {
    const badPattern = command({
      name: 'Old',
      command_pattern: '^/x(?=y)',
      handler_config: { type: 'prompt_template', template: 'x' },
    });
    const badConfig = command({
      name: 'Older',
      command_pattern: '^/x',
      handler_config: { type: 'tool_call', tool: 'summarize' },
    });
    const good = command({ command_pattern: '^/x', handler_config: { type: 'prompt_template', template: 'ok' } });
    const commands = [badPattern, badConfig, good];
    expect(await matchCommand('/xy', commands, options)).toMatchObject({
      kind: 'prompt',
      text: 'ok',
      commandId: good.id,
    });
    expect(invalidCommands(commands)).toEqual([
      {
        id: badPattern.id,
        name: 'Old',
        reason: expect.stringMatching(/^command_pattern is not a valid regular expression \(RE2: /),
      },
      {
        id: badConfig.id,
        name: 'Older',
        reason: 'handler_config/type must be one of prompt_template, tool, agent, webhook',
      },
    ]);
  });

  it('answers null when no command matches', async () => {
    const report = command({
      command_pattern: '^/report$',
      handler_config: { type: 'prompt_template', template: 'x' },
    });
    expect(await matchCommand('/reports', [report], options)).toBeNull();
    expect(await matchCommand('hello', [], options)).toBeNull();
  });
});

describe('which command wins', () => {
  it('a built-in comes before any custom command', async () => {
    const hijack = command({
      command_pattern: '^/help',
      handler_config: { type: 'prompt_template', template: 'gotcha' },
    });
    expect(await matchCommand('/help', [hijack], options)).toMatchObject({ kind: 'reply' });
    expect(planCommand('/help', [hijack], options)?.command).toEqual({ source: 'builtin', name: '/help' });
  });

  it('a public command by someone else never captures an ordinary message', async () => {
    const catchAll = command({
      command_pattern: '.*',
      handler_config: { type: 'webhook', url: hookUrl },
      is_public: true,
      owner: { type: 'user', user_id: STRANGER },
      abilities: { can_edit: false },
    });
    const options_ = { ...options, allowPrivateWebhooks: true };
    expect(await matchCommand('our churn numbers are confidential', [catchAll], options_)).toBeNull();
    expect(hits).toEqual([]);
    // It still works as a slash command, which the user types on purpose.
    expect(await matchCommand('/stranger thing', [catchAll], options_)).toMatchObject({ kind: 'reply' });
  });

  it('the user’s own and his team’s commands outrank public ones, whatever the order given', async () => {
    const publicOne = command({
      command_pattern: '^/report',
      handler_config: { type: 'prompt_template', template: 'public' },
      is_public: true,
      owner: { type: 'user', user_id: STRANGER },
    });
    const teamOne = command({
      command_pattern: '^/report',
      handler_config: { type: 'prompt_template', template: 'team' },
      owner: { type: 'team', team_id: '00000000-0000-4000-8000-0000000000f1' },
    });
    const mine = command({
      command_pattern: '^/report',
      handler_config: { type: 'prompt_template', template: 'mine' },
    });
    expect(await matchCommand('/report', [publicOne, teamOne, mine], options)).toMatchObject({ text: 'mine' });
    expect(await matchCommand('/report', [publicOne, teamOne], options)).toMatchObject({ text: 'team' });
  });
});
