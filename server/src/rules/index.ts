// The rule registry: every rule module, in id order. Add a rule: write ysNNN-name.ts with
// meta + check, add it here, document it in docs/rules/YSNNN.md, test it in test/unit/rules.
import { docsUrl, type Rule } from './rule';
import { ys001 } from './ys001-yaml-syntax';
import { ys002 } from './ys002-schema';
import { ys003 } from './ys003-unknown-reference';
import { ys004 } from './ys004-duplicate-id';
import { ys005 } from './ys005-format-version';
import { ys006 } from './ys006-unused-disable';
import { ys101 } from './ys101-missing-baseline';
import { ys102 } from './ys102-target-without-date';
import { ys103 } from './ys103-unmeasurable-target';
import { ys104 } from './ys104-target-against-direction';
import { ys105 } from './ys105-target-outside-period';
import { ys106 } from './ys106-missing-data-source';
import { ys107 } from './ys107-output-only';
import { ys108 } from './ys108-unit-mismatch';
import { ys201 } from './ys201-single-measure-pay-link';
import { ys202 } from './ys202-self-reported-unassured';
import { ys203 } from './ys203-ratchet-target';
import { ys204 } from './ys204-threshold-cliff';
import { ys205 } from './ys205-tunnel-vision';
import { ys206 } from './ys206-undefined-clock';
import { ys301 } from './ys301-short-horizon';
import { ys302 } from './ys302-stage-gap';
import { ys303 } from './ys303-stage-overlap';
import { ys304 } from './ys304-missing-cycle-activity';
import { ys401 } from './ys401-target-overload';
import { ys402 } from './ys402-no-review';
import { ys403 } from './ys403-not-public';
import { ys404 } from './ys404-no-citizen-voice';
import { ys405 } from './ys405-missing-owner';
import { ys406 } from './ys406-orphan-indicator';
import { ys407 } from './ys407-empty-agreement';
import { ys408 } from './ys408-no-external-factors';
import { ys409 } from './ys409-missing-objective';

export const allRules: readonly Rule[] = [
  ys001, ys002, ys003, ys004, ys005, ys006,
  ys101, ys102, ys103, ys104, ys105, ys106, ys107, ys108,
  ys201, ys202, ys203, ys204, ys205, ys206,
  ys301, ys302, ys303, ys304,
  ys401, ys402, ys403, ys404, ys405, ys406, ys407, ys408, ys409,
].map((r) => ({
  ...r,
  meta: { ...r.meta, docs: r.meta.docs ?? docsUrl(r.meta.id) },
}));

const byKey = new Map<string, Rule>();
for (const r of allRules) {
  byKey.set(r.meta.id.toLowerCase(), r);
  byKey.set(r.meta.name.toLowerCase(), r);
}

/** A rule by id (YS101) or name (missing-baseline), case-insensitive. */
export function ruleById(key: string): Rule | undefined {
  return byKey.get(key.toLowerCase());
}
