/**
 * A row whose `date` columns are selected as `to_char(column, 'YYYY-MM-DD')`: each is the calendar date as text
 * (pg would otherwise parse a `date` into a Date at local midnight, a day off west of UTC). A nullable column stays
 * nullable.
 */
export type DatesAsText<Row, Columns extends keyof Row> = Omit<Row, Columns> & {
  [K in Columns]: Exclude<Row[K], Date> | string;
};
