import { EntitySchema } from 'typeorm';

/** A row of `notification_cursor` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface NotificationCursorRow {
  id: number;
  last_seq: string;
}

export const NotificationCursorEntity = new EntitySchema<NotificationCursorRow>({
  name: 'notification_cursor',
  tableName: 'notification_cursor',
  columns: {
    id: { type: 'smallint', primary: true, nullable: false },
    last_seq: { type: 'bigint', nullable: false },
  },
});
