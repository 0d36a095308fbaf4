import { ActionIcon, Badge, Combobox, Group, Select, Stack, Text, Textarea, Tooltip, useCombobox } from '@mantine/core';
import { IconPlayerStopFilled, IconSend, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applySuggestion, type CommandSuggestion, matchingCommands } from './commands';
import { useAgents, useCustomCommands, useModels } from './use-chat-data';

/** The agent and model a prompt is sent with ('' for the agent: none; null for the model: the default). */
export interface PromptChoice {
  agentId: string;
  modelId: string | null;
}

interface ChatComposerProps {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  choice: PromptChoice;
  onChoiceChange: (choice: PromptChoice) => void;
  /** The text to start with (the prompt being edited). */
  initialText?: string;
  /** Set while an earlier prompt is being edited: shown above the box, with a way out. */
  editing?: { onCancel: () => void } | undefined;
}

const NO_AGENT = '';

/**
 * Where a prompt is written: Enter sends, Shift+Enter starts a new line; "/" offers the slash
 * commands (arrows to pick, Enter or Tab to take one, Escape to close); the agent and the model
 * are chosen for each prompt; Stop while answering.
 */
export function ChatComposer({
  busy,
  onSend,
  onStop,
  choice,
  onChoiceChange,
  initialText = '',
  editing,
}: ChatComposerProps) {
  const [text, setText] = useState(initialText);
  const input = useRef<HTMLTextAreaElement>(null);
  // Ready to type into, unless the person is already busy elsewhere: the panel beside a dashboard
  // may open after they have started on something else, and must not take their focus away.
  useEffect(() => {
    const busy = document.activeElement && document.activeElement !== document.body;
    if (!busy) input.current?.focus();
  }, []);
  const [dismissed, setDismissed] = useState(false);
  const models = useModels();
  const agents = useAgents();
  const commands = useCustomCommands();
  const combobox = useCombobox();

  const suggestions = useMemo(() => matchingCommands(text, commands.data ?? []), [text, commands.data]);
  const exact = suggestions.length === 1 && suggestions[0] && applySuggestion(suggestions[0]).trim() === text;
  const showSuggestions = suggestions.length > 0 && !exact && !dismissed;

  // Open (first command selected, so Enter takes it) when the offered commands change; not on
  // every render, which would undo a choice made with the arrows.
  const offered = showSuggestions ? suggestions.map((s) => `${s.source}:${s.name}`).join('\n') : '';
  const store = useRef(combobox);
  store.current = combobox;
  useEffect(() => {
    const current = store.current;
    if (!offered) {
      current.closeDropdown();
      return;
    }
    current.openDropdown();
    const frame = requestAnimationFrame(() => current.selectFirstOption());
    return () => cancelAnimationFrame(frame);
  }, [offered]);

  // A remembered model or agent that is no longer offered falls back to the default.
  useEffect(() => {
    const modelGone = choice.modelId && models.data && !models.data.some((m) => m.id === choice.modelId);
    const agentGone = choice.agentId && agents.data && !agents.data.some((a) => a.id === choice.agentId);
    if (modelGone || agentGone)
      onChoiceChange({ agentId: agentGone ? NO_AGENT : choice.agentId, modelId: modelGone ? null : choice.modelId });
  }, [choice, models.data, agents.data, onChoiceChange]);

  const send = () => {
    const prompt = text.trim();
    if (!prompt || busy) return;
    onSend(prompt);
    setText('');
  };
  const take = (suggestion: CommandSuggestion) => {
    setText(applySuggestion(suggestion) || text);
    setDismissed(true);
  };

  const modelOptions = (models.data ?? []).map((m) => ({
    value: m.id,
    label: m.ruleBased && !/rule-based/i.test(m.label) ? `${m.label} (rule-based)` : m.label,
  }));
  const agentOptions = [
    { value: NO_AGENT, label: 'No agent' },
    ...(agents.data ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap={6}>
        {editing && (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              Editing your last message: sending replaces it and its answer.
            </Text>
            <ActionIcon size="sm" variant="subtle" aria-label="Cancel editing" onClick={editing.onCancel}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        )}
        <Combobox
          store={combobox}
          onOptionSubmit={(value) => {
            const suggestion = suggestions.find((s) => `${s.source}:${s.name}` === value);
            if (suggestion) take(suggestion);
          }}
          position="top-start"
          withinPortal
        >
          <Combobox.Target targetType="input">
            <Textarea
              aria-label="Message the assistant"
              placeholder="Ask about your data · / for commands"
              autosize
              minRows={1}
              maxRows={8}
              value={text}
              ref={input}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setDismissed(false);
              }}
              onKeyDown={(event) => {
                if (event.nativeEvent.isComposing) return;
                const picking = combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1;
                if (event.key === 'Tab' && picking) {
                  event.preventDefault();
                  combobox.clickSelectedOption();
                  return;
                }
                if (event.key === 'Escape' && combobox.dropdownOpened) {
                  setDismissed(true);
                  return;
                }
                // Enter on an offered command takes it (Combobox does that); otherwise it sends.
                if (event.key === 'Enter' && !event.shiftKey && !picking) {
                  event.preventDefault();
                  send();
                }
              }}
            />
          </Combobox.Target>
          <Combobox.Dropdown aria-label="Commands">
            <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
              {suggestions.map((s) => (
                <Combobox.Option key={`${s.source}:${s.name}`} value={`${s.source}:${s.name}`}>
                  <Group gap="xs" wrap="nowrap" align="baseline">
                    <Text size="sm" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {s.source === 'builtin' ? s.usage : s.name}
                    </Text>
                    {s.source === 'custom' && (
                      <Badge size="xs" variant="light">
                        custom
                      </Badge>
                    )}
                    <Text size="xs" opacity={0.75} lineClamp={1}>
                      {s.description}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Select
              size="xs"
              aria-label="Agent"
              data={agentOptions}
              value={choice.agentId}
              onChange={(value) => onChoiceChange({ ...choice, agentId: value ?? NO_AGENT })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1, minWidth: 0, maxWidth: 200 }}
            />
            <Select
              size="xs"
              aria-label="Model"
              placeholder={models.isPending ? 'Loading models…' : 'Default model'}
              data={modelOptions}
              value={choice.modelId}
              onChange={(value) => onChoiceChange({ ...choice, modelId: value })}
              clearable
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1, minWidth: 0, maxWidth: 240 }}
            />
          </Group>
          {busy ? (
            <Tooltip label="Stop the answer">
              <ActionIcon size="lg" variant="light" color="red" aria-label="Stop" onClick={onStop}>
                <IconPlayerStopFilled size={16} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Tooltip label="Send (Enter) · new line: Shift+Enter">
              <ActionIcon size="lg" type="submit" aria-label="Send" disabled={!text.trim()}>
                <IconSend size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </form>
  );
}
