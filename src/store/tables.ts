/**
 * The tables of the store, declared once: generated from the migrated schema by kysely-codegen
 * (`npm run db:types`); do not edit by hand. Repositories type their queries with these.
 */

import type { ColumnType } from 'kysely';

export type ArrayType<T> = ArrayTypeImpl<T> extends (infer U)[] ? U[] : ArrayTypeImpl<T>;

export type ArrayTypeImpl<T> =
  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];

export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U>
    ? ColumnType<S, I | undefined, U>
    : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Numeric = ColumnType<string, number | string, number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ApiToken {
  created_at: Generated<Timestamp>;
  created_by: string;
  name: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  role: string;
  token_hash: string;
}

export interface Approval {
  approved: boolean;
  approved_name: string;
  body: string;
  called_for_purpose: boolean | null;
  class: string | null;
  disinterested_absent: number | null;
  disinterested_against: number | null;
  disinterested_for: number | null;
  document_id: string | null;
  id: string;
  import_id: number;
  in_person: boolean | null;
  instrument_key: string | null;
  instrument_document_ids: string[] | null;
  meeting_date: string;
  outcome: string;
  portfolio_id: string | null;
  portfolio_name: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  shares_for: Numeric | null;
  shares_outstanding: Numeric | null;
  shares_present: Numeric | null;
  subject: string;
  trustees_absent: number | null;
  trustees_against: number | null;
  trustees_for: number | null;
}

export interface AuditLog {
  action: string;
  actor: string;
  at: string;
  content_hash: string;
  detail: string;
  hash: string;
  prev_hash: string;
  seq: Int8;
  subject: string;
}

export interface BoardRate {
  class: string;
  distribution_fee_pct: Numeric | null;
  effective_date: string;
  portfolio_name: string;
  reason: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  service_fee_pct: Numeric | null;
}

export interface ClassBAccount {
  account: string;
  account_key: Generated<number>;
  dealer_of_record: string | null;
  import_id: number;
  omnibus: boolean;
}

export interface ClassBDistributorTerm {
  distributor: string;
  end_date: string | null;
  id: Generated<number>;
  import_id: number;
  portfolio_id: string | null;
  portfolio_name: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  rights_assigned_to: string | null;
  start_date: string;
}

export interface ClassBLedgerLastHeld {
  account_key: number;
  as_of: string;
  doi_epoch_day: number | null;
  issuing_portfolio_key: number | null;
  portfolio_key: number | null;
  share_units: Int8 | null;
}

export interface ClassBLedgerPortfolio {
  portfolio_id: string;
  portfolio_key: number;
}

export interface ClassBLedgerState {
  account_key: number;
  allowance_portfolio_key: string;
  allowance_units: string;
  allowance_used_units: string;
  allowance_year: string;
  as_of: string;
  lot_arrival: string;
  lot_cost_cents: string;
  lot_doi_epoch_day: string;
  lot_free: string;
  lot_issuing_portfolio_key: string;
  lot_origin_txn_id: string;
  lot_portfolio_key: string;
  lot_sequence: string;
  lot_share_units: string;
  next_arrival: number;
  next_sequence: number;
}

export interface ClassBLedgerStateArrays {
  account_key: number | null;
  allowance_portfolio_key: number[] | null;
  allowance_units: ArrayType<Int8> | null;
  allowance_used_units: ArrayType<Int8> | null;
  allowance_year: number[] | null;
  as_of: string | null;
  lot_arrival: number[] | null;
  lot_cost_cents: ArrayType<Int8> | null;
  lot_doi_epoch_day: number[] | null;
  lot_free: boolean[] | null;
  lot_issuing_portfolio_key: number[] | null;
  lot_origin_txn_id: string[] | null;
  lot_portfolio_key: number[] | null;
  lot_sequence: number[] | null;
  lot_share_units: ArrayType<Int8> | null;
  next_arrival: number | null;
  next_sequence: number | null;
}

export interface ClassBLedgerStateMonth {
  accounts: number;
  as_of: string;
  bootstrapped: boolean;
  lots: Int8;
  written_at: Generated<Timestamp>;
}

export interface ClassBLotAttribution {
  account_key: number;
  attribution: string;
  origin_txn_id: string;
}

export interface ClassBRedemption {
  account: string;
  cdsc: Numeric;
  cdsc_waived: Numeric;
  date: string;
  gross: Numeric;
  net: Numeric;
  portfolio_id: string;
  price: Numeric;
  redemption_fee: Numeric;
  shares: Numeric;
  txn_id: string;
  waiver: string | null;
}

export interface ClassBRedemptionPiece {
  base: Numeric;
  cdsc: Numeric;
  cdsc_waived: Numeric;
  cost: Numeric;
  doi: string;
  issuing_portfolio_id: string;
  kind: string;
  lot_id: string;
  piece: number;
  rate_pct: Numeric;
  shares: Numeric;
  txn_id: string;
}

export interface ClassBTermsRule {
  cdsc_schedule_pct: string | null;
  conversion_years: number | null;
  doi_from: string | null;
  doi_to: string | null;
  id: Generated<number>;
  import_id: number;
  portfolio_id: string | null;
  portfolio_name: string | null;
  redemption_fee_days: number | null;
  redemption_fee_pct: Numeric | null;
  rule: string;
}

export interface ClassBTransaction {
  account: string;
  attributed_distributor: string | null;
  class: string;
  date: string;
  derived_from_doi: string | null;
  exchange_id: string | null;
  import_id: number;
  portfolio_id: string;
  portfolio_name: string;
  price: Numeric | null;
  seq: Generated<Int8>;
  shares: Numeric;
  txn_id: string;
  type: string;
  waiver: string | null;
}

export interface ClosedMonth {
  audit_seq: Int8 | null;
  chain_hash: string | null;
  chain_seq: Int8 | null;
  closed_at: Generated<Timestamp>;
  closed_by: string;
  inputs_digest: string | null;
  month: string;
  results_hash: string | null;
}

export interface CloseResult {
  content: Json;
  content_hash: string;
  month: string;
  part: string;
}

export interface ExhibitAHoldings {
  basis_hash: string;
  date: string;
  omnibus: string;
  others: string;
  portfolio_id: string;
}

export interface ExhibitDocument {
  byte_length: number;
  effective_date: string;
  file_name: string;
  id: string;
  imported_at: Generated<Timestamp>;
  imported_by: string;
  kind: string;
  parsed: Json;
  title: string;
}

export interface ExhibitStatement {
  amends: string;
  document_id: string;
  stated_at: Generated<Timestamp>;
  stated_by: string;
}

export interface ExhibitWithdrawal {
  document_id: string;
  reason: string;
  withdrawn_at: Generated<Timestamp>;
  withdrawn_by: string;
}

export interface ExhibitWithdrawalRestatement {
  adjusted_in: string | null;
  closed_month: string;
  document_id: string;
  id: Generated<Int8>;
}

export interface FeedImport {
  audit_seq: Int8 | null;
  content_hash: string;
  feed: string;
  file_name: string;
  id: Generated<number>;
  imported_at: Generated<Timestamp>;
  imported_by: string;
  inserted: number;
  restated: number;
  rows: number;
}

export interface FinraGrossSales {
  class: string;
  deferred_sales_charges: Numeric | null;
  front_end_sales_charges: Generated<Numeric>;
  gross_sales: Numeric;
  import_id: number;
  month: string;
  portfolio_id: string;
  recorded_by: string;
}

export interface NetAssets {
  class: string;
  date: string;
  import_id: number;
  net_assets: Numeric;
  portfolio_id: string;
  portfolio_name: string;
}

export interface NetAssetsRestatement {
  adjusted_in: string | null;
  class: string;
  closed_month: string | null;
  date: string;
  id: Generated<number>;
  import_id: number;
  new_net_assets: Numeric;
  old_net_assets: Numeric;
  portfolio_id: string;
  restated_at: Generated<Timestamp>;
  restated_by: string;
}

export interface OmnibusMonth {
  account: string;
  free_shares_issued: Numeric;
  free_shares_outstanding: Numeric;
  free_shares_redeemed: Numeric;
  import_id: number;
  month: string;
  portfolio_id: string;
  portfolio_name: string;
}

export interface PlanExpenditure {
  amount: Numeric;
  class: string;
  description: Generated<string>;
  import_id: number;
  period: string;
  period_end: string;
  period_start: string;
  portfolio_id: string;
  purpose: string;
  recorded_by: string;
}

export interface PortfolioName {
  name: string;
  name_key: string;
  portfolio_id: string;
}

export interface PrimeRate {
  effective_date: string;
  import_id: number;
  rate_pct: Numeric;
  recorded_by: string;
  source: string | null;
}

export interface ProviderAssets {
  class: string;
  date: string;
  import_id: number;
  net_assets: Numeric;
  portfolio_id: string;
  portfolio_name: string;
  provider_id: string;
}

export interface ProviderAssetsRestatement {
  adjusted_in: string | null;
  class: string;
  closed_month: string | null;
  date: string;
  id: Generated<number>;
  import_id: number;
  new_net_assets: Numeric;
  old_net_assets: Numeric;
  portfolio_id: string;
  provider_id: string;
  restated_at: Generated<Timestamp>;
  restated_by: string;
}

export interface SchemaMigration {
  applied_at: Generated<Timestamp>;
  name: string;
  version: number;
}

export interface ServiceAgreementEvent {
  assigned_to: string | null;
  cause: string | null;
  effective_date: string;
  event: string;
  id: Generated<number>;
  notice_date: string | null;
  provider_id: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  source: string;
}

export interface ServiceProvider {
  agreement_date: string;
  id: string;
  import_id: number;
  kind: string;
  name: string;
  own_rate_pct: Numeric | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
}

export interface Setting {
  key: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  value: string;
}

export interface Termination {
  class: string | null;
  effective_date: string;
  id: string;
  import_id: number | null;
  instrument: string;
  notice_date: string | null;
  portfolio_id: string | null;
  portfolio_name: string | null;
  reason: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  voted_by: string;
}

export interface Transfer {
  address: string | null;
  assignee: string | null;
  cdsc_portion_pct: Numeric | null;
  depository_agent: string | null;
  doi_from: string | null;
  doi_to: string | null;
  effective_date: string;
  ends: string | null;
  id: string;
  import_id: number | null;
  notice_by_command: Generated<boolean>;
  notice_received_date: string | null;
  payment: string;
  portfolio_name: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  twelve_b1_portion_pct: Numeric | null;
}

export interface DB {
  api_token: ApiToken;
  approval: Approval;
  audit_log: AuditLog;
  board_rate: BoardRate;
  class_b_account: ClassBAccount;
  class_b_distributor_term: ClassBDistributorTerm;
  class_b_ledger_last_held: ClassBLedgerLastHeld;
  class_b_ledger_portfolio: ClassBLedgerPortfolio;
  class_b_ledger_state: ClassBLedgerState;
  class_b_ledger_state_arrays: ClassBLedgerStateArrays;
  class_b_ledger_state_month: ClassBLedgerStateMonth;
  class_b_lot_attribution: ClassBLotAttribution;
  class_b_redemption: ClassBRedemption;
  class_b_redemption_piece: ClassBRedemptionPiece;
  class_b_terms_rule: ClassBTermsRule;
  class_b_transaction: ClassBTransaction;
  close_result: CloseResult;
  closed_month: ClosedMonth;
  exhibit_a_holdings: ExhibitAHoldings;
  exhibit_document: ExhibitDocument;
  exhibit_statement: ExhibitStatement;
  exhibit_withdrawal: ExhibitWithdrawal;
  exhibit_withdrawal_restatement: ExhibitWithdrawalRestatement;
  feed_import: FeedImport;
  finra_gross_sales: FinraGrossSales;
  net_assets: NetAssets;
  net_assets_restatement: NetAssetsRestatement;
  omnibus_month: OmnibusMonth;
  plan_expenditure: PlanExpenditure;
  portfolio_name: PortfolioName;
  prime_rate: PrimeRate;
  provider_assets: ProviderAssets;
  provider_assets_restatement: ProviderAssetsRestatement;
  schema_migration: SchemaMigration;
  service_agreement_event: ServiceAgreementEvent;
  service_provider: ServiceProvider;
  setting: Setting;
  termination: Termination;
  transfer: Transfer;
}
