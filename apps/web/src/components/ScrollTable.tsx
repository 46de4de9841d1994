import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/**
 * A table that scrolls sideways when the screen is narrower than `minWidth` (a phone): the scrolling box
 * takes the keyboard focus, so it can be scrolled without a pointer (axe `scrollable-region-focusable`).
 */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0}>
      {children}
    </Table.ScrollContainer>
  );
}
