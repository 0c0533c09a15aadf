import { isIsoDate, isMonth } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';

export function requireDate(value: string, option: string): string {
  if (!isIsoDate(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a date`,
      'write dates as YYYY-MM-DD',
    );
  return value;
}

export function requireMonth(value: string, option: string): string {
  if (!isMonth(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a month`,
      'write months as YYYY-MM',
    );
  return value;
}

export function requireRate(value: string, option: string): string {
  if (!/^(\d+(\.\d{1,6})?|\.\d{1,6})%?$/.test(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a rate`,
      'write rates in percent per annum, e.g. 0.25',
    );
  return value.replace(/%$/, '');
}
