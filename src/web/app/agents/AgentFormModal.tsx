import {
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { useWritableTeams } from '../teams/use-team-lookups';
import { type AgentSettingsForm, formToSettings, settingsToForm } from './agent-settings';
import { AGENT_TOOLS } from './tools';
import { type Agent, useModelOptions, useSaveAgent } from './use-agents';

const FIELDS = ['name', 'description', 'instructions', 'is_public', 'settings', 'team_id'];

interface Values extends AgentSettingsForm {
  name: string;
  description: string;
  instructions: string;
  owner: string;
  is_public: boolean;
}

const EMPTY: Values = {
  name: '',
  description: '',
  instructions: '',
  owner: '',
  is_public: false,
  ...settingsToForm({}),
};

/**
 * Creates an agent (`agent` undefined) or edits one: its name, instructions, default model, tools
 * and privacy. The API's message for a field is shown under it.
 */
export function AgentFormModal({
  opened,
  agent,
  onClose,
}: {
  opened: boolean;
  agent: Agent | null;
  onClose: () => void;
}) {
  const save = useSaveAgent();
  const models = useModelOptions();
  const writableTeams = useWritableTeams();
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: { name: (value) => (value.trim() ? null : 'Give the agent a name') },
  });
  const { setValues, resetDirty, clearErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(
      agent
        ? {
            name: agent.name,
            description: agent.description ?? '',
            instructions: agent.instructions,
            owner: agent.owner.type === 'team' ? agent.owner.team_id : '',
            is_public: agent.is_public,
            ...settingsToForm(agent.settings),
          }
        : EMPTY,
    );
    resetDirty();
    clearErrors();
  }, [opened, agent, setValues, resetDirty, clearErrors]);

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({
        id: agent?.id ?? null,
        teamId: values.owner || null,
        input: {
          name: values.name.trim(),
          description: values.description.trim() || null,
          instructions: values.instructions,
          is_public: values.is_public,
          settings: formToSettings(values, agent?.settings),
        },
      });
      notifications.show({ color: 'teal', message: `Agent “${saved.name}” ${agent ? 'saved' : 'created'}` });
      close();
    } catch (error) {
      const byField = fieldErrors(error);
      form.setErrors({ ...byField, ...(byField.team_id ? { owner: byField.team_id } : {}) });
    }
  });

  // A team's agent may be made by its editors and admins.
  const teamOptions = writableTeams.map((team) => ({ value: team.id, label: `Team: ${team.name}` }));
  const message = save.error ? formMessage(save.error, FIELDS) : null;

  return (
    <Modal opened={opened} onClose={close} title={agent ? `Edit agent “${agent.name}”` : 'New agent'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} />
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Description"
            description="One line, shown where the agent is picked"
            {...form.getInputProps('description')}
          />
          <Textarea
            label="Instructions"
            description="What the agent is told before every conversation: its role, tone, what to focus on"
            autosize
            minRows={5}
            maxRows={14}
            {...form.getInputProps('instructions')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Default model"
              description="Used unless a chat picks another"
              placeholder={models.isPending ? 'Loading models…' : 'The server’s default'}
              data={[{ value: '', label: 'The server’s default' }, ...(models.data ?? [])]}
              error={models.isError ? 'The models could not be loaded' : undefined}
              allowDeselect={false}
              {...form.getInputProps('model_id')}
            />
            <NumberInput
              label="Temperature"
              description="0 is focused, 2 is inventive; empty: the model’s default"
              placeholder="Model default"
              min={0}
              max={2}
              step={0.1}
              decimalScale={2}
              {...form.getInputProps('temperature')}
            />
          </SimpleGrid>
          <Radio.Group
            label="Tools"
            description="What the agent may do for the user"
            {...form.getInputProps('tools_mode')}
          >
            <Group mt="xs">
              <Radio value="all" label="Every tool" />
              <Radio value="some" label="Only the tools chosen below" />
            </Group>
          </Radio.Group>
          {form.values.tools_mode === 'some' && (
            <Checkbox.Group aria-label="Tools the agent may use" {...form.getInputProps('tools')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {AGENT_TOOLS.map((tool) => (
                  <Checkbox key={tool.name} value={tool.name} label={tool.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Select
            label="Privacy mode"
            description="In privacy mode the model sees schemas and aggregates, never individual rows"
            data={[
              { value: 'default', label: 'As the dashboard’s team decides' },
              { value: 'on', label: 'Always on' },
              { value: 'off', label: 'Always off' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('privacy')}
          />
          {!agent && (
            <Select
              label="Owner"
              description="A team’s agent can be used and changed by its editors and admins"
              data={[{ value: '', label: 'Just me' }, ...teamOptions]}
              allowDeselect={false}
              {...form.getInputProps('owner')}
            />
          )}
          <Switch
            label="Public: every signed-in user may use it (only its owners change it)"
            {...form.getInputProps('is_public', { type: 'checkbox' })}
          />
          <ModalFormActions
            submitLabel={agent ? 'Save agent' : 'Create agent'}
            loading={save.isPending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
