/** The roles a console user may hold (api.md, portfolio.md's `partner`): its own module, free of React. */
export type Role = 'sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner';
