// compose.yaml and deploy/nginx.conf stay in working order (docs/deploy.md): compose.yaml is parsed by a
// strict reader of the block-YAML subset it uses (maps, lists of scalars, flow lists; no tabs, two-space
// indents, no duplicate keys) and its structure is checked against what the recipe needs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

type Yaml = string | Yaml[] | { [key: string]: Yaml };

function scalar(raw: string, where: string): Yaml {
  const v = raw.trim();
  if (v.startsWith('[')) {
    assert.ok(v.endsWith(']'), `${where}: unterminated flow list`);
    const inner = v.slice(1, -1).trim();
    return inner ? inner.split(',').map((item) => scalar(item, where) as string) : [];
  }
  if (v.startsWith('"')) return JSON.parse(v) as string;
  if (v.startsWith("'")) {
    assert.ok(v.length > 1 && v.endsWith("'"), `${where}: unterminated quote`);
    return v.slice(1, -1);
  }
  assert.ok(!/^[{&*!|>%@`]/.test(v), `${where}: unsupported YAML (${v})`);
  return v;
}

export function parseYamlSubset(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\s+$/, ''), no: i + 1 }))
    .filter(({ line }) => line.trim() && !line.trim().startsWith('#'));
  let i = 0;
  const block = (indent: number): Yaml => {
    const first = lines[i]!;
    const isList = first.line.trimStart().startsWith('- ');
    const out: Yaml = isList ? [] : {};
    while (i < lines.length) {
      const { line, no } = lines[i]!;
      const where = `compose.yaml:${no}`;
      assert.ok(!line.includes('\t'), `${where}: tab`);
      const own = line.length - line.trimStart().length;
      if (own < indent) break;
      assert.equal(own, indent, `${where}: indent ${own}, expected ${indent}`);
      const body = line.trimStart();
      i++;
      if (Array.isArray(out)) {
        assert.ok(body.startsWith('- '), `${where}: a list item expected`);
        assert.ok(!/^- [\w-]+:( |$)/.test(body), `${where}: lists of maps are not used here`);
        out.push(scalar(body.slice(2), where));
        continue;
      }
      const m = /^([\w.-]+):(?: (.*))?$/.exec(body);
      assert.ok(m, `${where}: "key: value" expected, got "${body}"`);
      const key = m[1]!;
      assert.ok(!(key in out), `${where}: duplicate key ${key}`);
      if (m[2] !== undefined && m[2].trim() !== '') out[key] = scalar(m[2].replace(/\s+#.*$/, ''), where);
      else if (i < lines.length && lines[i]!.line.length - lines[i]!.line.trimStart().length > indent) {
        out[key] = block(indent + 2);
      } else out[key] = '';
    }
    return out;
  };
  const doc = block(0);
  assert.equal(i, lines.length, `compose.yaml:${lines[i]?.no}: unexpected indent`);
  return doc;
}

test('compose.yaml: PostgreSQL, two nodes sharing one database and ingest key, nginx in front', () => {
  const doc = parseYamlSubset(fs.readFileSync('compose.yaml', 'utf8')) as Record<
    string,
    Record<string, never>
  >;
  const services = doc.services as Record<string, Record<string, Yaml>>;
  assert.deepEqual(Object.keys(services).sort(), ['nginx', 'node-a', 'node-b', 'postgres']);
  const env = (name: string) => services[name]!.environment as Record<string, string>;
  for (const node of ['node-a', 'node-b']) {
    assert.match(env(node).DATABASE_URL!, /^postgresql:\/\/.+@postgres:5432\/cityops$/);
    assert.equal(env(node).NODE_URL, `http://${node}:5870`);
    assert.equal(env(node).HOST, '0.0.0.0');
    assert.ok(env(node).INGEST_KEY, 'every node has the shared ingest key');
    assert.equal(env(node).INGEST_KEY, env('node-a').INGEST_KEY);
    assert.equal(services[node]!.build, '.');
  }
  assert.ok(fs.existsSync('Dockerfile'));
  assert.ok((services.nginx!.volumes as string[]).some((v) => v.startsWith('./deploy/nginx.conf:')));
  assert.deepEqual(services.nginx!.ports, ['8080:8080']);
  assert.ok('pgdata' in (doc.volumes as object));
});

test('deploy/nginx.conf: both nodes upstream, WebSocket upgrade, sticky for long-polling', () => {
  const conf = fs.readFileSync('deploy/nginx.conf', 'utf8');
  assert.match(conf, /server node-a:5870/);
  assert.match(conf, /server node-b:5870/);
  assert.match(conf, /ip_hash;/);
  assert.match(conf, /proxy_set_header Upgrade \$http_upgrade;/);
  assert.match(conf, /listen 8080;/);
  const open = (conf.match(/{/g) ?? []).length;
  assert.equal(open, (conf.match(/}/g) ?? []).length, 'balanced braces');
});

test('the YAML reader refuses what it does not understand', () => {
  assert.throws(() => parseYamlSubset('a:\n\tb: 1\n'));
  assert.throws(() => parseYamlSubset('a: 1\na: 2\n'));
  assert.throws(() => parseYamlSubset('a:\n   b: 1\n'));
  assert.throws(() => parseYamlSubset('a:\n  - b: 1\n'));
  assert.deepEqual(parseYamlSubset('a:\n  b: "x"\n  c:\n    - 1\n    - [ "y" ]\n'), {
    a: { b: 'x', c: ['1', ['y']] },
  });
});
