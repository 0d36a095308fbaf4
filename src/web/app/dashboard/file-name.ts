/**
 * A file name for a download, from a chart's title: characters that Windows, macOS or Linux
 * refuse in names are replaced, spaces collapsed, the length capped; "chart" if nothing is left.
 */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 120)
    .trim();
  return `${base || 'chart'}.${extension}`;
}
