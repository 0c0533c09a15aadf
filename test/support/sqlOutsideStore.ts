import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from '@babel/parser';

/**
 * Finds SQL outside src/store (issue 9: "no SQL outside src/store"): SQL statements in string
 * literals and templates, `sql` tagged templates, Kysely query building, and imports of the
 * query builder. Only the shapes of statements count — `SELECT … FROM`, `INSERT INTO t (`,
 * `UPDATE t SET c =`, `DELETE FROM t`, `CREATE TABLE`, `ALTER TABLE`, `LOCK TABLE`, `COPY t FROM`
 * — so that prose such as "select the class from the list" in a comment or a message is not SQL.
 */
export interface SqlFinding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
  readonly text: string;
}

const IDENT = String.raw`(?:"[^"]+"|[a-z_][a-z0-9_$]*)(?:\.(?:"[^"]+"|[a-z_][a-z0-9_$]*))?`;
const CLAUSE_AFTER_FROM = String.raw`(?:\s*(?:$|;|\))|(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s+(?:where|order\s+by|group\s+by|(?:left\s+|right\s+|inner\s+|full\s+|cross\s+)?join|limit|union|for\s+update|returning)\b)`;

/** Each statement shape, case-insensitive, matched against a literal's text with its whitespace collapsed. */
export const SQL_SHAPES: readonly { readonly what: string; readonly re: RegExp }[] = [
  {
    what: 'INSERT',
    re: new RegExp(
      String.raw`\binsert\s+into\s+${IDENT}\s*(?:\(|\bvalues\b|\bselect\b|\bdefault\s+values\b)`,
      'i',
    ),
  },
  {
    what: 'UPDATE',
    re: new RegExp(
      String.raw`\bupdate\s+(?:only\s+)?${IDENT}(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s+set\s+(?:[a-z_][a-z0-9_]*|\()\s*(?:=|,|[a-z_])`,
      'i',
    ),
  },
  {
    what: 'DELETE',
    re: new RegExp(
      String.raw`\bdelete\s+from\s+(?:only\s+)?${IDENT}(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s*(?:$|;|\)|\bwhere\b|\busing\b|\breturning\b)`,
      'i',
    ),
  },
  // Upper-case SELECT … FROM (SQL as written in this codebase), or a SELECT of a function call.
  { what: 'SELECT', re: /\bSELECT\b[\s\S]*?\bFROM\b/ },
  { what: 'SELECT', re: /\bSELECT\s+(?:DISTINCT\s+)?[a-z_][a-z0-9_]*\s*\(/ },
  // Any case: SELECT … FROM table followed by a clause or the end of the statement.
  {
    what: 'SELECT',
    re: new RegExp(String.raw`\bselect\b[\s\S]*?\bfrom\s+(?:unnest\s*\(|${IDENT}${CLAUSE_AFTER_FROM})`, 'i'),
  },
  {
    what: 'CREATE',
    re: /\bcreate\s+(?:or\s+replace\s+)?(?:unique\s+)?(?:temp(?:orary)?\s+)?(?:table|index|view|materialized\s+view|function|trigger|schema|sequence|type|extension)\b\s+(?:if\s+not\s+exists\s+)?[a-z_"]/i,
  },
  {
    what: 'ALTER',
    re: /\balter\s+(?:table|index|sequence|schema|function|type|view)\s+(?:if\s+exists\s+)?(?:only\s+)?[a-z_"]/i,
  },
  {
    what: 'DROP',
    re: /\bdrop\s+(?:table|index|sequence|schema|function|type|view|trigger)\s+(?:if\s+exists\s+)?[a-z_"]/i,
  },
  {
    what: 'TRUNCATE',
    re: new RegExp(String.raw`\btruncate\s+(?:table\s+)?${IDENT}\s*(?:$|;|,|\bcascade\b|\brestart\b)`, 'i'),
  },
  { what: 'LOCK', re: new RegExp(String.raw`\block\s+(?:table\s+)?${IDENT}\s+in\s+[a-z ]+\s+mode\b`, 'i') },
  { what: 'LOCK', re: /\bLOCK\s+TABLE\b/ },
  {
    what: 'COPY',
    re: new RegExp(
      String.raw`\bcopy\s+${IDENT}\s*(?:\([^)]*\)\s*)?(?:from|to)\s+(?:stdin|stdout|program\b|')`,
      'i',
    ),
  },
];

/** The SQL statement a piece of literal text holds, if any. */
export function sqlShapeOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  for (const { what, re } of SQL_SHAPES) if (re.test(flat)) return what;
  return null;
}

const BUILDER_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);

/** A node of Babel's syntax tree, as far as the scanner reads it. */
interface SyntaxNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly loc: { readonly start: { readonly line: number } };
  readonly [key: string]: unknown;
}

const isNode = (x: unknown): x is SyntaxNode =>
  typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';

/** The text of a template literal's part: the cooked value (raw where an escape has none). */
const quasiText = (q: SyntaxNode): string => {
  const v = q.value as { cooked: string | null; raw: string };
  return v.cooked ?? v.raw;
};

/** A string literal or a template with no substitution: its text, else null. */
const literalText = (node: SyntaxNode): string | null => {
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0)
    return quasiText((node.quasis as SyntaxNode[])[0]!);
  return null;
};

/** `sql`…``, `sql<T>`…``, `sql.raw`…`` or `x.sql`…``. */
const isSqlTag = (tag: SyntaxNode): boolean => {
  if (tag.type === 'Identifier') return tag.name === 'sql';
  if (tag.type === 'MemberExpression' && isNode(tag.property) && isNode(tag.object))
    return (
      (tag.property.type === 'Identifier' && tag.property.name === 'sql') ||
      (tag.object.type === 'Identifier' && tag.object.name === 'sql')
    );
  return false;
};

/** Every SQL finding in one TypeScript source text, in the order of the source. */
export function findSqlInSource(file: string, source: string): SqlFinding[] {
  const ast = parse(source, {
    sourceType: 'module',
    plugins: /\.tsx$/.test(file) ? ['typescript', 'jsx'] : ['typescript'],
  });
  const out: (SqlFinding & { readonly at: number })[] = [];
  const add = (node: SyntaxNode, what: string, text: string) =>
    out.push({
      file,
      line: node.loc.start.line,
      what,
      text: text.replace(/\s+/g, ' ').trim().slice(0, 100),
      at: node.start,
    });
  const textOf = (node: SyntaxNode) => source.slice(node.start, node.end);
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'TaggedTemplateExpression' && isNode(node.tag) && isSqlTag(node.tag)) {
      add(node, 'sql`` template', textOf(node.quasi as SyntaxNode));
      return;
    }
    const literal = literalText(node);
    if (literal !== null) {
      const what = sqlShapeOf(literal);
      if (what) add(node, what, literal);
    } else if (node.type === 'TemplateLiteral') {
      // The literal parts with each substitution as a placeholder identifier.
      const [head, ...rest] = node.quasis as SyntaxNode[];
      const text = [quasiText(head!), ...rest.map((q) => `x ${quasiText(q)}`)].join('');
      const what = sqlShapeOf(text);
      if (what) {
        add(node, what, text);
        return;
      }
    } else if (node.type === 'CallExpression' && isNode(node.callee)) {
      const callee = node.callee;
      const first = (node.arguments as SyntaxNode[])[0];
      if (
        callee.type === 'MemberExpression' &&
        isNode(callee.property) &&
        callee.property.type === 'Identifier' &&
        BUILDER_METHODS.has(callee.property.name as string) &&
        first !== undefined &&
        literalText(first) !== null
      )
        add(node, `query builder .${callee.property.name as string}()`, textOf(node));
    } else if (node.type === 'ImportDeclaration' && isNode(node.source)) {
      const from = node.source.value as string;
      if (from === 'kysely' || /(^|\/)store\/queryBuilder(\.js)?$/.test(from))
        add(node, `import of the query builder (${from})`, textOf(node));
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key.endsWith('Comments')) continue;
      if (Array.isArray(child)) {
        for (const c of child) if (isNode(c)) visit(c);
      } else if (isNode(child)) visit(child);
    }
  };
  visit(ast.program as unknown as SyntaxNode);
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...finding }) => finding);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every SQL finding under `srcDir`, except in its `store` folder; paths relative to `root`. */
export function findSqlOutsideStore(root: string, srcDir = join(root, 'src')): SqlFinding[] {
  const store = join(srcDir, 'store') + sep;
  return sourceFiles(srcDir)
    .filter((f) => !f.startsWith(store))
    .flatMap((f) => findSqlInSource(relative(root, f), readFileSync(f, 'utf8')));
}
