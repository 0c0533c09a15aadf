import fc from 'fast-check';

/** Strings made of what array literals and COPY treat specially, and of anything else (no NUL: text holds none). */
export const hostile = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      '\\',
      ',',
      '{',
      '}',
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      'N',
      'U',
      'L',
      'n',
      'l',
      'a',
      'é',
      '€',
      '𝄞',
      "'",
      '\u00a0', // white space to JavaScript, not to PostgreSQL's arrays
      '\u2003',
      '\u3000',
      '[',
      ':',
      '=',
    ),
  }),
  fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\0/g, '')),
  fc.constantFrom('', 'NULL', 'null', 'NuLl', ' NULL', '"', '\\', '\\N', '{}', '{', '}', ',', ' ', 'a b'),
);
