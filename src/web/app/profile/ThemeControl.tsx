import { SegmentedControl, Stack, Text, useMantineColorScheme } from '@mantine/core';
import { isThemePreference, type ThemePreference, useSetTheme } from './theme-preference';

const OPTIONS: { value: ThemePreference; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Auto' },
];

/** Light, dark or the system's: applied at once and saved in the profile (no Save needed). */
export function ThemeControl() {
  const { colorScheme } = useMantineColorScheme();
  const setTheme = useSetTheme();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="theme-label">
        Theme
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        data={OPTIONS}
        value={colorScheme}
        onChange={(value) => isThemePreference(value) && setTheme(value)}
        w="fit-content"
      />
      <Text size="xs" c="dimmed">
        Auto follows your system’s setting. Saved at once, for every browser you sign in on.
      </Text>
    </Stack>
  );
}
