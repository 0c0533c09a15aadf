/**
 * The six kinds of service provider the Plan lets the Distributor contract with, each under the
 * form of agreement attached to the Plan as one of Exhibits A–F (Plan §4(b)–(g)).
 */
export const SERVICE_PROVIDER_KINDS = {
  dealer: { exhibit: 'A', planSection: '§4(b)', agreement: 'Service Agreement (Dealers)' },
  bank: { exhibit: 'B', planSection: '§4(c)', agreement: 'Bank Shareholder Service Agreement' },
  'variable-contract-company': {
    exhibit: 'C',
    planSection: '§4(d)',
    agreement: 'Variable Group Annuity Contractholder Service Agreement',
  },
  'retirement-plan-provider': {
    exhibit: 'D',
    planSection: '§4(e)',
    agreement: 'Agency Pricing Agreement (Retirement Plan Providers)',
  },
  'bank-trust-department': {
    exhibit: 'E',
    planSection: '§4(f)',
    agreement: 'Shareholder Service Agreement (Bank Trust Departments and their Brokers)',
  },
  'distributor-principal': {
    exhibit: 'F',
    planSection: '§4(g)',
    agreement: 'Shareholder Service Agreement (Distributors acting as principal)',
  },
} as const;

export type ServiceProviderKind = keyof typeof SERVICE_PROVIDER_KINDS;

export const SERVICE_PROVIDER_KIND_NAMES = Object.keys(SERVICE_PROVIDER_KINDS) as ServiceProviderKind[];

/** @example isServiceProviderKind('bank') === true; isServiceProviderKind('broker') === false */
export function isServiceProviderKind(value: string): value is ServiceProviderKind {
  return Object.hasOwn(SERVICE_PROVIDER_KINDS, value);
}
