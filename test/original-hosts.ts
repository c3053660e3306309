// Where a cited source may live: the hosts of original publishers (governments, parliaments,
// audit offices, official archives, DOIs) and the copy sites that never count. Shared by the
// knowledge test and the corpus test so both hold sources to one list.

/** Hosts that publish originals. A host matches itself and its subdomains. */
export const ORIGINAL_HOSTS = [
  'gov.uk', // gov.uk, legislation.gov.uk, webarchive.nationalarchives.gov.uk, archive.cabinetoffice.gov.uk
  'parliament.uk',
  'nao.org.uk',
  'gao.gov',
  'govinfo.gov',
  'congress.gov',
  'federalregister.gov',
  'performance.gov',
  'hud.gov',
  'va.gov',
  'vaoig.gov',
  'nsf.gov',
  'archives.gov', // NARA: presidential library web archives
  'ncbi.nlm.nih.gov',
  'doi.org',
  'govt.nz', // the New Zealand Government: ministries, agencies and beehive.govt.nz
  'gov.cn', // the State Council of China: english.www.gov.cn
];

/** Paths on a shared official host that count as the original publisher. */
export const ORIGINAL_PREFIXES = ['https://www.whitehouse.gov/omb/'];

/** Sites that hold copies of other publishers' documents. */
export const COPY_SITES =
  /vdocuments|fliphtml5|paperzz|issuhub|studylib|fdocuments|yumpu|docslib|scribd|wikipedia|vlex|justia|onecle|cornell\.edu|everycrsreport|omb\.report|handwiki|rosiecampbell|readkong/;

/** The host of a URL without a leading www. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Whether a URL is on an original publisher's host. */
export function isOriginalUrl(url: string): boolean {
  if (ORIGINAL_PREFIXES.some((p) => url.startsWith(p))) return true;
  const host = hostOf(url);
  return ORIGINAL_HOSTS.some((h) => hostMatches(host, h));
}
