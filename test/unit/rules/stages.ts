// Two stages for the stage rules (YS302, YS303): the second starts on `second`.
import { HEAD } from './rule-tester';

export const stages = (second: string) => `${HEAD}stages:
  - id: set-up
    period: { start: 2020-04-01, end: 2020-06-30 }   # first quarter
  - id: roll-out
    period: { start: ${second}, end: 2024-03-31 }
`;
