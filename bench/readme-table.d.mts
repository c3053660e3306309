export const START: string;
export const END: string;
export function goalsSection(resultsMd: string): string;
export function withGoals(readme: string, resultsMd: string): string;
