// Calendar dates written YYYY-MM-DD: the schema's `date` format and the rules' date reading
// share this one check. Hand-rolled (no regular expression, no Date): a big framework has tens
// of thousands of dates, each validated once and read by several rules.

/** True when `s` is exactly a real calendar date `YYYY-MM-DD` (the JSON Schema `date` format, as
 * ajv-formats checks it: four-digit year, month 01-12, a day the month has, leap years too). */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** The number written with digits in s[from, to), or -1 if any character is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The formats the generated validators call (scripts/generate-validators.mjs), in the shape
 * ajv-formats gives them. */
export const validatorFormats = { date: { validate: isCalendarDate } };
