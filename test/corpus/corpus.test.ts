// The checker on manifests nobody here wrote (issue 16): every error and warning it reports on the corpus is
// labelled in labels.yaml, errors are right at least 95 % of the time, and the known defects are all found.
import { checkCorpus, CorpusFinding, expectedFindings, precision, readLabels, scoreCorpus } from './corpus-run';

const PRECISION_TARGET = 0.95;

describe('the labelled corpus', () => {
  let findings: CorpusFinding[];
  beforeAll(() => {
    findings = checkCorpus();
  });
  const score = () => scoreCorpus(findings, readLabels(), expectedFindings());

  test('every error and warning is labelled (a new finding needs a label: true or false positive, and why)', () => {
    expect(score().unlabelled).toEqual([]);
  });

  test('every label still has its finding (a label whose finding is gone is stale: remove it)', () => {
    expect(score().stale).toEqual([]);
  });

  test(`precision on error findings is at least ${PRECISION_TARGET * 100} %`, () => {
    const errors = score().bySeverity.error;
    expect(errors.truePositives).toBeGreaterThan(50);
    expect(precision(errors)).toBeGreaterThanOrEqual(PRECISION_TARGET);
  });

  test('every known defect is found, except the misses listed in labels.yaml (and a listed miss that is found now is stale)', () => {
    const s = score();
    expect(s.expected).toBeGreaterThan(40);
    expect(s.newlyMissed).toEqual([]);
    expect(s.nowFound).toEqual([]);
  });
});
