"use client";

// React resets a form after its action runs, but a <select> does not pick up a changed
// defaultValue on that reset. Remounting the form once per action result makes every field start
// from the values the result carries.
const keys = new WeakMap<object, number>();
let next = 0;

export function useFormKey(state: object): number {
  let key = keys.get(state);
  if (key === undefined) {
    key = next++;
    keys.set(state, key);
  }
  return key;
}
