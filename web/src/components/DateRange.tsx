import { DateInput } from './DateInput';

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
        From <DateInput type="date" name="from" value={props.from} onValue={props.onFrom} />
      </label>
      <label>
        To <DateInput type="date" name="to" value={props.to} onValue={props.onTo} />
      </label>
    </>
  );
}
