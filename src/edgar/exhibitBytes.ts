/**
 * An exhibit's bytes as text (SPEC §2.1: exhibits come as filed). EDGAR's HTML and most text
 * filings are UTF-8 (or plain ASCII, which is both). Older text filings were typed on Windows and
 * filed as Windows-1252: their curly quotes (0x93 0x94), apostrophes (0x92), dashes (0x96 0x97) and
 * accented names (0xE9 é) are not UTF-8, and read as UTF-8 each became U+FFFD — a schedule heading
 * quoted “with the following” no longer matched, and a name lost its letter. So: UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252, byte for byte (the WHATWG table; Node's TextDecoder
 * reads that label as Latin-1, which puts C1 controls where the quotes are). The document's id
 * stays the SHA-256 of its bytes.
 * @example exhibitText(Uint8Array.of(0x93, 0x41, 0x94)) === '“A”'
 */
export function exhibitText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return windows1252Text(bytes);
  }
}

/**
 * Windows-1252's characters for 0x80–0x9F (WHATWG Encoding, index-windows-1252); the five bytes it
 * leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the C1 control of the same number, as there.
 * Every other byte is its Latin-1 code point.
 */
const C1_OF_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function windows1252Text(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes[i] = b >= 0x80 && b <= 0x9f ? C1_OF_1252[b - 0x80]! : b;
  }
  return new TextDecoder('utf-16le').decode(codes);
}
