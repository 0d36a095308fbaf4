import { Code, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { AGENT_TOOLS } from '../agents/tools';
import { useAgentList } from '../agents/use-agents';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { useWritableTeams } from '../teams/use-team-lookups';
import {
  type CommandFormValues,
  commandFieldErrors,
  configToForm,
  EMPTY_COMMAND,
  formToConfig,
  HANDLER_TYPES,
  type HandlerType,
} from './command-form';
import { type Draft, TryItBox } from './TryItBox';
import { DRAFT_ID } from './test-result';
import { type Command, type HandlerConfig, useSaveCommand } from './use-commands';

const FIELDS = [
  'name',
  'description',
  'command_pattern',
  'type',
  'template',
  'agent_id',
  'tool',
  'input',
  'url',
  'timeout_ms',
  'max_bytes',
  'owner',
  'is_public',
];
// Only the text typed is monospace, not the label and help around it.
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
const TEMPLATE_HELP = '{{input}} is the whole message, {{1}}, {{2}}… the pattern’s groups, {{name}} a named group';

/** Creates or edits a custom slash command, with a "Try it" box that runs the unsaved draft. */
export function CommandFormModal({
  opened,
  command,
  onClose,
}: {
  opened: boolean;
  command: Command | null;
  onClose: () => void;
}) {
  const save = useSaveCommand();
  const writableTeams = useWritableTeams();
  const agents = useAgentList();
  const form = useForm<CommandFormValues>({
    initialValues: EMPTY_COMMAND,
    validate: {
      name: (value) => (value.trim() ? null : 'Give the command a name'),
      command_pattern: (value) => (value ? null : 'Write the pattern a message must match'),
    },
  });
  const { setValues, resetDirty, clearErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(
      command
        ? {
            ...EMPTY_COMMAND,
            name: command.name,
            description: command.description ?? '',
            command_pattern: command.command_pattern,
            owner: command.owner.type === 'team' ? command.owner.team_id : '',
            is_public: command.is_public,
            ...configToForm(command.handler_config),
          }
        : EMPTY_COMMAND,
    );
    resetDirty();
    clearErrors();
  }, [opened, command, setValues, resetDirty, clearErrors]);

  const close = () => {
    save.reset();
    onClose();
  };

  /** The configuration, or null after marking the fields the form itself refuses. */
  const config = (values: CommandFormValues): HandlerConfig | null => {
    const made = formToConfig(values, command?.handler_config);
    if ('errors' in made) {
      form.setErrors(made.errors);
      return null;
    }
    return made.config as HandlerConfig;
  };

  const draft = (): Draft | null => {
    const checked = form.validate();
    if (checked.hasErrors) return null;
    const handler = config(form.values);
    if (!handler) return null;
    return {
      ...(command ? { id: command.id } : {}),
      name: form.values.name.trim(),
      command_pattern: form.values.command_pattern,
      handler_config: handler,
    };
  };

  const submit = form.onSubmit(async (values) => {
    const handler = config(values);
    if (!handler) return;
    try {
      const saved = await save.mutateAsync({
        id: command?.id ?? null,
        teamId: values.owner || null,
        input: {
          name: values.name.trim(),
          description: values.description.trim() || null,
          command_pattern: values.command_pattern,
          handler_config: handler,
          is_public: values.is_public,
        },
      });
      notifications.show({ color: 'teal', message: `Command “${saved.name}” ${command ? 'saved' : 'created'}` });
      close();
    } catch (error) {
      form.setErrors(commandFieldErrors(fieldErrors(error)));
    }
  });

  const type = form.values.type;
  const teamOptions = writableTeams.map((team) => ({ value: team.id, label: `Team: ${team.name}` }));
  const agentOptions = (agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  const formError = typeof form.errors.form === 'string' ? form.errors.form : null;
  const message =
    formError ??
    (save.error
      ? formMessage(
          save.error,
          FIELDS.map((f) => (f === 'owner' ? 'team_id' : f)),
        )
      : null);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={command ? `Edit command “${command.name}”` : 'New custom command'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              description="Shown in the chat’s / completion"
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <TextInput label="Description" {...form.getInputProps('description')} />
          </SimpleGrid>
          <TextInput
            label="Pattern"
            required
            styles={MONO}
            description={
              <>
                A regular expression (RE2: no lookaround or backreferences) the message must match, e.g.{' '}
                <Code>{'^/report\\s+(?<period>\\w+)$'}</Code>. Its groups fill the templates below.
              </>
            }
            {...form.getInputProps('command_pattern')}
          />
          <Select
            label="What it does"
            data={HANDLER_TYPES.map((t) => ({ value: t.value, label: t.label }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
            onChange={(value) => value && form.setFieldValue('type', value as HandlerType)}
          />
          {(type === 'prompt_template' || type === 'agent') && (
            <Textarea
              label={type === 'agent' ? 'Text sent to the agent (optional)' : 'Prompt template'}
              description={type === 'agent' ? `Default: the whole message. ${TEMPLATE_HELP}` : TEMPLATE_HELP}
              required={type === 'prompt_template'}
              autosize
              minRows={3}
              styles={MONO}
              {...form.getInputProps('template')}
            />
          )}
          {type === 'agent' && (
            <Select
              label="Agent"
              required
              placeholder={agents.isPending ? 'Loading agents…' : 'Pick an agent'}
              data={agentOptions}
              nothingFoundMessage="No agents yet: make one on the Agents page"
              {...form.getInputProps('agent_id')}
            />
          )}
          {type === 'tool' && (
            <>
              <Select
                label="Tool"
                required
                placeholder="Pick a tool"
                data={AGENT_TOOLS.map((t) => ({ value: t.name, label: `${t.label} (${t.name})` }))}
                {...form.getInputProps('tool')}
              />
              <Textarea
                label="Tool input (JSON)"
                description={`Optional. Every string in it is a template: ${TEMPLATE_HELP}`}
                placeholder='{"query": "{{1}}"}'
                autosize
                minRows={2}
                styles={MONO}
                {...form.getInputProps('input')}
              />
            </>
          )}
          {type === 'webhook' && (
            <>
              <TextInput
                label="Webhook URL"
                required
                placeholder="https://hooks.example.com/ocp"
                description="OCP POSTs {command, message, groups, user_id} as JSON; the answer (JSON {text} or plain text) is the reply. Private addresses are refused unless the administrator allows them."
                {...form.getInputProps('url')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label="Timeout (ms)"
                  placeholder="5000"
                  min={100}
                  max={30000}
                  step={500}
                  {...form.getInputProps('timeout_ms')}
                />
                <NumberInput
                  label="Largest answer read (bytes)"
                  placeholder="100000"
                  min={1}
                  max={1000000}
                  {...form.getInputProps('max_bytes')}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                Never put a secret here: every user of the command can read its settings.
              </Text>
            </>
          )}
          <TryItBox
            draft={draft}
            draftId={command?.id ?? DRAFT_ID}
            onFieldErrors={(errors) => form.setErrors(commandFieldErrors(errors))}
          />
          {!command && (
            <Select
              label="Owner"
              description="A team’s command can be used by its members and changed by its editors and admins"
              data={[{ value: '', label: 'Just me' }, ...teamOptions]}
              allowDeselect={false}
              {...form.getInputProps('owner')}
            />
          )}
          <Switch
            label="Public: every signed-in user may use it (for messages starting with /)"
            {...form.getInputProps('is_public', { type: 'checkbox' })}
          />
          <ModalFormActions
            submitLabel={command ? 'Save command' : 'Create command'}
            loading={save.isPending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
