import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];

type Lookup = (
  target: object,
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

interface Storage {
  getTargetValidationMetadatas: Lookup;
  addValidationMetadata(metadata: ValidationMetadata): void;
}

let memoized = false;

/**
 * class-validator looks a class's rules up again for every object it validates, walking every registered DTO
 * class to find the class's parents (an `instanceof` each): a quiz submit's ten nested answers paid that walk
 * eleven times (tests/bench/quiz profile). The rules are fixed once the DTO classes are loaded, so each lookup
 * is kept per class and options; a rule registered later (a class loaded late) clears them all. Lookups by
 * validation group (unused here) go through unchanged.
 */
export function memoizeValidationMetadata(): void {
  if (memoized) return;
  memoized = true;
  const storage = getMetadataStorage() as unknown as Storage;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let kept = new Map<object, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const options = `${schema}|${always}|${strictGroups}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    let rules = byOptions.get(options);
    if (!rules) byOptions.set(options, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.addValidationMetadata = (metadata) => {
    kept = new Map<object, Map<string, ValidationMetadata[]>>();
    add(metadata);
  };
}
