/** The route table serves exactly the operations of the generated table (src/server/route-coverage.ts). */
import t from 'tap';
import { OPERATIONS } from '../../src/generated/operations.js';
import { assertEveryOperationRouted, routeCoverageProblems } from '../../src/server/route-coverage.js';
import { allRoutes } from '../../routes/index.js';

t.test('every operation of the generated table has exactly one route, and every route an operation', async (t) => {
  const routed = allRoutes.map((r) => r.operation).sort();
  t.same(routed, Object.keys(OPERATIONS).sort());
  t.same(routeCoverageProblems(allRoutes), []);
  t.doesNotThrow(() => assertEveryOperationRouted(allRoutes));
});

t.test('a table with a route left out, doubled or unknown is refused, naming each problem', async (t) => {
  const withoutGetFlow = allRoutes.filter((r) => r.operation !== 'GetFlow');
  t.same(routeCoverageProblems(withoutGetFlow), ['operation GetFlow has no route']);
  t.throws(() => assertEveryOperationRouted(withoutGetFlow), /route table: operation GetFlow has no route/);

  const getFlow = allRoutes.find((r) => r.operation === 'GetFlow')!;
  t.same(routeCoverageProblems([...allRoutes, getFlow]), ['operation GetFlow has 2 routes']);
  // Object.hasOwn, not `in`: names inherited from Object.prototype are not operations.
  t.same(routeCoverageProblems([...allRoutes, { operation: 'GetWidget' }, { operation: 'toString' }]), [
    'route GetWidget names no operation of the service models',
    'route toString names no operation of the service models',
  ]);
});
