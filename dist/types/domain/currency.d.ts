import { type Verdict } from './problem.js';
export declare const isCurrencyCode: (value: string) => boolean;
/** Currency as the CSV carries it: an ISO 4217 code in capitals. */
export declare function currencyVerdict(value: string): Verdict;
/** The clean version of a currency a CRM sends: `rub` → `RUB`; null when it is no ISO 4217 code in any case. */
export declare function normalizeCurrency(value: string): string | null;
