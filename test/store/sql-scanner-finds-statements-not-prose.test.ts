import { describe, expect, it } from 'vitest';
import { findSqlInSource, sqlShapeOf } from '../support/sqlOutsideStore.js';

describe('the no-SQL-outside-store scanner', () => {
  it.each([
    ['SELECT month FROM closed_month', 'SELECT'],
    ['select portfolio_id, class from net_assets where date <= $1', 'SELECT'],
    ['SELECT pg_try_advisory_lock($1, $2) AS ok', 'SELECT'],
    ['select * from unnest($1::text[]) as t(x)', 'SELECT'],
    ['INSERT INTO board_rate (portfolio_name, class) VALUES ($1, $2)', 'INSERT'],
    ['insert into feed_import select * from staging', 'INSERT'],
    ['UPDATE closed_month SET results_hash = $2 WHERE month = $1', 'UPDATE'],
    ['update net_assets n set\n  net_assets = $1', 'UPDATE'],
    ['DELETE FROM portfolio_name', 'DELETE'],
    ['delete from transfer where id = $1', 'DELETE'],
    ['CREATE TABLE x (a int)', 'CREATE'],
    ['create index if not exists na_date on net_assets (date)', 'CREATE'],
    ['ALTER TABLE closed_month ADD COLUMN results_hash text', 'ALTER'],
    ['LOCK TABLE audit_log IN EXCLUSIVE MODE', 'LOCK'],
    ['lock closed_month in access exclusive mode', 'LOCK'],
    ['COPY net_assets (date, class) FROM STDIN WITH (FORMAT csv)', 'COPY'],
    ['TRUNCATE audit_log', 'TRUNCATE'],
    ['DROP TABLE IF EXISTS t', 'DROP'],
  ] as const)('SQL %#', (text, what) => {
    expect({ text, what: sqlShapeOf(text) }).toEqual({ text, what });
  });

  it.each([
    'select the class from the list of classes',
    '(select one from the list)',
    'Select a portfolio from the registry, then import its net assets',
    'SELECT PORTFOLIO CLASS B SHARES',
    'insert into the file a header line',
    'update the file and set the date',
    'delete from your records any row dated in a closed month',
    'create a table of the fees',
    'lock the data folder (the database is in use by process 42)',
    'copy the file from the server',
    'the schedule is created from the exhibit; alter the table by amendment',
    "the Distributor's 12b-1 Share is updated; set it with --restate",
  ])('prose %#', (text) => {
    expect({ text, what: sqlShapeOf(text) }).toEqual({ text, what: null });
  });

  it('names file and line of literals, templates, sql`` tags and query building, and skips comments', () => {
    const source = [
      "import { sql } from 'kysely';", // 1: the query builder imported
      '// SELECT month FROM closed_month is only a comment', // 2
      "const a = 'select the class from the list';", // 3: prose
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template
      'const b = `SELECT ${cols} FROM ${table} WHERE x = $1`;', // 4: a template with substitutions
      'const c = sql`now()`;', // 5: a sql tag
      "const d = db.selectFrom('net_assets').selectAll();", // 6: Kysely query building
      'const e = "DELETE FROM transfer WHERE id = $1";', // 7
      '/* UPDATE t SET a = 1 */ const f = 1;', // 8: a block comment
      "throw new Error('no net assets: select another month from the calendar');", // 9: a message
    ].join('\n');
    expect(findSqlInSource('src/x.ts', source).map((f) => [f.line, f.what])).toEqual([
      [1, 'import of the query builder (kysely)'],
      [4, 'SELECT'],
      [5, 'sql`` template'],
      [6, 'query builder .selectFrom()'],
      [7, 'DELETE'],
    ]);
  });
});
