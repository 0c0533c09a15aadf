export * from './cents.js';
export * from './largestRemainder.js';
export * from './rate.js';
