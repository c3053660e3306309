// The corpus files' sources: every URL they cite is on an original publisher's host, except the
// secondaries named below, each kept for a figure or fact no original read gives and labelled
// "secondary" where the file cites it (test/corpus/real/README.md lists them).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusFiles } from './corpus';
import { COPY_SITES, isOriginalUrl } from '../original-hosts';

/** The secondaries the corpus still cites, with why no original replaces them. */
const SECONDARIES: Record<string, string> = {
  'http://en.people.cn/n3/2024/0313/c90000-20144300.html':
    "Xinhua's list of the 2024 report's nine targets, reprinted by People's Daily; the State Council's full text was not found",
  'https://big5.cctv.com/gate/big5/english.cctv.cn/2024/03/05/ARTIJzq35KQFbtVAMR4O7ckW240305.shtml':
    "Xinhua's report of the 2024 report's review of 2023; the full text was not found",
  'http://en.people.cn/n3/2024/0301/c90000-20139195.html': "Xinhua's factbox of the NBS grain output; the NBS communique was not found",
  'http://en.people.cn/n3/2025/0312/c90000-20288180.html':
    "Xinhua's report of the NPC's 2025 session approving the report on the 2024 plan's implementation; the NPC's own record was not found",
  'https://www.capitalfm.co.ke/news/2025/03/graphics-key-figures-in-chinas-2025-government-work-report/':
    "Xinhua's summary of the 2025 report (2024 GDP growth); the official text was not found",
  'https://www.nzherald.co.nz/nz/news/article.cfm?c_id=1&objectid=10815417': 'the 2011 early childhood education figure, in no government page read',
  'https://www.rnz.co.nz/news/political/326506/govt-likely-to-miss-violent-crime-target':
    'figures of the March 2017 progress report, which was not found',
  'http://www.poverty.org.uk/summary/psa.shtml': 'the PSA 2 national targets and lead department; the Delivery Agreement was not found',
  'http://www.theguardian.com/education/2008/feb/28/furthereducation.uk': "DIUS's 2007 level 2 and 3 figures as reported; DIUS's release was not found",
  'https://www.theguardian.com/uk/2007/oct/10/economy.immigrationpolicy': 'the 110 targets replaced and the lead secretary of state, in no original read',
  'https://www.equallyours.org.uk/department-for-education-child-poverty-in-the-uk-the-report-on-the-2010-target/':
    "the 2012 report's figures as summarised; the report's PDF on gov.uk was not opened",
  'https://schoolsweek.co.uk/department-education-performance-measures-targets-schools/':
    "which metrics DfE's plan names and drops; only the plan's foreword was read",
  'https://www.instituteforgovernment.org.uk/publication/report/outcome-delivery-plans': "that the 2022-23 plans were not published; the minister's letter was not found",
  'https://ok504coc.wixsite.com/website/post/fy-2024-and-2025-notice-of-funding-opportunity': "the HUD plan's objective letters; the plan's PDF was not found",
  'https://nlihc.org/resource/hud-releases-2022-2026-strategic-plan': "the HUD plan's release date, on no HUD page found",
  'https://federalist-5232e959-9997-4f27-a482-3c19a3c9590f.sites.pages.cloud.gov/preview/gsa/interimperformance-dot-gov-2018/hr-dashboard-test/agencies/DOT/apg/goal-3':
    "the DOT core-assets goal's leaders, from a preview build of performance.gov's goal page; the live page was not found",
  'https://federalist-5232e959-9997-4f27-a482-3c19a3c9590f.sites.pages.cloud.gov/preview/gsa/interimperformance-dot-gov-2018/august-pma-release/agencies/hud/apg/goal-3':
    "the HUD homeownership priority goal's leader, from a preview build of performance.gov's goal page; the live page was not found",
};

interface Citation {
  file: string;
  url: string;
  /** The source entry's text up to the URL: a header entry from its [KEY], or the one line. */
  before: string;
}

const URL_PATTERN = /https?:\/\/[^\s)'"]+/g;

/** Every URL a corpus file cites, with the text of its source entry that leads up to it. */
function citations(file: string): Citation[] {
  const found: Citation[] = [];
  const add = (text: string) => {
    for (const m of text.matchAll(URL_PATTERN)) found.push({ file, url: m[0].replace(/[.,;:]$/, ''), before: text.slice(0, m.index) });
  };
  let entry: string[] = [];
  const close = () => {
    if (entry.length) add(entry.join('\n'));
    entry = [];
  };
  for (const line of readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n')) {
    if (/^#\s*\[[A-Z0-9]+\]/.test(line)) {
      close();
      entry = [line];
    } else if (entry.length && /^#\s{2,}\S/.test(line)) entry.push(line);
    else {
      close();
      add(line);
    }
  }
  close();
  return found;
}

describe('corpus: sources', () => {
  const cited = corpusFiles().flatMap(citations);

  it('finds the cited URLs of every file', () => {
    for (const f of corpusFiles()) assert.ok(cited.some((c) => c.file === f), `${f} cites no URL`);
  });

  it('every cited URL is an original, or a named secondary', () => {
    const bad = cited.filter((c) => !isOriginalUrl(c.url) && !(c.url in SECONDARIES)).map((c) => `${c.file}: ${c.url}`);
    assert.deepEqual(bad, []);
  });

  it('no cited URL is a copy site', () => {
    assert.deepEqual(
      cited.filter((c) => COPY_SITES.test(c.url)).map((c) => `${c.file}: ${c.url}`),
      [],
    );
  });

  it('every named secondary is still cited, and labelled "secondary" where it is', () => {
    for (const [url, reason] of Object.entries(SECONDARIES)) {
      assert.ok(reason.length > 20, `${url}: reason`);
      const uses = cited.filter((c) => c.url === url);
      assert.ok(uses.length > 0, `${url} is no longer cited: drop it from the list`);
      for (const c of uses) assert.match(c.before, /secondary/, `${c.file}: ${url} is not labelled secondary`);
    }
  });

  it('the host check tells originals from copies', () => {
    assert.equal(isOriginalUrl('https://www.readkong.com/page/psa-delivery-agreement-9-6458125'), false);
    assert.equal(isOriginalUrl('https://law.onecle.com/uscode/31/1121.html'), false);
    assert.equal(isOriginalUrl('https://ok504coc.wixsite.com/website/post/x'), false);
    assert.equal(isOriginalUrl('https://hansard.parliament.uk/Commons/2007-10-17/debates/x'), true);
    assert.equal(isOriginalUrl('https://english.www.gov.cn/news/x'), true);
    assert.equal(isOriginalUrl('https://www.hud.gov/x'), true);
    assert.equal(isOriginalUrl('https://staging.performance.gov/agencies/dot/apg/fy-22-23'), true);
  });
});
