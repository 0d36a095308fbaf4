/** A piece of a search snippet: plain text, or a match to highlight. */
export interface SnippetPiece {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with its HTML character references decoded (named ones above, and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The search API's snippet_html (escaped text with the matches in <mark>) as pieces to render as
 * React text: any other tag is dropped, so nothing is ever interpreted as HTML.
 */
export function snippetPieces(html: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let mark = false;
  for (const token of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (!token) continue;
    const tag = /^<(\/?)([a-z]+)/i.exec(token);
    if (tag) {
      if (tag[2]?.toLowerCase() === 'mark') mark = tag[1] !== '/';
      continue;
    }
    const text = decodeEntities(token);
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += text;
    else pieces.push({ text, mark });
  }
  return pieces;
}
