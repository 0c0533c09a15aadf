/**
 * EDGAR-style HTML built by the tests (issue 11): exhibits filed as HTML are read directly.
 * - `corpusAsHtml`: a corpus rendering (`|` cells) back into HTML tables and paragraphs;
 * - `preWrapped`: text in <pre>, as many filers wrapped their EDGAR text exhibits.
 */

function htmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cells ("|…" lines) become <td>s of tables, other lines <p>s — what the corpus's renderer flattened. */
export function corpusAsHtml(rendered: string): string {
  const out: string[] = ['<html><head><title>EX-99</title></head><body>'];
  let inTable = false;
  for (const line of rendered.split('\n')) {
    if (line.startsWith('|')) {
      if (!inTable) out.push('<table border="0" cellpadding="0">');
      inTable = true;
      out.push(`<tr><td valign="top"><font size="2">${htmlEscaped(line.slice(1))}</font></td></tr>`);
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    if (line.trim() !== '')
      out.push(`<p style="margin-top:6pt"><font size="2">${htmlEscaped(line)}</font></p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

/** EDGAR text inside <pre>, with &nbsp; and entities as HTML writers produce them. */
export function preWrapped(text: string): string {
  return `<html><body><pre>${htmlEscaped(text).replace(/"/g, '&quot;')}</pre></body></html>\n`;
}
