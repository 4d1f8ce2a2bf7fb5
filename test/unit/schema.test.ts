import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knownFeatureKeys } from '../../src/domain/features';
import { ACTION_KEYS } from '../../src/scenario/actions';
import { repoRoot } from './helpers';

/** The parts of the schema these tests read. */
interface ScenarioSchema {
  readonly properties: {
    readonly timeline: { readonly items: { readonly anyOf: { required: string[]; description?: string }[] } };
    readonly features: { readonly propertyNames: { readonly enum: string[] } };
  };
}

describe('the scenario JSON schema', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'asyncscenario.schema.json'), 'utf8')) as ScenarioSchema;

  it('describes every timeline action the reader accepts, each with hover text', () => {
    const documented = schema.properties.timeline.items.anyOf.map((a) => a.required[0]);
    assert.deepEqual([...documented].sort(), [...ACTION_KEYS].sort());
    for (const action of schema.properties.timeline.items.anyOf) {
      assert.ok(action.description, `${action.required[0]} has no description`);
    }
  });

  it('offers every feature key the reader accepts', () => {
    assert.deepEqual([...schema.properties.features.propertyNames.enum].sort(), [...knownFeatureKeys()].sort());
  });
});
