/**
 * The mock's scenarios, read from the bundled spec: every named example of every response of an
 * operation. Prism picks the response with `Prefer: code=<status>` and the example with
 * `example=<name>`, so adding an example to the spec adds a scenario here, with no code change.
 */
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';

/** One way the mock can answer an operation. */
export interface Scenario {
  /** The example's name in the spec (`duplicateUsername`), or the status when it has none. */
  name: string;
  /** The HTTP status the mock answers with. */
  status: number;
  /** The example's summary, else the response's description. */
  summary: string;
  /** The `Prefer` header value that selects this scenario, e.g. `code=409, example=duplicateUsername`. */
  prefer: string;
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Follows local `$ref`s (`#/components/...`): the bundled specs have no other kind. */
function deref(spec: Node, value: unknown): Node {
  let node = isNode(value) ? value : {};
  for (let hops = 0; typeof node.$ref === 'string' && hops < 10; hops++) {
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((parent, key) => (isNode(parent) ? parent[key.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), spec);
    node = isNode(target) ? target : {};
  }
  return node;
}

/** `[name, example]` pairs of a map of named examples (`examples:` of a media type or header). */
function namedExamples(spec: Node, owners: unknown): Array<[string, Node]> {
  return Object.values(isNode(owners) ? owners : {}).flatMap((owner) =>
    Object.entries(deref(spec, owner).examples ?? {}).map(([name, example]): [string, Node] => [name, deref(spec, example)]),
  );
}

function findOperation(spec: Node, operationId: string): Node {
  for (const pathItem of Object.values(deref(spec, spec.paths))) {
    for (const operation of Object.values(isNode(pathItem) ? pathItem : {})) {
      if (isNode(operation) && operation.operationId === operationId) return operation;
    }
  }
  throw new Error(`No operation ${operationId} in the spec`);
}

/** Every scenario of one operation, in the spec's order of status codes. */
export function scenariosFor(spec: Node, operationId: string): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const [code, responseOrRef] of Object.entries(deref(spec, findOperation(spec, operationId).responses))) {
    const status = Number(code);
    if (!Number.isInteger(status)) continue; // `default` or `4XX`: Prism cannot be asked for those
    const response = deref(spec, responseOrRef);
    const description = typeof response.description === 'string' ? response.description : '';
    const summary = (example: Node) => (typeof example.summary === 'string' ? example.summary : description);

    const bodyExamples = new Map(namedExamples(spec, response.content));
    for (const [name, example] of bodyExamples) {
      scenarios.push({ name, status, summary: summary(example), prefer: `code=${status}, example=${name}` });
    }
    if (bodyExamples.size > 0) continue;
    // No body (Onezone's 201): name the scenario after a header example, e.g. the `Location` one.
    // Prism ignores `example=` for a response without content, so the status alone selects it.
    const [headerExample] = namedExamples(spec, response.headers);
    scenarios.push({
      name: headerExample?.[0] ?? String(status),
      status,
      summary: headerExample ? summary(headerExample[1]) : description,
      prefer: `code=${status}`,
    });
  }
  return scenarios;
}

/** The scenarios of the operations this page calls. */
export const scenarios = {
  camunda: {
    create: scenariosFor(camundaSpec, 'createUser'),
    list: scenariosFor(camundaSpec, 'searchUsers'),
  },
  onezone: {
    create: scenariosFor(onezoneSpec, 'create_user'),
    list: scenariosFor(onezoneSpec, 'list_users'),
  },
};

/** Fills a `<select>` with scenarios; the empty value means "no `Prefer` header": the mock's default. */
export function fillScenarioSelect(select: HTMLSelectElement, list: Scenario[]): void {
  select.replaceChildren(
    option('Default (no Prefer header)', ''),
    ...list.map((scenario) => {
      const item = option(`${scenario.status} ${scenario.name}: ${scenario.summary}`, scenario.prefer);
      item.title = `Prefer: ${scenario.prefer}`;
      return item;
    }),
  );
}

/** An `<option>`; `document.createElement` rather than `new Option`, which happy-dom (the unit tests' DOM) lacks. */
function option(text: string, value: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.text = text;
  element.value = value;
  return element;
}
