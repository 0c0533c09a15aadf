/**
 * A schedule laid out one table cell per line — an HTML exhibit (issue 11: EDGAR `.htm`, and the
 * corpus's renderings of them) — read as a classifier (scheduleItem.ts) and an explicit
 * reducer, `step(state, item)`: a new layout is a new item shape or transition, not a flag.
 *
 * Rows are a portfolio name, its class cells (stacked "Class C / Class R" cells give one entry
 * per class, their rates stacked column by column), and one rate per column; a name split
 * around its rate cells ("Invesco / Oppenheimer Short / [rates] / Term Municipal Fund") is
 * joined; a rate row with no name ("The following rates shall apply to each Fund listed
 * below: Class A NONE 0.25% 0.25%") applies to the list after it. Anything the reader cannot
 * place is an ExhibitParseError naming its line — never a row silently dropped.
 */

import { parseRateMicroPct } from '../money/rate.js';
import { AppendOnlyList } from './appendOnlyList.js';
import { columnNotRead } from './columnsNotRead.js';
import { isScheduleDateLine } from './dates.js';
import type { EdgarLine } from './edgarText.js';
import { ExhibitParseError, type Gap, type ParsedEntry, type Rename } from './exhibitDocument.js';
import { finraBreach } from './finraLimits.js';
import { entriesCounted, isAllCaps, isProse, proseOnlyByLength } from './lineShapes.js';
import { parenthesisedClasses } from './portfolioName.js';
import { readRateToken } from './rateToken.js';
import { mostlyHeadingWords, type ScheduleItem, scheduleItem } from './scheduleItem.js';
import { classCodesIn, namedClassShares } from './shareClasses.js';
import { cellsAtColumnStarts } from './textColumns.js';
import { joinWrappedCells } from './wrappedCell.js';

// 'currentFee': Virtus "Maximum Fee | Current Approved Fee" — the board's current rate, read
// and set aside (SPEC §2: current rates are recorded apart from the schedule's maxima)
// 'salesCommission': Eaton Vance Class B "SALES COMMISSION" (5%) — a commission on sales, no
// annual rate on net assets: read and set aside
type RateColumn = 'assetBasedSalesCharge' | 'serviceFee' | 'aggregateFee' | 'currentFee' | 'salesCommission';

interface Columns {
  readonly rates: readonly RateColumn[];
  readonly bound: 'minimum' | 'maximum' | null;
  /** a "Share Class" / "Class" column: bare codes ("R") in it are classes */
  readonly classColumn: boolean;
  /** "… attributable to Adviser Shares": the class the rates are for */
  readonly classes: readonly string[];
  /** Pioneer Appendix A "Class of each Fund": one rate per class, for every fund or those named */
  readonly perClass: boolean;
  /** Pioneer Appendix B "Trust | Fund": each fund beside its Registrant */
  readonly registrantColumn: boolean;
  /** JPMorgan "Current Name | Former Name | Share Class": the cell after a fund's name is its former name */
  readonly formerNameColumn: boolean;
  /** three rate columns whose headings name no fee ("Maximum Fee*" / "Maximum Fee" / "Maximum Fee") */
  readonly unnamedColumns: boolean;
  /** the heading cells ("Name of Fund", …): one printed again, the table goes on over a page break */
  readonly headings?: readonly string[];
  /** Calvert's "Distribution Fee/Service Fee": one heading naming two rates, in the order of its cells' "0.75/0.25%" */
  readonly pair?: RatePair;
}

/** A heading that names two rates joined by "/", in the order it names them, and what it says of the ABSC. */
interface RatePair {
  readonly order: readonly [RateColumn, RateColumn];
  readonly bound: 'minimum' | 'maximum' | null;
}

interface PendingName {
  readonly text: string;
  readonly line: number;
  /** how many cells the name was read from ("Invesco" / "Oppenheimer Short" / … "Term Municipal Fund") */
  readonly fragments: number;
  /** rows read while the name was still incomplete ("Invesco / Oppenheimer Short / [rates]") */
  readonly held: readonly Row[];
  /** its entries are written; a further class row ("Class R") is another row of the same name */
  readonly done: boolean;
  /** the name's "Former Name" cell, once read */
  readonly former?: string;
}

interface Row {
  readonly classes: readonly string[];
  readonly values: readonly string[];
  readonly line: number;
  /** a "0.75/0.25%" cell under a one-column pair heading: its value index → ABSC and service rates */
  readonly split?: ReadonlyMap<number, { readonly absc: string; readonly service: string }>;
}

interface ClassRow {
  readonly classes: readonly string[];
  readonly of: string | null;
  readonly rate: string | null;
  readonly text: readonly string[];
  readonly line: number;
}

// "Class A of Pioneer Multi-Asset", "Class C and Class C2 of"
const CLASS_OF_RE = /^Class\s+([A-Z][A-Z0-9]?)(?:\s+and\s+Class\s+([A-Z][A-Z0-9]?))?\s+of\b\s*(.*)$/;

/** A per-class row is done: "(all funds)", "(all funds) other than …", or the funds it names. */
function finishClassRow(s: CellState, ctx: CellScheduleContext): CellState {
  const r = s.classRow;
  if (r === null) return s;
  if (r.rate === null) fail(ctx, r.line, `Class ${r.classes.join(' and ')} has no rate`);
  const text = r.text.join(' ').replace(/\s+/g, ' ').trim();
  const portfolio =
    r.of !== null
      ? `${r.of} ${text}`.trim()
      : text === ''
        ? '(all funds)'
        : `(all funds) ${text.replace(/^\((.*)\)$/, '$1')}`;
  // "Class C and Class C2 of …  0.50%": the one rate is each class's
  const rate = r.rate;
  const row: Row = { classes: r.classes, values: r.classes.map(() => rate), line: r.line };
  return { ...s, classRow: null, entries: s.entries.append(entriesOf(s, ctx, portfolio, r.line, row)) };
}

/** A class's code and nothing more: "R", "A2", "45" (one code, read as "Class R" reads). */
function isBareClassCode(text: string): boolean {
  return /^(?:[A-Z]{1,2}\d?|\d{1,3})$/.test(text) && classCodesIn(`Class ${text}`).length === 1;
}

// Direxion's Schedule A: "Up to 1.00% of the average daily net assets" under the funds it is the
// rate of — the plan's whole 12b-1 fee ("The maximum annualized fee rate pursuant to Paragraph 1 of
// the … Distribution Plan"), its maximum; after it, the rate the board authorized now ("The current
// authorized maximum annualized fee is 0.25% …", "… approved, 0.25% authorized.")
const UP_TO_RATE_RE =
  /^Up\s+to\s+(\d{0,2}\.\d{1,4})\s*%\s+of\s+(?:the\s+)?average\s+daily\s+net\s+assets\b(.*)$/i;
// "0.25% of average daily net assets of Class A Shares": a rate cell naming its class
const RATE_OF_CLASS_RE =
  /^(\d{0,2}\.\d{1,4})\s*%\s+of\s+(?:the\s+)?average\s+daily\s+net\s+assets\s+(?:of|attributable\s+to)\s+(?:its\s+|the\s+)?(Class\s+[A-Z][A-Z0-9]?\s+Shares|[A-Z][a-z]+\s+Class\s+Shares)$/;
const CURRENT_RATE_RE = /\b(?:current(?:ly)?\b[^%]{0,60}?|,\s*)(\d{0,2}\.\d{1,4})\s*%(?:\s+authorized)?/i;

/**
 * The rate line under a group of a plain list: every fund listed since the last such line (or the
 * list's start) has that rate as its whole 12b-1 fee (SPEC §2.1: the schedule's rate, read where it
 * is printed). A rate line over no fund, or under funds that have rates already, is refused.
 */
function stepUpToRate(s: CellState, m: RegExpExecArray, line: number, ctx: CellScheduleContext): CellState {
  const done = finishName(s, ctx);
  const from = done.upTo?.from ?? 0;
  const group = done.entries.slice(from);
  if (group.length === 0) fail(ctx, line, `a rate ("Up to ${m[1]}%") under no portfolio`);
  if (group.some((e) => RATE_KEYS.some((k) => e[k] !== null)))
    fail(ctx, line, `a rate ("Up to ${m[1]}%") under portfolios whose rates are stated already`);
  const pct = readRateToken(m[1]!)?.pct;
  if (pct === undefined) fail(ctx, line, `"Up to ${m[1]}%" is no rate the reader can take`);
  const breach = finraBreach({ assetBasedSalesChargePct: null, serviceFeePct: null, aggregateFeePct: pct });
  if (breach !== null) fail(ctx, line, breach);
  const rated = group.map((e) => ({ ...e, aggregateFeePct: pct }));
  const current = CURRENT_RATE_RE.exec(m[2]!)?.[1];
  return {
    ...done,
    phase: 'rows',
    entries: done.entries.take(from).append(rated),
    upTo: {
      from: done.entries.length,
      current: current === undefined ? (done.upTo?.current ?? []) : [...(done.upTo?.current ?? []), current],
    },
  };
}

/** A line of a per-class table (Pioneer Appendix A). */
function stepPerClass(s: CellState, item: ScheduleItem, line: number, ctx: CellScheduleContext): CellState {
  const text = 'text' in item ? item.text : '';
  const classOf = item.kind === 'name' || item.kind === 'leadIn' ? CLASS_OF_RE.exec(text) : null;
  if (item.kind === 'class' || classOf !== null) {
    const classes =
      classOf !== null
        ? [classOf[1]!, ...(classOf[2] ? [classOf[2]] : [])]
        : (item as { codes: readonly string[] }).codes;
    const done = finishClassRow(s, ctx);
    return { ...done, classRow: { classes, of: classOf?.[3] ?? null, rate: null, text: [], line } };
  }
  if (item.kind === 'end') return { ...finishClassRow(s, ctx), phase: 'closed' };
  // the Reserve plan's "Class of Shares | 12b-1 Fees" over "R | .20 | %": a class's code alone, its
  // fund the one the body names ("with respect to the Arizona Municipal Money-Market Fund (the
  // “Fund”)") — a layout this reader does not read, said as such (it said "R" came before a class)
  if (s.classRow === null && item.kind === 'name' && isBareClassCode(text))
    fail(
      ctx,
      line,
      `"${text}" is a class code alone in the table's class column: a table of classes, each with its rate, whose fund is named only in the body — plan12b reads a table of classes only with rows that say "Class A" (a rate for every fund of the plan, or for the funds the row names), not this layout; nothing is recorded`,
    );
  if (s.classRow === null) fail(ctx, line, `"${text}" stands before the first class of the table`);
  if (item.kind === 'rate') {
    if (s.classRow.rate !== null)
      fail(ctx, line, `a second rate for Class ${s.classRow.classes.join(' and ')}`);
    return { ...s, classRow: { ...s.classRow, rate: item.pct } };
  }
  if (item.kind === 'percent') return s;
  if (text === '') fail(ctx, line, 'a line that is neither a class, a rate nor the funds of a class');
  return { ...s, classRow: { ...s.classRow, text: [...s.classRow.text, text] } };
}

export interface CellState {
  readonly phase: 'title' | 'heading' | 'rows' | 'footnote' | 'closed';
  readonly heading: readonly string[];
  readonly columns: Columns | null;
  readonly registrant: string | null;
  /** a Registrant heading in the schedule's title block ("SCHEDULE A / AARP FUNDS") */
  readonly titleRegistrant: string | null;
  /** classes of rows that name none: "Portfolio — Class A Shares", "(CLASS A SHARES)", the title's */
  readonly classes: readonly string[];
  readonly name: PendingName | null;
  readonly row: Row | null;
  /** "The following rates shall apply to each Fund listed below:" — rows after it have no rates */
  readonly listRates: readonly Row[];
  readonly leadInRate: boolean;
  /** a row of a per-class table: its classes, the funds after "of", its rate, the lines below it */
  readonly classRow: ClassRow | null;
  /**
   * Direxion's plain list under "The maximum annualized fee rate … shall be as follows:", each group
   * of funds followed by its rate ("Up to 1.00% of the average daily net assets"): where the next
   * group begins, and the current rates the rate lines state beside their maxima ("0.25% authorized")
   */
  readonly upTo?: { readonly from: number; readonly current: readonly string[] };
  readonly entries: AppendOnlyList<ParsedEntry>;
  /** where the entries of the last name begin when it ended in "–" and no class cell followed it */
  readonly classesDue: number | null;
  /** the last class heading in the rows, and how many entries there were when it came */
  readonly classLabel?: { readonly line: number; readonly entries: number; readonly text: string };
  readonly footnotes: readonly string[];
  readonly quoteOpen: boolean;
  /** "Current Name | Former Name": each former name that differs → the current name */
  readonly renames: readonly Rename[];
  /** the line of the sentence after the rows that closed the schedule */
  readonly closedByText?: number;
  /** the last fund is kept over headings printed again (a page break): its rows may go on below */
  readonly keptOverHeading?: boolean;
  /** a title line "CLASS A SHARES OF" was read: the next title line may be the Registrant */
  readonly registrantFollows?: boolean;
  /** a plain list's mixed-case Registrant heading ("Reserve Municipal Money-Market Trust"), and the entries before it */
  readonly listHead?: { readonly line: number; readonly entries: number; readonly text: string };
  /**
   * a name read between heading cells that named no rate yet ("Maximum" / "Variable Trust Funds" /
   * "12b-1 Fee"): if a heading cell follows at once, the name was the fund column's heading
   */
  readonly nameInHeading?: NameInHeading;
}

interface NameInHeading {
  readonly heading: readonly string[];
  /** how many entries there were before the name */
  readonly entries: number;
  readonly text: string;
}

export interface CellScheduleContext {
  readonly file: string;
  readonly name: string;
  /** classes the title block above or at the schedule names */
  readonly classes: readonly string[];
  readonly registrant: string | null;
  readonly quoted: boolean;
  /** a schedule before this one that lists portfolios without rates ("each fund on Schedule A") */
  readonly listSchedule: string | null;
  /** lines that go on with the cell above them ("|Maximum" / "Fee*"): one column heading */
  readonly continuations?: ReadonlySet<number>;
  /**
   * a mixed-case Registrant's name the schedule's title block below its heading begins with
   * (ProFunds' "SCHEDULE A / ProFunds / AMENDED AND RESTATED / DISTRIBUTION AND SERVICE PLAN")
   */
  readonly titleRegistrant?: string | null;
}

// A fee table's column headings are a few words over a few columns, and a row names a few classes:
// more is no table (and, read cell by cell, would cost time growing with its square)
const MAX_HEADING_CELLS = 80;
const MAX_ROW_CLASSES = 40;
const MAX_HEADING_CELL_CHARS = 400;

/** a line of a "Trust | Fund" table indented this far holds only a fund */
const REGISTRANT_COLUMN_WIDTH = 20;
// the last word of a fund's name alone in a cell: the rest of a name wrapped above it
const NAME_LAST_WORD_RE = /^(?:Fund|Portfolio|Series|Trust)$/;
// …and an exchange-traded fund's "SmartETFs Dividend Builder ETF" (Guinness Atkinson)
const NAME_END_RE = /\b(?:Fund|Funds|Series|Portfolio|Trust|ETF|FUND|FUNDS|SERIES|PORTFOLIO)$/;
// "Target 2010 Series – Class K", "Pro-Blend Conservative Term Series - Class C"
// …and Van Eck's "Emerging Markets Fund–Class A": an en or em dash needs no spaces about it
// …and Aston's "Aston/Montag & Caldwell Growth Fund – Class R Shares": the class named with "Shares"
// …and Guinness Atkinson's "Global Innovators Fund – Investor Class": a class named by its word
const CLASS_SUFFIX_RE =
  /^(.*\S)(?:\s+[-\u2013\u2014]\s+|(?<=(?:Fund|Portfolio|Series|Trust))\s*[\u2013\u2014]\s*)(?:Class\s+([A-Z][A-Z0-9]?)|(Investor|Institutional|Advisor|Retail|Administrator)\s+Class)(?:\s+Shares)?$/;
// "TO THE CLASS C DISTRIBUTION PLAN OF GREYSTONE TRUST": the instrument, then the Registrant
const SUBTITLE_OF_RE = /^TO\s+(?:THE\s+)?(\S.*?\b(?:PLAN|AGREEMENT))\s+OF\s+(\S.*)$/;
// "Compensation Plan", "Reimbursement Plan": the schedule's subtitle, never a fund; Voya's "AMENDED
// SCHEDULE A / with respect to the / … SERVICE AND DISTRIBUTION PLAN / for / VOYA MUTUAL FUNDS";
// Eaton Vance's "Schedule of Share Classes and Annual 12b-1 Distribution and Service Fees for …"
// …Kinetics' "EXHIBIT A / to the / KINETICS MUTUAL FUNDS, INC. / DISTRIBUTION PLAN": "to the" too;
// LVIP's "Schedule A / To the Distribution Services Agreement" in mixed case
// …Diamond Hill's "Exhibit A / to / Plan of Distribution / Pursuant to Rule 12b-1 / of / Diamond Hill
// Funds" in mixed case, its 2012 schedule printing the rule "12b-l"
// …Guinness Atkinson's "Schedule A to the Guinness Atkinson Funds / Rule 12b-1 Distribution and
// Service Plan": the plan's name in title case, the rule before it
const SCHEDULE_TITLE_RE =
  /^Rule 12b-[1l] (?:[A-Z][a-z]+ (?:and )?){1,4}Plan$|^(?:TO|OF|THE|FOR|AMENDED|FIRST|RESTATED)\b|^Plan of Distribution$|^Pursuant to Rule 12b-[1l]$|\b(?:PLAN|AGREEMENT|RESTATED)\b|^Fee Schedule$|^(?:Dated|DATED|Effective|Amended and Restated)\b|^[A-Z][a-z]+ Plan$|^(?:Funds|Portfolios) with\b|^(?:[Ww]ith respect to(?: the)?|for|to(?: the)?)$|^(?:Schedule|SCHEDULE)\s+(?:of|OF)\s|^To\s+the\s+(?:[A-Z][\w&-]*\s+){0,6}(?:Plan|Agreement)$/;

// "with respect to the Advisor Class A Shares of the Funds … set forth below": a lead-in naming the
// class of the funds it lists
const LEAD_IN_CLASS_RE =
  /\bwith\s+respect\s+to\s+(?:the\s+|its\s+)?((?:[A-Z][A-Za-z]*\s+){0,3}Class(?:es)?\s+[A-Z0-9]{1,3}\s+Shares)\s+of\s+(?:the|each|its)\s+(?:Funds?|Portfolios?|Series)\b[^.]*\b(?:set\s+forth|listed)\s+below\b/;

// "FOR CLASS B SHARES", "FOR INVESTOR CLASS SHARES", "FOR CLASS A AND CLASS C SHARES": a title
// line naming the plan's class (MainStay prints it under "SCHEDULE A" as well as above it)
const FOR_CLASS_SHARES_RE = /^FOR\s+(?:[A-Z]+\s+)?CLASS(?:ES)?\b.*\bSHARES$/i;
// …and "FOR CLASS C SHARES OF MAINSTAY FUNDS TRUST": the class, then the Registrant after "OF"
const FOR_CLASS_SHARES_OF_RE =
  /^(FOR\s+(?:[A-Z]+\s+)?CLASS(?:ES)?\b.*\bSHARES)\s+OF\s+(?!THE$)(?:THE\s+)?(\S.*)$/i;
// …and "FOR CLASS C SHARES OF THE" over "VICTORY PORTFOLIOS III": the Registrant on the line below
const FOR_CLASS_SHARES_OF_END_RE = /^(FOR\s+(?:[A-Z]+\s+)?CLASS(?:ES)?\b.*\bSHARES)\s+OF(?:\s+THE)?$/i;

// "CLASS A SHARES OF", "CLASS R SHARES OF THE": a title line naming the plan's class, its
// Registrant below
const CLASS_SHARES_OF_RE = /^CLASS\s+([A-Z][A-Z0-9]?)\s+SHARES\s+OF(?:\s+THE)?$/;
const REGISTRANT_NAME_RE = /^(?:THE\s+)?[A-Z][A-Z&.,'\s-]*\s(?:PORTFOLIOS|FUNDS|TRUST)(?:\s+[IVX]{1,4})?$/;
const REGISTRANT_OF_RE = /^OF\s+THE\s+([A-Z][A-Z&.,'\s-]*\s(?:PORTFOLIOS|FUNDS|TRUST))$/;
// "Lincoln Variable Insurance Products Trust" under "between": a trust's name in mixed case
const PARTY_TRUST_RE =
  /^[A-Z][A-Za-z&.,'\u2019-]*(?:\s+[A-Z][A-Za-z&.,'\u2019-]*){0,8}\s+(?:Trust|Funds|Portfolios)(?:\s+[IVX]{1,4})?$/;

export function initialState(ctx: CellScheduleContext): CellState {
  return {
    phase: 'title',
    heading: [],
    columns: null,
    registrant: ctx.registrant,
    titleRegistrant: null,
    classes: ctx.classes,
    name: null,
    row: null,
    listRates: [],
    leadInRate: false,
    classRow: null,
    entries: AppendOnlyList.empty(),
    classesDue: null,
    footnotes: [],
    quoteOpen: ctx.quoted,
    renames: [],
  };
}

// Pioneer Appendix A's class column: "Class of each Fund", or "Class of Shares" (one rate per class)
const PER_CLASS_HEADING_RE = /^Class(?:es)?\s+of\s+(?:each\s+Fund|Shares)$/i;

/** The rate columns a stacked column heading names (SPEC §2.1: a column the schedule lacks is null). */
function columnsOf(cells: readonly string[]): Columns {
  const heading = withCombinedFeeCell(cells);
  // JNL's "Maximum" / "12b-1 Fee1": the footnote's digit glued to the heading's last word is no
  // part of it ("12b-1" keeps its digit: no letters before it)
  const joined = heading.join(' ').replace(/(?<=[A-Za-z]{3})[1-9](?=\s|$)/g, '');
  // "SALES / COMMISSION" stacked over its column, beside the date columns
  const commission =
    /\bsales\s+commission\b/i.test(joined) || heading.some((h) => /^COMMISSION$/i.test(h.trim()));
  const text = (commission ? joined.replace(/\bsales\b|\bcommission\b/gi, ' ') : joined)
    // Legg Mason's "Aggregate Service Fee" is one column: the whole fee, not a service fee beside it
    .replace(/\baggregate\s+service\s+fee/gi, 'aggregate fee')
    // Voya's "Maximum Combined Service and Distribution Fees*" is one column, the two fees together
    // (also where the rendering lost the heading's last line: "Maximum Combined Service and")
    .replace(
      /\bcombined\s+(?:service|distribution)\s+and(?:\s+(?:service|distribution)(?:\s+fees?)?)?/gi,
      'aggregate fee',
    );
  // "Distribution Fee | Service Fee | Total": the total of the two is the aggregate fee
  const aggregate =
    /\baggregate\b/i.test(text) || heading.some((h) => /^Total(?:\s+(?:12b-1\s+)?Fees?)?$/i.test(h.trim()));
  const service = /\bservices?\b|\bshareholder\b/i.test(text);
  // "Maximum Distribution Amount | Maximum Shareholder Services Amount | Maximum Aggregate …"
  const absc =
    /\basset\b|\bsales\b/i.test(text) ||
    (aggregate &&
      heading.some((h) => /\bdistribution\b/i.test(h) && !/\bservices?\b|\baggregate\b/i.test(h)));
  // "DISTRIBUTION" beside "SERVICE", each over its "FEE": two columns (null: not so)
  const separate = separateFeeColumns(heading, text);
  let rates: RateColumn[];
  if (absc || aggregate) {
    rates = [];
    if (absc) rates.push('assetBasedSalesCharge');
    if (service) rates.push('serviceFee');
    if (aggregate) rates.push('aggregateFee');
  } else if (
    // "Maximum Distribution Fee | Maximum Shareholder Services Fee": two columns, not one fee for both
    /\bdistribution\s+fees?\b/i.test(text) &&
    /\bservices?\s+fees?\b/i.test(text) &&
    !/\bdistribution\s+(?:and|or|and\/or|&)\s+(?:shareholder\s+)?services?\b/i.test(text)
  )
    rates = ['assetBasedSalesCharge', 'serviceFee'];
  else if (separate !== null) rates = separate;
  else if (/\bdistribution\b/i.test(text) && !/\bservices?\b/i.test(text)) rates = ['assetBasedSalesCharge'];
  else if (/\bservices?\b/i.test(text) && !/\bdistribution\b/i.test(text)) rates = ['serviceFee'];
  // one fee for both ("Distribution and/or Service Fee", "FEE", "Annual Fee", "Percentage")
  else if (/\bfees?\b|\brate\b|\bpercentage\b|\bdistribution\b/i.test(text)) rates = ['aggregateFee'];
  else rates = [];
  rates = withUnnamedColumn(heading, rates);
  rates = withBareFeeColumn(heading, rates);
  // "Service Fee/Distribution Fee" over two cells: the columns in the order the heading names them
  const pair = pairOf(heading).pair;
  if (
    pair !== undefined &&
    rates.length === 2 &&
    rates.includes('assetBasedSalesCharge') &&
    rates.includes('serviceFee')
  )
    rates = [...pair.order];
  if (commission) rates = [...rates, 'salesCommission'];
  const current = text.search(/\bcurrent(?:ly)?\b/i);
  if (rates.length === 1 && current >= 0 && /\bmaximum\b/i.test(text))
    rates = current < text.search(/\bmaximum\b/i) ? ['currentFee', ...rates] : [...rates, 'currentFee'];
  // what the heading says of the ABSC column: "Maximum Asset-Based Sales Charge", and "Maximum
  // Distribution Fee" beside a service fee column (the distribution fee is the ABSC, SPEC §1)
  const bound = /\bminimum\s+(?:asset|distribution)\b/i.test(text)
    ? 'minimum'
    : /\bmaximum\s+(?:asset|distribution)\b/i.test(text)
      ? 'maximum'
      : null;
  const attributable =
    /\battributable\s+to\s+([A-Z][a-z]+)\s+Shares/.exec(text) ?? wrappedClassOfColumn(heading);
  // JPMorgan's Schedule B with its "Current Name | Former Name | Share Class" headings left blank:
  // one heading cell, the fee's — a fund's cell, its former name's, then its class cells
  const unlabeled = heading.length === 1 && /^Distribution\s+Fee\b/i.test(heading[0]!.trim());
  // BlackRock's "Name of Portfolio | Class of Shares | Distribution Fee | Service Fee": beside a
  // portfolio column, "Class of Shares" heads the class cells of each portfolio's rows; alone (Pioneer's
  // "Class of each Fund | Applicable Percentage"), a table of classes with a rate for every fund
  const classOfHeading = heading.some((h) => PER_CLASS_HEADING_RE.test(h.trim()));
  const portfolioColumn = heading.some((h) => /^(?:Name\s+of\s+)?(?:Portfolios?|Funds?)$/i.test(h.trim()));
  return {
    rates,
    bound: rates.includes('assetBasedSalesCharge') ? bound : null,
    // "Share Class", "Class", "Shares" (Invesco's Portfolio | Shares lists: "Class A Shares" cells)
    classColumn:
      unlabeled ||
      (classOfHeading && portfolioColumn) ||
      heading.some((h) => /^(?:(?:Share\s+)?Class(?:es)?|Shares)$/i.test(h.trim())),
    classes: attributable ? [attributable[1]!] : [],
    perClass: classOfHeading && !portfolioColumn,
    registrantColumn: heading.some((h) => /^Trust$/i.test(h.trim())),
    formerNameColumn: unlabeled || heading.some((h) => /^Former\s+Names?$/i.test(h.trim())),
    unnamedColumns: unnamedFeeCells(heading) === 3 && rates.length === 3,
    headings: cells,
    ...(pair === undefined ? {} : { pair }),
  };
}

// "Distribution Fee/Service Fee", "Distribution/Service Fee", "Maximum 12b-1/Shareholder Servicing Fee",
// "Service Fee/Distribution Fee": one heading cell naming two rates, each on its side of the "/"
const PAIR_PART = String.raw`(distribution|12b-1|asset[- ]based\s+sales\s+charge|(?:shareholder\s+)?servic(?:e|es|ing))(?:\s+fees?)?`;
const PAIR_CELL_RE = new RegExp(
  String.raw`^(?:(maximum|minimum)\s+)?${PAIR_PART}\s*\/\s*${PAIR_PART}(?:\s*\(%\))?$`,
  'i',
);

/**
 * The heading cell that says which of a "0.75/0.25%" cell's two rates is which (SPEC §2.1: a
 * distribution fee is the ABSC, SPEC §1). One such cell only; a heading that names one rate, or
 * two cells of that shape, gives none — the combined cell is then refused.
 */
function pairOf(heading: readonly string[]): { pair?: RatePair } {
  // a text table's heading stacked over two lines ("DISTRIBUTION FEE/" over "SERVICE FEE", the
  // "PORTFOLIO" cell between them): the rate cells side by side, the one ending in "/" joined to the next
  const rateCells = heading.map((h) => h.trim().replace(/\s+/g, ' ')).filter((h) => RATE_WORD_RE.test(h));
  const candidates = [
    ...rateCells,
    ...rateCells.slice(0, -1).flatMap((h, k) => (h.endsWith('/') ? [`${h}${rateCells[k + 1]!}`] : [])),
  ];
  const found = candidates.map((h) => PAIR_CELL_RE.exec(h)).filter((m) => m !== null);
  if (found.length !== 1) return {};
  const m = found[0]!;
  const part = (w: string): RateColumn =>
    /^(?:shareholder\s+)?servic/i.test(w) ? 'serviceFee' : 'assetBasedSalesCharge';
  const order: [RateColumn, RateColumn] = [part(m[2]!), part(m[3]!)];
  if (order[0] === order[1]) return {};
  const q = m[1]?.toLowerCase();
  // "Maximum Distribution Fee/Service Fee": the qualifier stands before the first-named rate only
  const bound =
    q === undefined || order[0] !== 'assetBasedSalesCharge' ? null : q === 'minimum' ? 'minimum' : 'maximum';
  return { pair: { order, bound } };
}

const RATE_WORD_RE = /\b(?:fees?|distribution|servic\w*|12b-1|sales|charge|aggregate|total|rate)\b/i;

// "0.75/0.25%", ".75% / .25%": the two rates of one cell
const TWO_RATES_RE = /^((?:\d{1,2})?\.\d{1,4})\s?%?\s?\/\s?((?:\d{1,2})?\.\d{1,4})\s?%$/;

/**
 * Calvert's Class C "0.75/0.25%" under "Distribution Fee/Service Fee": read as the two rates the
 * heading names, in its order — into the two columns the heading was read as, or, where it was read
 * as one fee column ("Distribution/Service Fee"), as that row's ABSC and service rates with no
 * aggregate (the schedule states none). A heading that does not say which rate is which leaves the
 * cell refused at its line (SPEC §2.1: never guessed).
 */
function stepTwoRates(
  s: CellState,
  text: string,
  closesQuote: boolean,
  line: number,
  ctx: CellScheduleContext,
): CellState {
  const h = closeHeading(s);
  const pair = h.columns?.pair;
  const m = TWO_RATES_RE.exec(text.replace(/["\u201d]+$/, ''));
  if (pair === undefined || m === null || h.columns === null)
    fail(
      ctx,
      line,
      `"${text}" is two rates in one cell and no column heading says which rate is which; plan12b does not split them`,
    );
  const first = readRateToken(m[1]!)!.pct;
  const second = readRateToken(m[2]!)!.pct;
  const absc = pair.order[0] === 'assetBasedSalesCharge' ? first : second;
  const service = pair.order[0] === 'assetBasedSalesCharge' ? second : first;
  const row: Row = h.row ?? { classes: [], values: [], line };
  const perClass = Math.max(1, row.classes.length);
  const rates = h.columns.rates;
  const at = Math.floor(row.values.length / perClass);
  const rate = (pct: string, closes: boolean): ScheduleItem => ({ kind: 'rate', pct, closesQuote: closes });
  // the heading read as two columns ("Distribution Fee" … "Service Fee"), the cell standing where they begin
  if (perClass === 1 && rates.length >= at + 2) {
    const two = [rates[at], rates[at + 1]];
    if (two.includes('assetBasedSalesCharge') && two.includes('serviceFee')) {
      const next = step(h, rate(two[0] === 'assetBasedSalesCharge' ? absc : service, false), line, ctx);
      return step(next, rate(two[0] === 'assetBasedSalesCharge' ? service : absc, closesQuote), line, ctx);
    }
  }
  // the heading read as one fee for both ("Distribution/Service Fee"): this row's own two rates
  if (
    rates[at] === 'aggregateFee' &&
    !rates.includes('assetBasedSalesCharge') &&
    !rates.includes('serviceFee')
  ) {
    const split = new Map(row.split ?? []);
    split.set(row.values.length, { absc, service });
    return step({ ...h, row: { ...row, split } }, rate(first, closesQuote), line, ctx);
  }
  return fail(
    ctx,
    line,
    `"${text}" is two rates in one cell where the column heading does not say which rate is which`,
  );
}

/**
 * Voya's "Maximum Combined Service and" over "Distribution Fees*", its cells read row by row
 * between the "Fund" column's ("Maximum Combined Service and" / "Fund" / "Distribution Fees*"):
 * the one heading of the one fee column, put together again.
 * @example withCombinedFeeCell(['Maximum Combined Service and', 'Fund', 'Distribution Fees*'])
 *   → ['Maximum Combined Service and Distribution Fees*', 'Fund']
 */
function withCombinedFeeCell(cells: readonly string[]): readonly string[] {
  const at = cells.findIndex((c) => /\bcombined\s+(?:service|distribution)\s+and$/i.test(c.trim()));
  if (at < 0) return cells;
  const rest = cells.findIndex((c, k) => k > at && /^(?:service|distribution)\s+fees?\W*$/i.test(c.trim()));
  if (rest < 0) return cells;
  return cells.flatMap((c, k) => (k === at ? [`${c.trim()} ${cells[rest]!.trim()}`] : k === rest ? [] : [c]));
}

/**
 * USAA's "Annual Fee (as a % of the average daily / net assets of the Fund attributable to Class /
 * A Shares)" with the "Name of Fund" cell printed between its lines: the class the rates are for.
 */
function wrappedClassOfColumn(heading: readonly string[]): readonly [string, string] | null {
  const at = heading.findIndex((h) => /\battributable\s+to\s+Class$/i.test(h.trim()));
  if (at < 0) return null;
  for (const h of heading.slice(at + 1)) {
    const code = /^([A-Z][A-Z0-9]?)\s+Shares\)?$/.exec(h.trim());
    if (code !== null) return [h, code[1]!];
  }
  return null;
}

/**
 * "DISTRIBUTION      SERVICE" over "FEE      FEE": each word heads a column of its own, its "FEE"
 * on the line below, so the joined heading never says "Distribution Fee" — two columns in the
 * order they stand, not one fee for both ("DISTRIBUTION AND" / "SERVICE FEE" is one).
 * @example separateFeeColumns(['DISTRIBUTION', 'SERVICE', 'FUND', 'FEE', 'FEE'], 'DISTRIBUTION SERVICE FUND FEE FEE')
 *   → ['assetBasedSalesCharge', 'serviceFee']
 */
function separateFeeColumns(heading: readonly string[], text: string): RateColumn[] | null {
  if (/\bdistribution\s+(?:and|or|and\/or|&)\s+(?:shareholder\s+)?servic/i.test(text)) return null;
  const order: RateColumn[] = [];
  for (const h of heading) {
    // "DISTRIBUTION AND" over "SERVICE FEE": one heading wrapped, one fee for both
    if (/(?:\band|\bor|&|\/)$/i.test(h.trim())) return null;
    const distribution = /\bdistribution\b/i.test(h);
    const service = /\bservices?\b/i.test(h);
    // a cell naming both is one fee for both
    if (distribution && service) return null;
    const c = distribution ? 'assetBasedSalesCharge' : service ? 'serviceFee' : null;
    if (c !== null && !order.includes(c)) order.push(c);
  }
  return order.length === 2 ? order : null;
}

// a column heading whose rate word the filing lost: "Maximum" / "Fee*" between two named columns
const UNNAMED_FEE_RE = /^(?:(?:Maximum|Minimum)\s+)?(?:Fees?|Amount)$/i;

function columnNamed(cell: string): RateColumn | null {
  if (/\basset\b|\bsales\b|\bdistribution\b|\b12b-1\b/i.test(cell)) return 'assetBasedSalesCharge';
  if (/\bservices?\b|\bshareholder\b/i.test(cell)) return 'serviceFee';
  if (/\baggregate\b|\btotal\b/i.test(cell)) return 'aggregateFee';
  return null;
}

function isUnnamedFeeCell(h: string): boolean {
  return UNNAMED_FEE_RE.test(h.replace(/[*^\u2020\u2021]+$|\(\d{1,2}\)$/, ''));
}

function unnamedFeeCells(heading: readonly string[]): number {
  return heading.filter(isUnnamedFeeCell).length;
}

/**
 * RidgeWorth's Schedule A to its Distribution and Service Plan (2012): "Portfolio | Fee | Maximum
 * Shareholder Services Fee" under "the Trust shall pay the Distributor compensation … at an annual
 * rate as set forth below" — "Fee" alone is the whole fee the lead-in names (as a lone "FEE" column
 * is elsewhere), the service fee its part the next column names: two columns, in the order they
 * stand, never the service fee twice (its first column read as a service fee of 0.35%).
 * @example withBareFeeColumn(['Portfolio', 'Fee', 'Maximum Shareholder Services Fee'], ['serviceFee'])
 *   → ['aggregateFee', 'serviceFee']
 */
function withBareFeeColumn(heading: readonly string[], rates: RateColumn[]): RateColumn[] {
  if (rates.length !== 1 || rates[0] !== 'serviceFee') return rates;
  const order: RateColumn[] = [];
  for (const h of heading) {
    const c: RateColumn | null = /^Fees?\*?$/i.test(h.trim())
      ? 'aggregateFee'
      : /\bservices?\b|\bshareholder\b/i.test(h)
        ? 'serviceFee'
        : null;
    if (c !== null && !order.includes(c)) order.push(c);
  }
  return order.length === 2 ? order : rates;
}

/**
 * Two rate columns named and one heading cell that names none ("Maximum Fee*"): that cell is the
 * third column, where it stands (Class C's 0.75 is its distribution fee, never its service fee).
 */
function withUnnamedColumn(heading: readonly string[], rates: RateColumn[]): RateColumn[] {
  // Invesco's schedules whose heading cells lost their rate words ("Maximum Fee*" three times): the
  // three columns every AIM/Invesco schedule prints, in its order (said in a warning)
  if (unnamedFeeCells(heading) === 3 && rates.every((r) => r === 'aggregateFee'))
    return ['assetBasedSalesCharge', 'serviceFee', 'aggregateFee'];
  if (rates.length !== 2) return rates;
  const unnamed = heading.filter(isUnnamedFeeCell);
  const missing = (['assetBasedSalesCharge', 'serviceFee', 'aggregateFee'] as const).filter(
    (c) => !rates.includes(c),
  );
  if (unnamed.length !== 1 || missing.length !== 1) return rates;
  const order: RateColumn[] = [];
  for (const h of heading) {
    const c = h === unnamed[0] ? missing[0]! : columnNamed(h);
    if (c !== null && !order.includes(c)) order.push(c);
  }
  return order.length === 3 ? order : rates;
}

// "INVESCO Core Equity Fund –": its classes follow in cells of their own
const CLASSES_FOLLOW_RE = /\s+[-\u2013\u2014]$/;

function nameComplete(text: string): boolean {
  // "Invesco Main Street Mid Cap Fund®": a registered mark after the name's last word
  const name = text.replace(CLASSES_FOLLOW_RE, '').replace(/\s*[\u00ae\u2122\u2120]+$/, '');
  return NAME_END_RE.test(CLASS_SUFFIX_RE.exec(name)?.[1] ?? name);
}

/**
 * A class heading over no portfolio: the next class heading, or the schedule's end, came before
 * any fund under it. "|AIM Floating Rate Fund" / "|Class A Shares" / "|AIM Multi-Sector Fund" /
 * "|Class C Shares”" is an HTML table whose second column is each fund's class (the row breaks
 * are lost in cells); read as headings, the first fund would have no class and the second the
 * first's, and Class C would vanish — a misreading, refused at the heading (SPEC §2.1).
 */
function headsNothing(s: CellState, ctx: CellScheduleContext): void {
  const label = s.classLabel;
  if (label === undefined || s.entries.length !== label.entries) return;
  fail(
    ctx,
    label.line,
    `the class heading "${label.text}" has no portfolio under it: the classes may be a column beside the funds above them, and which fund is of which class cannot be told`,
  );
}

function fail(ctx: CellScheduleContext, line: number, reason: string): never {
  throw new ExhibitParseError(ctx.file, line, `${ctx.name}: ${reason}`);
}

/** The entries of one row: stacked cells hold one value per class in each column. */
function entriesOf(
  s: CellState,
  ctx: CellScheduleContext,
  portfolio: string,
  line: number,
  row: Row | null,
): ParsedEntry[] {
  const columns = s.columns?.rates ?? [];
  let name = portfolio.replace(CLASSES_FOLLOW_RE, '');
  let classes: readonly string[] = row?.classes ?? [];
  const suffix = CLASS_SUFFIX_RE.exec(portfolio);
  if (suffix && classes.length === 0) {
    name = suffix[1]!;
    classes = [suffix[2] ?? suffix[3]!];
  }
  // "Eaton Vance Floating-Rate Fund (Advisers Class shares)": listed for those classes only
  const listed = parenthesisedClasses(name);
  if (listed !== null && classes.length === 0) {
    name = listed.name;
    classes = listed.classes;
  }
  if (classes.length === 0) classes = s.columns?.classes.length ? s.columns.classes : s.classes;
  const perClass: (string | null)[] = classes.length > 1 ? [...classes] : [classes[0] ?? null];
  // a lower-case first letter is a sentence's — but for a brand's name ("iShares … Index Fund")
  if (/^[\d.%\s|]*$/.test(name) || (/^[a-z]/.test(name) && !/^[a-z]+[A-Z]/.test(name)))
    fail(ctx, line, `"${name}" stands where a portfolio name should be`);
  return perClass.map((klass, i) => {
    const rate = (c: RateColumn): string | null => {
      const col = columns.indexOf(c);
      if (col < 0 || row === null) return null;
      return row.values[col * perClass.length + i] ?? null;
    };
    // "0.75/0.25%" under "Distribution/Service Fee": the row's ABSC and service rates, no aggregate stated
    const aggregateAt = columns.indexOf('aggregateFee') * perClass.length + i;
    const split = aggregateAt >= 0 ? row?.split?.get(aggregateAt) : undefined;
    const entry: ParsedEntry =
      split === undefined
        ? {
            registrant: s.registrant,
            portfolio: name,
            class: klass,
            assetBasedSalesChargePct: rate('assetBasedSalesCharge'),
            assetBasedSalesChargeBound: s.columns?.bound ?? null,
            serviceFeePct: rate('serviceFee'),
            aggregateFeePct: rate('aggregateFee'),
          }
        : {
            registrant: s.registrant,
            portfolio: name,
            class: klass,
            assetBasedSalesChargePct: split.absc,
            assetBasedSalesChargeBound: s.columns?.pair?.bound ?? null,
            serviceFeePct: split.service,
            aggregateFeePct: null,
          };
    const breach = finraBreach(entry);
    if (breach !== null)
      fail(ctx, row?.line ?? line, `${name}: ${breach}${abscAloneAboveItsCap(s.columns, entry)}`);
    return entry;
  });
}

// RidgeWorth's "Pursuant to Section 2, the Trust shall pay the Distributor compensation at which is
// calculated daily and paid monthly at an annual rate as set forth below."
const ONE_COMPENSATION_RE = /\bpay\s+the\s+Distributor\s+compensation\b.*\bat\s+an\s+annual\s+rate\b/i;

/**
 * RidgeWorth's Class A Schedule A of 2014 (real-exhibits-17 08): its lead-in names one compensation
 * "at an annual rate", its table two columns that name two fees, "Maximum Distribution Fee" and
 * "Maximum Shareholder Services Fee", the services fee no more than the distribution fee in every row —
 * and the same rates stood in 2012 under "Fee" (the whole fee, its services part beside it). Read as
 * the headings name them, two fees; whether the services fee is part of the distribution fee the
 * schedule does not say: said, with what to check. [] where the schedule is otherwise.
 */
function oneCompensationTwoFees(
  name: string,
  lines: readonly EdgarLine[],
  start: number,
  columns: Columns | null,
  entries: readonly ParsedEntry[],
): string[] {
  const rates = columns?.rates ?? [];
  if (rates.length !== 2 || !rates.includes('assetBasedSalesCharge') || !rates.includes('serviceFee'))
    return [];
  const leadIn = lines
    .slice(Math.max(0, start - 8), start + 8)
    .find((l) => ONE_COMPENSATION_RE.test(l.trimmed));
  if (leadIn === undefined) return [];
  const micro = (p: string | null) => (p === null ? null : parseRateMicroPct(p));
  const both = entries.filter((e) => e.assetBasedSalesChargePct !== null && e.serviceFeePct !== null);
  if (both.length === 0 || both.some((e) => micro(e.serviceFeePct)! > micro(e.assetBasedSalesChargePct)!))
    return [];
  const first = both.find((e) => e.serviceFeePct !== e.assetBasedSalesChargePct) ?? both[0]!;
  return [
    `${name}: its lead-in (line ${leadIn.no}) names one compensation "at an annual rate", its columns two fees, each row's service fee no more than its distribution fee; read as two fees, as the headings name them (${first.portfolio}: ${first.assetBasedSalesChargePct}% + ${first.serviceFeePct}%) — whether the service fee is part of the distribution fee instead (${first.assetBasedSalesChargePct}% in all) the schedule does not say; check the plan's fee section before relying on the sum`,
  ];
}

const MAX_ABSC = parseRateMicroPct('0.75');
const MAX_WHOLE = parseRateMicroPct('1.00');

/**
 * Diamond Hill's Exhibit A (real-exhibits-18 05–07): "Distribution Fee" its only rate column, SPEC §1's
 * asset-based sales charge by name, Class C's 1.00% above the 0.75% one may be but within the 1.00% a
 * distribution fee and a service fee may be together. What the document leaves out is how that rate
 * divides between the two (its prospectuses call it the class's 12b-1 fee): said, and where to find
 * it — the reader does not guess a split. "" where the rates are otherwise.
 */
function abscAloneAboveItsCap(columns: Columns | null, e: ParsedEntry): string {
  const rates = columns?.rates ?? [];
  const absc = e.assetBasedSalesChargePct === null ? null : parseRateMicroPct(e.assetBasedSalesChargePct);
  if (rates.length !== 1 || rates[0] !== 'assetBasedSalesCharge' || absc === null) return '';
  if (absc <= MAX_ABSC || absc > MAX_WHOLE) return '';
  const heading = columns?.headings?.find((h) => /\bdistribution\b/i.test(h))?.trim();
  const named =
    heading === undefined ? 'the asset-based sales charge column' : `"${heading.split(/\s*\(/)[0]}"`;
  return `; ${named} is the schedule's only rate column, no service fee beside it, so ${e.assetBasedSalesChargePct}% can only be the class's whole 12b-1 fee (asset-based sales charge and service fee together), and the document does not say how it divides; plan12b cannot import this schedule as it stands: find the division in the plan's own text (its fee section) or the fund's prospectus, and import the document that states it`;
}

/** The pending name is done: its rows (held, or the list's rates, or none in a plain list) become entries. */
function finishName(s: CellState, ctx: CellScheduleContext): CellState {
  const n = s.name;
  if (n === null) return s;
  if (s.row !== null && s.row.values.length === 0 && !hasRateColumns(s) && !n.done) {
    // a plain list: "INVESCO Core Equity Fund –" / "Class A" / "Class C" — one entry per class
    const entries = entriesOf(s, ctx, n.text, n.line, s.row);
    return { ...s, name: null, row: null, entries: s.entries.append(entries) };
  }
  if (s.row !== null)
    fail(ctx, s.row.line, `the row of "${n.text}" has ${s.row.values.length} of its rates and then stops`);
  if (n.done) return { ...s, name: null };
  let rows: readonly (Row | null)[] = n.held;
  if (rows.length === 0) {
    if (s.listRates.length > 0) rows = s.listRates;
    else if (s.columns !== null && s.columns.rates.length > 0)
      fail(ctx, n.line, `"${n.text}" has no rates where ${s.columns.rates.length} are expected`);
    else rows = [null];
  } else if (!nameComplete(n.text) && n.held.length > 0 && !/\w$/.test(n.text))
    fail(ctx, n.line, `the name "${n.text}" is not complete`);
  const entries = rows.flatMap((r) => entriesOf(s, ctx, n.text, n.line, r));
  const dashed = rows[0] === null && CLASSES_FOLLOW_RE.test(n.text);
  const classesDue = dashed ? s.entries.length : rows[0] === null ? s.classesDue : null;
  return { ...s, name: null, entries: s.entries.append(entries), classesDue };
}

/** A row's last rate came in: its entries are written once its name is complete. */
function completeRow(s: CellState, ctx: CellScheduleContext, row: Row): CellState {
  if (s.name === null) {
    // a class row with no fund after the table's funds were read (a footnote, then the headings
    // again over a page break): the last fund's or the next one's, the document cannot say
    const last = s.entries.last();
    if (last !== undefined && row.classes.length > 0 && s.listRates.length === 0)
      fail(
        ctx,
        row.line,
        `Class ${row.classes.join(', ')} stands with no fund after "${last.portfolio}" (the table goes on after a break): whose class it is cannot be read`,
      );
    // a rate row with no name: for each fund listed below it (or on the list schedule)
    return { ...s, row: null, listRates: [...s.listRates, row] };
  }
  if (nameComplete(s.name.text) && s.name.held.length === 0 && s.listRates.length === 0) {
    const entries = entriesOf(s, ctx, s.name.text, s.name.line, row);
    return {
      ...s,
      row: null,
      name: { ...s.name, done: true },
      entries: s.entries.append(entries),
      phase: 'rows',
    };
  }
  return { ...s, row: null, name: { ...s.name, held: [...s.name.held, row] } };
}

function hasRateColumns(s: CellState): boolean {
  return s.columns !== null && s.columns.rates.length > 0;
}

function needed(s: CellState, row: Row): number {
  return Math.max(1, row.classes.length) * (s.columns?.rates.length ?? 1);
}

function closeHeading(s: CellState): CellState {
  if (s.phase !== 'heading') return s;
  const closed: CellState = {
    ...s,
    phase: 'rows',
    columns: columnsOf(s.heading),
    heading: [],
    keptOverHeading: false,
  };
  if (s.keptOverHeading !== true) return closed;
  // the fund kept over headings printed again goes on only where they are the table's own again
  // (a footnote's sentence above them aside); a new table's rows are never its
  const again = s.heading.every((h) => isSentence(h) || s.columns?.headings?.includes(h) === true);
  return again ? closed : { ...closed, name: null };
}

// a footnote's text printed above the headings of the next page ("Expressed as an annual rate of
// the average daily net assets of the Fund attributable to that Class")
function isSentence(cell: string): boolean {
  return cell.split(/\s+/).length >= 8;
}

const RATE_KEYS = ['assetBasedSalesChargePct', 'serviceFeePct', 'aggregateFeePct'] as const;

/** The pending name's last words, wrapped below the row of its rates: the name is complete. */
function finishWrappedName(s: CellState, tail: string, ctx: CellScheduleContext): CellState {
  const n = s.name!;
  const text = `${n.text} ${tail}`;
  const written = finishName({ ...s, name: { ...n, text, fragments: n.fragments + 1 } }, ctx);
  return { ...written, name: { text, line: n.line, held: [], done: true, fragments: n.fragments + 1 } };
}

/**
 * JPMorgan text tables wrap both name columns: "JPMorgan California Municipal Money   JPMorgan
 * California Tax Free Money" over "Market Fund   Market Fund". The second line goes on with both.
 */
function continueBothNames(
  s: CellState,
  current: string,
  former: string,
  ctx: CellScheduleContext,
): CellState {
  const n = s.name!;
  const text = `${n.text} ${current}`;
  const was = `${n.former} ${former}`;
  const renames = s.renames.filter((r) => !(r.from === n.former && r.to === n.text));
  let h: CellState = {
    ...s,
    name: { ...n, text, former: was, fragments: n.fragments + 1 },
    renames: was === text ? renames : [...renames, { from: was, to: text }],
  };
  if (nameComplete(text) && n.held.length > 0) {
    const written = finishName(h, ctx);
    h = { ...written, name: { ...h.name!, held: [], done: true } };
  }
  return h;
}

// A class cell of BlackRock's "Class of Shares" column: a word-named class, with the letter (and
// digit) of its kind ("Investor A", "Investor C1"), or a class code alone ("R")
const NAMED_CLASS_CELL_RE =
  /^(?:(?:Investor|Institutional|Service|Premier|Administrative|Advisor|Retail|Reserve|Sweep|Select|BlackRock|Hilliard\s+Lyons)(?:\s+[A-Z][0-9]?)?|[A-Z][0-9]?)$/;

/** JPMorgan's "Share Class" cells after a fund's former name: "Morgan", "Reserve", "Service", "E*TRADE". */
function isShareClassCell(s: CellState, text: string): boolean {
  const n = s.name;
  return (
    n !== null &&
    n.former !== undefined &&
    s.columns?.classColumn === true &&
    n.held.length === 0 &&
    (s.row === null || s.row.values.length === 0) &&
    /^[A-Z][A-Za-z*&.]*(?:\s+[A-Z][A-Za-z*&.]*)?$/.test(text) &&
    !NAME_END_RE.test(text)
  );
}

/**
 * One line of the schedule; returns the state after it.
 * @example step(initialState(ctx), scheduleItem('Maximum Asset'), 12, ctx).phase === 'heading'
 */
export function step(s0: CellState, item: ScheduleItem, line: number, ctx: CellScheduleContext): CellState {
  let s = s0;
  if (s.phase === 'closed') return s;
  // the name read inside the heading rows stays one only up to the next item
  const inHeading = s.nameInHeading;
  if (inHeading !== undefined) s = { ...s, nameInHeading: undefined };
  if (s.phase === 'footnote') {
    // the footnote's text goes on until a row, a heading or the end
    if (item.kind === 'name' || item.kind === 'leadIn' || item.kind === 'footnote') {
      const last = s.footnotes[s.footnotes.length - 1] ?? '';
      // a footnote of its own mark after one whose sentence is done (Voya's "1Voya … 2008." then
      // "*Of this amount, …"): the next footnote, not the same one going on
      // …and ProFunds' "f/k/a …" footnotes, each a former name of its own, no sentence to end
      if (
        item.kind === 'footnote' &&
        (/[.)]$/.test(last) || FORMER_NAME_NOTE_RE.test(item.text)) &&
        item.text !== ''
      )
        return {
          ...s,
          footnotes: [...s.footnotes, item.text],
          phase: item.closesQuote ? 'closed' : 'footnote',
          quoteOpen: !item.closesQuote && s.quoteOpen,
        };
      // the footnote's last words close the quoted schedule: "… (or Class thereof).”"
      const closes = item.closesQuote === true;
      return {
        ...s,
        footnotes: [...s.footnotes.slice(0, -1), `${last} ${item.text}`.trim()],
        phase: closes ? 'closed' : 'footnote',
        quoteOpen: !closes && s.quoteOpen,
      };
    }
    if (item.kind === 'end') return { ...s, phase: 'closed' };
    s = { ...s, phase: 'rows' };
  }
  if (s.phase === 'title') {
    // the schedule's own title lines: "TO / THE AMENDED AND RESTATED / MASTER DISTRIBUTION PLAN /
    // (CLASS A SHARES)", "Fee Schedule", "Effective: …", a Registrant ("AARP FUNDS")
    const text = item.kind === 'name' || item.kind === 'heading' ? item.text : '';
    // MainStay "SCHEDULE A / FOR CLASS B SHARES / (As amended …)": the plan's class printed under
    // the schedule's heading (SPEC §2.1: the class, wherever the schedule states it); "FOR CLASS C
    // SHARES OF MAINSTAY FUNDS TRUST" names the Registrant after its "OF" — neither is a fund
    const forLine = item.kind === 'registrant' ? item.name : text;
    const forClassOfBelow = FOR_CLASS_SHARES_OF_END_RE.exec(forLine);
    if (forClassOfBelow !== null) {
      const codes = classCodesIn(forClassOfBelow[1]!);
      return codes.length > 0
        ? { ...s, classes: codes, registrantFollows: true }
        : { ...s, registrantFollows: true };
    }
    const forClassOf = FOR_CLASS_SHARES_OF_RE.exec(forLine);
    if (forClassOf !== null || FOR_CLASS_SHARES_RE.test(forLine)) {
      const codes = classCodesIn(forClassOf?.[1] ?? forLine);
      const named =
        forClassOf === null ? s : { ...s, registrant: forClassOf[2]!, titleRegistrant: forClassOf[2]! };
      if (codes.length > 0) return { ...named, classes: codes };
    }
    // Victory "SCHEDULE I / TO / DISTRIBUTION AND SERVICE PLAN / FOR / CLASS A SHARES OF / VICTORY
    // PORTFOLIOS": the plan's class, the Registrant's name on the line below
    // RidgeWorth's "SCHEDULE A / TO THE DISTRIBUTION AND SERVICE PLAN / A SHARES": the class's letter
    // and SHARES alone on a title line, in capitals, as the document names its "A Shares"
    const letterShares = /^([A-Z])\s+SHARES$/.exec(text);
    if (letterShares !== null && s.entries.length === 0 && s.heading.length === 0)
      return { ...s, classes: [letterShares[1]!] };
    const classOfTitle = CLASS_SHARES_OF_RE.exec(text);
    if (classOfTitle !== null) return { ...s, classes: [classOfTitle[1]!], registrantFollows: true };
    // LVIP's "Schedule A / To the Distribution Services Agreement / Dated May 1, 2008 / between /
    // Lincoln Variable Insurance Products Trust / and Lincoln Financial Distributors": the
    // agreement's parties, the trust first — its Registrant; the distributor after "and" no fund
    if (/^between$/i.test(text)) return { ...s, registrantFollows: true };
    // Diamond Hill's "… Pursuant to Rule 12b-1 / of / Diamond Hill Funds": the Registrant below "of"
    if (text === 'of' && s.entries.length === 0 && s.heading.length === 0)
      return { ...s, registrantFollows: true };
    if (s.titleRegistrant !== null && /^and\s+[A-Z]/.test(text) && s.entries.length === 0) return s;
    // "OF THE VICTORY PORTFOLIOS", or "VICTORY PORTFOLIOS" under "CLASS A SHARES OF": the Registrant
    const of = REGISTRANT_OF_RE.exec(text);
    const registrant =
      of?.[1] ??
      (s.registrantFollows === true && (REGISTRANT_NAME_RE.test(text) || PARTY_TRUST_RE.test(text))
        ? text
        : null);
    if (registrant !== null)
      return { ...s, registrant, titleRegistrant: registrant, registrantFollows: false };
    const titleLike =
      ((item.kind === 'name' || item.kind === 'heading') &&
        (SCHEDULE_TITLE_RE.test(text) || (item.kind === 'name' && isAllCaps(text) && !nameComplete(text)))) ||
      item.kind === 'aside' ||
      item.kind === 'end' ||
      // the schedule's date under its title ("CLASS A DISTRIBUTION PLAN / May 31, 2011")
      (item.kind === 'date' && !item.closesQuote);
    if (titleLike && !(item.kind === 'name' && item.closesQuote)) {
      if (item.kind === 'aside') {
        const codes = classCodesIn(item.text);
        if (codes.length > 0) return { ...s, classes: codes };
      }
      // Eaton Vance "SCHEDULE A / … TRUST / [AMENDED AND RESTATED] CLASS C DISTRIBUTION PLAN": the plan's class
      if (/\bPLAN$/.test(text) && /^(?:AMENDED AND RESTATED )?CLASS\s/.test(text)) {
        const codes = classCodesIn(text);
        if (codes.length > 0) return { ...s, classes: codes };
      }
      return s;
    }
    // "TO THE [CLASS C] DISTRIBUTION PLAN OF GREYSTONE TRUST": the schedule's subtitle, naming the
    // Registrant (and the plan's class) after its "OF"
    const subtitle = item.kind === 'registrant' ? SUBTITLE_OF_RE.exec(item.name) : null;
    if (subtitle) {
      const codes = /\bCLASS\s/.test(subtitle[1]!) ? classCodesIn(subtitle[1]!) : [];
      const named = { ...s, registrant: subtitle[2]!, titleRegistrant: subtitle[2]! };
      return codes.length > 0 ? { ...named, classes: codes } : named;
    }
    if (item.kind === 'registrant') return { ...s, registrant: item.name, titleRegistrant: item.name };
    // the title block's first line, the Registrant's name in mixed case (titleBlock.ts): no fund
    if (
      item.kind === 'name' &&
      ctx.titleRegistrant != null &&
      item.text === ctx.titleRegistrant &&
      s.entries.length === 0 &&
      s.heading.length === 0
    )
      return { ...s, registrant: item.text, titleRegistrant: item.text };
    // Victory "SCHEDULE I / TO THE DISTRIBUTION AND SERVICE PLAN / CLASS R SHARES (formerly Class G
    // Shares) / DATED DECEMBER 11, 1998 / …": the title's class, and its title lines go on below it
    if (item.kind === 'classLabel' && s.entries.length === 0 && s.heading.length === 0)
      return { ...s, classes: item.codes };
    s = { ...s, phase: 'rows' };
  }
  if ((s.phase === 'rows' || s.phase === 'heading') && item.kind !== 'heading') {
    const h = closeHeading(s);
    if (h.columns?.perClass) return stepPerClass(h, item, line, ctx);
  }
  // a one-word heading cell there is a class ("Service"); "Current Name" over a page break is the heading
  if (
    (item.kind === 'name' || (item.kind === 'heading' && !/\s/.test(item.text))) &&
    isShareClassCell(s, item.text)
  ) {
    // "Cash" / "Management": JPMorgan's Cash Management class wrapped in its cell
    const last = s.row?.classes[s.row.classes.length - 1];
    if (s.row !== null && last === 'Cash' && item.text === 'Management')
      return { ...s, row: { ...s.row, classes: [...s.row.classes.slice(0, -1), 'Cash Management'] } };
    return step(
      s,
      { kind: 'class', codes: [item.text], closesQuote: item.kind === 'name' && item.closesQuote },
      line,
      ctx,
    );
  }
  // a heading cell's parenthesis wrapped onto a line of its own: "Distribution Fee (annual rate …
  // assets of each" / "Class of Shares)" (JPMorgan) goes on with the heading, it is no fund
  // BlackRock's "Class of Shares" cells beside a fund ("Investor A", "Investor C1", "Service",
  // "Institutional", "R"): classes by the names the document gives them; and its "—" under a fee
  // column, a fee the class does not pay (as "None" is)
  if (
    s.phase === 'rows' &&
    s.columns?.classColumn === true &&
    s.columns.formerNameColumn !== true &&
    s.columns.rates.length > 0 &&
    s.name !== null &&
    (item.kind === 'name' || item.kind === 'heading')
  ) {
    if (NAMED_CLASS_CELL_RE.test(item.text))
      return step(
        s,
        { kind: 'class', codes: [item.text.replace(/\s+/g, ' ')], closesQuote: false },
        line,
        ctx,
      );
    if (/^[\u2014\u2013]$/.test(item.text))
      return step(s, { kind: 'rate', pct: '0.00', closesQuote: false }, line, ctx);
  }
  // …and BlackRock's "Distribution Fee" / "(expressed as" / "a percentage" / … / "the specified" /
  // "Class)": every line of the cell's open parenthesis, up to the one that closes it
  const open = s.heading[s.heading.length - 1];
  if (
    s.phase === 'heading' &&
    (item.kind === 'name' || item.kind === 'leadIn' || item.kind === 'heading') &&
    open !== undefined &&
    /\([^)]*$/.test(open) &&
    ctx.continuations?.has(line) === true
  )
    return { ...s, heading: [...s.heading.slice(0, -1), `${open} ${item.text}`] };
  switch (item.kind) {
    case 'heading': {
      // Wells Fargo Variable Trust "Maximum" / "Variable Trust Funds   12b-1 Fee": the words over the
      // fund column, printed between the rate column's heading words, are a heading, no fund
      const overFunds = inHeading !== undefined ? nameColumnHeading(s, inHeading) : null;
      if (overFunds !== null) s = overFunds;
      // Voya: "Voya Multi-Manager International Small Cap" with no rate, then "Fund" (a heading word)
      // and the rate on the row below — the name's last word wrapped onto a row of its own
      if (
        s.phase === 'rows' &&
        NAME_LAST_WORD_RE.test(item.text) &&
        s.name !== null &&
        !s.name.done &&
        s.name.held.length === 0 &&
        s.row === null &&
        !nameComplete(s.name.text)
      )
        return step(s, { kind: 'name', text: item.text, closesQuote: false }, line, ctx);
      // "A" in a "Class" column beside a fund ("Maplecrest Growth Fund   A   0.25%"): a class
      if (
        s.phase === 'rows' &&
        s.columns?.classColumn === true &&
        s.name !== null &&
        /^[A-Z]$/.test(item.text)
      )
        return step(s, { kind: 'class', codes: [item.text], closesQuote: false }, line, ctx);
      // "Money Market Funds" over the first "Current Name | Former Name" table: a section, no fund;
      // "MONEY MARKET FUNDS" in capitals is a section too, not the Registrant
      if (
        // (or over a table whose fund columns' headings are blank: "Distribution Fee" alone)
        (/^Current\s+Names?$/i.test(item.text) || /^Distribution\s+Fee\b/i.test(item.text)) &&
        s.columns === null &&
        s.row === null &&
        s.listRates.length === 0
      )
        s = {
          ...s,
          name: null,
          entries: AppendOnlyList.of(s.entries.toArray().filter((e) => RATE_KEYS.some((k) => e[k] !== null))),
          registrant: ctx.registrant ?? s.titleRegistrant ?? s.registrant,
        };
      if (s.phase === 'heading') {
        const last = s.heading[s.heading.length - 1];
        if (s.heading.length >= MAX_HEADING_CELLS || (last?.length ?? 0) > MAX_HEADING_CELL_CHARS)
          fail(ctx, line, 'the column headings run on for more than a table’s: no fee table');
        if (last !== undefined && ctx.continuations?.has(line) === true)
          return { ...s, heading: [...s.heading.slice(0, -1), `${last} ${item.text}`] };
        return { ...s, heading: [...s.heading, item.text] };
      }
      // JPMorgan: the headings printed again over a page break, the last fund's class cells go on below
      if (s.columns?.formerNameColumn === true && s.name?.former !== undefined && s.row === null)
        return { ...s, phase: 'heading', heading: [item.text], listRates: [] };
      // Legg Mason "Name of Fund | Name of Class | Aggregate" printed again over a page break after
      // "ClearBridge Mid Cap Fund | Class A | 0.25": its "Class C | 1.00" rows go on below, before
      // the next fund's name (never rows for the fund listed after them)
      if (
        s.name?.done === true &&
        s.row === null &&
        s.listRates.length === 0 &&
        (s.columns?.headings?.includes(item.text) === true || isSentence(item.text))
      )
        return { ...s, phase: 'heading', heading: [item.text], keptOverHeading: true };
      // "Equity Funds" over the next "Current Name | Former Name" table: a section of the schedule
      if (
        (s.columns?.formerNameColumn === true || /^Current\s+Names?$/i.test(item.text)) &&
        s.name !== null &&
        s.name.former === undefined &&
        s.name.held.length === 0 &&
        s.row === null
      )
        s = { ...s, name: null };
      const started = s.name !== null || s.row !== null || s.entries.length > 0 || s.listRates.length > 0;
      const after = started ? finishName(s, ctx) : s;
      return { ...after, phase: 'heading', heading: [item.text], listRates: [] };
    }
    case 'registrant': {
      if (s.phase === 'heading') return { ...s, registrant: item.name };
      const done = finishName(s, ctx);
      return {
        ...done,
        registrant: item.name,
        titleRegistrant: s.entries.length === 0 ? s.titleRegistrant : null,
      };
    }
    case 'aside':
      // "(INVESCO EQUITY FUNDS)" under a Registrant inside the heading rows: the headings go on
      if (s.phase === 'heading' && classCodesIn(item.text).length === 0) return s;
      return closeHeading(s);
    case 'classLabel': {
      // "Portfolio – Investor Class Shares" in the heading rows, beside "Sales / Service / Aggregate"
      if (s.phase === 'heading') return { ...s, classes: item.codes };
      // "Fund | Class A Shares / Class B Shares / Class C Shares" under a "Shares" column: the
      // fund's own class cells, one entry each — not a heading for the funds after it
      const h = closeHeading(s);
      if (h.columns?.classColumn === true && h.name !== null && (h.row === null || h.row.values.length === 0))
        return step(h, { kind: 'class', codes: item.codes, closesQuote: false }, line, ctx);
      const done = finishName(closeHeading(s), ctx);
      headsNothing(done, ctx);
      return {
        ...done,
        classes: item.codes,
        classLabel: { line, entries: done.entries.length, text: item.codes.join(', ') },
      };
    }
    case 'leadIn': {
      const h = closeHeading(s);
      const upTo = UP_TO_RATE_RE.exec(item.text);
      if (upTo !== null && !hasRateColumns(h)) return stepUpToRate(h, upTo, line, ctx);
      // Professionally Managed Portfolios' "12b-1 Fee" cells beside the Muzinich funds: "0.25% of
      // average daily net assets of Class A Shares" — the fund's rate and the class it is of, one cell
      const ofClass = RATE_OF_CLASS_RE.exec(item.text);
      if (ofClass !== null && h.name !== null && h.row === null && hasRateColumns(h)) {
        const codes = classCodesIn(ofClass[2]!);
        const pct = readRateToken(ofClass[1]!)?.pct;
        if (codes.length === 1 && pct !== undefined)
          return step(
            step(h, { kind: 'class', codes, closesQuote: false }, line, ctx),
            { kind: 'rate', pct, closesQuote: item.closesQuote === true },
            line,
            ctx,
          );
      }
      // a line only its length makes text may be the list's next portfolio, its name long (HTML
      // prints names of over 90 characters): never the list's silent end
      if ((h.name !== null || h.entries.length > 0) && proseOnlyByLength(item.text))
        fail(
          ctx,
          line,
          `a line of over 90 characters that may be a portfolio name ("${item.text.slice(0, 60)}…")`,
        );
      if (h.name !== null || h.entries.length > 0)
        return finishName({ ...h, phase: 'closed', closedByText: line }, ctx);
      if (/\bapply\s+to\s+each\b/i.test(item.text)) return h;
      // Kinetics' Exhibit A: "This Plan is adopted … with respect to the Advisor Class A Shares of
      // the Funds of the Company set forth below": the class of every fund listed below it
      const respecting = LEAD_IN_CLASS_RE.exec(item.text);
      const codes = respecting === null || h.classes.length > 0 ? [] : classCodesIn(respecting[1]!);
      return {
        ...h,
        classes: codes.length > 0 ? codes : h.classes,
        leadInRate: h.leadInRate || /\b(?:fee|rate)\b/i.test(item.text),
      };
    }
    case 'footnote': {
      const done = finishName(closeHeading(s), ctx);
      return { ...done, phase: 'footnote', footnotes: [...done.footnotes, item.text] };
    }
    case 'end':
      return { ...finishName(closeHeading(s), ctx), phase: 'closed' };
    case 'date':
    case 'percent': {
      const h = closeHeading(s);
      // "N/A" where a fund's row owes a rate ("Class A | 0.25% | N/A" under "Maximum Distribution
      // Fee | Maximum Service Fee"): the document states no rate there, and none is guessed
      if (
        item.kind === 'date' &&
        item.notApplicable === true &&
        hasRateColumns(h) &&
        h.name !== null &&
        !h.name.done &&
        // JPMorgan's "Former Name" cell reads "N/A" for a fund never renamed: no rate is due there
        !(h.columns?.formerNameColumn === true && h.name.former === undefined && h.row === null) &&
        // …nor in an "Adoption Date" column beside the rate: "N/A" is no date there
        h.columns?.headings?.some((c) => /\bdates?\b/i.test(c)) !== true &&
        (h.row === null || h.row.values.length < needed(h, h.row))
      )
        fail(
          ctx,
          line,
          `"N/A" stands where a rate of "${h.name.text}" is due: the schedule states no rate there, and none is guessed`,
        );
      if (!item.closesQuote) return h;
      return { ...finishName(h, ctx), phase: 'closed', quoteOpen: false };
    }
    case 'class': {
      // a class cell whose class cannot be told is never dropped: it would take its row with it
      if (item.codes.length === 0) fail(ctx, line, 'a class cell names a class the reader cannot tell');
      let h = closeHeading(s);
      // Transamerica "Alpha Growth / Class A / Class C / Alpha Bond / Class A": a list of series and
      // their classes, no rate column — the classes are the series' above them, written as it came
      const listed = h.entries.last();
      if (
        !hasRateColumns(h) &&
        !h.leadInRate &&
        h.name === null &&
        h.row === null &&
        h.listRates.length === 0 &&
        listed !== undefined &&
        RATE_KEYS.every((k) => listed[k] === null)
      ) {
        let k = h.entries.length;
        while (k > 0 && h.entries.get(k - 1)!.portfolio === listed.portfolio) k--;
        h = {
          ...h,
          entries: h.entries.take(k),
          name: { text: listed.portfolio, line, held: [], done: false, fragments: 1 },
        };
      }
      if (h.row !== null && h.row.values.length > 0)
        fail(ctx, line, `class ${item.codes.join(', ')} comes inside the rates of the row above it`);
      if (h.name !== null && h.row === null && h.name.held.length === 0 && h.listRates.length > 0)
        h = finishName(h, ctx);
      if ((h.row?.classes.length ?? 0) >= MAX_ROW_CLASSES)
        fail(ctx, line, `a row names more than ${MAX_ROW_CLASSES} classes: no row of a fee table`);
      const row: Row = { classes: [...(h.row?.classes ?? []), ...item.codes], values: [], line };
      return { ...h, row };
    }
    case 'rate': {
      let h = closeHeading(s);
      // one "Distribution Fee" heading read as JPMorgan's blank "Current Name | Former Name | Share
      // Class" columns, yet a rate follows the second name with no class cell: not that table — it is
      // Calvert's "Calvert Management Series" (a group heading in mixed case) over its fund, and the
      // fund's rate was about to be the group heading's, the fund a former name (SPEC §2.1: refused)
      const n = h.name;
      const rateAfterFormer =
        h.columns?.formerNameColumn === true &&
        h.columns.headings?.length === 1 &&
        n !== null &&
        n.former !== undefined &&
        !n.done &&
        (h.row === null || h.row.classes.length === 0);
      // …unless the name without a rate is a trust's or a company's in mixed case ("Reserve Municipal
      // Money-Market Trust") and the one after it a fund's: the Registrant's heading over its fund,
      // as in a table with rate columns (isMixedCaseRegistrantRow) — not a current and former name
      if (rateAfterFormer && n !== null && n.former !== undefined && isTrustOverFund(n.text, n.former)) {
        const fund = n.former;
        h = {
          ...h,
          registrant: n.text,
          titleRegistrant: h.entries.length === 0 ? h.titleRegistrant : null,
          renames: h.renames.filter((r) => !(r.from === fund && r.to === n.text)),
          name: { text: fund, line: n.line, held: [], done: false, fragments: 1 },
        };
      } else if (rateAfterFormer && n !== null)
        fail(
          ctx,
          line,
          `"${n.text}" has no rate and "${n.former}" follows it with this rate and no class cell: "${n.text}" may be a group heading (a Registrant) or "${n.former}" its former name — which cannot be read`,
        );
      if (h.columns === null || h.columns.rates.length === 0) {
        if (!h.leadInRate) fail(ctx, line, `a rate (${item.pct}%) with no column heading above it`);
        h = {
          ...h,
          columns: {
            rates: ['aggregateFee'],
            bound: null,
            classColumn: false,
            classes: [],
            perClass: false,
            registrantColumn: false,
            formerNameColumn: false,
            unnamedColumns: false,
          },
        };
      }
      const row: Row = h.row ?? { classes: [], values: [], line };
      const grown: Row = { ...row, values: [...row.values, item.pct] };
      const next =
        grown.values.length === needed(h, grown)
          ? completeRow({ ...h, row: null }, ctx, grown)
          : { ...h, row: grown };
      return item.closesQuote ? { ...finishName(next, ctx), phase: 'closed', quoteOpen: false } : next;
    }
    case 'name': {
      // Calvert's Class C "0.75/0.25%": two rates in one cell — no name, and not split here (SPEC §2.1:
      // a line read only in part is refused, never guessed)
      if (TWO_RATES_RE.test(item.text.replace(/["\u201d]+$/, '')))
        return stepTwoRates(s, item.text, item.closesQuote, line, ctx);
      // Brown Advisory's "12b-1 Fees" / "Name of Series" / "Advisor Shares*": under a heading that
      // names the fee, a named class and "Shares" heads the rate column — the class its rates are
      // for (as "… attributable to Adviser Shares" is), no fund (SPEC §2.1: the class, wherever the
      // schedule states it)
      const headingClass = s.phase === 'heading' ? namedClassShares(item.text) : null;
      if (headingClass !== null && columnsOf(s.heading).rates.length > 0)
        return { ...s, classes: [headingClass] };
      const wrapped = wrappedTailOfListedName(s, item.text);
      if (wrapped !== null) return wrapped;
      const named = stepName(s, item, line, ctx);
      // inside heading rows that name no rate yet — or the table's first cell, before any heading
      // (Advisors Series Trust "Series or Fund and Class of Advisors Series Trust" over
      // "Shareholder Servicing Plan Fee as a %"): the fund column's heading, if headings go on
      const overFunds =
        s.phase === 'heading'
          ? columnsOf(s.heading).rates.length === 0
          : s.entries.length === 0 &&
            mostlyHeadingWords(item.text) &&
            s.columns === null &&
            s.name === null &&
            s.row === null &&
            s.listRates.length === 0;
      return overFunds && named.phase !== 'closed'
        ? { ...named, nameInHeading: { heading: s.heading, entries: s.entries.length, text: item.text } }
        : named;
    }
  }
}

// "f/k/a Mobile Telecommunications UltraSector ProFund": a footnote naming a fund's former name
const FORMER_NAME_NOTE_RE = /^(?:f\/k\/a|formerly)\s/i;

// a fund's last word alone in its cell: "ProFund", "Fund", "Portfolio"
const LONE_LAST_WORD_RE = /^(?:[A-Z][a-z]*Fund|Portfolio|Series|Trust)$/;
// a name that ends as a fund's does, the word glued or not ("Bear ProFund", "Growth Fund")
const ENDS_AS_FUND_RE = /(?:Fund|Funds|Series|Portfolio|Trust)$/;

/**
 * A plain list in two columns side by side (ProFunds' Schedule A of 2023): "Oil & Gas Equipment &
 * Services UltraSector" in the left column, "UltraShort International ProFund" beside it, and
 * "ProFund" alone in the left column of the row below — the left name's last word, wrapped to
 * the next row. It ends the listed name it belongs to, the nearer of the last two written that
 * does not end as a fund's name does; the whole name beside it stays as it is. Null where that is
 * not so (and where the list has rates or classes: a plain list only).
 */
function wrappedTailOfListedName(s: CellState, tail: string): CellState | null {
  if (!LONE_LAST_WORD_RE.test(tail) || s.phase !== 'rows' || hasRateColumns(s)) return null;
  if (s.row !== null || s.name !== null || s.listRates.length > 0 || s.classRow !== null) return null;
  // the nearest of the last two names that does not end as a fund's (the one column's name, or
  // the left column's beside a whole one)
  const n = s.entries.length;
  const at = [n - 1, n - 2].find((k) => {
    const e = s.entries.get(k);
    return e !== undefined && !ENDS_AS_FUND_RE.test(e.portfolio);
  });
  if (at === undefined) return null;
  const listed = s.entries.slice(at);
  if (listed.some((e) => e.class !== null || RATE_KEYS.some((k) => e[k] !== null))) return null;
  const [open, ...after] = listed;
  return {
    ...s,
    entries: s.entries.take(at).append([{ ...open!, portfolio: `${open!.portfolio} ${tail}` }, ...after]),
  };
}

/**
 * The name read inside the heading rows, written as a fund of no rate (or pending), taken back as
 * a heading over the fund column: the heading rows go on with it. Null where more came of it
 * (a class, a rate, another fund) — then it was a fund.
 */
function nameColumnHeading(s: CellState, n: NameInHeading): CellState | null {
  if (s.row !== null || s.listRates.length > 0 || s.classRow !== null) return null;
  const written = s.entries.slice(n.entries);
  const asEntries =
    s.name === null &&
    written.length > 0 &&
    written.every((e) => e.portfolio === n.text && RATE_KEYS.every((k) => e[k] === null));
  const asPending =
    written.length === 0 &&
    s.name !== null &&
    s.name.text === n.text &&
    !s.name.done &&
    s.name.held.length === 0;
  if (!asEntries && !asPending) return null;
  return {
    ...s,
    entries: s.entries.take(n.entries),
    name: null,
    classesDue: null,
    phase: 'heading',
    heading: [...n.heading, n.text],
  };
}

/** A fund's name (or a part of one) in the rows. */
// a Registrant's name: a trust or a company of funds ("AIM Counselor Series Trust", "AIM Equity
// Funds", "… Funds, Inc."), never one fund ("… Fund", "… Portfolio", "… Series")
const REGISTRANT_NAME_END_RE = /\s(?:Trust(?:\s+[IVX]{1,4})?|Funds(?:,?\s+Inc\.?)?)$/;

/**
 * The pending name is a Registrant's heading in mixed case: a trust's or a company's name with no
 * rate of its own where the table has rate columns, and another name after it. In a "Current
 * Name | Former Name" table the name after it may be a former name: no heading is guessed there.
 */
function isMixedCaseRegistrantRow(s: CellState, n: PendingName): boolean {
  return (
    !n.done &&
    n.held.length === 0 &&
    n.fragments === 1 &&
    s.row === null &&
    s.listRates.length === 0 &&
    s.columns !== null &&
    s.columns.rates.length > 0 &&
    s.columns.formerNameColumn !== true &&
    /[a-z]/.test(n.text) &&
    /^[A-Z]\S*\s+\S/.test(n.text) &&
    REGISTRANT_NAME_END_RE.test(n.text)
  );
}

/** "Reserve Municipal Money-Market Trust" over "Arizona Municipal Money-Market Fund": a trust's name in mixed case over a fund's. */
function isTrustOverFund(above: string, below: string): boolean {
  return (
    /[a-z]/.test(above) &&
    /^[A-Z]\S*\s+\S/.test(above) &&
    REGISTRANT_NAME_END_RE.test(above) &&
    !REGISTRANT_NAME_END_RE.test(below) &&
    nameComplete(below)
  );
}

/**
 * A plain list's item that is a Registrant's name in mixed case: "Reserve Municipal Money-Market
 * Trust", "Invesco Funds, Inc." — a trust's or a company's name, in a list with no rate columns.
 */
function isMixedCaseListHead(s: CellState, text: string): boolean {
  return (
    (s.columns === null || s.columns.rates.length === 0) &&
    s.listRates.length === 0 &&
    s.row === null &&
    s.columns?.formerNameColumn !== true &&
    /[a-z]/.test(text) &&
    /^[A-Z]\S*\s+\S/.test(text) &&
    REGISTRANT_NAME_END_RE.test(text)
  );
}

/** A list's Registrant heading with no portfolio under it (the next heading, or the end, came first): refused, never guessed. */
function listHeadsNothing(s: CellState, ctx: CellScheduleContext): void {
  const head = s.listHead;
  if (head === undefined || s.entries.length !== head.entries) return;
  fail(
    ctx,
    head.line,
    `"${head.text}" heads no portfolio: a Registrant's heading with nothing under it, or a portfolio named like a trust — which it is cannot be told`,
  );
}

function stepName(
  s: CellState,
  item: Extract<ScheduleItem, { kind: 'name' }>,
  line: number,
  ctx: CellScheduleContext,
): CellState {
  let h = closeHeading(s);
  const pending = h.name;
  if (
    h.columns?.formerNameColumn === true &&
    pending !== null &&
    pending.former === undefined &&
    !pending.done &&
    h.row === null &&
    pending.held.length === 0
  ) {
    // the "Former Name" cell: a rename where it differs from the current name
    const renamed = item.text !== pending.text && !h.renames.some((r) => r.from === item.text);
    return {
      ...h,
      name: { ...pending, former: item.text },
      renames: renamed ? [...h.renames, { from: item.text, to: pending.text }] : h.renames,
    };
  }
  // in a "Share Class" column, "R" and "Investor" are classes
  const bareClass =
    /^(?:[A-Z](?:-?[0-9])?|Investor|Institutional|Advisor|Retail)$/.test(item.text) &&
    h.columns?.classColumn === true;
  // a class code as the column prints it ("R-3" stays "R-3": SPEC §2.1, codes as the document names them)
  if (bareClass)
    return step(h, { kind: 'class', codes: [item.text], closesQuote: item.closesQuote }, line, ctx);
  if (h.row !== null && h.row.values.length > 0)
    fail(
      ctx,
      line,
      `"${item.text}" comes inside the rates of the row above it (${h.row.values.length} of ${needed(h, h.row)} read)`,
    );
  const n = h.name;
  const joins =
    n !== null &&
    !n.done &&
    h.row === null &&
    h.columns !== null &&
    h.columns.rates.length > 0 &&
    !nameComplete(n.text) &&
    ((n.held.length > 0 && n.fragments > 1) ||
      (n.held.length === 0 && !/\s/.test(n.text)) ||
      // Voya: "Voya Multi-Manager International Small Cap" with no rate, then "Fund" and the
      // rate on the row below — the name wrapped onto a row of its own
      (n.held.length === 0 && NAME_LAST_WORD_RE.test(item.text)) ||
      // a name cell broken by <br> ("AIM Small Company<br>Growth Fund"): the line goes on with
      // the cell above it, whose name is not yet complete — one fund, not two
      (n.held.length === 0 && ctx.continuations?.has(line) === true));
  if (joins && n !== null) {
    const text = `${n.text} ${item.text}`;
    h = { ...h, name: { ...n, text, fragments: n.fragments + 1 } };
    if (nameComplete(text) && n.held.length > 0) {
      const written = finishName(h, ctx);
      h = { ...written, name: { text, line: n.line, held: [], done: true, fragments: n.fragments + 1 } };
    }
  } else {
    if (h.row !== null && n === null)
      fail(ctx, h.row.line, `class ${h.row.classes.join(', ')} has no rates before "${item.text}"`);
    // Reserve's Schedule A "Reserve Municipal Money-Market Trust" over its funds, a plain list with
    // no rates: the Registrant's heading in mixed case, never a portfolio (a trust holds the funds)
    if (isMixedCaseListHead(h, item.text)) {
      const done = finishName(h, ctx);
      listHeadsNothing(done, ctx);
      return {
        ...done,
        registrant: item.text,
        titleRegistrant: done.entries.length === 0 ? done.titleRegistrant : null,
        listHead: { line, entries: done.entries.length, text: item.text },
      };
    }
    // Invesco's .htm schedules: "AIM Counselor Series Trust" in a row of its own (a cell spanning
    // the table, underlined) over its funds and their rates — the Registrant's heading in mixed case
    if (n !== null && isMixedCaseRegistrantRow(h, n))
      return stepName(
        {
          ...h,
          name: null,
          registrant: n.text,
          titleRegistrant: h.entries.length === 0 ? h.titleRegistrant : null,
        },
        item,
        line,
        ctx,
      );
    h = finishName(h, ctx);
    h = { ...h, name: { text: item.text, line, held: [], done: false, fragments: 1 } };
  }
  if (h.columns === null || h.columns.rates.length === 0 || h.listRates.length > 0) {
    // a plain list, or a list under a rate row: each name is an entry as it comes
    if (
      h.name !== null &&
      h.row === null &&
      (h.listRates.length > 0 || !h.leadInRate) &&
      !CLASSES_FOLLOW_RE.test(h.name.text) &&
      // its classes follow in a "Shares" column: the next name or the end writes it
      h.columns?.classColumn !== true
    )
      h = finishName(h, ctx);
  }
  return item.closesQuote ? { ...finishName(h, ctx), phase: 'closed', quoteOpen: false } : h;
}

export interface CellScheduleReading {
  readonly name: string;
  readonly entries: readonly ParsedEntry[];
  readonly footnotes: readonly string[];
  readonly titleRegistrant: string | null;
  /** the document ends before the schedule does */
  readonly cut: Gap | null;
  /** line indices [start, end) the schedule occupies */
  readonly start: number;
  readonly end: number;
  /** the document ends inside or right after the schedule, with nothing that closes it */
  readonly endedWithDocument: boolean;
  /** the document ends inside the footnote under the table, every row whole */
  readonly endedInFootnote: boolean;
  readonly warnings: readonly string[];
  /** "Current Name | Former Name" pairs that differ: former → current */
  readonly renames: readonly Rename[];
}

/** The index of the first non-empty line from `from` up to (not including) `to`, or null. */
function nextContentLine(lines: readonly EdgarLine[], from: number, to: number): number | null {
  for (let j = from; j < Math.min(to, lines.length); j++) if (lines[j]!.trimmed !== '') return j;
  return null;
}

function lastContentLine(
  lines: readonly EdgarLine[],
  from: number,
  to: number,
): (EdgarLine & { readonly index: number }) | null {
  for (let j = Math.min(to, lines.length) - 1; j >= from; j--)
    if (lines[j]!.trimmed !== '') return { ...lines[j]!, index: j };
  return null;
}

/** The rate keys an entry states (its bound goes with its asset-based sales charge). */
function statedKeys(e: ParsedEntry): (typeof RATE_KEYS)[number][] {
  return RATE_KEYS.filter((k) => e[k] !== null);
}

/**
 * A schedule printed as two tables, a distribution-fee table and then a service-fee table, over
 * the same funds: one entry per (fund, class) holds the rates of both (SPEC §2: a fund and class
 * has one entry). Two entries merge only when each states rates and no rate of one is stated by
 * the other; a fund only one table lists keeps what that table states.
 */
function mergedTables(entries: readonly ParsedEntry[]): {
  readonly entries: readonly ParsedEntry[];
  /** whether a second table's rows were merged into the first's */
  readonly second: boolean;
  /** the first table's entries, at its end, that no row of the second table reached */
  readonly unreached: number;
} {
  const out: ParsedEntry[] = [];
  const at = new Map<string, number>();
  let lastMerged = -1;
  let firstTableEnd = -1;
  for (const e of entries) {
    const key = JSON.stringify([e.registrant, e.portfolio, e.class]);
    const i = at.get(key);
    const prior = i === undefined ? undefined : out[i];
    const mine = statedKeys(e);
    if (prior !== undefined && i !== undefined && mine.length > 0) {
      const theirs = statedKeys(prior);
      if (theirs.length > 0 && mine.every((k) => !theirs.includes(k))) {
        out[i] = {
          ...prior,
          assetBasedSalesChargePct: prior.assetBasedSalesChargePct ?? e.assetBasedSalesChargePct,
          assetBasedSalesChargeBound: prior.assetBasedSalesChargeBound ?? e.assetBasedSalesChargeBound,
          serviceFeePct: prior.serviceFeePct ?? e.serviceFeePct,
          aggregateFeePct: prior.aggregateFeePct ?? e.aggregateFeePct,
        };
        if (firstTableEnd < 0) firstTableEnd = out.length;
        lastMerged = Math.max(lastMerged, i);
        continue;
      }
    }
    at.set(key, out.length);
    out.push(e);
  }
  // the first table's entries after the last one the second merged into, when the second table
  // added none of its own after them (its rows stop there)
  const unreached = firstTableEnd < 0 || out.length > firstTableEnd ? 0 : firstTableEnd - lastMerged - 1;
  return { entries: out, second: firstTableEnd >= 0, unreached };
}

/**
 * Every rate cell of the table above `to` prints its "%" with its digits ("|0.75%"), two at least:
 * a last rate without it is cut in its cell (a table whose "%" stands in a cell of its own, or
 * whose rates print none, is no such table).
 */
function everyRateAboveHasItsPercent(lines: readonly EdgarLine[], from: number, to: number): boolean {
  let withPercent = 0;
  for (let j = from; j < to; j++) {
    const cell = lines[j]!.trimmed.replace(/^\|/, '').trim();
    if (!/\d/.test(cell) || scheduleItem(cell).kind !== 'rate') continue;
    if (!cell.includes('%')) return false;
    withPercent++;
  }
  return withPercent >= 2;
}

/** a cell that closes a parenthesis it did not open: "Class C)", "C)" */
const closesParenthesis = (cell: string) => /\)\s*$/.test(cell) && !cell.includes('(');

/**
 * The line at `i` stands in a text table's caption whose heading has opened a parenthesis it has
 * not closed: the caption lines since the last rule or row ("Distribution Fee (as a Percentage" /
 * "of Average Daily Net Assets of"), no rate nor rule among them.
 */
function captionParenthesisOpen(
  s: { readonly phase: string },
  lines: readonly EdgarLine[],
  from: number,
  i: number,
): boolean {
  if (s.phase === 'closed') return false;
  let depth = 0;
  // a caption is a few lines: looked for among the eight above, never across a whole list
  for (let j = i - 1, seen = 0; j >= from && seen < 8; j--) {
    const t = lines[j]!.trimmed;
    if (t === '' || /^<(?:CAPTION|\/?TABLE)>$/i.test(t)) continue;
    seen++;
    if (/^[-=_]{5,}$/.test(t) || /\d%/.test(t) || /^<S>/i.test(t)) return false;
    depth += (t.match(/\(/g) ?? []).length - (t.match(/\)/g) ?? []).length;
    if (depth > 0) return true;
    if (depth < 0) return false;
  }
  return false;
}

/**
 * Victory's Schedule I numbers its rows: "1." / "12" in a cell of its own before the fund's name
 * ("1. | Victory Balanced Fund | 0.50 | %") — a row number, no part of the name and no rate.
 */
function isRowNumberCell(lines: readonly EdgarLine[], i: number, stop: number): boolean {
  if (!/^\d{1,3}\.?$/.test(lines[i]!.trimmed)) return false;
  for (let j = i + 1; j < stop; j++) {
    const next = lines[j]!.trimmed;
    if (next === '') continue;
    const item = scheduleItem(next);
    return item.kind === 'name' && /^[A-Z]/.test(next);
  }
  return false;
}

/** Reads one schedule from the line after its heading to its end (or the next heading at `stop`). */
/**
 * A capitals name ending in the singular "FUND" ("AIM SECTOR FUND", "AIM EQUITY FUND") whose next
 * cell is a column heading ("Minimum Asset / Based Sales / Charge"): the heading of a Registrant's
 * group of portfolios. Its next cell being a rate, a class, a name or anything else leaves it what it
 * was (a fund in capitals).
 */
function isSingularFundGroupHeading(lines: readonly EdgarLine[], i: number, stop: number): boolean {
  const text = cellText(lines[i]!);
  if (
    !isAllCaps(text) ||
    !/\bFUND$/.test(text) ||
    /\b(?:PLAN|AGREEMENT|SHARES|SCHEDULE|APPENDIX)\b/.test(text)
  )
    return false;
  for (let j = i + 1; j < stop; j++) {
    const next = cellText(lines[j]!);
    if (next === '') continue;
    const kind = scheduleItem(next).kind;
    // (a class label after it is the fund's own class cell: "SMALL CAP STOCK FUND | Class C Shares | 1.00%")
    return kind === 'heading';
  }
  return false;
}

/** A capitals line that begins a Registrant's name and stops before its last word ("… STOCK & BOND"). */
function isWrappedRegistrantStart(text: string): boolean {
  return (
    text !== '' &&
    isAllCaps(text) &&
    !/\b(?:FUNDS|FUND|TRUST|SERIES|GROUP|PORTFOLIOS|INC\.?|CORPORATION|COMPANY)(?:\s+[IVX]{1,4})?$/.test(
      text,
    ) &&
    !/\b(?:PLAN|AGREEMENT|SHARES|FEES?|SCHEDULE|APPENDIX|TO|OF)\b|[%\d()]/.test(text)
  );
}

const cellText = (l: EdgarLine) => l.trimmed.replace(/^\|/, '').trim();

/** The last line with content before `end` closes the schedule's quote ('0.25%”'). */
function closedOnQuote(lines: readonly EdgarLine[], start: number, end: number): boolean {
  for (let j = end - 1; j >= start; j--) {
    const t = cellText(lines[j]!);
    if (t !== '') return /["\u201d]$/.test(t);
  }
  return false;
}

// "(1) The Distribution Fee …", "* The Distribution Fee …"
const FOOTNOTE_AFTER_QUOTE_RE = /^(\*{1,3}|\(\d{1,2}\))\s*(\S.*)$/;

/**
 * A footnote on the first line with content from `from` on, whose mark ("(1)", "*") a line of the
 * schedule carries ("Sales Charge(1)", "0.25%*"): its text, and the index after it.
 */
function footnoteAfterQuote(
  lines: readonly EdgarLine[],
  start: number,
  from: number,
  stop: number,
): { text: string; end: number } | null {
  let j = from;
  while (j < stop && cellText(lines[j]!) === '') j++;
  if (j >= stop) return null;
  const m = FOOTNOTE_AFTER_QUOTE_RE.exec(cellText(lines[j]!));
  if (m === null) return null;
  const mark = m[1]!;
  const marked = lines
    .slice(start, from)
    .some((l) => cellText(l).includes(mark) && !FOOTNOTE_AFTER_QUOTE_RE.test(cellText(l)));
  return marked ? { text: m[2]!.replace(/\s+/g, ' '), end: j + 1 } : null;
}

// how far past the text that closed a schedule the reader looks for more of its portfolios
const AFTER_TEXT_LOOKAHEAD_LINES = 8;

/**
 * A line naming a fund ("PF Janus Strategic Value Fund") within a few lines after the text that
 * closed the schedule, past that text's own wrapped lines and class or Registrant headings; the
 * closing clause, a signature, a date or another schedule's heading first says there is none.
 */
function portfolioAfterText(lines: readonly EdgarLine[], from: number, stop: number): EdgarLine | null {
  for (let j = from, seen = 0; j < stop && seen < AFTER_TEXT_LOOKAHEAD_LINES; j++) {
    const t = lines[j]!.trimmed.replace(/^\|/, '').trim();
    if (t === '') continue;
    seen++;
    const item = scheduleItem(t);
    if (item.kind === 'end' || item.kind === 'date' || item.kind === 'rate' || item.kind === 'percent')
      return null;
    if (item.kind !== 'name') continue;
    if (isProse(t) || /\S {3,}\S/.test(t)) continue;
    const name = t.replace(/["\u201d]$/, '');
    if (NAME_END_RE.test(name)) return lines[j]!;
    return null;
  }
  return null;
}

/** The next line with words, before `stop`, is a portfolio's name. */
function nameFollows(lines: readonly EdgarLine[], i: number, stop: number): boolean {
  for (let j = i + 1; j < stop; j++) {
    const t = lines[j]!.trimmed;
    if (t === '') continue;
    return scheduleItem(t).kind === 'name';
  }
  return false;
}

export function readCellSchedule(
  ctx: CellScheduleContext,
  filed: readonly EdgarLine[],
  start: number,
  stop: number,
): CellScheduleReading {
  // a date per row, a column per class: refused at the heading that shows them (columnsNotRead.ts)
  const notRead = columnNotRead(filed, start, stop, ctx.continuations ?? new Set());
  if (notRead !== null) fail(ctx, notRead.line, notRead.reason);
  // a cell wrapped onto the next line ("Portfolio – Investor" / "Class Shares") is one cell
  const lines = joinWrappedCells(filed, start, stop);
  let s = initialState(ctx);
  let i = start;
  let tableOpen = false;
  let columnStarts: readonly number[] | null = null;
  // where the line that began the pending name starts
  let nameIndent = 0;
  const lastIndex = stop >= lines.length ? (lastContentLine(lines, start, lines.length)?.index ?? -1) : -1;
  let cutLine: EdgarLine | null = null;
  let cutAt: Gap | null = null;
  let rowNumbered = false;
  let numbersBetweenRows = 0;
  for (; i < stop && s.phase !== 'closed'; i++) {
    const l = lines[i]!;
    if (l.opensTable) tableOpen = true;
    if (l.closesTable) tableOpen = false;
    // a <TABLE>'s columns are where its <S> line's <C> tags stand, until the table ends
    if (l.opensTable || l.closesTable) columnStarts = null;
    if (l.cellStarts !== undefined) columnStarts = l.cellStarts;
    const t = l.trimmed;
    // a number alone between rows is blanked as a page number; one before most rows numbers them
    if (l.pageBreak === true && s.phase === 'rows') numbersBetweenRows++;
    if (t === '' || /^\.+$/.test(t)) continue;
    if (isRowNumberCell(lines, i, stop)) {
      rowNumbered = true;
      continue;
    }
    // Heritage "SMALL CAP STOCK FUND..........0.35%": a name and its rate joined by dot leaders
    // …and "INTERNATIONAL EQUITY FUND.........0.75%*": the rate's footnote mark goes with the rate
    const leader = /^(.*?\S)\s*\.{3,}\s*(\d*\.\d+\s*%(?:\*{1,3}|[\u2020\u2021]|\(\d{1,2}\))?)$/.exec(t);
    // EDGAR text aligns its columns with runs of spaces: each run separates two cells
    // a long name leaves two spaces before its rate: "… Disciplined Growth Fund  0.75%"
    const narrow = leader ? null : /^(.*\S) {2}(\d*\.\d+\s*%)$/.exec(t);
    const parts = leader
      ? [leader[1]!, leader[2]!]
      : narrow
        ? [narrow[1]!, narrow[2]!]
        : ((columnStarts !== null ? cellsAtColumnStarts(l.text, columnStarts) : null) ?? t.split(/ {3,}/));
    const columns = s.phase === 'heading' ? columnsOf(s.heading) : s.columns;
    // what each cell is, read once for every question below
    let items = parts.map((p) => scheduleItem(p));
    // a text table's caption whose rate heading closes its parenthesis on the line of the name
    // column's heading ("Distribution Fee (as a Percentage" / "of Average Daily Net Assets of" /
    // "Series      Class C)", Neuberger Berman's Schedule A): "Class C)" ends the heading — no class
    // row, and "C)" no fund
    if (parts.length > 1 && captionParenthesisOpen(s, lines, start, i))
      items = items.map((item, k) =>
        closesParenthesis(parts[k]!) ? { kind: 'heading', text: parts[k]!.trim() } : item,
      );
    // "INVESCO COMBINATION STOCK & BOND" over "FUNDS, INC.": a Registrant's heading wrapped onto a
    // second line is one name — the first line is no fund, nor the second the whole Registrant
    const only = items.length === 1 ? items[0]! : null;
    const above = i > start ? cellText(lines[i - 1]!) : '';
    if (only?.kind === 'registrant' && isWrappedRegistrantStart(above)) {
      if (s.name !== null && s.name.text === above && !s.name.done && s.name.held.length === 0)
        s = { ...s, name: null };
      items = [{ kind: 'registrant', name: `${above} ${only.name}` }];
    }
    // "AIM SECTOR FUND" over its column headings: a Registrant whose name ends in the singular
    // "FUND" heads its group of portfolios, as "AIM SECTOR FUNDS" does (SPEC §2.1: the Registrant
    // is the schedule's group heading) — never a portfolio without rates. A capitals "… FUND" with
    // its rate after it (Heritage's "SMALL CAP STOCK FUND | 1.00%") stays a portfolio.
    if (only?.kind === 'name' && isSingularFundGroupHeading(lines, i, stop))
      items = [{ kind: 'registrant', name: only.text }];
    // before the list's first portfolio, lead-in text is passed over — but not a line only its
    // length makes text with a portfolio under it: it may be the first of them, its name long
    const lone = items.length === 1 ? items[0]! : null;
    if (
      lone?.kind === 'leadIn' &&
      s.entries.length === 0 &&
      s.name === null &&
      proseOnlyByLength(lone.text) &&
      nameFollows(lines, i, stop)
    )
      fail(
        ctx,
        l.no,
        `a line of over 90 characters that may be a portfolio name ("${lone.text.slice(0, 60)}…")`,
      );
    const firstIsName = items[0]!.kind === 'name';
    if (columns?.registrantColumn && parts.length <= 2 && firstIsName) {
      // Pioneer Appendix B: "Trust | Fund" — a Registrant beside its first fund, further funds
      // alone in the right column
      if (parts.length === 2 || l.indent < REGISTRANT_COLUMN_WIDTH)
        s = step(s, { kind: 'registrant', name: parts[0]! }, l.no, ctx);
      if (parts.length === 2 || l.indent >= REGISTRANT_COLUMN_WIDTH)
        s = step(s, { kind: 'name', text: parts[parts.length - 1]!, closesQuote: false }, l.no, ctx);
      continue;
    }
    const n = s.name;
    // "Greystone International Small Company   0.75%" over an indented "Growth Fund": the name's
    // last words wrapped below its rates
    if (
      n !== null &&
      !n.done &&
      n.held.length > 0 &&
      n.fragments === 1 &&
      s.row === null &&
      !nameComplete(n.text) &&
      parts.length === 1 &&
      l.indent > nameIndent &&
      firstIsName &&
      nameComplete(parts[0]!)
    ) {
      s = finishWrappedName(s, parts[0]!, ctx);
      continue;
    }
    if (firstIsName) nameIndent = l.indent;
    if (
      columns?.formerNameColumn === true &&
      n !== null &&
      n.former !== undefined &&
      !nameComplete(n.text) &&
      parts.length === 2 &&
      // "Fund" alone reads as a heading word; here it ends the name
      items.every((item) => item.kind === 'name' || item.kind === 'heading')
    ) {
      s = continueBothNames(s, parts[0]!, parts[1]!, ctx);
      continue;
    }
    if (i === lastIndex && items.every((item) => item.kind === 'name')) {
      // the document's last line, inside the schedule: one it cannot read was cut ("0.")
      try {
        for (const item of items) s = step(s, item, l.no, ctx);
      } catch (e) {
        if (!(e instanceof ExhibitParseError)) throw e;
        cutLine = l;
        i = lines.length;
        break;
      }
    } else for (const item of items) s = step(s, item, l.no, ctx);
  }
  // Wells Fargo: a footnote's text under the rows (its marker "1" read as a page number) closed the
  // schedule, yet its column headings are printed again below with rates under them: the table goes
  // on over a page break — refused, never read short
  const headings = s.columns?.headings;
  if (s.closedByText !== undefined && headings !== undefined) {
    const cells = lines.slice(i, stop).map((l) => l.trimmed.replace(/^\|/, '').trim());
    // a heading cell, or the first line of one wrapped over lines ("Funds Trust" / "Funds and …")
    const again = cells.findIndex((c) => c !== '' && headings.some((h) => h === c || h.startsWith(`${c} `)));
    if (again >= 0 && cells.slice(again).some((c) => scheduleItem(c).kind === 'rate'))
      fail(
        ctx,
        lines[i + again]!.no,
        `the table goes on below the text at line ${s.closedByText} (its headings printed again, with rates): the text is a footnote inside the table, and the rows after it are not read`,
      );
  }
  // the text that closed the schedule ("This Agreement is made as of August 18, 2003.") is the
  // body's, where its dates and terms are read: the schedule ends above it
  if (s.closedByText !== undefined && i > start && lines[i - 1]!.no === s.closedByText) i--;
  // prose after the rows with more portfolios below it ("Each Fund shall pay …" between two funds
  // of a plain list): the schedule would be read only in part (SPEC §2.1) — refused at the prose
  if (s.closedByText !== undefined) {
    const more = portfolioAfterText(lines, i, stop);
    // Direxion's Schedule A of three plans: "The maximum annualized fee rate pursuant to Paragraph 1
    // of the Direxion Funds Service Class" / "Distribution Plan shall be as follows:" over a second
    // list — another plan's funds, its class another (one instrument per document: refused)
    const closing = lines
      .slice(Math.max(start, i - 1), Math.min(stop, i + 2))
      .map((l) => l.trimmed.replace(/^\|/, '').trim())
      .join(' ');
    const otherPlan = /\bof\s+the\s+(.{3,80}?\bPlan)\s+shall\s+be\s+as\s+follows\s*:/i.exec(closing);
    if (more !== null && otherPlan !== null)
      fail(
        ctx,
        s.closedByText,
        `a second list begins here, under another plan's lead-in ("…${otherPlan[1]!.replace(/\s+/g, ' ')} shall be as follows:", its first fund "${more.trimmed.replace(/^\|/, '').trim().slice(0, 60)}" at line ${more.no}): ${ctx.name} serves more than one plan, and plan12b records one instrument per document — nothing is recorded`,
      );
    if (more !== null)
      fail(
        ctx,
        s.closedByText,
        `a line of text stands inside ${ctx.name} with portfolios after it ("${more.trimmed.replace(/^\|/, '').trim().slice(0, 60)}", line ${more.no}): the schedule would be read only in part`,
      );
  }
  // a numbered table whose document stops on a number alone after a row's rate ("… Growth Fund |
  // 0.25% | 4", the number blanked as a page number): a row begins there and is cut
  if (numbersBetweenRows >= 3 && numbersBetweenRows * 2 >= s.entries.length) rowNumbered = true;
  const final =
    rowNumbered && i >= lines.length && s.phase === 'rows'
      ? lines.findLast((l) => l.pageBreak === true || l.trimmed !== '')
      : undefined;
  if (cutLine === null && final?.pageBreak === true && s.row === null && s.name?.done === true)
    cutAt = {
      fact: 'text',
      line: final.no,
      reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}; its last line, a row number alone, begins a row that is cut: the rest of the schedule is missing`,
      schedule: ctx.name,
    };
  if (cutLine !== null) {
    const pendingName = s.name !== null && !s.name.done && s.name.held.length === 0 ? s.name.text : null;
    s = { ...s, row: null, name: pendingName !== null ? null : s.name, phase: 'rows' };
    cutAt = {
      fact: 'text',
      line: cutLine.no,
      reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}; its last line ("${cutLine.trimmed.slice(0, 60)}") is cut and was not read${pendingName !== null ? `, nor "${pendingName}" before it` : ''}: the rest of the schedule is missing`,
      schedule: ctx.name,
    };
  }
  if (s.phase !== 'closed' && s.classRow !== null) s = finishClassRow(s, ctx);
  // a name still pending under the list's Registrant heading is a portfolio under it
  if (cutAt === null && (s.name === null || s.name.done)) listHeadsNothing(s, ctx);
  const lastNo = lines[Math.max(0, Math.min(i, lines.length) - 1)]?.no ?? 1;
  let cut: Gap | null = cutAt;
  const endedWithDocument = i >= lines.length && s.phase !== 'closed';
  // an EDGAR <TABLE> never closed, or a quote never closed: the document stops inside
  // the document stops inside the footnote under the table: every row is whole, and what is lost
  // (the footnote's last words, the closing clause) is the document's after its schedule, as when
  // it stops in "All other terms …" (said in a warning)
  const endedInFootnote = endedWithDocument && cut === null && s.phase === 'footnote' && s.row === null;
  // a schedule filed on its own whose last footnote's sentence is done ("… attributed to its Class R
  // Shares."): the document ends where it does, nothing of it is missing
  // a footnote ends with its sentence — or with the schedule's date after it (Victory's "… its Class
  // R Shares. As of March 29, 2024"), which is the schedule's last line, not a cut
  const lastNote = s.footnotes[s.footnotes.length - 1] ?? '';
  const footnoteDone =
    !s.quoteOpen &&
    (/[.]$/.test(lastNote) || isScheduleDateLine(/\.\s+([^.]*)$/.exec(lastNote)?.[1]?.trim() ?? ''));
  if (endedWithDocument && cut === null && (s.quoteOpen || s.row !== null || tableOpen)) {
    if (endedInFootnote) {
      // read as it stands
    } else {
      cut = {
        fact: 'text',
        line: lastNo,
        reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}: the rest of the schedule is missing`,
        schedule: ctx.name,
      };
    }
  }
  if (endedWithDocument && cut === null && s.phase === 'heading')
    cut = {
      fact: 'text',
      line: lastNo,
      reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}, in its column headings: the rest of the schedule is missing`,
      schedule: ctx.name,
    };
  const classesOnly = s.row !== null && s.row.values.length === 0 && !hasRateColumns(s) && s.name !== null;
  if (s.phase !== 'closed' && s.row !== null && cut === null && !classesOnly)
    fail(ctx, s.row.line, `the row has ${s.row.values.length} of its ${needed(s, s.row)} rates`);
  const pending = s.name;
  if (
    endedWithDocument &&
    s.row === null &&
    pending !== null &&
    !pending.done &&
    pending.held.length === 0 &&
    s.listRates.length === 0 &&
    (s.columns?.rates.length ?? 0) > 0
  ) {
    // the document stops after a name and before its rates ("AIM Weingarten"): it is cut there
    s = { ...s, name: null };
    cut = {
      fact: 'text',
      line: lastNo,
      reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}, at "${pending.text}" before its rates: the rest of the schedule is missing`,
      schedule: ctx.name,
    };
  }
  if (s.phase !== 'closed' && (s.row === null || classesOnly)) s = finishName(s, ctx);
  if (!endedWithDocument) headsNothing(s, ctx);
  if (endedWithDocument) {
    // a list the document stops inside: its last line is cut mid-name ("Virtus Core Bond Fu") and
    // is no portfolio — the schedule is read only in part
    const last = lastContentLine(lines, start, i);
    // Pioneer Appendix B "Trust | Fund": the fund is the line's last cell ("Pioneer Series Trust
    // II   Pioneer AMT-Free Mun")
    const cells = last === null ? [] : last.trimmed.split(/\t+|\s{3,}/);
    const lastText = s.columns?.registrantColumn && cells.length === 2 ? cells[1]! : last?.trimmed;
    const item = lastText === undefined ? null : scheduleItem(lastText);
    const fragment = item?.kind === 'name' && !nameComplete(item.text) ? item.text : null;
    let kept = s.entries.length;
    while (kept > 0 && fragment !== null && s.entries.get(kept - 1)!.portfolio === fragment) kept--;
    // "AIM Dent Demographic Trends Fund –" / "Cl": the name's classes are what was cut
    const due = s.classesDue;
    if (kept < s.entries.length && due !== null && due < kept) {
      const named = s.entries.slice(due, kept).map((e) => e.portfolio);
      if (named.every((p) => p === named[0])) kept = due;
    }
    // a fund-and-adoption-date list that stops after a fund's name, before its date: cut there
    const lastEntry = s.entries.last();
    if (
      fragment === null &&
      cut === null &&
      item?.kind === 'name' &&
      lastEntry?.portfolio === item.text &&
      last !== null &&
      scheduleItem(lastContentLine(lines, start, last.index)?.trimmed ?? '').kind === 'date'
    )
      cut = {
        fact: 'text',
        line: last!.no,
        reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}, at "${item.text}" before its adoption date: the rest of the schedule may be missing`,
        schedule: ctx.name,
      };
    // a table that prints each rate's "%" in a cell of its own ("0.25 | %"): a document that stops
    // on a rate without its "%" stops inside that row's cells — the rest of the table is cut
    if (
      cut === null &&
      fragment === null &&
      last !== null &&
      item?.kind === 'rate' &&
      // a number: "NONE" ends a row as it stands, with no "%" of its own
      /\d/.test(last.trimmed) &&
      !last.trimmed.includes('%')
    ) {
      const cellItem = (j: number) => scheduleItem(lines[j]!.trimmed.replace(/^\|/, '').trim()).kind;
      let split = 0;
      for (let j = start; j < last.index; j++) {
        if (lines[j]!.trimmed.includes('%') || cellItem(j) !== 'rate') continue;
        const after = nextContentLine(lines, j + 1, last.index + 1);
        if (after !== null && cellItem(after) === 'percent') split++;
      }
      if (split >= 2)
        cut = {
          fact: 'text',
          line: last.no,
          reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}, on a rate ("${last.trimmed.replace(/^\|/, '').trim()}") without the "%" cell printed after the rates above it: the rest of the schedule is missing`,
          schedule: ctx.name,
        };
    }
    // a table that prints each rate with its "%" in the rate's own cell ("|0.75%", Neuberger Berman's
    // Schedule A): a document that stops on a rate without it ("|0.25") stops inside that cell — the
    // rest of the table is cut (the rate's digits are read as they stand, as above)
    if (
      cut === null &&
      fragment === null &&
      last !== null &&
      item?.kind === 'rate' &&
      /\d/.test(last.trimmed) &&
      !last.trimmed.includes('%') &&
      everyRateAboveHasItsPercent(lines, start, last.index)
    )
      cut = {
        fact: 'text',
        line: last.no,
        reason: `the document ends inside ${ctx.name} after ${entriesCounted(s.entries.length)}, on a rate ("${last.trimmed.replace(/^\|/, '').trim()}") without the "%" printed with every rate above it: the rest of the schedule is missing`,
        schedule: ctx.name,
      };
    if (fragment !== null && kept < s.entries.length) {
      s = { ...s, entries: s.entries.take(kept) };
      cut = {
        fact: 'text',
        line: last!.no,
        reason: `the document ends inside ${ctx.name} after ${entriesCounted(kept)}, its last line ("${fragment}") cut mid-name: the rest of the schedule is missing`,
        schedule: ctx.name,
      };
    }
  }
  // the footnotes printed after the closing quote mark and the table ("(1) The Asset-Based Sales
  // Charge …"), whose marks the schedule carries: the schedule's footnotes
  if (s.phase === 'closed' && !s.quoteOpen && cut === null && closedOnQuote(lines, start, i))
    for (let note = footnoteAfterQuote(lines, start, i, stop); note !== null; ) {
      s = { ...s, footnotes: [...s.footnotes, note.text] };
      i = note.end;
      note = footnoteAfterQuote(lines, start, i, stop);
    }
  const merged = mergedTables(s.entries.toArray());
  let entries = merged.entries;
  if (cut !== null && merged.second) {
    // a distribution-fee table and a service-fee table over the same funds, the document cut inside
    // the second: the first table's funds after the last one the second reached have lost their
    // other rate with the cut — no whole entry, and none is read (SPEC §2.1: read only in part)
    entries = entries.slice(0, entries.length - merged.unreached);
    const whole = entries.length === 1 ? '1 whole entry' : `${entries.length} whole entries`;
    cut = {
      ...cut,
      reason: cut.reason.replace(
        `after ${entriesCounted(s.entries.length)}`,
        `after ${whole} of its two tables`,
      ),
    };
  }
  if (s.listRates.length > 0 && s.name === null && s.entries.length === 0 && cut === null) {
    // Schedule B "Class | Distribution / R | 0.25": rates for each fund of the list schedule
    if (ctx.listSchedule === null)
      fail(
        ctx,
        s.listRates[0]!.line,
        `rates for class ${s.listRates[0]!.classes.join(', ')} name no portfolio`,
      );
    const portfolio = `(each fund on ${ctx.listSchedule})`;
    const listed = s.entries.length === 0;
    if (listed)
      entries = s.listRates.flatMap((r) => entriesOf({ ...s, registrant: null }, ctx, portfolio, r.line, r));
  }
  if (entries.length === 0 && cut === null)
    throw new ExhibitParseError(ctx.file, lines[start - 1]?.no ?? 1, `${ctx.name} lists no portfolios`);
  const currentColumn = s.columns?.rates.includes('currentFee') === true;
  const commissionColumn = s.columns?.rates.includes('salesCommission') === true;
  return {
    name: ctx.name,
    warnings: [
      ...(endedInFootnote && !footnoteDone
        ? [
            `the document ends inside the footnote of ${ctx.name} (line ${lastNo}); its rows are whole and are read, the rest of the document is missing`,
          ]
        : []),
      ...(currentColumn
        ? [
            `${ctx.name} also states each fund's current approved fee; only the maximum is read as the schedule's rate (record current rates apart)`,
          ]
        : []),
      ...((s.upTo?.current.length ?? 0) > 0
        ? [
            `${ctx.name} also states the fee authorized now (${s.upTo!.current.map((c) => `${c}%`).join(', ')}) below the maximum its rate line states; only the maximum is read as the schedule's rate (record current rates apart)`,
          ]
        : []),
      ...(s.columns?.unnamedColumns === true
        ? [
            `${ctx.name}'s three rate columns are headed only "Maximum Fee": read in the order of every AIM/Invesco schedule, as the asset-based sales charge, the service fee and the aggregate fee`,
          ]
        : []),
      ...(commissionColumn
        ? [
            `${ctx.name} states each fund's sales commission, a percentage of sales and no annual rate: it is not read as a fee (the Plan's body states the rate)`,
          ]
        : []),
      ...oneCompensationTwoFees(ctx.name, lines, start, s.columns, entries),
    ],
    entries,
    footnotes: s.footnotes,
    titleRegistrant: s.titleRegistrant,
    cut,
    start,
    end: i,
    endedWithDocument,
    endedInFootnote,
    renames: s.renames,
  };
}
