import t from 'tap';
import { renderTemplate } from '../../src/fakes/template.js';

t.test('placeholders with a value are filled; strings as they are, other values as JSON', async (t) => {
  t.equal(renderTemplate('A {{genre}} list of {{number}} songs', { genre: 'pop', number: 3 }), 'A pop list of 3 songs');
  t.equal(renderTemplate('{{o}} {{a}} {{b}}', { o: { k: 1 }, a: [1, 'x'], b: false }), '{"k":1} [1,"x"] false');
  t.equal(renderTemplate('{{missing}} and {{x}}', { x: 'y' }), '{{missing}} and y', 'unknown placeholders stay');
  t.equal(renderTemplate('{{a-b_1}}', { 'a-b_1': 'ok' }), 'ok');
  t.equal(renderTemplate('{{x}}', { x: '$& $1' }), '$& $1', 'values are not replacement patterns');
  t.equal(renderTemplate('{{n}}', { n: null }), 'null');
});
