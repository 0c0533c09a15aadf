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
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return utf8.decode(bytes);
  } catch {
    const cut = cutCharacterAtEnd(bytes);
    // one lone high byte after plain ASCII is as likely Windows-1252's last letter ("Caf\xE9")
    const utf8Evidence =
      cut !== null && (cut.end - cut.start >= 2 || bytes.subarray(0, cut.start).some((b) => b >= 0x80));
    if (cut !== null && utf8Evidence) {
      try {
        // a UTF-8 document cut at a byte count (EDGAR excerpts keep the first N bytes) can end
        // inside its last character: that character is lost to the cut, the rest stays UTF-8
        return utf8.decode(Uint8Array.from([...bytes.subarray(0, cut.start), ...bytes.subarray(cut.end)]));
      } catch {
        // not UTF-8 elsewhere either
      }
    }
    return windows1252Text(bytes);
  }
}

/**
 * Where the bytes end (before trailing line ends and spaces) inside a UTF-8 character: its lead
 * byte and fewer continuation bytes than the lead byte announces. Null when they do not.
 */
function cutCharacterAtEnd(bytes: Uint8Array): { start: number; end: number } | null {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)) end--;
  for (let start = end - 1; start >= 0 && start >= end - 3; start--) {
    const b = bytes[start]!;
    if (b >= 0x80 && b <= 0xbf) continue;
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    return length > end - start ? { start, end } : null;
  }
  return null;
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
