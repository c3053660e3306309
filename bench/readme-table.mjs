// The README's speed table is the goals table of bench/RESULTS.md, copied between two markers
// so that every number in it comes from one whole run (a test checks they agree).
export const START = '<!-- bench:goals (copied from bench/RESULTS.md by npm run bench) -->';
export const END = '<!-- /bench:goals -->';

/** The run line and the goals table of a RESULTS.md page. */
export function goalsSection(resultsMd) {
  const runLine = resultsMd.split('\n').find((l) => l.startsWith('Every number on this page comes from one run'));
  const goals = /## Goals[^\n]*\n\n((?:\|[^\n]*\n)+)/.exec(resultsMd);
  if (!runLine || !goals) throw new Error('bench/RESULTS.md has no run line or goals table');
  return `${runLine.replace('on this page', 'in this table')}\n\n${goals[1]}`;
}

/** The README with the section between the markers replaced by the goals of resultsMd. */
export function withGoals(readme, resultsMd) {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} ... ${END} section`);
  return `${readme.slice(0, from + START.length)}\n${goalsSection(resultsMd)}${readme.slice(to)}`;
}
