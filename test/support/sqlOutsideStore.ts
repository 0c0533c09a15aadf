import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

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

/** Every SQL finding in one TypeScript source text. */
export function findSqlInSource(file: string, source: string): SqlFinding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: SqlFinding[] = [];
  const add = (node: ts.Node, what: string, text: string) =>
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      what,
      text: text.replace(/\s+/g, ' ').trim().slice(0, 100),
    });
  const isSqlTag = (tag: ts.Expression): boolean => {
    const t = ts.isCallExpression(tag) ? tag.expression : tag; // sql<T>`…` parses as a tag with type arguments
    if (ts.isIdentifier(t)) return t.text === 'sql';
    if (ts.isPropertyAccessExpression(t))
      return t.name.text === 'sql' || (ts.isIdentifier(t.expression) && t.expression.text === 'sql');
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      add(node, 'sql`` template', node.template.getText(sf));
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const what = sqlShapeOf(node.text);
      if (what) add(node, what, node.text);
    } else if (ts.isTemplateExpression(node)) {
      // The literal parts with each substitution as a placeholder identifier.
      const text = [node.head.text, ...node.templateSpans.map((s) => `x ${s.literal.text}`)].join('');
      const what = sqlShapeOf(text);
      if (what) {
        add(node, what, text);
        return;
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      BUILDER_METHODS.has(node.expression.name.text) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0]!)
    ) {
      add(node, `query builder .${node.expression.name.text}()`, node.getText(sf));
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (from === 'kysely' || /(^|\/)store\/queryBuilder(\.js)?$/.test(from))
        add(node, `import of the query builder (${from})`, node.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
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
