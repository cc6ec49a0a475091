// The differential corpus (≥ 300 requests). Each group installs one policy (+ binding, params) in
// the test cluster; each request is sent with dryRun=All and evaluated by the lab's engine.
import type { K8sObject } from "../protocol"
import type { DiffGroup, DiffRequest } from "./types"

const ADM = "admissionregistration.k8s.io/v1"

type Rule = { apiGroups: string[]; apiVersions: string[]; operations: string[]; resources: string[]; scope?: string; resourceNames?: string[] }
const rule = (resources: string, group = "", operations = ["CREATE", "UPDATE"], version = "v1"): Rule => ({ apiGroups: [group], apiVersions: [version], operations, resources: [resources] })

function vap(spec: Record<string, unknown>): K8sObject {
  return { apiVersion: ADM, kind: "ValidatingAdmissionPolicy", metadata: {}, spec: { failurePolicy: "Fail", matchConstraints: { resourceRules: [rule("configmaps")] }, ...spec } }
}

function map(spec: Record<string, unknown>): K8sObject {
  return {
    apiVersion: ADM,
    kind: "MutatingAdmissionPolicy",
    metadata: {},
    spec: { failurePolicy: "Fail", reinvocationPolicy: "Never", matchConstraints: { resourceRules: [rule("configmaps", "", ["CREATE", "UPDATE"])] }, ...spec },
  }
}

const cm = (data: Record<string, string> = {}, labels?: Record<string, string>, annotations?: Record<string, string>): K8sObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) },
  data,
})

const create = (name: string, object: K8sObject, extra: Partial<DiffRequest> = {}): DiffRequest => ({ name, operation: "CREATE", object, ...extra })

// ---------------------------------------------------------------- library functions, one expression each

type LibCase = { id: string; covers: string; expression: string; inputs: Record<string, string>[]; message?: string }

const LIB: LibCase[] = [
  // URLs
  { id: "url-scheme", covers: "url, getScheme", expression: "url(object.data.u).getScheme() == 'https'", inputs: [{ u: "https://example.com" }, { u: "http://example.com" }, { u: "not a url" }] },
  { id: "url-host", covers: "getHost, getHostname, getPort", expression: "url(object.data.u).getHostname() == 'example.com' && url(object.data.u).getPort() == '8443' && url(object.data.u).getHost() == 'example.com:8443'", inputs: [{ u: "https://example.com:8443/x" }, { u: "https://example.com/x" }] },
  { id: "url-path-query", covers: "getEscapedPath, getQuery", expression: "url(object.data.u).getEscapedPath() == '/a%20b' && url(object.data.u).getQuery()['k'] == ['v1', 'v2']", inputs: [{ u: "https://e.com/a%20b?k=v1&k=v2" }, { u: "https://e.com/a?k=v1" }] },
  { id: "is-url", covers: "isURL", expression: "isURL(object.data.u)", inputs: [{ u: "https://example.com/p" }, { u: "example.com" }] },
  // Regex
  { id: "regex-find", covers: "find", expression: "object.data.v.find('[0-9]+') == '42'", inputs: [{ v: "abc42def" }, { v: "abc7" }, { v: "none" }] },
  { id: "regex-findall", covers: "findAll", expression: "object.data.v.findAll('[a-z]').size() == 3 && object.data.v.findAll('[a-z]', 2) == ['a', 'b']", inputs: [{ v: "a1b2c3" }, { v: "ab" }] },
  { id: "regex-matches", covers: "matches", expression: "object.data.v.matches('^[a-z][a-z0-9-]{2,10}$')", inputs: [{ v: "web-1" }, { v: "Web" }] },
  { id: "regex-invalid", covers: "matches runtime error", expression: "object.data.v.matches(object.data.re)", inputs: [{ v: "a", re: "(" }, { v: "a", re: "a" }] },
  // Lists (k8s)
  { id: "lists-sorted", covers: "isSorted", expression: "object.data.v.split(',').isSorted()", inputs: [{ v: "a,b,c" }, { v: "c,a" }] },
  { id: "lists-sum", covers: "sum", expression: "[1, 2, int(object.data.n)].sum() <= 10", inputs: [{ n: "7" }, { n: "8" }, { n: "x" }] },
  { id: "lists-minmax", covers: "min, max", expression: "[int(object.data.a), int(object.data.b)].max() - [int(object.data.a), int(object.data.b)].min() < 5", inputs: [{ a: "1", b: "3" }, { a: "1", b: "9" }] },
  { id: "lists-min-empty", covers: "min on empty list", expression: "object.data.v.split(',').filter(x, x != '').map(x, int(x)).min() >= 0", inputs: [{ v: "1,2" }, { v: "" }] },
  { id: "lists-index", covers: "indexOf, lastIndexOf", expression: "object.data.v.split(',').indexOf('b') == 1 && object.data.v.split(',').lastIndexOf('b') == 3", inputs: [{ v: "a,b,c,b" }, { v: "b,b" }] },
  // Quantity
  { id: "quantity-compare", covers: "quantity, isLessThan, isGreaterThan, compareTo", expression: "quantity(object.data.q).isLessThan(quantity('1Gi')) && quantity(object.data.q).compareTo(quantity('1Mi')) >= 0", inputs: [{ q: "512Mi" }, { q: "2Gi" }, { q: "12 apples" }] },
  { id: "quantity-math", covers: "add, sub, asInteger, isInteger", expression: "quantity(object.data.q).add(quantity('500m')).sub(1).isInteger() == false && quantity(object.data.q).asInteger() == 2", inputs: [{ q: "2" }, { q: "3" }] },
  { id: "quantity-float", covers: "asApproximateFloat, sign, isQuantity", expression: "isQuantity(object.data.q) && quantity(object.data.q).asApproximateFloat() > 0.4 && sign(quantity(object.data.q)) == 1", inputs: [{ q: "500m" }, { q: "-1" }, { q: "??" }] },
  // IP / CIDR
  { id: "ip-family", covers: "ip, family, isLoopback, isGlobalUnicast", expression: "ip(object.data.a).family() == 4 && !ip(object.data.a).isLoopback() && ip(object.data.a).isGlobalUnicast()", inputs: [{ a: "8.8.8.8" }, { a: "127.0.0.1" }, { a: "::1" }, { a: "999.1.1.1" }] },
  { id: "ip-canonical", covers: "isIP, ip.isCanonical, isUnspecified, isLinkLocalUnicast", expression: "isIP(object.data.a) && ip.isCanonical(object.data.a) && !ip(object.data.a).isUnspecified() && !ip(object.data.a).isLinkLocalUnicast()", inputs: [{ a: "2001:db8::1" }, { a: "2001:DB8::1" }, { a: "169.254.1.1" }] },
  { id: "cidr-contains", covers: "cidr, containsIP, containsCIDR, prefixLength, masked, isCIDR", expression: "isCIDR(object.data.c) && cidr(object.data.c).containsIP('10.1.2.3') && cidr('10.0.0.0/8').containsCIDR(object.data.c) && cidr(object.data.c).prefixLength() >= 16 && cidr(object.data.c).masked() == cidr(object.data.c)", inputs: [{ c: "10.1.0.0/16" }, { c: "10.1.2.0/16" }, { c: "192.168.0.0/16" }, { c: "x" }] },
  { id: "cidr-ip-string", covers: "cidr.ip, string(ip), string(cidr), isLinkLocalMulticast", expression: "string(cidr(object.data.c).ip()) == '10.0.0.0' && string(cidr(object.data.c)) == object.data.c && !ip('224.0.0.1').isLinkLocalMulticast()", inputs: [{ c: "10.0.0.0/8" }, { c: "10.0.0.1/8" }] },
  // Format
  { id: "format-named", covers: "format.named, validate", expression: "format.named(object.data.f).hasValue() && format.named(object.data.f).value().validate(object.data.v) == optional.none()", inputs: [{ f: "dns1123Label", v: "web" }, { f: "dns1123Label", v: "Web_1" }, { f: "nope", v: "x" }] },
  { id: "format-funcs", covers: "format.dns1123Subdomain, qualifiedName, labelValue, uuid, date, datetime, uri, byte", expression: "[format.dns1123Subdomain().validate(object.data.sub), format.qualifiedName().validate(object.data.qn), format.labelValue().validate(object.data.lv), format.uuid().validate(object.data.id), format.date().validate(object.data.d)].all(r, r == optional.none())", inputs: [{ sub: "a.b.c", qn: "example.com/x", lv: "ok", id: "123e4567-e89b-12d3-a456-426614174000", d: "2024-02-29" }, { sub: "A..b", qn: "x", lv: "ok", id: "123", d: "2023-02-29" }] },
  { id: "format-messages", covers: "validate error list in messageExpression", expression: "format.dns1035Label().validate(object.data.v) == optional.none()", inputs: [{ v: "abc" }, { v: "1abc" }], message: "'invalid: ' + format.dns1035Label().validate(object.data.v).value().join('; ')" },
  // Semver
  { id: "semver-compare", covers: "semver, isSemver, isGreaterThan, compareTo, major, minor, patch", expression: "isSemver(object.data.v) && semver(object.data.v).isGreaterThan(semver('1.2.0')) && semver(object.data.v).major() == 1 && semver(object.data.v).minor() >= 2 && semver(object.data.v).patch() >= 0 && semver(object.data.v).compareTo(semver('9.0.0')) < 0", inputs: [{ v: "1.10.3" }, { v: "1.1.0" }, { v: "v1.10" }] },
  { id: "semver-normalize", covers: "semver(s, normalize), isSemver(s, normalize)", expression: "isSemver(object.data.v, true) && semver(object.data.v, true).isLessThan(semver('2.0.0'))", inputs: [{ v: "v1.4" }, { v: "2.1" }, { v: "x.y" }] },
  // Strings v2
  { id: "strings-basic", covers: "charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, substring, trim", expression: "object.data.s.trim().lowerAscii().replace('-', '_').substring(0, 3) == 'abc' && object.data.s.charAt(1) == 'a' && object.data.s.indexOf('B') == 2 && object.data.s.lastIndexOf('-') >= 0 && 'x'.upperAscii() == 'X'", inputs: [{ s: " aBc-d " }, { s: "xyz" }] },
  { id: "strings-split-join", covers: "split, join, format, strings.quote", expression: "object.data.s.split(':').join('/') == 'a/b' && '%s-%d'.format(['x', 2]) == 'x-2' && strings.quote('a\"b') == '\"a\\\\\"b\"'", inputs: [{ s: "a:b" }, { s: "a:b:c" }] },
  { id: "strings-contains", covers: "contains, startsWith, endsWith, size", expression: "object.data.s.contains('mid') && object.data.s.startsWith('pre') && object.data.s.endsWith('post') && size(object.data.s) < 20", inputs: [{ s: "pre-mid-post" }, { s: "pre-post" }] },
  // Sets
  { id: "sets", covers: "sets.contains, sets.equivalent, sets.intersects", expression: "sets.contains(object.data.s.split(','), ['a']) && sets.intersects(object.data.s.split(','), ['z', 'b']) && !sets.equivalent(object.data.s.split(','), ['q'])", inputs: [{ s: "a,b" }, { s: "a,c" }] },
  // ext.Lists v3
  { id: "lists-v3", covers: "slice, flatten, distinct, lists.range, reverse, sort, sortBy", expression: "object.data.s.split(',').sort().distinct().reverse().slice(0, 2) == ['c', 'b'] && [[1], [2, 3]].flatten() == [1, 2, 3] && lists.range(3) == [0, 1, 2] && [{'n': 2}, {'n': 1}].sortBy(e, e.n)[0].n == 1", inputs: [{ s: "b,a,c,c" }, { s: "a,b" }] },
  // Two-variable comprehensions
  { id: "two-var", covers: "all(k, v), exists(i, v), existsOne, transformMap, transformList, transformMapEntry", expression: "object.data.all(k, v, v != '') && object.data.exists(k, v, k == 'a') && ['x', 'y'].existsOne(i, v, i == 1 && v == 'y') && object.data.transformMap(k, v, size(v)).all(k, n, n < 5) && ['a'].transformList(i, v, v + string(i)) == ['a0'] && {'k': 'v'}.transformMapEntry(k, v, {v: k}) == {'v': 'k'}", inputs: [{ a: "1", b: "22" }, { a: "", b: "x" }, { b: "123456" }] },
  // Optionals
  { id: "optionals", covers: "?. optional field, orValue, optional.of/none, hasValue, optMap, [?key]", expression: "object.?metadata.?labels.?tier.orValue('none') != 'frontend' && object.data[?'x'].optMap(v, size(v)).orValue(0) < 3 && optional.ofNonZeroValue(object.data.?y.orValue('')).hasValue() == has(object.data.y)", inputs: [{ x: "ab" }, { x: "abcd" }] },
  { id: "optionals-list", covers: "list.first, list.last (cel-go ≥ 0.23)", expression: "object.data.s.split(',').first().orValue('') == 'a' && object.data.s.split(',').last().orValue('') != 'z'", inputs: [{ s: "a,b" }, { s: "b,z" }] },
  // Core language
  { id: "cross-numeric", covers: "cross-type numeric comparison, double, uint", expression: "int(object.data.n) < 2.5 && uint(object.data.n) >= 1u && double(object.data.n) != 0.0", inputs: [{ n: "2" }, { n: "3" }, { n: "-1" }] },
  { id: "timestamps", covers: "timestamp, duration, getFullYear", expression: "timestamp(object.data.t) + duration('1h') > timestamp('2024-01-01T00:00:00Z') && timestamp(object.data.t).getFullYear() >= 2024 && duration(object.data.d) < duration('24h')", inputs: [{ t: "2024-06-01T10:00:00Z", d: "2h30m" }, { t: "2020-01-01T00:00:00Z", d: "1h" }, { t: "yesterday", d: "1h" }] },
  { id: "macros", covers: "has, in, map, filter, exists_one, all, exists, ternary", expression: "has(object.data.a) && ('b' in object.data ? object.data.b == 'ok' : true) && object.data.map(k, k).filter(k, k.startsWith('x')).size() <= 1 && object.data.exists_one(k, k == 'a')", inputs: [{ a: "1" }, { a: "1", b: "no" }, { b: "ok" }, { a: "1", x1: "", x2: "" }] },
  { id: "no-such-key", covers: "missing map key (runtime error)", expression: "object.data.required == 'yes'", inputs: [{ required: "yes" }, { other: "x" }] },
  { id: "divide-zero", covers: "division by zero (runtime error)", expression: "10 / int(object.data.n) > 1", inputs: [{ n: "2" }, { n: "0" }] },
  { id: "type-conversion", covers: "int(), string(), bool() conversions", expression: "int(object.data.n) + 1 == 3 && string(int(object.data.n)) == object.data.n && bool(object.data.b)", inputs: [{ n: "2", b: "true" }, { n: "2", b: "maybe" }] },
  { id: "bytes", covers: "bytes, size(bytes)", expression: "size(bytes(object.data.s)) == 4", inputs: [{ s: "abcd" }, { s: "é" }] },
  { id: "dyn-map", covers: "dyn, map literals, type()", expression: "type(object.data) == map && dyn(object.data.n) == '1'", inputs: [{ n: "1" }, { n: "2" }] },
]

function libGroups(): DiffGroup[] {
  return LIB.map((c) => ({
    id: `lib-${c.id}`,
    covers: c.covers.split(", "),
    policy: vap({ validations: [{ expression: c.expression, ...(c.message ? { messageExpression: c.message } : {}) }] }),
    // Each input as a CREATE and as an UPDATE of a stored ConfigMap (oldObject present).
    requests: c.inputs.flatMap((data, i): DiffRequest[] => [
      create(`in${i}`, cm(data)),
      { name: `up${i}`, operation: "UPDATE", object: cm(data), oldObject: cm({ previous: "true" }) },
    ]),
  }))
}

// ---------------------------------------------------------------- admission features

const FEATURES: DiffGroup[] = [
  {
    id: "msg-expression",
    covers: ["messageExpression", "message fallback", "failed expression default message"],
    policy: vap({
      validations: [
        { expression: "object.data.a == 'ok'", messageExpression: "'a is ' + object.data.a" },
        { expression: "object.data.b == 'ok'", message: "b must be ok" },
        { expression: "object.data.c == 'ok'" },
      ],
    }),
    requests: [
      create("all-ok", cm({ a: "ok", b: "ok", c: "ok" })),
      create("a-bad", cm({ a: "bad", b: "ok", c: "ok" })),
      create("b-bad", cm({ a: "ok", b: "bad", c: "ok" })),
      create("c-bad", cm({ a: "ok", b: "ok", c: "bad" })),
      create("all-bad", cm({ a: "x", b: "y", c: "z" })),
    ],
  },
  {
    id: "msg-expression-fallbacks",
    covers: ["messageExpression error falls back", "messageExpression empty/newline/non-string rules"],
    policy: vap({
      validations: [
        { expression: "object.data.v == 'ok'", messageExpression: "object.data.missing", message: "static fallback" },
        { expression: "object.data.w == 'ok'", messageExpression: "'  '", message: "blank fallback" },
        { expression: "object.data.x == 'ok'", messageExpression: "'line1\\nline2'", message: "newline fallback" },
      ],
    }),
    requests: [create("v-bad", cm({ v: "no", w: "ok", x: "ok" })), create("w-bad", cm({ v: "ok", w: "no", x: "ok" })), create("x-bad", cm({ v: "ok", w: "ok", x: "no" }))],
  },
  {
    id: "reasons",
    covers: ["reason Forbidden → 403", "reason RequestEntityTooLarge → 413", "default Invalid → 422"],
    policy: vap({
      validations: [
        { expression: "object.data.f != 'x'", reason: "Forbidden", message: "forbidden value" },
        { expression: "object.data.t != 'x'", reason: "RequestEntityTooLarge", message: "too large" },
        { expression: "object.data.i != 'x'", message: "invalid value" },
      ],
    }),
    requests: [create("forbidden", cm({ f: "x", t: "", i: "" })), create("too-large", cm({ f: "", t: "x", i: "" })), create("invalid", cm({ f: "", t: "", i: "x" })), create("fine", cm({ f: "", t: "", i: "" }))],
  },
  {
    id: "variables",
    covers: ["variables", "variables referencing variables", "variable evaluation error"],
    policy: vap({
      variables: [
        { name: "names", expression: "object.data.names.split(',')" },
        { name: "count", expression: "variables.names.size()" },
        { name: "first", expression: "variables.names[0]" },
        { name: "bad", expression: "object.data.nope" },
      ],
      validations: [
        { expression: "variables.count <= 3", messageExpression: "'too many names: ' + string(variables.count)" },
        { expression: "variables.first != 'root'" },
        { expression: "!has(object.data.useBad) || variables.bad == 'x'" },
      ],
    }),
    requests: [create("ok", cm({ names: "a,b" })), create("many", cm({ names: "a,b,c,d" })), create("root", cm({ names: "root" })), create("bad-var", cm({ names: "a", useBad: "1" }))],
  },
  {
    id: "actions-warn",
    covers: ["validationActions Warn"],
    policy: vap({ validations: [{ expression: "object.data.v == 'ok'", message: "v should be ok" }] }),
    binding: { validationActions: ["Warn"] },
    requests: [create("ok", cm({ v: "ok" })), create("warned", cm({ v: "no" }))],
  },
  {
    id: "actions-audit",
    covers: ["validationActions Audit", "audit annotation validation_failure"],
    policy: vap({ validations: [{ expression: "object.data.v == 'ok'", message: "v should be ok" }, { expression: "object.data.w == 'ok'" }] }),
    binding: { validationActions: ["Audit"] },
    requests: [create("ok", cm({ v: "ok", w: "ok" })), create("audited", cm({ v: "no", w: "no" }))],
  },
  {
    id: "actions-warn-audit",
    covers: ["validationActions Warn+Audit"],
    policy: vap({ validations: [{ expression: "object.data.v == 'ok'", messageExpression: "'v is ' + object.data.v" }] }),
    binding: { validationActions: ["Warn", "Audit"] },
    requests: [create("warned", cm({ v: "no" })), create("ok", cm({ v: "ok" }))],
  },
  {
    id: "actions-deny-audit",
    covers: ["validationActions Deny+Audit"],
    policy: vap({ validations: [{ expression: "object.data.v == 'ok'" }] }),
    binding: { validationActions: ["Deny", "Audit"] },
    requests: [create("denied", cm({ v: "no" }))],
  },
  {
    id: "two-bindings",
    covers: ["several bindings of one policy", "first denial reported"],
    policy: vap({ validations: [{ expression: "object.data.v == 'ok'", message: "v should be ok" }] }),
    binding: { validationActions: ["Warn"] },
    moreBindings: [{ validationActions: ["Deny"] }],
    requests: [create("denied", cm({ v: "no" })), create("ok", cm({ v: "ok" }))],
  },
  {
    id: "failure-ignore",
    covers: ["failurePolicy Ignore with evaluation errors"],
    policy: vap({ failurePolicy: "Ignore", validations: [{ expression: "object.data.n == 'x'" }, { expression: "int(object.data.i) > 0" }] }),
    requests: [create("missing-key", cm({ i: "1" })), create("bad-int", cm({ n: "x", i: "q" })), create("fails", cm({ n: "y", i: "1" }))],
  },
  {
    id: "failure-fail",
    covers: ["failurePolicy Fail with evaluation errors"],
    policy: vap({ validations: [{ expression: "object.data.n == 'x'" }] }),
    requests: [create("missing-key", cm({ other: "1" })), create("ok", cm({ n: "x" }))],
  },
  {
    id: "match-conditions",
    covers: ["matchConditions true/false", "matchConditions with request fields"],
    policy: vap({
      matchConditions: [
        { name: "opted-in", expression: "has(object.metadata.labels) && 'check' in object.metadata.labels" },
        { name: "not-system", expression: "!request.userInfo.username.startsWith('system:')" },
      ],
      validations: [{ expression: "object.data.v == 'ok'" }],
    }),
    requests: [create("opted-in-bad", cm({ v: "no" }, { check: "yes" })), create("not-opted-in", cm({ v: "no" })), create("opted-in-ok", cm({ v: "ok" }, { check: "yes" }))],
  },
  {
    id: "match-conditions-error",
    covers: ["matchConditions evaluation error with Fail", "matchCondition false wins over error"],
    policy: vap({
      matchConditions: [
        { name: "errors", expression: "object.data.required == 'x'" },
        { name: "gate", expression: "object.data.gate == 'on'" },
      ],
      validations: [{ expression: "true" }],
    }),
    requests: [create("error-gate-on", cm({ gate: "on" })), create("error-gate-off", cm({ gate: "off" })), create("no-error", cm({ required: "x", gate: "on" }))],
  },
  {
    id: "match-conditions-ignore",
    covers: ["matchConditions evaluation error with Ignore"],
    policy: vap({ failurePolicy: "Ignore", matchConditions: [{ name: "errors", expression: "object.data.required == 'x'" }], validations: [{ expression: "false" }] }),
    requests: [create("error", cm({ a: "1" })), create("matches", cm({ required: "x" }))],
  },
  {
    id: "audit-annotations",
    covers: ["auditAnnotations publish, null, empty"],
    policy: vap({
      validations: [{ expression: "true" }],
      auditAnnotations: [
        { key: "size", valueExpression: "string(size(object.data))" },
        { key: "maybe", valueExpression: "has(object.data.m) ? object.data.m : null" },
        { key: "blank", valueExpression: "'   '" },
      ],
    }),
    requests: [create("with-m", cm({ m: "hello", x: "1" })), create("without-m", cm({ x: "1" }))],
  },
  {
    id: "audit-annotations-error",
    covers: ["auditAnnotations evaluation error denies (Fail)"],
    policy: vap({ auditAnnotations: [{ key: "value", valueExpression: "object.data.required" }] }),
    requests: [create("error", cm({ x: "1" })), create("ok", cm({ required: "r" }))],
  },
  {
    id: "operations-update",
    covers: ["oldObject", "UPDATE", "immutable field"],
    policy: vap({ matchConstraints: { resourceRules: [rule("configmaps", "", ["UPDATE"])] }, validations: [{ expression: "object.data.owner == oldObject.data.owner", messageExpression: "'owner is immutable (was ' + oldObject.data.owner + ')'" }] }),
    requests: [
      { name: "same-owner", operation: "UPDATE", object: cm({ owner: "a", v: "2" }), oldObject: cm({ owner: "a", v: "1" }) },
      { name: "changed-owner", operation: "UPDATE", object: cm({ owner: "b" }), oldObject: cm({ owner: "a" }) },
      create("create-ignored", cm({ owner: "x" })),
    ],
  },
  {
    id: "operations-delete",
    covers: ["DELETE", "oldObject on DELETE", "object is null on DELETE"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("configmaps", "", ["DELETE"])] },
      validations: [{ expression: "object == null && !(has(oldObject.metadata.labels) && 'protected' in oldObject.metadata.labels)", messageExpression: "'ConfigMap ' + oldObject.metadata.name + ' is protected'" }],
    }),
    requests: [
      { name: "protected", operation: "DELETE", oldObject: cm({ a: "1" }, { protected: "true" }) },
      { name: "unprotected", operation: "DELETE", oldObject: cm({ a: "1" }) },
    ],
  },
  {
    id: "request-fields",
    covers: ["request.operation, kind, resource, name, namespace, dryRun, options"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("configmaps", "", ["CREATE", "UPDATE"])] },
      validations: [
        { expression: "request.operation == 'CREATE' ? request.kind.kind == 'ConfigMap' && request.resource.resource == 'configmaps' && request.kind.version == 'v1' : true" },
        { expression: "request.name == object.metadata.name && request.namespace == object.metadata.namespace" },
        { expression: "request.dryRun == true", message: "only dry runs" },
        { expression: "request.options.kind == (request.operation == 'CREATE' ? 'CreateOptions' : 'UpdateOptions')" },
        { expression: "!has(request.subResource) || request.subResource == ''" },
      ],
    }),
    requests: [create("create", cm({ a: "1" })), { name: "update", operation: "UPDATE", object: cm({ a: "2" }), oldObject: cm({ a: "1" }) }],
  },
  {
    id: "userinfo",
    covers: ["request.userInfo.username, groups", "impersonated user"],
    policy: vap({ validations: [{ expression: "request.userInfo.username != 'alice' || object.data.owner == 'alice'", messageExpression: "request.userInfo.username + ' may only create own ConfigMaps (groups: ' + request.userInfo.groups.join(',') + ')'" }, { expression: "!('team-a' in request.userInfo.groups) || has(object.metadata.labels) && object.metadata.labels['team'] == 'a'" }] }),
    requests: [
      create("alice-own", cm({ owner: "alice" }, { team: "a" }), { user: "alice" }),
      create("alice-other", cm({ owner: "bob" }, { team: "a" }), { user: "alice" }),
      create("alice-unlabelled", cm({ owner: "alice" }), { user: "alice" }),
      create("admin", cm({ owner: "bob" })),
    ],
  },
  {
    id: "authorizer",
    covers: ["authorizer.group().resource().check()", "authorizer.requestResource", "authorizer.serviceAccount", "decision reason"],
    policy: vap({
      validations: [
        { expression: "authorizer.group('').resource('secrets').namespace(object.metadata.namespace).check('list').allowed()", message: "you may not list secrets here" },
        { expression: "authorizer.requestResource.check('create').allowed()" },
        { expression: "authorizer.path('/healthz').check('get').allowed() || true" },
        { expression: "authorizer.serviceAccount('kube-system', 'default').group('').resource('pods').check('get').errored() == false" },
      ],
    }),
    requests: [create("admin", cm({ a: "1" })), create("alice", cm({ a: "1" }), { user: "alice" })],
  },
  {
    id: "namespace-object",
    covers: ["namespaceObject labels, annotations, name, status"],
    namespaceLabels: { env: "prod", tier: "gold" },
    namespaceAnnotations: { owner: "platform" },
    policy: vap({
      validations: [
        { expression: "namespaceObject.metadata.labels['env'] != 'prod' || has(object.metadata.labels) && 'approved' in object.metadata.labels", messageExpression: "'namespace ' + namespaceObject.metadata.name + ' is prod (owner ' + namespaceObject.metadata.annotations['owner'] + ')'" },
        { expression: "namespaceObject.status.phase == 'Active'" },
      ],
    }),
    requests: [create("unapproved", cm({ a: "1" })), create("approved", cm({ a: "1" }, { approved: "yes" }))],
  },
  {
    id: "namespace-selector",
    covers: ["matchConstraints.namespaceSelector"],
    namespaceLabels: { env: "dev" },
    policy: vap({ matchConstraints: { resourceRules: [rule("configmaps")], namespaceSelector: { matchExpressions: [{ key: "env", operator: "In", values: ["prod"] }] } }, validations: [{ expression: "false" }] }),
    requests: [create("not-selected", cm({ a: "1" }))],
  },
  {
    id: "namespace-selector-hit",
    covers: ["matchConstraints.namespaceSelector matches"],
    namespaceLabels: { env: "prod" },
    policy: vap({ matchConstraints: { resourceRules: [rule("configmaps")], namespaceSelector: { matchLabels: { env: "prod" } } }, validations: [{ expression: "false", message: "prod is frozen" }] }),
    requests: [create("selected", cm({ a: "1" }))],
  },
  {
    id: "object-selector",
    covers: ["matchConstraints.objectSelector"],
    policy: vap({ matchConstraints: { resourceRules: [rule("configmaps")], objectSelector: { matchExpressions: [{ key: "checked", operator: "Exists" }] } }, validations: [{ expression: "object.data.v == 'ok'" }] }),
    requests: [create("checked-bad", cm({ v: "no" }, { checked: "" })), create("unchecked-bad", cm({ v: "no" }))],
  },
  {
    id: "resource-names",
    covers: ["resourceNames"],
    policy: vap({ matchConstraints: { resourceRules: [{ ...rule("configmaps"), resourceNames: ["special"] }] }, validations: [{ expression: "false", message: "special is read-only" }] }),
    requests: [create("special", cm({ a: "1" })), create("other", cm({ a: "1" }))],
  },
  {
    id: "exclude-rules",
    covers: ["excludeResourceRules"],
    policy: vap({ matchConstraints: { resourceRules: [rule("*")], excludeResourceRules: [{ ...rule("configmaps"), resourceNames: ["excluded"] }] }, validations: [{ expression: "false", message: "everything else is denied" }] }),
    requests: [create("excluded", cm({ a: "1" })), create("included", cm({ a: "1" }))],
  },
  {
    id: "binding-match-resources",
    covers: ["binding matchResources narrows the policy"],
    policy: vap({ validations: [{ expression: "false", message: "denied by the binding's scope" }] }),
    binding: { matchResources: { objectSelector: { matchLabels: { scope: "in" } } } },
    requests: [create("in-scope", cm({ a: "1" }, { scope: "in" })), create("out-of-scope", cm({ a: "1" }, { scope: "out" }))],
  },
  {
    id: "operation-filter",
    covers: ["operations CREATE only"],
    policy: vap({ matchConstraints: { resourceRules: [rule("configmaps", "", ["CREATE"])] }, validations: [{ expression: "false", message: "create denied" }] }),
    requests: [create("create", cm({ a: "1" })), { name: "update", operation: "UPDATE", object: cm({ a: "2" }), oldObject: cm({ a: "1" }) }],
  },
  {
    id: "params-configmap",
    covers: ["params (ConfigMap, paramRef.name)", "params in messageExpression"],
    policy: vap({
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      validations: [{ expression: "object.data.size() <= int(params.data.maxKeys)", messageExpression: "'at most ' + params.data.maxKeys + ' keys (params ' + params.metadata.name + ')'" }],
    }),
    binding: { paramRef: { name: "limits", parameterNotFoundAction: "Deny" } },
    params: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "limits" }, data: { maxKeys: "2" } }],
    requests: [create("two", cm({ a: "1", b: "2" })), create("three", cm({ a: "1", b: "2", c: "3" }))],
  },
  {
    id: "params-missing-deny",
    covers: ["parameterNotFoundAction Deny with no param"],
    policy: vap({ paramKind: { apiVersion: "v1", kind: "ConfigMap" }, validations: [{ expression: "true" }] }),
    binding: { paramRef: { name: "does-not-exist", parameterNotFoundAction: "Deny" } },
    requests: [create("no-param", cm({ a: "1" }))],
  },
  {
    id: "params-missing-allow",
    covers: ["parameterNotFoundAction Allow with no param"],
    policy: vap({ paramKind: { apiVersion: "v1", kind: "ConfigMap" }, validations: [{ expression: "false" }] }),
    binding: { paramRef: { name: "does-not-exist", parameterNotFoundAction: "Allow" } },
    requests: [create("no-param", cm({ a: "1" }))],
  },
  {
    id: "params-selector",
    covers: ["paramRef.selector with several params (ANDed)", "params.data"],
    policy: vap({ paramKind: { apiVersion: "v1", kind: "ConfigMap" }, validations: [{ expression: "!(params.data.forbidden in object.data)", messageExpression: "'key ' + params.data.forbidden + ' is forbidden'" }] }),
    binding: { paramRef: { selector: { matchLabels: { "policy-lab.test/param": "forbidden-keys" } }, parameterNotFoundAction: "Allow" } },
    params: [
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "forbid-a", labels: { "policy-lab.test/param": "forbidden-keys" } }, data: { forbidden: "a" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "forbid-b", labels: { "policy-lab.test/param": "forbidden-keys" } }, data: { forbidden: "b" } },
    ],
    requests: [create("has-a", cm({ a: "1" })), create("has-b", cm({ b: "1" })), create("clean", cm({ c: "1" }))],
  },
  {
    id: "params-null",
    covers: ["paramKind without paramRef: params is null"],
    policy: vap({ paramKind: { apiVersion: "v1", kind: "ConfigMap" }, validations: [{ expression: "params == null" }] }),
    requests: [create("null-params", cm({ a: "1" }))],
  },
  {
    id: "cost-per-call",
    covers: ["per-expression cost limit exceeded"],
    policy: vap({ validations: [{ expression: "lists.range(int(object.data.n)).all(i, lists.range(int(object.data.n)).all(j, i + j >= 0))" }] }),
    requests: [create("small", cm({ n: "10" })), create("huge", cm({ n: "1200" }))],
  },
  {
    id: "cost-budget",
    covers: ["runtime budget (10M) exhausted across validations"],
    policy: vap({
      validations: Array.from({ length: 14 }, () => ({ expression: "lists.range(int(object.data.n)).all(i, lists.range(int(object.data.n)).all(j, i >= 0))" })),
    }),
    requests: [create("under", cm({ n: "50" })), create("over", cm({ n: "500" }))],
  },
  {
    id: "cost-match-conditions",
    covers: ["matchConditions budget (2.5M)"],
    policy: vap({
      matchConditions: Array.from({ length: 4 }, (_, i) => ({ name: `c${i}`, expression: "lists.range(int(object.data.n)).all(i, lists.range(int(object.data.n)).all(j, i >= 0))" })),
      validations: [{ expression: "true" }],
    }),
    requests: [create("under", cm({ n: "100" })), create("over", cm({ n: "450" }))],
  },
  {
    id: "reserved-keyword-field",
    covers: ["request.namespace (reserved word as field)"],
    policy: vap({ validations: [{ expression: "request.namespace.startsWith('pl-')" }] }),
    requests: [create("ok", cm({ a: "1" }))],
  },
]

// ---------------------------------------------------------------- write-time rejections

const REJECTED: DiffGroup[] = [
  { id: "reject-syntax", covers: ["compile error: syntax"], policy: vap({ validations: [{ expression: "object.data.a ==" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-undeclared", covers: ["compile error: undeclared reference"], policy: vap({ validations: [{ expression: "params.x == 1" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-no-overload", covers: ["compile error: no matching overload"], policy: vap({ validations: [{ expression: "'a' + 1 == 'a1'" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-return-type", covers: ["compile error: must evaluate to bool"], policy: vap({ validations: [{ expression: "object.data.size()" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-message-expression", covers: ["messageExpression compile error", "messageExpression must be string"], policy: vap({ validations: [{ expression: "true", messageExpression: "1 + 1" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-includes-1-37", covers: ["includes not writable on 1.37 (compatibility 1.36)"], policy: vap({ validations: [{ expression: "[1, 2].includes(1)" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-bad-regex-literal", covers: ["regex literal validator"], policy: vap({ validations: [{ expression: "object.data.a.matches('(')" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-bad-duration-literal", covers: ["duration literal validator"], policy: vap({ validations: [{ expression: "duration('1 hour') > duration('1h')" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-mixed-list", covers: ["homogeneous aggregate literals"], policy: vap({ validations: [{ expression: "[1, 'a'].size() == 2" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-variable-name", covers: ["variable name must be a CEL identifier"], policy: vap({ variables: [{ name: "my-var", expression: "1" }], validations: [{ expression: "true" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-authorizer-in-message", covers: ["authorizer not declared in messageExpression"], policy: vap({ validations: [{ expression: "true", messageExpression: "string(authorizer.group('').resource('pods').check('get').allowed())" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-variables-in-match-condition", covers: ["variables not declared in matchConditions"], policy: vap({ variables: [{ name: "x", expression: "1" }], matchConditions: [{ name: "m", expression: "variables.x == 1" }], validations: [{ expression: "true" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-reason", covers: ["unsupported reason"], policy: vap({ validations: [{ expression: "true", reason: "Conflict" }] }), rejectedAtWrite: true, requests: [] },
  { id: "reject-math-ext", covers: ["math extension not enabled"], policy: vap({ validations: [{ expression: "math.greatest(1, 2) == 2" }] }), rejectedAtWrite: true, requests: [] },
]

// ---------------------------------------------------------------- built-in kinds with defaulting

const podSpec = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  containers: [{ name: "app", image: "registry.example.com/app:1.2", ...container }],
  ...extra,
})
const pod = (spec: Record<string, unknown>, labels?: Record<string, string>): K8sObject => ({ apiVersion: "v1", kind: "Pod", metadata: { ...(labels ? { labels } : {}) }, spec })
const deployment = (spec: Record<string, unknown>, podSpecValue: Record<string, unknown>, labels?: Record<string, string>): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { ...(labels ? { labels } : {}) },
  spec: { selector: { matchLabels: { app: "x" } }, template: { metadata: { labels: { app: "x" } }, spec: podSpecValue }, ...spec },
})

const BUILTIN: DiffGroup[] = [
  {
    id: "pod-security",
    covers: ["Pod", "containers.all", "securityContext", "hostNetwork"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("pods")] },
      validations: [
        { expression: "object.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || !c.securityContext.privileged)", message: "privileged containers are not allowed" },
        { expression: "!has(object.spec.hostNetwork) || !object.spec.hostNetwork", message: "hostNetwork is not allowed" },
        { expression: "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))", messageExpression: "'images must come from registry.example.com: ' + object.spec.containers.map(c, c.image).join(', ')" },
      ],
    }),
    requests: [
      create("good", pod(podSpec())),
      create("privileged", pod(podSpec({}, { securityContext: { privileged: true } }))),
      create("host-network", pod(podSpec({ hostNetwork: true }))),
      create("foreign-image", pod({ containers: [{ name: "a", image: "docker.io/busybox" }, { name: "b", image: "registry.example.com/b:1" }] })),
    ],
  },
  {
    id: "pod-defaults",
    covers: ["defaulting: imagePullPolicy, restartPolicy, dnsPolicy, terminationMessagePath"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("pods")] },
      validations: [
        { expression: "object.spec.containers.all(c, c.imagePullPolicy == 'Always')", messageExpression: "'imagePullPolicy: ' + object.spec.containers.map(c, c.imagePullPolicy).join(',')" },
        { expression: "object.spec.restartPolicy == 'Always' && object.spec.dnsPolicy == 'ClusterFirst' && object.spec.schedulerName == 'default-scheduler'" },
        { expression: "object.spec.containers.all(c, c.terminationMessagePath == '/dev/termination-log')" },
      ],
    }),
    requests: [create("latest", pod({ containers: [{ name: "a", image: "nginx:latest" }] })), create("tagged", pod({ containers: [{ name: "a", image: "nginx:1.27" }] })), create("untagged", pod({ containers: [{ name: "a", image: "nginx" }] }))],
  },
  {
    id: "pod-resources",
    covers: ["Pod resources", "quantity on container limits", "has() on nested fields"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("pods")] },
      validations: [{ expression: "object.spec.containers.all(c, has(c.resources.limits) && 'memory' in c.resources.limits && quantity(c.resources.limits.memory).isLessThan(quantity('1Gi')))", message: "every container needs a memory limit below 1Gi" }],
    }),
    requests: [
      create("limited", pod(podSpec({}, { resources: { limits: { memory: "256Mi" } } }))),
      create("big", pod(podSpec({}, { resources: { limits: { memory: "4Gi" } } }))),
      create("none", pod(podSpec())),
    ],
  },
  {
    id: "pod-admission-plugins",
    covers: ["objects after built-in mutating admission (Priority, DefaultTolerationSeconds)"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("pods", "", ["CREATE"])] },
      validations: [
        { expression: "object.spec.priority == 0 && object.spec.preemptionPolicy == 'PreemptLowerPriority'" },
        { expression: "object.spec.tolerations.exists(t, t.key == 'node.kubernetes.io/not-ready' && t.tolerationSeconds == 300)" },
      ],
    }),
    requests: [create("plain", pod(podSpec()))],
  },
  {
    id: "pod-registry-fields",
    covers: ["fields the registry sets before validating admission (uid, creationTimestamp, status)"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("pods", "", ["CREATE"])] },
      validations: [{ expression: "has(object.metadata.uid) && has(object.metadata.creationTimestamp)" }, { expression: "has(object.status.phase) && object.status.phase == 'Pending'" }],
    }),
    requests: [create("plain", pod(podSpec()), { known: "The registry fills metadata.uid, metadata.creationTimestamp and Pod status (phase Pending, qosClass) after mutating and before validating admission; the lab evaluates the object as it leaves mutating admission." })],
  },
  {
    id: "deployment-replicas",
    covers: ["Deployment", "defaulting: replicas, strategy, revisionHistoryLimit", "apps/v1 matching"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("deployments", "apps")] },
      variables: [{ name: "replicas", expression: "object.spec.replicas" }],
      validations: [
        { expression: "variables.replicas <= 5", messageExpression: "'Deployment ' + object.metadata.name + ' asks for ' + string(variables.replicas) + ' replicas (max 5)'" },
        { expression: "object.spec.strategy.type == 'RollingUpdate' && object.spec.revisionHistoryLimit == 10 && object.spec.progressDeadlineSeconds == 600" },
      ],
    }),
    requests: [create("default-replicas", deployment({}, podSpec())), create("three", deployment({ replicas: 3 }, podSpec())), create("ten", deployment({ replicas: 10 }, podSpec()))],
  },
  {
    id: "deployment-labels",
    covers: ["required labels", "labels map checks", "matchPolicy Equivalent"],
    policy: vap({
      matchConstraints: { matchPolicy: "Equivalent", resourceRules: [rule("deployments", "apps", ["CREATE", "UPDATE"], "*")] },
      validations: [{ expression: "has(object.metadata.labels) && ['team', 'app.kubernetes.io/name'].all(l, l in object.metadata.labels && object.metadata.labels[l] != '')", messageExpression: "'missing labels on ' + object.metadata.name" }],
    }),
    requests: [create("labelled", deployment({}, podSpec(), { team: "a", "app.kubernetes.io/name": "x" })), create("unlabelled", deployment({}, podSpec()))],
  },
  {
    id: "service-type",
    covers: ["Service", "defaulting: type ClusterIP, sessionAffinity, ports protocol"],
    policy: vap({
      matchConstraints: { resourceRules: [rule("services")] },
      validations: [
        { expression: "object.spec.type != 'LoadBalancer'", message: "LoadBalancer Services need approval" },
        { expression: "object.spec.ports.all(p, p.protocol == 'TCP') && object.spec.sessionAffinity == 'None'" },
      ],
    }),
    requests: [
      create("cluster-ip", { apiVersion: "v1", kind: "Service", metadata: {}, spec: { selector: { app: "x" }, ports: [{ port: 80 }] } }),
      create("lb", { apiVersion: "v1", kind: "Service", metadata: {}, spec: { type: "LoadBalancer", selector: { app: "x" }, ports: [{ port: 80 }] } }),
      create("udp", { apiVersion: "v1", kind: "Service", metadata: {}, spec: { selector: { app: "x" }, ports: [{ port: 53, protocol: "UDP" }] } }),
    ],
  },
  {
    id: "namespace-kind",
    covers: ["cluster-scoped Namespace", "namespaceObject is null for namespaces"],
    policy: vap({
      matchConstraints: { resourceRules: [{ ...rule("namespaces"), scope: "Cluster" }] },
      validations: [{ expression: "namespaceObject == null && has(object.metadata.labels) && 'owner' in object.metadata.labels", message: "namespaces need an owner label" }],
    }),
    requests: [create("owned", { apiVersion: "v1", kind: "Namespace", metadata: { labels: { owner: "me" } } }), create("unowned", { apiVersion: "v1", kind: "Namespace", metadata: {} })],
  },
  {
    id: "secret-scope",
    covers: ["scope Namespaced vs Cluster rules"],
    policy: vap({ matchConstraints: { resourceRules: [{ ...rule("configmaps"), scope: "Cluster" }] }, validations: [{ expression: "false" }] }),
    requests: [create("namespaced-not-matched", cm({ a: "1" }))],
  },
]

// ---------------------------------------------------------------- MutatingAdmissionPolicy

const MAP_GROUPS: DiffGroup[] = [
  {
    id: "map-apply-labels",
    covers: ["MAP ApplyConfiguration", "Object{} initializers", "metadata.labels merge"],
    policy: map({ mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'managed-by': 'policy-lab'}}}" } }] }),
    requests: [create("no-labels", cm({ a: "1" })), create("with-labels", cm({ a: "1" }, { team: "a" }))],
  },
  {
    id: "map-json-patch",
    covers: ["MAP JSONPatch add/replace", "JSONPatch{} values", "jsonpatch.escapeKey"],
    policy: map({
      mutations: [
        {
          patchType: "JSONPatch",
          jsonPatch: {
            expression:
              "[JSONPatch{op: 'add', path: '/metadata/annotations', value: {}}, JSONPatch{op: 'add', path: '/metadata/annotations/' + jsonpatch.escapeKey('example.com/added'), value: 'yes'}, JSONPatch{op: has(object.data.count) ? 'replace' : 'add', path: '/data/count', value: string(has(object.data.count) ? int(object.data.count) + 1 : 1)}]",
          },
        },
      ],
    }),
    requests: [create("fresh", cm({ a: "1" })), create("counted", cm({ count: "4" }))],
  },
  {
    id: "map-json-patch-test",
    covers: ["JSONPatch test op failure skips the patch without error", "JSONPatch remove"],
    policy: map({ mutations: [{ patchType: "JSONPatch", jsonPatch: { expression: "[JSONPatch{op: 'test', path: '/data/mode', value: 'strip'}, JSONPatch{op: 'remove', path: '/data/secret'}]" } }] }),
    requests: [create("strip", cm({ mode: "strip", secret: "x" })), create("keep", cm({ mode: "keep", secret: "x" }))],
  },
  {
    id: "map-json-patch-error",
    covers: ["JSONPatch error (remove missing path) with Fail"],
    policy: map({ mutations: [{ patchType: "JSONPatch", jsonPatch: { expression: "[JSONPatch{op: 'remove', path: '/data/missing'}]" } }] }),
    requests: [create("missing", cm({ a: "1" }))],
  },
  {
    id: "map-ignore",
    covers: ["MAP failurePolicy Ignore"],
    policy: map({ failurePolicy: "Ignore", mutations: [{ patchType: "JSONPatch", jsonPatch: { expression: "[JSONPatch{op: 'remove', path: '/data/missing'}]" } }] }),
    requests: [create("ignored", cm({ a: "1" }))],
  },
  {
    id: "map-pod-containers",
    covers: ["MAP ApplyConfiguration merges containers by name", "Pod defaults after mutation"],
    policy: map({
      matchConstraints: { resourceRules: [rule("pods", "", ["CREATE"])] },
      mutations: [
        {
          patchType: "ApplyConfiguration",
          applyConfiguration: { expression: "Object{spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, securityContext: Object.spec.containers.securityContext{allowPrivilegeEscalation: false}})}}" },
        },
      ],
    }),
    requests: [create("two-containers", pod({ containers: [{ name: "a", image: "registry.example.com/a:1" }, { name: "b", image: "registry.example.com/b:1" }] }))],
  },
  {
    id: "map-variables-params",
    covers: ["MAP variables", "MAP params", "matchConditions"],
    policy: map({
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      matchConditions: [{ name: "opt-in", expression: "has(object.metadata.labels) && object.metadata.labels['inject'] == 'true'" }],
      variables: [{ name: "owner", expression: "params.data.owner" }],
      mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.metadata{annotations: {'owner': variables.owner}}}" } }],
    }),
    binding: { paramRef: { name: "owner", parameterNotFoundAction: "Deny" } },
    params: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "owner" }, data: { owner: "platform-team" } }],
    requests: [create("opted-in", cm({ a: "1" }, { inject: "true" })), create("not-opted-in", cm({ a: "1" }))],
  },
  {
    id: "map-type-mismatch",
    covers: ["ApplyConfiguration type name mismatch error"],
    policy: map({ mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.spec{labels: {'a': 'b'}}}" } }] }),
    requests: [create("mismatch", cm({ a: "1" }))],
  },
  {
    id: "map-reinvocation",
    covers: ["reinvocationPolicy IfNeeded", "idempotent mutation"],
    policy: map({
      reinvocationPolicy: "IfNeeded",
      mutations: [{ patchType: "JSONPatch", jsonPatch: { expression: "[JSONPatch{op: 'add', path: '/data/visits', value: string(has(object.data.visits) ? int(object.data.visits) + 1 : 1)}]" } }],
    }),
    requests: [create("counts", cm({ a: "1" }))],
  },
  {
    id: "map-update",
    covers: ["MAP on UPDATE with oldObject"],
    policy: map({
      matchConstraints: { resourceRules: [rule("configmaps", "", ["UPDATE"])] },
      mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.metadata{annotations: {'previous': oldObject.data.v}}}" } }],
    }),
    requests: [{ name: "update", operation: "UPDATE", object: cm({ v: "2" }), oldObject: cm({ v: "1" }) }],
  },
  {
    id: "map-deployment-replicas",
    covers: ["MAP on Deployment: cap replicas", "JSONPatch on typed object"],
    policy: map({
      matchConstraints: { resourceRules: [rule("deployments", "apps", ["CREATE"])] },
      mutations: [{ patchType: "JSONPatch", jsonPatch: { expression: "object.spec.replicas > 5 ? [JSONPatch{op: 'replace', path: '/spec/replicas', value: 5}] : []" } }],
    }),
    requests: [create("ten", deployment({ replicas: 10 }, podSpec())), create("two", deployment({ replicas: 2 }, podSpec()))],
  },
]

// ---------------------------------------------------------------- CRD x-kubernetes-validations

function crd(id: string, specProps: Record<string, unknown>, specRules: Record<string, unknown>[] = [], required: string[] = []): K8sObject {
  const group = `${id}.policy-lab.test`
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `gadgets.${group}` },
    spec: {
      group,
      names: { kind: "Gadget", listKind: "GadgetList", plural: "gadgets", singular: "gadget" },
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: { spec: { type: "object", ...(required.length ? { required } : {}), properties: specProps, ...(specRules.length ? { "x-kubernetes-validations": specRules } : {}) } },
            },
          },
        },
      ],
    },
  }
}

const gadget = (id: string, spec: Record<string, unknown>): K8sObject => ({ apiVersion: `${id}.policy-lab.test/v1`, kind: "Gadget", metadata: {}, spec })

const CRD_GROUPS: DiffGroup[] = [
  {
    id: "crd-rules",
    covers: ["CRD x-kubernetes-validations", "messageExpression", "reason and fieldPath", "defaulting before validation"],
    policy: crd(
      "crd-rules",
      { min: { type: "integer", default: 0 }, max: { type: "integer" }, mode: { type: "string", enum: ["fast", "safe"] } },
      [
        { rule: "self.min <= self.max", messageExpression: "'min ' + string(self.min) + ' is above max ' + string(self.max)" },
        { rule: "self.mode != 'fast' || self.max <= 10", message: "fast mode allows max 10", reason: "FieldValueForbidden", fieldPath: ".max" },
      ],
      ["max"],
    ),
    requests: [
      create("ok", gadget("crd-rules", { min: 1, max: 5 })),
      create("min-above-max", gadget("crd-rules", { min: 9, max: 5 })),
      create("defaulted-min", gadget("crd-rules", { max: 3 })),
      create("fast-too-big", gadget("crd-rules", { max: 50, mode: "fast" })),
      create("bad-enum-skips-cel", gadget("crd-rules", { min: 9, max: 5, mode: "turbo" })),
      create("missing-required", gadget("crd-rules", { min: 1 })),
    ],
  },
  {
    id: "crd-old-self",
    covers: ["oldSelf transition rules", "optionalOldSelf"],
    policy: crd("crd-old-self", {
      owner: { type: "string", "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "owner is immutable" }] },
      replicas: { type: "integer", "x-kubernetes-validations": [{ rule: "!oldSelf.hasValue() || self >= oldSelf.value()", message: "replicas may only grow", optionalOldSelf: true }] },
      tier: { type: "string", "x-kubernetes-validations": [{ rule: "self in ['gold', 'silver']", message: "tier must be gold or silver" }] },
    }),
    requests: [
      { name: "same-owner", operation: "UPDATE", object: gadget("crd-old-self", { owner: "a", replicas: 3 }), oldObject: gadget("crd-old-self", { owner: "a", replicas: 2 }) },
      { name: "changed-owner", operation: "UPDATE", object: gadget("crd-old-self", { owner: "b" }), oldObject: gadget("crd-old-self", { owner: "a" }) },
      { name: "shrink", operation: "UPDATE", object: gadget("crd-old-self", { replicas: 1 }), oldObject: gadget("crd-old-self", { replicas: 2 }) },
      create("create-any-replicas", gadget("crd-old-self", { replicas: 1 })),
      { name: "tier-change", operation: "UPDATE", object: gadget("crd-old-self", { tier: "silver", owner: "x" }), oldObject: gadget("crd-old-self", { tier: "gold", owner: "x" }) },
      create("tier-bad", gadget("crd-old-self", { tier: "bronze" })),
    ],
  },
  {
    id: "crd-libraries",
    covers: ["CRD rules with Kubernetes libraries (url, quantity, ip, format)"],
    policy: crd(
      "crd-libraries",
      { endpoint: { type: "string", maxLength: 256 }, memory: { type: "string", maxLength: 32 }, address: { type: "string", maxLength: 64 } },
      [
        { rule: "!has(self.endpoint) || isURL(self.endpoint) && url(self.endpoint).getScheme() == 'https'", message: "endpoint must be an https URL" },
        { rule: "!has(self.memory) || quantity(self.memory).isLessThan(quantity('8Gi'))", message: "memory must be below 8Gi" },
        { rule: "!has(self.address) || isIP(self.address) && ip(self.address).family() == 4", message: "address must be IPv4" },
      ],
    ),
    requests: [
      create("ok", gadget("crd-libraries", { endpoint: "https://example.com", memory: "1Gi", address: "10.0.0.1" })),
      create("http", gadget("crd-libraries", { endpoint: "http://example.com" })),
      create("too-much-memory", gadget("crd-libraries", { memory: "16Gi" })),
      create("ipv6", gadget("crd-libraries", { address: "::1" })),
    ],
  },
  {
    id: "crd-reject-cost",
    covers: ["CRD estimated cost limit (write time)"],
    policy: crd("crd-reject-cost", { items: { type: "array", items: { type: "string" } } }, [{ rule: "self.items.all(a, self.items.all(b, a != b || a == b))" }]),
    rejectedAtWrite: true,
    requests: [],
  },
  {
    id: "crd-reject-compile",
    covers: ["CRD rule compile error (write time)"],
    policy: crd("crd-reject-compile", { a: { type: "string" } }, [{ rule: "self.b == 'x'" }]),
    rejectedAtWrite: true,
    requests: [],
  },
]

export const DIFFERENTIAL_GROUPS: DiffGroup[] = [...libGroups(), ...FEATURES, ...REJECTED, ...BUILTIN, ...MAP_GROUPS, ...CRD_GROUPS]

export const DIFFERENTIAL_CRDS: K8sObject[] = CRD_GROUPS.filter((g) => !g.rejectedAtWrite).map((g) => g.policy)

export function corpusSize(): { groups: number; requests: number; rejected: number } {
  const requests = DIFFERENTIAL_GROUPS.reduce((n, g) => n + g.requests.length, 0)
  const rejected = DIFFERENTIAL_GROUPS.filter((g) => g.rejectedAtWrite).length
  return { groups: DIFFERENTIAL_GROUPS.length, requests, rejected }
}
