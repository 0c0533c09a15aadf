/** SPEC §2: names match case-insensitively with whitespace collapsed. */
export function collapseWhitespace(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export function nameKey(name: string): string {
  return collapseWhitespace(name).toLowerCase();
}

/** A stable, readable identifier for a portfolio, derived from its first name. */
export function portfolioIdOf(firstName: string): string {
  return nameKey(firstName)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
