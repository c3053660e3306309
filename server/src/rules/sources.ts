// Sources the lint rules cite: originals only (official, parliamentary, archive, DOI), each with
// a title that names the publisher and year. Several keys share one document: the older keys stay
// so rule files need not change, and point at the original that supports the same point.
// test/unit/knowledge/knowledge.test.ts checks every URL against the list of original hosts.
import type { SourceRef } from '../engine/types';

export const S = {
  bevanHood: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  bevanHoodP521: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538, p. 521 (ratchet, threshold, output distortion; Goodhart)",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  bevanHoodAE: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538, pp. 528-529 (A&E figures)",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  bevanHoodP534: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538, p. 534 (remedies, the audit hole)",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  smith1995: {
    title:
      'Smith (1995), On the unintended consequences of publishing performance data in the public sector, International Journal of Public Administration 18(2-3): 277-310',
    url: 'https://doi.org/10.1080/01900699508525011',
  },
  campbell: {
    title:
      'Campbell (1976), Assessing the impact of planned social change, Occasional Paper 8, Dartmouth College (reprinted in Journal of MultiDisciplinary Evaluation 7(15), 2011)',
    url: 'https://doi.org/10.56645/jmde.v7i15.297',
  },
  strathern: {
    title:
      "Strathern (1997), 'Improving ratings': audit in the British University system, European Review 5(3): 305-321 (Cambridge University Press)",
    url: 'https://doi.org/10.1017/S1062798700002660',
  },
  gpra1993: {
    title:
      'Government Performance and Results Act of 1993, Pub. L. 103-62 (enrolled bill, govinfo.gov; includes 31 USC 1115 and the output and outcome definitions)',
    url: 'https://www.govinfo.gov/content/pkg/BILLS-103s20enr/html/BILLS-103s20enr.htm',
  },
  usc1115: {
    title:
      'Government Performance and Results Act of 1993, Pub. L. 103-62 (enrolled bill, govinfo.gov; includes 31 USC 1115 and the output and outcome definitions)',
    url: 'https://www.govinfo.gov/content/pkg/BILLS-103s20enr/html/BILLS-103s20enr.htm',
  },
  gpramaStatute: {
    title: 'GPRA Modernization Act of 2010, Pub. L. 111-352, 124 Stat. 3866 (govinfo.gov; includes 5 USC 306 and 31 USC 1120-1121)',
    url: 'https://www.govinfo.gov/content/pkg/STATUTE-124/html/STATUTE-124-Pg3866.htm',
  },
  usc306: {
    title: 'GPRA Modernization Act of 2010, Pub. L. 111-352, 124 Stat. 3866 (govinfo.gov; includes 5 USC 306 and 31 USC 1120-1121)',
    url: 'https://www.govinfo.gov/content/pkg/STATUTE-124/html/STATUTE-124-Pg3866.htm',
  },
  usc1121: {
    title: 'GPRA Modernization Act of 2010, Pub. L. 111-352, 124 Stat. 3866 (govinfo.gov; includes 5 USC 306 and 31 USC 1120-1121)',
    url: 'https://www.govinfo.gov/content/pkg/STATUTE-124/html/STATUTE-124-Pg3866.htm',
  },
  performanceGov: { title: 'performance.gov, FAQ', url: 'https://www.performance.gov/faq' },
  gao05927: {
    title: 'GAO-05-927 (2005), Managing for results: enhancing agency use of performance information (govinfo.gov)',
    url: 'https://www.govinfo.gov/content/pkg/GAOREPORTS-GAO-05-927/html/GAOREPORTS-GAO-05-927.htm',
  },
  usc2801: {
    title:
      'Government Performance and Results Act of 1993, Pub. L. 103-62 (enrolled bill, govinfo.gov; includes 31 USC 1115 and the output and outcome definitions)',
    url: 'https://www.govinfo.gov/content/pkg/BILLS-103s20enr/html/BILLS-103s20enr.htm',
  },
  ombPrimer: {
    title: 'OMB (1995), Primer on performance measurement (National Performance Review archive, UNT CyberCemetery)',
    url: 'https://govinfo.library.unt.edu/npr/library/resource/gpraprmr.html',
  },
  naoSecond: {
    title: 'NAO (March 2006), Second validation compendium report: 2003-06 PSA data systems',
    url: 'https://www.nao.org.uk/report/second-validation-compendium-report-2003-06-psa-data-systems/',
  },
  naoThird: {
    title: 'NAO (December 2006), Third validation compendium report (HC 127, 2006-07)',
    url: 'https://www.nao.org.uk/reports/third-validation-compendium-report/',
  },
  naoFourth: {
    title: 'NAO (December 2007), Fourth validation compendium report (HC 22, 2007-08)',
    url: 'https://www.nao.org.uk/reports/fourth-validation-compendium-report/',
  },
  naoDataQuality: {
    title: 'NAO (March 2005), Public Service Agreements: managing data quality, compendium report (HC 476, 2004-05)',
    url: 'https://www.nao.org.uk/reports/public-service-agreements-managing-data-quality-compendium-report/',
  },
  naoSdp: {
    title: 'Institute for Government, Outcome Delivery Plans',
    url: 'https://www.instituteforgovernment.org.uk/publication/report/outcome-delivery-plans',
  },
  pasc2003: {
    title: 'House of Commons Public Administration Select Committee (2003), On Target? Government by Measurement (HC 62)',
    url: 'https://publications.parliament.uk/pa/cm200203/cmselect/cmpubadm/62/6208.htm',
  },
  psaGuidance: {
    title:
      'House of Commons Home Affairs Committee (2005), report HC 320 (2004-05) on Home Office targets, citing the FABRIC criteria for performance information',
    url: 'https://publications.parliament.uk/pa/cm200405/cmselect/cmhaff/320/32005.htm',
  },
  smart: {
    title: 'GPRA Modernization Act of 2010, Pub. L. 111-352, 124 Stat. 3866 (govinfo.gov; includes 5 USC 306 and 31 USC 1120-1121)',
    url: 'https://www.govinfo.gov/content/pkg/STATUTE-124/html/STATUTE-124-Pg3866.htm',
  },
  ifgPsa: {
    title: "Civil Service World (2024), Special delivery: how has government's approach to implementation evolved?",
    url: 'https://www.civilserviceworld.com/in-depth/article/special-delivery-how-has-governments-approach-to-implementation-evolved',
  },
  ifgOdp: {
    title: 'Institute for Government, Outcome Delivery Plans',
    url: 'https://www.instituteforgovernment.org.uk/publication/report/outcome-delivery-plans',
  },
  economist2000: { title: 'The Economist (2000) on the number of government targets', url: 'http://www.economist.com/node/3061' },
  naoThirdHc127: {
    title: 'NAO (December 2006), Third validation compendium report (HC 127, 2006-07)',
    url: 'https://www.nao.org.uk/reports/third-validation-compendium-report/',
  },
  treasuryCttee2007: {
    title:
      'House of Commons Treasury Committee (2007), Sixth Report of Session 2006-07 (HC 279), chapter 6: Public Service Agreements and beyond',
    url: 'https://publications.parliament.uk/pa/cm200607/cmselect/cmtreasy/279/27909.htm',
  },
  csw: {
    title: "Civil Service World (2024), Special delivery: how has government's approach to implementation evolved?",
    url: 'https://www.civilserviceworld.com/in-depth/article/special-delivery-how-has-governments-approach-to-implementation-evolved',
  },
  pmdu: {
    title: "Prime Minister's Delivery Unit, memorandum to the Public Administration Select Committee (2002)",
    url: 'https://publications.parliament.uk/pa/cm200102/cmselect/cmpubadm/262/2071104.htm',
  },
  pmduHistory: {
    title: "gov.uk History of Government blog (2022), The art of delivery: the Prime Minister's Delivery Unit 2001-2005",
    url: 'https://history.blog.gov.uk/2022/08/26/the-art-of-delivery-the-prime-ministers-delivery-unit-2001-2005/',
  },
  citizensCharter: {
    title:
      "House of Commons Public Administration Select Committee (2008), report HC 411 on the Citizen's Charter and public service guarantees",
    url: 'https://publications.parliament.uk/pa/cm200708/cmselect/cmpubadm/411/41105.htm',
  },
  pasc2008: {
    title:
      "House of Commons Public Administration Select Committee (2008), report HC 411 on the Citizen's Charter and public service guarantees",
    url: 'https://publications.parliament.uk/pa/cm200708/cmselect/cmpubadm/411/41105.htm',
  },
  gpraSourcebook: {
    title: 'USAID, GPRA sourcebook (archived November 2008 by the End of Term Web Archive)',
    url: 'https://webarchive.library.unt.edu/eot2008/20081108211913/http:/www.usaid.gov/pubs/sourcebook/usgov/gpra.html',
  },
  bestValue: {
    title: 'Local Government Act 1999, explanatory notes on Best Value (legislation.gov.uk)',
    url: 'https://www.legislation.gov.uk/ukpga/1999/27/notes/division/5/1',
  },
  vaWait: {
    title:
      'VA Office of Inspector General (28 May 2014), Interim report: review of patient wait times, scheduling practices and alleged patient deaths at the Phoenix Health Care System, 14-02603-178',
    url: 'https://www.vaoig.gov/sites/default/files/reports/2014-05/VAOIG-14-02603-178.pdf',
  },
  vaWiki: {
    title:
      'VA Office of Inspector General (28 May 2014), Interim report: review of patient wait times, scheduling practices and alleged patient deaths at the Phoenix Health Care System, 14-02603-178',
    url: 'https://www.vaoig.gov/sites/default/files/reports/2014-05/VAOIG-14-02603-178.pdf',
  },
  aeWiki: {
    title: "The King's Fund (2010), Have targets improved NHS performance?",
    url: 'https://www.kingsfund.org.uk/projects/general-election-2010/performance-targets',
  },
  kingsFund2010: {
    title: "The King's Fund (2010), Have targets improved NHS performance?",
    url: 'https://www.kingsfund.org.uk/projects/general-election-2010/performance-targets',
  },
  ambulance: {
    title: 'Hansard (7 Jan 2008), Ambulance Services (Hampshire)',
    url: 'https://hansard.parliament.uk/Commons/2008-01-07/debates/08010822000002/AmbulanceServicesHampshire',
  },
  ambulance2017: {
    title: 'Hansard (7 Jan 2008), Ambulance Services (Hampshire)',
    url: 'https://hansard.parliament.uk/Commons/2008-01-07/debates/08010822000002/AmbulanceServicesHampshire',
  },
  ratchet: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538, p. 521 (ratchet, threshold, output distortion; Goodhart)",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  threshold: {
    title:
      "Bevan & Hood (2006), What's measured is what matters: targets and gaming in the English public health care system, Public Administration 84(3): 517-538, p. 521 (ratchet, threshold, output distortion; Goodhart)",
    url: 'https://doi.org/10.1111/j.1467-9299.2006.00600.x',
  },
  csra: {
    title: 'GAO FPCD-80-74 (August 1980), First look at Senior Executive Service performance awards',
    url: 'https://www.gao.gov/products/fpcd-80-74',
  },
  cabinetOfficePsa: {
    title: 'Cabinet Office, Public Service Agreements page (UK Government Web Archive, 2009)',
    url: 'http://webarchive.nationalarchives.gov.uk/20090504045143/http:/www.cabinetoffice.gov.uk/about_the_cabinet_office/publicserviceagreements.aspx',
  },
  hoodNpm: {
    title: 'Hood (1991), A public management for all seasons?, Public Administration 69(1): 3-19',
    url: 'https://doi.org/10.1111/j.1467-9299.1991.tb00779.x',
  },
  deeJacob: {
    title:
      'Dee & Jacob (2011), The impact of No Child Left Behind on student achievement, Journal of Policy Analysis and Management 30(3): 418-446',
    url: 'https://doi.org/10.1002/pam.20586',
  },
  atlanta: {
    title:
      "Office of the Governor of Georgia, Special Investigators (2011), Special investigation into test tampering in Atlanta's school system (Internet Archive copy of the released report)",
    url: 'https://archive.org/stream/215252-special-investigation-into-test-tampering-in/215252-special-investigation-into-test-tampering-in_djvu.txt',
  },
  kinRule: {
    title:
      'ACF (28 September 2023), Separate licensing or approval standards for relative or kinship foster family homes, final rule, 88 FR 66700 (effective 27 November 2023)',
    url: 'https://www.govinfo.gov/content/pkg/FR-2023-09-28/html/2023-21081.htm',
  },
  nzBpsCrime: {
    title:
      'New Zealand State Services Commission (2017), Better Public Services results 7-8: reducing crime, year to March 2017 (archived)',
    url: 'http://ssc.govt.nz/resources/bps-reducing-crime/',
  },
  nzBps2015: {
    title: 'New Zealand Government (2015), Better Public Services: targets extended or reset after being achieved',
    url: 'http://beehive.govt.nz/feature/better-public-services-0',
  },
  gaoStar: {
    title:
      "GAO-10-530T (March 2010), Veterans' disability benefits: VA has improved its programs for measuring accuracy and consistency, but challenges remain (testimony, GAO's accessible text; STAR reviewers' independence)",
    url: 'https://www.gao.gov/assets/130/124334.html',
  },
  dvla1993: {
    title:
      'Hansard, HC Deb 30 April 1993, written answer: key targets for the Department of Transport executive agencies 1993-94 (DVLA turnaround capped in any month)',
    url: 'https://api.parliament.uk/historic-hansard/written-answers/1993/apr/30/executive-agencies',
  },
  dvla1998: {
    title: 'Hansard, HC Deb 30 April 1998 vol 311 cc180-1W, written answer: DVLA key targets 1998-99',
    url: 'https://api.parliament.uk/historic-hansard/written-answers/1998/apr/30/driver-and-vehicle-licensing-agency',
  },
  dfeOdp2021: {
    title: 'Department for Education (2021), DfE Outcome Delivery Plan: 2021 to 2022',
    url: 'https://www.gov.uk/government/publications/department-for-education-outcome-delivery-plan/dfe-outcome-delivery-plan-2021-to-2022',
  },
} satisfies Record<string, SourceRef>;
