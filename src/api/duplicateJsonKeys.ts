/**
 * The keys a JSON text gives more than once in one object, each named once, in the order met
 * (RFC 8259 §4: names SHOULD be unique; I-JSON, RFC 7493 §2.3: MUST). JSON.parse keeps the last
 * value of a repeated key, so `{"first":false,"first":true}` ran a close with `first` while a
 * proxy, a log or a person reading the first saw another request (hostile7): the API refuses the
 * body instead, as the CLI refuses an option given twice. Keys are compared as decoded
 * (`"a"` and `"\u0061"` are one key). One pass, no recursion (a body nested 100,000 deep is read
 * like any other); a text that is not JSON gives what was found so far, and the JSON reader then
 * says what is wrong with it.
 *
 * @example duplicateJsonKeys('{"a":1,"b":{"c":2,"c":3},"a":4}') // ['c', 'a']
 */
export function duplicateJsonKeys(text: string): string[] {
  const found: string[] = [];
  // one frame per open object (its keys so far) or array (null)
  const frames: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const token = text.slice(i, end + 1);
      i = end + 1;
      const keys = frames.at(-1);
      if (keys === undefined || keys === null) continue;
      let next = i;
      while (next < text.length && isJsonSpace(text.charCodeAt(next))) next++;
      // inside an object, a string followed by a colon is a key (a value is followed by , or })
      if (text.charCodeAt(next) !== 0x3a /* : */) continue;
      let key: string;
      try {
        key = JSON.parse(token) as string;
      } catch {
        return found;
      }
      if (!keys.has(key)) keys.add(key);
      else if (!found.includes(key)) found.push(key);
      continue;
    }
    if (ch === 0x7b /* { */) frames.push(new Set());
    else if (ch === 0x5b /* [ */) frames.push(null);
    else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) frames.pop();
    i++;
  }
  return found;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
