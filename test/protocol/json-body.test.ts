/** jsonBody: the same text as JSON.stringify, with frozen definitions serialized once and never stale. */
import t from 'tap';
import { jsonBody } from '../../src/protocol/json-body.js';
import { freezeDeep } from '../../src/immutable.js';

const definition = () => ({ nodes: [{ name: 'In', type: 'Input', outputs: [{ name: 'document', type: 'String' }] }], connections: [] });

t.test('writes what JSON.stringify writes', async (t) => {
  const payloads: unknown[] = [
    {},
    [],
    null,
    'text',
    { a: 1, skipped: undefined, nested: { b: [1, 'two', null, { c: true }] } },
    { 'quoted "key"': 'é✓🙂', '\n': '\u2028' },
    { when: new Date(0) },
    { toJSON: () => ({ replaced: true }) },
    [{ definition: freezeDeep(definition()) }],
    { id: 'F', definition: freezeDeep(definition()), tags: { k: 'v' } },
  ];
  payloads.forEach((p, i) => t.equal(jsonBody(p), JSON.stringify(p), `payload ${i}`));
});

t.test('a frozen definition is serialized once; a new one is serialized anew', async (t) => {
  const first = freezeDeep(definition());
  t.equal(jsonBody({ definition: first }), JSON.stringify({ definition: first }));
  const second = freezeDeep({ ...definition(), connections: [{ name: 'c', source: 'In', target: 'Out', type: 'Data' }] });
  t.equal(jsonBody({ definition: second }), JSON.stringify({ definition: second }));
  t.equal(jsonBody({ definition: first }), JSON.stringify({ definition: first }));
});

t.test('freezeDeep freezes every level, so a stored definition cannot drift from its cached JSON', async (t) => {
  const d = freezeDeep(definition());
  t.ok(Object.isFrozen(d.nodes[0]!.outputs[0]));
  t.throws(() => {
    (d.nodes[0] as { name: string }).name = 'Changed';
  }, TypeError);
  // A shallow freeze is not trusted: its members may change, so it is serialized every time.
  const shallow = Object.freeze({ nodes: [{ name: 'A' }] });
  t.equal(jsonBody({ definition: shallow }), JSON.stringify({ definition: shallow }));
  shallow.nodes[0]!.name = 'B';
  t.match(jsonBody({ definition: shallow }), /"B"/);
});
