/**
 * Screens a person only looks at — the menu, a list, a need's overview: a notice that is also a
 * question (an alert, an order to accept, quotes to choose from) may move the conversation from
 * one of them to its question. Anywhere else the person is answering something and stays.
 * (test/unit/flows/resting.test.ts checks that each is a flow that collects no answers.)
 */
export const RESTING_FLOWS = [
  'menu',
  'my_needs',
  'officer_orders',
  'open_tenders',
  'my_quotes',
  'my_orders',
  'need_view',
] as const;
