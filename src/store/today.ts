/** Today's date (UTC), the day continuance is judged on. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
