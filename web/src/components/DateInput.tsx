import { useEffect, useState } from 'react';

/** A whole date or month as the field gives it, its year written in full (1990–2100 are plan12b's years). */
const WHOLE = { date: /^[1-9]\d{3}-\d{2}-\d{2}$/, month: /^[1-9]\d{3}-\d{2}$/ } as const;

/**
 * A date (or month) field that a person can type into. The page hears only a whole value; what is
 * being typed stays in the field meanwhile. Bound straight to the page's value, the field was put
 * back at each keystroke that left it no whole date: typing 04/01/2025 over 03/31/2025 gave
 * "April 31" (no date), the field went back to 03/31 and the rest of the keys landed in the wrong
 * parts — a keyboard could not reach April 1 (WCAG 2.1.1). A year typed digit by digit ("2",
 * "20", "202") is not heard either: each was asked of the server, and refused, on the way.
 */
export function DateInput(props: {
  readonly type: 'date' | 'month';
  readonly name: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
}) {
  const { type, name, value, onValue } = props;
  const [draft, setDraft] = useState(value);
  // the page's value changed from elsewhere (a link, back and forward): the field shows it
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      type={type}
      name={name}
      value={draft}
      onChange={(e) => {
        const v = e.target.value;
        setDraft(v);
        if (WHOLE[type].test(v) && v !== value) onValue(v);
      }}
    />
  );
}
