import { expected, type Verdict } from './problem.js';

/** Active ISO 4217 codes (2024 list, funds and metals included; XTS and XXX are not currencies). */
const ISO_4217 = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
    'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
    'NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS ' +
    'SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND ' +
    'VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

export const isCurrencyCode = (value: string): boolean => ISO_4217.has(value);

/** Currency as the CSV carries it: an ISO 4217 code in capitals. */
export function currencyVerdict(value: string): Verdict {
  if (ISO_4217.has(value)) return null;
  const upper = ISO_4217.has(value.toUpperCase()) ? `write it in capitals: ${value.toUpperCase()}` : undefined;
  return expected('a three-letter ISO 4217 code such as RUB', upper);
}

/** The clean version of a currency a CRM sends: `rub` → `RUB`; null when it is no ISO 4217 code in any case. */
export function normalizeCurrency(value: string): string | null {
  const upper = value.trim().toUpperCase();
  return ISO_4217.has(upper) ? upper : null;
}
