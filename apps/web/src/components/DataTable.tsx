import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { ScrollTable } from './ScrollTable';

export interface Column<Row> {
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** This column names the row (a `th scope="row"`), so a screen reader reads each cell with it. */
  rowHeader?: boolean;
  /** Numbers: right-aligned. */
  numeric?: boolean;
}

/**
 * A captioned table with column headers, scrolling sideways in a focusable box when the screen is narrower
 * than `minWidth`: the one table block every console page uses (lists, previews, post-financing records).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  minWidth = 560,
  rowProps,
}: {
  caption: string;
  columns: Array<Column<Row>>;
  rows: readonly Row[];
  rowKey(row: Row): string;
  minWidth?: number;
  rowProps?(row: Row): Record<string, string | undefined>;
}) {
  return (
    <ScrollTable minWidth={minWidth}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index} scope="col" ta={column.numeric ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <Table.Th key={index} scope="row" fw={500}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} ta={column.numeric ? 'right' : undefined}>
                    {column.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
