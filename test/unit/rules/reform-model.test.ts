// YS4xx: a flawed reform model.
import { strict as assert } from 'node:assert';
import { HEAD, applyFix, none, one, rangeOf, run } from './helpers';

const inds = (n: number) => Array.from({ length: n }, (_, i) => `  - { id: i${i + 1}, type: outcome, owner: X }\n`).join('');

describe('rules: reform model (YS4xx)', () => {
  describe('YS401 target-overload', () => {
    it('reports more than 10 indicators in an agreement, on its indicators key', () => {
      const text = `${HEAD}indicators:\n${inds(11)}agreements:\n  - id: big\n    indicators: [${Array.from({ length: 11 }, (_, i) => `i${i + 1}`).join(', ')}]\n`;
      const f = one(text, 'YS401');
      assert.equal(
        f.message,
        'Agreement "big" lists 11 indicators, more than 10: keep the few that matter (the UK\'s SR2004 PSAs averaged about 6.5 targets per department).',
      );
      assert.deepEqual(f.range, rangeOf(text, 'indicators', 'id: big'));
      none(text, 'YS401', { max_per_agreement: 11 });
    });
    it('reports more than max_per_framework indicators on the top-level key', () => {
      const text = `${HEAD}indicators:\n${inds(4)}`;
      const f = one(text, 'YS401', { max_per_framework: 3 });
      assert.equal(
        f.message,
        "The framework defines 4 indicators, more than 3: target overload (the UK's 1998 PSAs had about 600 targets, and even the 30 PSAs of 2007 were measured by 153 indicators).",
      );
      assert.deepEqual(f.range, rangeOf(text, 'indicators'));
    });
    it('passes at the limits', () => {
      none(`${HEAD}indicators:\n${inds(10)}agreements:\n  - { id: ok, indicators: [i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i10] }\n`, 'YS401');
    });
  });

  describe('YS402 no-review', () => {
    const bad = `${HEAD}  review_cycle: monthly
agreements:
  - id: visits   # field work
    indicators: [a]
`;
    it('reports on the agreement id', () => {
      const f = one(bad, 'YS402');
      assert.equal(
        f.message,
        'Agreement "visits" has no review: name the body that supervises delivery and how often (the UK Delivery Unit held regular stocktakes with the Prime Minister; in the US the GPRA Modernization Act requires priority goals to be reviewed at least quarterly).',
      );
      assert.deepEqual(f.range, rangeOf(bad, 'visits'));
    });
    it('inserts a review skeleton using the framework review cycle', () => {
      const f = one(bad, 'YS402');
      assert.equal(f.fixes![0].safe, false);
      assert.equal(f.fixes![0].edits[0].newText, '\n    review: { frequency: ${1|monthly,quarterly,biannual,annual|}, body: "${2:TODO: who supervises delivery}" }');
      const out = applyFix(bad, f);
      assert.equal(out, `${bad}    review: { frequency: monthly, body: "TODO: who supervises delivery" }\n`);
      assert.ok(out.includes('# field work'));
      none(out, 'YS402');
    });
    it('passes with a review', () => {
      none(`${HEAD}agreements:\n  - { id: a, review: { frequency: quarterly, body: Board } }\n`, 'YS402');
    });
  });

  describe('YS403 not-public', () => {
    const bad = `${HEAD}agreements:
  - id: internal
    reporting: { public: false, channel: Internal dashboard }   # for now
`;
    it('reports on the public value', () => {
      const f = one(bad, 'YS403');
      assert.match(f.message, /^Agreement "internal" does not publish its results: set `reporting.public: true`/);
      assert.deepEqual(f.range, rangeOf(bad, 'false'));
    });
    it('sets public: true (offered, but not safe: public: false may be deliberate)', () => {
      const f = one(bad, 'YS403');
      assert.equal(f.fixes![0].safe, false);
      const out = applyFix(bad, f);
      assert.equal(out, bad.replace('public: false', 'public: true'));
      assert.ok(out.includes('# for now'));
      none(out, 'YS403');
    });
    it('inserts reporting when missing, on the agreement id', () => {
      const text = `${HEAD}agreements:\n  - id: quiet   # no reporting\n    title: Quiet\n`;
      const f = one(text, 'YS403');
      assert.deepEqual(f.range, rangeOf(text, 'quiet'));
      const out = applyFix(text, f);
      assert.equal(out, `${text}    reporting: { public: true }\n`);
      none(out, 'YS403');
    });
    it('inserts public into reporting without it, on the reporting key', () => {
      const text = `${HEAD}agreements:\n  - id: a\n    reporting:\n      channel: Annual report   # web\n`;
      const f = one(text, 'YS403');
      assert.deepEqual(f.range, rangeOf(text, 'reporting'));
      const out = applyFix(text, f);
      assert.equal(out, `${text}      public: true\n`);
      none(out, 'YS403');
    });
    it('passes when public', () => {
      none(`${HEAD}agreements:\n  - { id: a, reporting: { public: true } }\n`, 'YS403');
    });
  });

  describe('YS404 no-citizen-voice', () => {
    it('reports on the framework id', () => {
      const text = `${HEAD}indicators:\n  - { id: a, type: outcome }\nagreements:\n  - { id: b, indicators: [a] }\n`;
      const f = one(text, 'YS404');
      assert.equal(f.severity, 'info');
      assert.match(f.message, /^The framework has no satisfaction indicator and no agreement lists a consultation/);
      assert.deepEqual(f.range, rangeOf(text, 'test-fw'));
    });
    it('passes with a satisfaction indicator, a consultation, or nothing measured yet', () => {
      none(`${HEAD}indicators:\n  - { id: a, type: satisfaction }\n`, 'YS404');
      none(`${HEAD}agreements:\n  - { id: b, consultation: [Parliament] }\n`, 'YS404');
      none(HEAD, 'YS404');
    });
  });

  describe('YS405 missing-owner', () => {
    it('reports indicators and agreements without owner, on their ids', () => {
      const text = `${HEAD}indicators:\n  - id: recovered\n    title: Overpayments recovered\nagreements:\n  - id: deal\n    owner: ""\n`;
      const fs = run(text, 'YS405');
      assert.equal(fs.length, 2);
      assert.equal(fs[0].message, 'Indicator "recovered" has no owner: name the organisation or official accountable for it in `owner`.');
      assert.deepEqual(fs[0].range, rangeOf(text, 'recovered'));
      assert.match(fs[1].message, /^Agreement "deal" has no owner: name the senior responsible owner \(UK\) or goal leader \(US\)/);
      assert.deepEqual(fs[1].range, rangeOf(text, 'deal'));
    });
    it('passes with owners', () => {
      none(`${HEAD}indicators:\n  - { id: a, owner: DWP }\nagreements:\n  - { id: b, owner: SRO }\n`, 'YS405');
    });
  });

  describe('YS406 orphan-indicator', () => {
    it('reports an indicator no agreement uses, on its id', () => {
      const text = `${HEAD}indicators:\n  - id: leaflets\n  - id: used\nagreements:\n  - { id: a, indicators: [test-fw#used] }\n`;
      const f = one(text, 'YS406');
      assert.equal(f.message, 'Indicator "leaflets" is used by no agreement: add it to the `indicators` of the agreement it measures, or remove it.');
      assert.deepEqual(f.range, rangeOf(text, 'leaflets'));
    });
    it('passes when used, and in a file without agreements (an indicator library)', () => {
      none(`${HEAD}indicators:\n  - id: leaflets\nagreements:\n  - { id: a, indicators: [leaflets] }\n`, 'YS406');
      none(`${HEAD}indicators:\n  - id: leaflets\n`, 'YS406');
    });
  });

  describe('YS407 empty-agreement', () => {
    it('reports an empty indicators list on its key', () => {
      const text = `${HEAD}agreements:\n  - id: digital\n    indicators: []   # none yet\n`;
      const f = one(text, 'YS407');
      assert.equal(f.message, 'Agreement "digital" lists no indicators: add at least one measure of what it promises.');
      assert.deepEqual(f.range, rangeOf(text, 'indicators'));
    });
    it('passes with indicators, and leaves a missing list to YS002', () => {
      none(`${HEAD}agreements:\n  - { id: a, indicators: [x] }\n  - { id: b, title: No list }\n`, 'YS407');
    });
  });

  describe('YS408 no-external-factors', () => {
    const bad = `${HEAD}agreements:
  - id: psa-jobs
    kind: public-service-agreement   # the PSA
    title: More people in work
`;
    it('reports a PSA without external factors, on its id', () => {
      const f = one(bad, 'YS408');
      assert.match(f.message, /^Agreement "psa-jobs" \(public-service-agreement\) lists no external factors/);
      assert.deepEqual(f.range, rangeOf(bad, 'psa-jobs'));
    });
    it('inserts an external_factors skeleton', () => {
      const f = one(bad, 'YS408');
      assert.equal(f.fixes![0].snippet, true);
      const out = applyFix(bad, f);
      assert.equal(out, `${bad}    external_factors: ["TODO: a factor outside the agent's control"]\n`);
      assert.ok(out.includes('# the PSA'));
      none(out, 'YS408');
    });
    it('passes with factors, or for other kinds', () => {
      none(`${HEAD}agreements:\n  - { id: a, kind: strategic-plan, external_factors: [Economy] }\n  - { id: b, kind: annual-performance-plan }\n`, 'YS408');
    });
  });

  describe('YS409 missing-objective', () => {
    it('reports on the agreement id', () => {
      const text = `${HEAD}agreements:\n  - id: support\n    title: Support agreement\n`;
      const f = one(text, 'YS409');
      assert.equal(f.severity, 'info');
      assert.match(f.message, /^Agreement "support" has no objective: state in words the outcome it seeks/);
      assert.deepEqual(f.range, rangeOf(text, 'support'));
    });
    it('passes with an objective', () => {
      none(`${HEAD}agreements:\n  - { id: a, objective: More people in sustained work. }\n`, 'YS409');
    });
  });
});
