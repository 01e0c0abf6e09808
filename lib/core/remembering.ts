/**
 * A string test that remembers its answers: a large app has a handful of
 * distinct label keys, and each app's name as the value of three or four
 * labels, on thousands of objects. Forgets everything when it holds 10,000
 * answers, so arbitrary input cannot grow it without bound.
 */
export function remembering(check: (value: string) => boolean): (value: string) => boolean {
  const answers = new Map<string, boolean>();
  return (value) => {
    let known = answers.get(value);
    if (known === undefined) {
      if (answers.size >= 10_000) answers.clear();
      known = check(value);
      answers.set(value, known);
    }
    return known;
  };
}
