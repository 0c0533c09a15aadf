/** SPEC §2: names match case-insensitively with whitespace collapsed. */
export function collapseWhitespace(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * The key a name matches by (SPEC §2): whitespace collapsed, lower case, and in Unicode's composed
 * form (NFC) — "Café" typed with "é" and with "e" and a combining accent (U+0301) print the same
 * and are one name, never two portfolios that look alike.
 */
export function nameKey(name: string): string {
  return collapseWhitespace(name).normalize('NFC').toLowerCase();
}

/** A stable, readable identifier for a portfolio, derived from its first name. */
export function portfolioIdOf(firstName: string): string {
  return nameKey(firstName)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
