/** The From / To date pickers of a page that reports over a range of days. */
export function DateRange(props: {
  readonly from: string;
  readonly to: string;
  readonly onFrom: (date: string) => void;
  readonly onTo: (date: string) => void;
}) {
  return (
    <>
      <label>
        From{' '}
        <input
          type="date"
          name="from"
          value={props.from}
          onChange={(e) => e.target.value && props.onFrom(e.target.value)}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          name="to"
          value={props.to}
          onChange={(e) => e.target.value && props.onTo(e.target.value)}
        />
      </label>
    </>
  );
}
