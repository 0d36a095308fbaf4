/** What the database puts around a match in a snippet (see search_chat_messages in 0007_chat.sql). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A marked snippet as safe HTML: the text is escaped first, so whatever a message holds is shown
 * as text, and only then do the marks become <mark>…</mark>. The marks are private-use characters
 * that a message could contain too, so they are paired up here: a stray start or end is dropped
 * and an open mark is closed, and the result never holds an unbalanced tag.
 */
export function snippetHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const char of marked.trim()) {
    if (char === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
