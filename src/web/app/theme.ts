import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  Drawer,
  localStorageColorSchemeManager,
  Modal,
  Notification,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker than Mantine's default shade, so that blue text and light buttons keep a 4.5:1 contrast (axe).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  components: {
    // Links in running text are told apart by more than their colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Mantine's close buttons are icons without a name: screen readers would say just "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** Where the chosen scheme is kept; public/color-scheme.js reads the same key before the app starts. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'ocp-color-scheme' });

/**
 * Colours Mantine derives with too little contrast for small text (axe, WCAG AA 4.5:1): on white,
 * dimmed text, error messages and the text of light buttons are taken one or two shades darker; on the dark
 * background, dimmed text one shade lighter (Mantine's dark-2 is about 4.4:1 there).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-green-light-color': 'var(--mantine-color-green-9)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  },
});
