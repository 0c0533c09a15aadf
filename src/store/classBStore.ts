/**
 * @deprecated the Class B store is now three repositories: classBRepository.ts (accounts,
 * transactions, redemptions), distributorTermsRepository.ts and classBTermsRepository.ts. This
 * module only re-exports them so that code written against the old name keeps compiling.
 */
export * from './classBRepository.js';
export * from './classBTermsRepository.js';
export * from './distributorTermsRepository.js';
